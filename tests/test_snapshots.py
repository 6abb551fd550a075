"""What a new user sees at 80x24: each step of the example, the help and the start screen.

Baselines live in tests/__snapshots__/test_snapshots/; after a deliberate change to the look,
review the new pictures (`pytest --snapshot-update`, then the report) before committing them.
The pictures must not depend on the clock, the user's data folder, worker timing or the temp
folder's name, so the draft is opened by a relative path from inside its folder, as
`policy-tui regional-bank.toml` would be, and every worker is waited for.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tui.app import PolicyApp
from tui.launch import document_for
from tui.recent import RecentDrafts
from tui.widgets import training_panel

from .waiting import settle

THEMES = {"dark": "textual-dark", "light": "textual-light"}
# The keys a new user presses on the example's main screen to get each picture.
SCREENS = {"roster": ["1"], "channels": ["2"], "wording": ["3"], "review": ["4"], "help": ["f1"]}
# The keys to each dialog of the example; "report" imports hr.csv, written beside the draft.
DIALOGS = {"channel-settings": ["2", "enter"], "details": ["4", "e"], "override": ["1", "o"],
           "rule": ["1", "r", "a"], "roster-import": ["1", "i"],
           "report": ["1", "i", *"hr.csv", "enter", "ctrl+r"], "client-load": ["1", "l"],
           "new-channel": ["2", "n"], "open": ["ctrl+o"], "quit-unsaved": ["2", "a", "ctrl+q"],
           "training-session": ["3", "ctrl+t", "ctrl+t", "a"], "training-pending": ["3", "ctrl+t", "ctrl+t", "p"],
           "completion": ["3", "ctrl+t", "ctrl+t", "c"], "discipline-step": ["3", "ctrl+t", "ctrl+t", "ctrl+t", "a"],
           "approver": ["4", "ctrl+t", "a"], "remove-approver": ["4", "ctrl+t", "delete"],
           "variables": ["3", "f2"]}
HR_CSV = "id,name,role,department\nS1,Grace Okafor,Account Manager,Sales\nS1,Liam Brennan,Teller,Retail\n"


@pytest.fixture(autouse=True)
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor would be on or off depending on when the picture is taken."""
    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


class _SnapshotDay(date):
    """Today, as the pictures were taken: a form that offers today's date shows this one."""

    @classmethod
    def today(cls) -> _SnapshotDay:
        return cls(2026, 12, 1)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(training_panel, "date", _SnapshotDay)


def keys_then_settle(theme: str, keys: list[str]) -> Callable[[Pilot[None]], Awaitable[None]]:
    """The setup before the picture: the theme, then each key once the app is idle."""

    async def run_before(pilot: Pilot[None]) -> None:
        pilot.app.theme = THEMES[theme]
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("screen", SCREENS)
def test_example_draft(snap_compare, example_draft: Path, monkeypatch: pytest.MonkeyPatch, screen: str,
                       theme: str) -> None:
    monkeypatch.chdir(example_draft.parent)
    app = PolicyApp(document_for(Path(example_draft.name)), recent=RecentDrafts(None))
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys_then_settle(theme, SCREENS[screen]))


@pytest.mark.parametrize("theme", THEMES)
def test_start_screen(snap_compare, theme: str) -> None:
    app = PolicyApp(None, recent=RecentDrafts(None))
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys_then_settle(theme, []))


def test_new_draft_dialog(snap_compare) -> None:
    app = PolicyApp(None, recent=RecentDrafts(None))
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys_then_settle("dark", ["ctrl+n"]))


@pytest.mark.parametrize("dialog", DIALOGS)
def test_dialog(snap_compare, example_draft: Path, monkeypatch: pytest.MonkeyPatch, dialog: str) -> None:
    monkeypatch.chdir(example_draft.parent)
    (example_draft.parent / "hr.csv").write_text(HR_CSV, encoding="utf-8")
    app = PolicyApp(document_for(Path(example_draft.name)), recent=RecentDrafts(None))
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys_then_settle("dark", DIALOGS[dialog]))
