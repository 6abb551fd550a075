"""Lost updates: commands and the app changing one draft at the same time each keep their
change, and the app its unsaved work."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from policy_model import draft_lock, recovery
from policy_model.document import create_document
from policy_model.signoff import add_approver
from tui.app import PolicyApp
from tui.cli import main
from tui.launch import document_for
from tui.recent import RecentDrafts

from .conftest import ROOT
from .drafts import load_draft
from .test_app_shell import change_company
from .waiting import until

APPROVERS = {"Ada Lovelace": "approved", "Alan Turing": "changes requested"}
PAIRS = 50
PAIRS_AT_ONCE = 10


def two_approvers(path: Path) -> Path:
    """A small draft (no roster, so each command is quick) with two pending approvers."""
    document = create_document(path, company="Acme")
    for name in APPROVERS:
        add_approver(document.draft, name)
    document.save()
    return path


def approve(draft: Path, name: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tui.cli", "approve", str(draft), "--name", name,
                             "--status", APPROVERS[name]], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def test_lost_updates_fifty_concurrent_approve_pairs_lose_no_approval(tmp_path: Path) -> None:
    drafts = [two_approvers(tmp_path / f"draft{n}.toml") for n in range(PAIRS)]
    for start in range(0, PAIRS, PAIRS_AT_ONCE):
        running = [approve(draft, name) for draft in drafts[start:start + PAIRS_AT_ONCE] for name in APPROVERS]
        for process in running:
            _, err = process.communicate(timeout=60)
            assert process.returncode == 0, err
    lost = {draft.name: statuses for draft in drafts
            if (statuses := {a.name: a.status for a in load_draft(draft).approvers}) != APPROVERS}
    assert not lost, f"approvals lost in {len(lost)} of {PAIRS} pairs: {lost}"
    assert not list(tmp_path.glob("*.lock")), "each command removes its lock file"


def test_lost_updates_a_command_waits_for_the_lock_then_gives_up_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    draft = two_approvers(tmp_path / "draft.toml")
    before = draft.read_bytes()
    monkeypatch.setattr(draft_lock, "WAIT_SECONDS", 0.2)
    with draft_lock.locked(draft):
        code = main(["approve", str(draft), "--name", "Ada Lovelace", "--status", "approved"])
    _, err = capsys.readouterr()
    assert code == 1
    assert err == (f"{draft}: another policy-tui is changing this draft and did not finish within 0.2 s "
                   "(it holds draft.toml.lock); try again once it has\n")
    assert draft.read_bytes() == before


async def test_lost_updates_the_app_saves_only_holding_the_lock(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    draft = two_approvers(tmp_path / "draft.toml")
    before = draft.read_bytes()
    monkeypatch.setattr(draft_lock, "WAIT_SECONDS", 0.1)
    app = PolicyApp(document_for(draft), recent=RecentDrafts.load(tmp_path / "recent.json"), autosave_seconds=60)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        change_company(app, "Saved Later")
        with draft_lock.locked(draft):
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert draft.read_bytes() == before, "a save while a command holds the draft waits, then gives up"
        assert app.document is not None and app.document.modified
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_draft(draft).policy.company == "Saved Later"


async def test_a_command_line_save_leaves_the_apps_recovery_file(tmp_path: Path) -> None:
    draft = two_approvers(tmp_path / "draft.toml")
    kept = recovery.recovery_path(draft)
    app = PolicyApp(document_for(draft), recent=RecentDrafts.load(tmp_path / "recent.json"), autosave_seconds=0.05)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        change_company(app, "Unsaved Work")
        assert await until(pilot, kept.exists)
        assert main(["approve", str(draft), "--name", "Ada Lovelace", "--status", "approved"]) == 0
        await pilot.pause(0.2)
        assert kept.exists(), "the app still holds the unsaved work the recovery file keeps"
        assert 'company = "Unsaved Work"' in kept.read_text(encoding="utf-8")
