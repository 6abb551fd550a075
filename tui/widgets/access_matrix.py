"""The access matrix as a small table: groups down, enabled channels across, people in the cells.

A table is enough here: it has one row per department (or role) with someone granted, not
one per employee. A cell reads "all" when every granted person of the group gets the
channel and is dimmed at zero, so the narrowed channels stand out at a glance.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from policy_model.access import Matrix, MatrixRow

GROUP_WIDTH = 18


class AccessMatrix(DataTable[Text]):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)  # type: ignore[arg-type]

    def show(self, matrix: Matrix) -> None:
        """Redraw from a computed matrix (a few dozen rows: clearing and re-adding is cheap)."""
        row = self.cursor_row
        self.clear(columns=True)
        # Long role names are cut so that at 80 columns a few channels fit beside them; the
        # header itself never is (short department names cut "Department" to "Depar").
        header = matrix.by.capitalize()
        longest = max((len(r.group) for r in matrix.rows), default=0)
        self.add_column(Text(header), key="group", width=max(min(longest, GROUP_WIDTH), len(header)))
        self.add_column(Text("Granted", justify="right"), key="granted")
        rows = [*(self._cells(line) for line in matrix.rows), self._cells(matrix.total, total=True)]
        # Widths fixed from the cells themselves: the table would otherwise widen its columns
        # only once it is idle, so what is on screen would depend on when it is looked at.
        for n, (channel_id, name) in enumerate(zip(matrix.channel_ids, matrix.short_names, strict=True)):
            width = max(len(name), *(row[n + 2].cell_len for row in rows))
            self.add_column(Text(name, justify="right"), key=channel_id, width=width)
        for line, cells in zip(matrix.rows, rows, strict=False):
            self.add_row(*cells, key=line.group)
        self.add_row(*rows[-1])
        if self.row_count:
            self.move_cursor(row=min(row, self.row_count - 1))

    @staticmethod
    def _cells(line: MatrixRow, total: bool = False) -> list[Text]:
        cells = [Text(line.group, style="bold" if total else "", overflow="ellipsis", no_wrap=True),
                 Text(str(line.granted), justify="right")]
        for count in line.counts:
            if count == 0:
                cells.append(Text("0", style="dim", justify="right"))
            elif count == line.granted:
                cells.append(Text(f"all {count}", style="green", justify="right"))
            else:
                cells.append(Text(str(count), style="yellow", justify="right"))
        return cells
