"""Completions recorded as the command line records them, for tests of what a file holds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from policy_model.draft import Draft, Employee
from policy_model.training_import import CompletionImport, apply_import, read_completions


def import_completions(draft: Draft, path: Path, people: list[Employee], *, today: date,
                       session: str | None = None) -> CompletionImport:
    """Read a completions file and record what it holds, as `training import` does."""
    result = read_completions(path, draft, people, today=today, session=session)
    apply_import(draft, result)
    return result
