"""Shared fixtures: the bundled example copied to a temporary folder, so tests can change it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from .drafts import load_draft

# Property tests explore new inputs on every local run; in CI (.ci/run sets CI=1) they replay a
# fixed set, so a merge is judged on the code, not on which inputs came up that time. An input
# found locally is kept in .hypothesis/ and replayed until fixed.
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "regional-bank.toml"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def example_draft(tmp_path: Path) -> Path:
    """A private copy of the example draft and its roster snapshot; returns the draft's path."""
    for source in EXAMPLE.parent.glob("regional-bank.*"):
        shutil.copy(source, tmp_path / source.name)
    return tmp_path / EXAMPLE.name


@pytest.fixture
def export_draft(tmp_path: Path) -> Path:
    """The example bank with clauses, channels and training filled in, for export tests."""
    for source in (DATA / "export").glob("policy.*"):
        shutil.copy(source, tmp_path / source.name)
    return tmp_path / "policy.toml"


def without_training(path: Path) -> Path:
    """The example as before any training was planned, for tests that plan it themselves."""
    from policy_model import toml_io

    draft = load_draft(path)
    draft.training.sessions.clear()
    draft.training.completions.clear()
    toml_io.save(draft, path)
    return path


@pytest.fixture
def untrained_document(example_draft: Path):  # type: ignore[no-untyped-def]
    """The example, opened, as before any training was planned."""
    from policy_model.document import open_document

    return open_document(without_training(example_draft))
