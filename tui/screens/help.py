"""Every key the current screen answers to, built from the bindings themselves.

Reading the live bindings (rather than a hand-written list) means the help can never go
stale when a key is added or remapped.
"""

from __future__ import annotations

import textwrap
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Label


def binding_rows(screen: Screen) -> list[tuple[str, str, str]]:
    """(key, action, what it does) for every described binding active on `screen`.

    The app's own keys (those with an id) come first; the focused widget's navigation keys
    (up, down, page down, ...) follow.
    """
    bindings = [active.binding for active in screen.active_bindings.values() if active.binding.description]
    bindings.sort(key=lambda binding: binding.id is None)
    return [(screen.app.get_key_display(b), b.description, b.tooltip) for b in bindings]


# Room the dialog takes around the table (border and padding), and each column's cell padding
# and the scrollbar, so a description wrapped to what is left never runs past the edge.
DIALOG_WIDTH, DIALOG_FRAME, TABLE_FRAME = 100, 6, 2 * 3 + 2


def wrapped_rows(rows: list[tuple[str, str, str]], screen_width: int) -> list[tuple[str, str, str]]:
    """The rows with each description wrapped to the width the dialog leaves for it."""
    key_width = max(len(key) for key, _, _ in rows)
    action_width = max(len(action) for _, action, _ in rows)
    room = min(DIALOG_WIDTH, screen_width) - DIALOG_FRAME - TABLE_FRAME - key_width - action_width
    width = max(room, 20)
    return [(key, action, "\n".join(textwrap.wrap(what, width)) or what) for key, action, what in rows]


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "close", "Close", id="help.close", tooltip="Back to the draft"),
    ]

    def __init__(self, about: Screen) -> None:
        super().__init__()
        self.about = about

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help"):
            yield Label("Keys", classes="dialog-title")
            table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True)
            table.add_columns("Key", "Action", "What it does")
            rows = [("ctrl+p", "Commands", "Search every command by name"), *binding_rows(self.about)]
            for row in wrapped_rows(rows, self.app.size.width):
                table.add_row(*row, height=None)  # as many lines as the description needs
            yield table
            yield Label("escape to close", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
