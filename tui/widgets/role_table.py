"""The roster's roles, one line each with their head count by status (see `LineTable`).

A large employer has thousands of titles (and, by department, tens of thousands of rows);
like the roster table, this one draws only the lines on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.message import Message

from policy_model.draft import STATUSES
from policy_model.role_view import Grouping, RoleRow
from tui.widgets.line_table import Cell, LineTable, movement_bindings

COUNTS = ("PEOPLE", "GRANTED", "REVIEW", "DENIED")
NO_ROLE, NO_DEPARTMENT = "(no role)", "(none)"
# Smallest widths of the text columns; with room to spare, a department takes two fifths.
_ROLE_MIN, _DEPARTMENT_MIN = 16, 10


class RoleTable(LineTable):
    """Rows are `RoleRow`s, in the order given; the cursor is a row number."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *movement_bindings("role-table", "role", "roles", "every count"),
        Binding("enter", "select", "Decide", show=False, id="role-table.decide",
                tooltip="Decide everyone in the highlighted role"),
    ]

    @dataclass
    class Highlighted(Message):
        """The cursor is on another row, or on none."""

        table: RoleTable
        row: RoleRow | None

    @dataclass
    class Selected(Message):
        """Enter was pressed on a row."""

        table: RoleTable
        row: RoleRow

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's own name
        super().__init__(id=id)
        self.rows: list[RoleRow] = []
        self.group: Grouping = "role"
        self._digits = 1  # the width of the largest count, with its thousands separators

    def show(self, rows: list[RoleRow], group: Grouping) -> None:
        """Show these rows. The cursor keeps its row number rather than following its role:
        a role just decided moves down the list, and the next one to decide comes under it."""
        cursor = self.cursor if group == self.group else 0
        self.rows, self.group = rows, group
        self._digits = len(f"{max((row.total for row in rows), default=0):,}")
        self.rows_changed(cursor)

    @property
    def highlighted(self) -> RoleRow | None:
        return self.rows[self.cursor] if self.cursor < len(self.rows) else None

    def action_select(self) -> None:
        if (row := self.highlighted) is not None:
            self.post_message(self.Selected(self, row))

    # --- What the line table asks ---

    @property
    def row_count(self) -> int:
        return len(self.rows)

    def headers(self) -> tuple[str, ...]:
        return ("ROLE", *COUNTS, "DEPTS") if self.group == "role" else ("DEPARTMENT", "ROLE", *COUNTS)

    def column_widths(self, width: int) -> tuple[int, ...]:
        numbers = tuple(max(len(header), self._digits) for header in COUNTS)
        if self.group == "role":
            depts = len("DEPTS")
            return max(_ROLE_MIN, width - sum(numbers) - depts - len(numbers) - 1), *numbers, depts
        text = max(_ROLE_MIN + _DEPARTMENT_MIN, width - sum(numbers) - len(numbers) - 1)
        department = max(_DEPARTMENT_MIN, text * 2 // 5)
        return department, text - department, *numbers

    def cells(self, row: int, style: Style) -> list[Cell]:
        role = self.rows[row]
        counts = [Cell(f"{role.total:,}", right=True)]
        for status in STATUSES:
            people: int = getattr(role, status)
            colour = style + self.component_style(f"line-table--{status}") if people else None
            counts.append(Cell(f"{people:,}", colour, right=True))
        if self.group == "role":
            return [Cell(role.role or NO_ROLE), *counts, Cell(f"{role.departments:,}", right=True)]
        return [Cell(role.department or NO_DEPARTMENT), Cell(role.role or NO_ROLE), *counts]

    def cursor_moved(self) -> None:
        self.post_message(self.Highlighted(self, self.highlighted))
