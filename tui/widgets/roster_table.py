"""The roster as a table that draws only the rows on screen, so 200,000 people scroll freely.

Textual's DataTable builds every row up front (52 s for 200,000 people); this table keeps
nothing but the list of roster positions to show, and draws the dozen or so rows the screen
can hold from the index (see `LineTable`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from textual.binding import BindingType
from textual.message import Message

from policy_model.roster_index import RosterIndex
from tui.widgets.line_table import Cell, LineTable, movement_bindings

HEADERS = ("ID", "NAME", "ROLE", "DEPARTMENT", "STATUS", "REASON")
OVERRIDE_MARK = "*"
# (ideal, smallest) widths of the three text columns; the reason takes the rest.
_TEXT_COLUMNS = ((22, 10), (22, 10), (16, 8))
_STATUS_WIDTH = len("granted") + len(OVERRIDE_MARK)
_REASON_MIN = 40
_REASON_SCROLLED = 90
# An id gets at most a sixth of the width (never under this), so made-up ids of any length
# leave the status in view; a longer id is cut in the middle, where ids differ least.
_ID_SMALLEST = 8
ELLIPSIS = "…"


def cut_middle(text: str, width: int) -> str:
    """`text` in `width` characters: whole if it fits, else its start and end around "…"."""
    if len(text) <= width or width < 3:
        return text
    head = width // 2
    return text[:head] + ELLIPSIS + text[len(text) - (width - 1 - head):]


@dataclass(frozen=True)
class Columns:
    """Column widths for one table width; the reason may run past the edge (scroll right)."""

    widths: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.widths) + len(self.widths) - 1

    @classmethod
    def fit(cls, width: int, id_width: int) -> Columns:
        """Name, role and department at their ideal widths when there is room, squeezed (to a
        minimum) when not; the reason takes the rest, or scrolls when too little is left."""
        id_width = min(id_width, max(_ID_SMALLEST, width // 6))
        room = width - id_width - _STATUS_WIDTH - len(HEADERS) + 1
        ideal = sum(w for w, _ in _TEXT_COLUMNS)
        text = [min(w, max(smallest, w * max(room, 0) // ideal)) for w, smallest in _TEXT_COLUMNS]
        reason = room - sum(text)
        return cls((id_width, *text, _STATUS_WIDTH, reason if reason >= _REASON_MIN else _REASON_SCROLLED))


class RosterTable(LineTable):
    """Rows are roster positions in the index; the cursor is a position in that list."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"roster-table--override"}
    BINDINGS: ClassVar[list[BindingType]] = movement_bindings("roster-table", "person", "people", "the whole reason")

    @dataclass
    class Highlighted(Message):
        """The cursor is on another person (`position` in the roster), or on no one."""

        table: RosterTable
        position: int | None

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's own name
        super().__init__(id=id)
        self.index: RosterIndex | None = None
        self.rows: list[int] = []
        self._id_width = 4
        self._shown_id = 4  # the id column's width as laid out: longer ids are cut to it

    # --- What to show ---

    def show(self, index: RosterIndex | None, rows: list[int]) -> None:
        """Show these roster positions; the cursor stays on the same person when they remain."""
        current = self.highlighted
        if index is not self.index:
            self.index = index
            ids = index.employees if index is not None else []
            self._id_width = max([2, *(len(e.id) for e in ids[:5000])])
        self.rows = rows
        self.rows_changed(self._row_of(current) if current is not None else 0)

    @property
    def highlighted(self) -> int | None:
        """The roster position under the cursor."""
        return self.rows[self.cursor] if self.rows and self.cursor < len(self.rows) else None

    def _row_of(self, position: int) -> int:
        """Where a person is in the shown rows (rows are in roster order, so bisect)."""
        from bisect import bisect_left

        n = bisect_left(self.rows, position)
        return n if n < len(self.rows) and self.rows[n] == position else 0

    # --- What the line table asks ---

    @property
    def row_count(self) -> int:
        return len(self.rows) if self.index is not None else 0

    def headers(self) -> tuple[str, ...]:
        return HEADERS

    def column_widths(self, width: int) -> tuple[int, ...]:
        widths = Columns.fit(width, self._id_width).widths
        self._shown_id = widths[0]
        return widths

    def cells(self, row: int, style: Style) -> list[Cell]:
        assert self.index is not None
        position = self.rows[row]
        employee = self.index.employees[position]
        decision = self.index.decisions[position]
        status_style = style + self.component_style(f"line-table--{decision.status}")
        if decision.overridden:
            status_style += self.component_style("roster-table--override")
        status = decision.status + (OVERRIDE_MARK if decision.overridden else "")
        return [Cell(cut_middle(employee.id, self._shown_id)), Cell(employee.name), Cell(employee.role),
                Cell(employee.department), Cell(status, status_style), Cell(decision.reason)]

    def cursor_moved(self) -> None:
        self.post_message(self.Highlighted(self, self.highlighted))
