"""A draft file read back whole, for tests that check what a command or the app saved."""

from __future__ import annotations

from pathlib import Path

from policy_model import toml_io
from policy_model.draft import Draft
from policy_model.problems import ProblemsError


def load_draft(path: Path) -> Draft:
    """The draft, or ProblemsError carrying every error (warnings are not fatal)."""
    loaded = toml_io.load(path)
    if loaded.draft is None:
        raise ProblemsError(loaded.problems)
    return loaded.draft
