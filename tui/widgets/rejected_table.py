"""An import's rejected rows, every one, drawn only as far as the screen shows them.

A file whose rows are all refused (a wrong sheet, a shifted header) rejects as many rows as it
has, so the list is a line table rather than Textual's DataTable, which builds every row first.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from textual.binding import BindingType

from policy_model.roster.report import Rejection
from tui.widgets.line_table import Cell, LineTable, movement_bindings

HEADERS = ("ROW", "WHY IT WAS NOT IMPORTED")


class RejectedTable(LineTable):
    BINDINGS: ClassVar[list[BindingType]] = movement_bindings("rejected-table", "row", "rows", "the whole reason")

    def __init__(self, rejected: Sequence[Rejection], *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.rejected = rejected
        self._digits = max(len(HEADERS[0]), len(f"{max((r.row for r in rejected), default=0)}"))

    @property
    def row_count(self) -> int:
        return len(self.rejected)

    def headers(self) -> Sequence[str]:
        return HEADERS

    def column_widths(self, width: int) -> tuple[int, ...]:
        return self._digits, max(width - self._digits - 1, len(HEADERS[1]))

    def cells(self, row: int, style: Style) -> Sequence[Cell]:
        rejection = self.rejected[row]
        return [Cell(str(rejection.row), right=True), Cell(rejection.reason)]
