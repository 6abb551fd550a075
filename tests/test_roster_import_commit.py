"""A roster import commits the draft and its snapshot as one: killed between any two file
operations, the files on disk are the old pair or the new pair, never a draft without its roster."""

from __future__ import annotations

import os
import pathlib
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from policy_model.document import open_document
from tui.cli import main

from .conftest import EXAMPLE


class Killed(BaseException):
    """The process dying at this point (BaseException, as nothing may catch it)."""


def fresh_copy(folder: Path) -> Path:
    folder.mkdir()
    for name in ("regional-bank.toml", "regional-bank.roster.csv"):
        shutil.copy(EXAMPLE.with_name(name), folder / name)
    return folder / "regional-bank.toml"


def kill_at(monkeypatch: pytest.MonkeyPatch, at: int) -> list[str]:
    """Make the `at`-th file operation (creating a temporary file, renaming, removing) raise
    `Killed`; returns the operations seen, so a run past the last one is noticed."""
    seen: list[str] = []

    def counted(name: str, real: Callable[..., object]) -> Callable[..., object]:
        def operation(*args: object, **kwargs: object) -> object:
            seen.append(name)
            if len(seen) == at:
                raise Killed(name)
            return real(*args, **kwargs)
        return operation

    monkeypatch.setattr(tempfile, "mkstemp", counted("create", tempfile.mkstemp))
    monkeypatch.setattr(os, "replace", counted("rename", os.replace))
    monkeypatch.setattr(pathlib.Path, "unlink", counted("remove", pathlib.Path.unlink))
    return seen


def test_a_failed_roster_import_has_not_replaced_the_roster(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "next-month.csv"
    source.write_text("Employee ID,Name,Job Title\nN1,New Person,Relationship Banker\nN2,Other Person,Teller\n",
                      encoding="utf-8")
    old_ids = {e.id for e in open_document(fresh_copy(tmp_path / "original")).roster.employees}
    outcomes = []
    for at in range(1, 30):
        draft = fresh_copy(tmp_path / f"killed-at-{at}")
        with monkeypatch.context() as patch:
            seen = kill_at(patch, at)
            try:
                finished = main(["roster", "import", str(draft), str(source)]) == 0
            except Killed:
                finished = False
        document = open_document(draft)
        assert document.problems == [] and document.roster.problems == [], (at, seen)
        ids = {e.id for e in document.roster.employees if not e.revoke}
        assert ids in (old_ids, {"N1", "N2"}), (at, seen)
        outcomes.append("new" if ids == {"N1", "N2"} else "old")
        if finished and len(seen) < at:
            break
    else:
        pytest.fail("the import never ran to the end")
    assert outcomes[0] == "old" and outcomes[-1] == "new"
    assert not draft.with_name("regional-bank.roster.csv").exists(), "the replaced snapshot goes with the save"


def test_undoing_an_import_after_saving_gives_back_the_old_roster_and_its_file(example_draft: Path,
                                                                              tmp_path: Path) -> None:
    from policy_model.roster import import_roster

    document = open_document(example_draft)
    old = document.roster
    source = tmp_path / "next-month.csv"
    source.write_text("Employee ID,Name,Job Title\nN1,New Person,Relationship Banker\n", encoding="utf-8")
    import_roster(document, source)
    document.save()
    assert not example_draft.with_name("regional-bank.roster.csv").exists()
    assert document.undo() and document.roster is old
    document.save()  # the old snapshot is written again, byte for byte as the draft recorded it
    reopened = open_document(example_draft)
    assert reopened.roster.problems == [] and reopened.roster.employees == old.employees


def test_a_save_from_elsewhere_keeps_the_snapshot_of_the_apps_unsaved_import(example_draft: Path,
                                                                            tmp_path: Path) -> None:
    from policy_model import recovery, toml_io
    from policy_model.roster import import_roster

    app_side = open_document(example_draft)
    source = tmp_path / "next-month.csv"
    source.write_text("Employee ID,Name,Job Title\nN1,New Person,Relationship Banker\n", encoding="utf-8")
    import_roster(app_side, source)  # the app's unsaved import, kept in its recovery file
    recovery.write(example_draft, toml_io.dumps(app_side.draft))
    snapshot = example_draft.with_name(app_side.draft.roster.snapshot)
    os.utime(snapshot, (1, 1))  # old enough that only the recovery file protects it
    assert main(["approve", str(example_draft), "--name", "Wei Chen", "--status", "approved"]) == 0
    assert snapshot.exists()
