"""Autosave writes the recovery file in a worker, one write at a time.

A slow disk is a stub of `recovery.write` that waits on an Event the test sets, so each test
decides exactly when a write ends: the screen must answer keys meanwhile, a newer text must
never be overwritten by an older one, and a write that ends after a save, a discard or a quit
must not leave a recovery file behind for work that is saved or thrown away.
"""

from __future__ import annotations

import errno
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from policy_model import recovery, toml_io
from tui.screens.main import MainScreen

from .drafts import load_draft
from .test_app_shell import change_company
from .test_draft_safekeeping import make_app
from .waiting import TIMEOUT_SECONDS, settle, until


class SlowDisk:
    """`recovery.write` on a filesystem that answers when the test says so: each write records
    its text and thread, waits for `answer`, then writes for real (at once once it is set)."""

    def __init__(self, write: Callable[[Path, str], None]) -> None:
        self._write = write
        self.answer = threading.Event()
        self.texts: list[str] = []
        self.threads: list[threading.Thread] = []

    def write(self, path: Path, text: str) -> None:
        self.threads.append(threading.current_thread())
        self.texts.append(text)
        self.answer.wait(TIMEOUT_SECONDS)  # the bound only frees a thread a failed test left
        self._write(path, text)

    def companies(self) -> list[str]:
        return [company_in(text) for text in self.texts]


def company_in(text: str) -> str:
    draft = toml_io.parse(text, "recovery").draft
    assert draft is not None
    return draft.policy.company


@pytest.fixture
def slow_disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[SlowDisk]:
    disk = SlowDisk(recovery.write)
    monkeypatch.setattr(recovery, "write", disk.write)
    yield disk
    disk.answer.set()


async def test_autosave_writes_off_the_ui_thread_and_keys_work_meanwhile(
        example_draft: Path, tmp_path: Path, slow_disk: SlowDisk) -> None:
    app = make_app(example_draft, tmp_path)  # the interval itself ticks here
    kept = recovery.recovery_path(example_draft)
    async with app.run_test(size=(80, 24)) as pilot:
        change_company(app, "Slow Disk Bank")
        assert await until(pilot, lambda: bool(slow_disk.texts))
        assert slow_disk.threads[0] is not threading.main_thread()
        await pilot.press("2")  # the disk has not answered, the screen has
        assert isinstance(app.screen, MainScreen) and app.screen.current_step == "2"
        assert not kept.exists()
        slow_disk.answer.set()
        assert await until(pilot, kept.exists)
    assert company_in(kept.read_text(encoding="utf-8")) == "Slow Disk Bank"


async def test_a_newer_text_waits_for_the_running_write_and_wins(example_draft: Path, tmp_path: Path,
                                                                 slow_disk: SlowDisk) -> None:
    app = make_app(example_draft, tmp_path, autosave=60)  # the test ticks
    async with app.run_test(size=(80, 24)) as pilot:
        change_company(app, "First")
        app.safekeeping.tick()
        assert await until(pilot, lambda: bool(slow_disk.texts))
        for company in ("Second", "Third"):
            change_company(app, company)
            app.safekeeping.tick()
        await pilot.pause()
        assert slow_disk.companies() == ["First"]  # one write at a time
        slow_disk.answer.set()
        await settle(pilot)
    assert slow_disk.companies() == ["First", "Third"]  # "Second" was replaced while it waited
    assert company_in(recovery.recovery_path(example_draft).read_text(encoding="utf-8")) == "Third"


async def test_a_write_ending_after_a_save_leaves_no_recovery_file(example_draft: Path, tmp_path: Path,
                                                                   slow_disk: SlowDisk) -> None:
    app = make_app(example_draft, tmp_path, autosave=60)
    kept = recovery.recovery_path(example_draft)
    async with app.run_test(size=(80, 24)) as pilot:
        change_company(app, "Being Written")
        app.safekeeping.tick()
        assert await until(pilot, lambda: bool(slow_disk.texts))
        change_company(app, "Saved Bank")
        await pilot.press("ctrl+s")  # saved while the older text is still being written
        assert app.document is not None and not app.document.modified
        slow_disk.answer.set()
        await settle(pilot)
        assert slow_disk.companies() == ["Being Written"] and not kept.exists()
        change_company(app, "After The Save")  # the next change is kept as before
        app.safekeeping.tick()
        await settle(pilot)
        assert company_in(kept.read_text(encoding="utf-8")) == "After The Save"
    assert load_draft(example_draft).policy.company == "Saved Bank"


async def test_quitting_waits_for_a_running_write(example_draft: Path, tmp_path: Path,
                                                  slow_disk: SlowDisk) -> None:
    before = example_draft.read_bytes()
    app = make_app(example_draft, tmp_path, autosave=60)
    async with app.run_test(size=(80, 24)) as pilot:
        change_company(app, "Thrown Away")
        app.safekeeping.tick()
        assert await until(pilot, lambda: bool(slow_disk.texts))
        await pilot.press("ctrl+q", "d")  # quit without saving while the write runs
        await pilot.pause()
        assert app.is_running
        slow_disk.answer.set()
        assert await until(pilot, lambda: not app.is_running)
    assert not recovery.recovery_path(example_draft).exists()
    assert example_draft.read_bytes() == before


async def test_a_failed_write_is_reported_and_tried_again(example_draft: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[threading.Thread] = []

    def full_disk(path: Path, text: str) -> None:
        threads.append(threading.current_thread())
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(recovery, "write", full_disk)
    app = make_app(example_draft, tmp_path, autosave=60)
    async with app.run_test(size=(80, 24)) as pilot:
        change_company(app, "Full Disk Bank")
        app.safekeeping.tick()
        await settle(pilot)
        assert [n.message for n in app._notifications] == [
            "Could not write the recovery file: No space left on device"]
        app.safekeeping.tick()  # the same text: tried again, not taken as kept
        await settle(pilot)
    assert len(threads) == 2 and threading.main_thread() not in threads
