"""The draft survives: recovery file, edits made outside the app, undo, background roster load."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from policy_model import recovery, toml_io
from policy_model.document import open_document
from policy_model.draft import Employee, RosterRef
from policy_model.roster_snapshot import Progress, Roster, read_snapshot, snapshot_path, write_snapshot
from tui.app import PolicyApp
from tui.launch import document_for
from tui.recent import RecentDrafts
from tui.screens import main
from tui.screens.choice import ChoiceScreen
from tui.screens.main import MainScreen

from .drafts import load_draft
from .keys import import_roster_by_keys
from .test_app_shell import change_company
from .waiting import TIMEOUT_SECONDS, settle, until


def make_app(path: Path, tmp_path: Path, autosave: float = 0.05) -> PolicyApp:
    return PolicyApp(document_for(path), recent=RecentDrafts.load(tmp_path / "recent.json"),
                     autosave_seconds=autosave)


async def test_unsaved_work_goes_to_the_recovery_file_and_a_save_removes_it(example_draft: Path,
                                                                           tmp_path: Path) -> None:
    app = make_app(example_draft, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        assert not recovery.recovery_path(example_draft).exists(), "nothing unsaved, nothing to recover"
        change_company(app, "Recovered Bank")
        assert await until(pilot, recovery.recovery_path(example_draft).exists)  # written by a worker
        text = recovery.recovery_path(example_draft).read_text(encoding="utf-8")
        assert 'company = "Recovered Bank"' in text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not recovery.recovery_path(example_draft).exists()


def leave_recovery(path: Path, owner: str) -> None:
    """A recovery file as a crashed session leaves it: the draft with one change."""
    draft = load_draft(path)
    draft.policy.owner = owner
    recovery.write(path, toml_io.dumps(draft))


async def test_a_newer_recovery_file_is_offered_not_applied(example_draft: Path, tmp_path: Path) -> None:
    leave_recovery(example_draft, "Someone who crashed")
    app = make_app(example_draft, tmp_path, autosave=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert app.document is not None and app.document.draft.policy.owner != "Someone who crashed"
        await pilot.press("r")
        await pilot.pause()
        assert app.document.draft.policy.owner == "Someone who crashed"
        assert app.document.modified and app.sub_title.endswith("unsaved changes")


async def test_a_recovery_file_can_be_discarded(example_draft: Path, tmp_path: Path) -> None:
    leave_recovery(example_draft, "Unwanted")
    app = make_app(example_draft, tmp_path, autosave=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert not recovery.recovery_path(example_draft).exists()
    assert load_draft(example_draft).policy.owner != "Unwanted"


def test_an_older_or_identical_recovery_file_is_not_offered(example_draft: Path) -> None:
    recovery.write(example_draft, example_draft.read_text(encoding="utf-8"))
    assert recovery.find(example_draft) is None
    leave_recovery(example_draft, "Old news")
    past = time.time() - 3600
    os.utime(recovery.recovery_path(example_draft), (past, past))
    assert recovery.find(example_draft) is None


def edit_outside(path: Path, company: str) -> None:
    draft = load_draft(path)
    draft.policy.company = company
    path.write_text(toml_io.dumps(draft), encoding="utf-8")


async def test_an_outside_edit_is_noticed_and_can_be_reloaded(example_draft: Path, tmp_path: Path) -> None:
    app = make_app(example_draft, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        edit_outside(example_draft, "Pulled From Git Bank")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("r")
        await pilot.pause(0.2)
        assert app.document is not None and app.document.draft.policy.company == "Pulled From Git Bank"
        assert not app.document.modified


async def test_saving_over_an_outside_edit_asks_first(example_draft: Path, tmp_path: Path) -> None:
    app = make_app(example_draft, tmp_path, autosave=60)
    async with app.run_test(size=(80, 24)) as pilot:
        change_company(app, "Mine")
        edit_outside(example_draft, "Theirs")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("k")
        await pilot.pause()
        assert load_draft(example_draft).policy.company == "Theirs"
        await pilot.press("ctrl+s")
        await pilot.press("o")
        await pilot.pause()
    assert load_draft(example_draft).policy.company == "Mine"


async def test_undo_and_redo_keys(example_draft: Path, tmp_path: Path) -> None:
    app = make_app(example_draft, tmp_path, autosave=60)
    async with app.run_test(size=(80, 24)) as pilot:
        change_company(app, "First")
        change_company(app, "Second")
        await pilot.press("ctrl+z")
        assert app.document is not None and app.document.draft.policy.company == "First"
        await pilot.press("ctrl+z")
        assert app.document.draft.policy.company == "Harbor Community Bank"
        assert not app.sub_title.endswith("unsaved changes")
        await pilot.press("ctrl+y")
        assert app.document.draft.policy.company == "First"


async def test_a_large_roster_loads_after_the_first_screen(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    document = document_for(path)
    people = [Employee(f"E{n:06d}", f"Person {n}", role="Account Manager", department=f"D{n % 40}",
                      clients=n % 30, touch="high" if n % 2 else "low", customer_facing=True)
              for n in range(60_000)]
    write_snapshot(snapshot_path(path), people, [], document.draft.roster)
    document.save()
    app = make_app(path, tmp_path, autosave=60)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, MainScreen)
        assert app.document is not None
        for _ in range(300):  # the load starts after the first paint, then runs in a thread
            if app.document.roster_loaded:
                break
            await pilot.pause(0.05)
        await pilot.pause()
        assert app.document.roster_loaded
        assert len(app.document.roster.employees) == 60_000
        assert not app.screen.query("#roster-progress")  # the bar is gone once the roster is in
    assert open_document(path).roster.employees[-1].id == "E059999"


async def test_a_roster_load_ending_after_an_import_does_not_replace_it(example_draft: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The load reads the old snapshot, then is held until the user has imported another roster."""
    read_for: list[RosterRef] = []
    held, go_on = threading.Event(), threading.Event()

    def held_read(draft_path: Path, ref: RosterRef, progress: Progress | None = None) -> Roster:
        roster = read_snapshot(draft_path, ref, progress)
        read_for.append(ref)
        held.set()
        go_on.wait(TIMEOUT_SECONDS)  # the bound only frees a thread a failed test left
        return roster

    monkeypatch.setattr(main, "read_snapshot", held_read)
    source = tmp_path / "next-month.csv"
    source.write_text("id,name,role\nN1,New Person,Relationship Banker\n", encoding="utf-8")
    document = open_document(example_draft, with_roster=False)
    app = PolicyApp(document, recent=RecentDrafts.load(tmp_path / "recent.json"), autosave_seconds=60)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            assert await until(pilot, held.is_set)
            assert read_for[0] is document.draft.roster  # the draft never changes: no copy is needed
            loading = document.draft
            await import_roster_by_keys(pilot, source)
            imported = document.roster
            assert document.draft is not loading and loading.roster is read_for[0]  # the import made a new draft
            go_on.set()
            await settle(pilot)
            assert not app.screen.query("#roster-progress")
    finally:
        go_on.set()
    assert document.roster is imported and document.roster_loaded
    assert document.roster.employees[0].id == "N1"
    assert document.roster.employees == read_snapshot(example_draft, document.draft.roster).employees
