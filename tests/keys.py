"""Typing in Pilot tests: Pilot presses keys by name, and the space key is "space"."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from tui.screens.import_report import ImportReportScreen
from tui.screens.roster_import import RosterImportDialog

from .waiting import until


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type `text` key by key, then let the app handle what the keys changed."""
    await pilot.press(*("space" if c == " " else c for c in text))
    await pilot.pause()


async def import_roster_by_keys(pilot: Pilot[None], source: Path) -> None:
    """Import a roster file from step 1 as a new user would: `i`, the file's path, enter to
    preview, ctrl+r to import, escape to close the report that stays up; returns once both
    the dialog and the report have closed."""
    await pilot.press("i")
    dialog = pilot.app.screen
    assert isinstance(dialog, RosterImportDialog)
    dialog.query_one("#import-path", Input).value = str(source)
    dialog.query_one("#import-path", Input).focus()
    await pilot.press("enter")
    assert await until(pilot, lambda: dialog.preview is not None)
    await pilot.press("ctrl+r")
    assert await until(pilot, lambda: isinstance(pilot.app.screen, ImportReportScreen))
    await pilot.press("escape")
