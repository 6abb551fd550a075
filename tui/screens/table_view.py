"""A read-only table in a dialog: an import's bad rows, the people still to be trained.

A bank's list can run to many thousands of rows; the dialog shows the first `LIMIT` and says how
many more there are, so it opens at once (the command line prints the full list).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

LIMIT = 1000


class TableScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="table.close", tooltip="Back to the draft"),
    ]

    def __init__(self, title: str, columns: Sequence[str], rows: Sequence[Sequence[str]], note: str = "") -> None:
        super().__init__()
        self.table_title = title
        self.columns = columns
        self.rows = rows
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog table-view"):
            yield Label(self.table_title, classes="dialog-title", markup=False)
            if self.rows:
                table: DataTable[str] = DataTable(cursor_type="row", zebra_stripes=True)
                table.add_columns(*self.columns)
                for row in self.rows[:LIMIT]:
                    table.add_row(*(Text(cell) for cell in row))  # people's text, never markup
                yield table
            more = len(self.rows) - LIMIT
            note = " ".join(filter(None, [f"… and {more} more." if more > 0 else "", self.note]))
            if note:
                yield Label(note, classes="dialog-hint", markup=False)
            yield Label("escape to close", classes="dialog-hint")

    def action_close(self) -> None:
        self.dismiss(None)
