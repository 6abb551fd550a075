"""Every key the current screen answers to, built from the bindings themselves.

Reading the live bindings (rather than a hand-written list) means the help can never go
stale when a key is added or remapped.
"""

from __future__ import annotations

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
            table.add_row("ctrl+p", "Commands", "Search every command by name")
            for row in binding_rows(self.about):
                table.add_row(*row)
            yield table
            yield Label("escape to close", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
