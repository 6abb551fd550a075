"""The rows of a file that records dated events: training completions, acknowledgments.

Both files are read the same way: every column of every row (`roster.convert.read_all_columns`),
each field by the name the mapping gave it, the date column read as a column
(`user_input.read_day_column`), blank rows passed over and rows the reader rejected reported
with its reason. What differs is only what a row means, so each import keeps its own check.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from .roster.convert import field_reader, read_all_columns
from .roster.readers import Table
from .roster_snapshot import Progress
from .user_input import read_day_column


@dataclass
class DatedRows:
    """A file's cells by column, its dates read, and why the reader rejected a row (None: blank)."""

    cells: list[list[str]]
    column: Callable[[str], Iterator[str]]
    days: dict[str, date | ValueError]
    note: str
    skip: dict[int, str | None]

    def rows(self, *fields: str) -> Iterator[tuple[int, str, tuple[str, ...]]]:
        """Each row that is not blank: its index, why the reader rejected it ("" when it did not)
        and the values of `fields`, trimmed."""
        for i, values in enumerate(zip(*(self.column(name) for name in fields), strict=True)):
            reason = self.skip.get(i, "")
            if reason is None or not reason and not any(column[i].strip() for column in self.cells):
                continue
            yield i, reason, values


def read_dated_rows(table: Table, columns: dict[str, int], progress: Progress | None) -> DatedRows | None:
    """The table's rows, `columns` naming its fields (one of them "date"); None when cancelled."""
    skip: dict[int, str | None] = {}
    cells = read_all_columns(table, skip, progress)
    if cells is None:
        return None
    dates = read_day_column(cells[columns["date"]])
    return DatedRows(cells, field_reader(cells, columns), dates.days, dates.note, skip)


def checked_day(day: date | ValueError | None, today: date) -> tuple[date | None, str]:
    """A row's date when it can be recorded, else None and why: missing, unreadable or in the future."""
    if day is None:
        return None, "missing date"
    if isinstance(day, ValueError):
        return None, str(day)
    if day > today:
        return None, f"the date {day.isoformat()} is in the future"
    return day, ""
