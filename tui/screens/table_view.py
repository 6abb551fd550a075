"""A table in a dialog: an import's bad rows, the people still to be trained, a session's completions.

A bank's list can run to many thousands of rows; the dialog shows the first `LIMIT` and says how
many more there are, so it opens at once (the command line prints the full list).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.coordinate import Coordinate
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from tui.screens.yes_no import YesNoScreen

LIMIT = 1000


class TableScreen(ModalScreen[None]):
    """Rows to read; with `delete_row`, the delete key removes the selected row (after asking).

    `delete_row` is given the row's position and does the model change; the screen then drops the row.
    """

    # A long table takes the dialog's spare height and scrolls, so the notes below stay in view.
    DEFAULT_CSS = """
    TableScreen .table-view.-long { height: 90%; }
    TableScreen .table-view.-long DataTable { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="table.close", tooltip="Back to the draft"),
        Binding("delete", "remove", "Remove", id="table.remove", tooltip="Remove the selected row"),
    ]

    def __init__(self, title: str, columns: Sequence[str], rows: Sequence[Sequence[str]], note: str = "",
                 delete_row: Callable[[int], None] | None = None) -> None:
        super().__init__()
        self.table_title = title
        self.columns = columns
        self.rows = list(rows)
        self.note = note
        self.delete_row = delete_row

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.delete_row is not None and bool(self.rows) if action == "remove" else True

    def action_remove(self) -> None:
        table = self.query_one(DataTable)
        index = table.cursor_row
        if self.delete_row is None or not 0 <= index < len(self.rows):
            return

        def answered(yes: bool | None) -> None:
            if yes and self.delete_row is not None:
                self.delete_row(index)
                del self.rows[index]
                table.remove_row(table.coordinate_to_cell_key(Coordinate(index, 0)).row_key)
                self.refresh_bindings()

        self.app.push_screen(YesNoScreen(f"Remove {' '.join(self.rows[index][:2])}?", "Remove"), answered)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog table-view" + (" -long" if len(self.rows) > 8 else "")):
            yield Label(self.table_title, classes="dialog-title", markup=False)
            if self.rows:
                table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True)
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
