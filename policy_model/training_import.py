"""Training completions from a file, as a learning system or a sign-in sheet gives them.

Files come from many hands: a header named "Employee ID" or "Staff No", UTF-16 from Excel's
"Unicode text", Windows-1252 with semicolons from a European Excel, an Excel workbook, dates
as 2026-11-05, 5 Nov 2026 or 20/11/2026. The file is read as the roster and the CRM export
are (`roster.readers.open_table`), its columns found by the synonyms in
`data/training_columns.toml`, and its dates as every date column from a file is
(`user_input.read_day_column`). Each row is checked against the draft and the roster; the good
rows are kept and each bad one is reported at its row. Checking changes nothing;
`apply_import` records.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .dated_rows import checked_day, read_dated_rows
from .draft import Completion, Draft, Employee, TrainingSession
from .problems import Problem, ProblemsError
from .roster.mapping import FieldSet, field_set, resolve
from .roster.readers import Expected, Table, open_table
from .roster_snapshot import Progress
from .training import find_session
from .user_input import read_day_column, shown

TRAINING_FIELDS = ("id", "date", "session")
COMPLETIONS = Expected("list of completions", "the learning system")


def training_fields() -> FieldSet:
    """The columns of a completions file, matched by `data/training_columns.toml`."""
    return field_set("training_columns.toml", TRAINING_FIELDS)


@dataclass
class CompletionImport:
    """What a completions file gave: the rows that can be recorded, each bad row's problem,
    and notes on how it was read (slashed dates taken month first, say)."""

    file: str
    completions: list[Completion] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    cancelled: bool = False
    notes: list[str] = field(default_factory=list)


def _columns(table: Table, file: str) -> tuple[dict[str, int], bool]:
    """Which column holds what, and whether the first row is a header (False: it is data)."""
    columns = resolve(table.header, file, fields=training_fields()).columns
    if "id" in columns and "date" in columns:
        return columns, True
    first = table.header
    if len(first) >= 2 and isinstance(read_day_column(first[1:2]).days.get(first[1]), date):
        return {"id": 0, "date": 1, **({"session": 2} if len(first) >= 3 else {})}, False
    raise ProblemsError([Problem(file, "no employee id and date columns found; the first line should be a header "
                                 "such as employee_id,date,session", line=table.first_row - 1)])


def _default_session(draft: Draft, employees: Sequence[Employee], session: str | None,
                     file: str) -> TrainingSession | None:
    """The session for rows that name none; ProblemsError when nothing can be recorded at all."""
    if not draft.training.sessions:
        raise ProblemsError([Problem(file, "the draft has no training session yet; add one first")])
    if not employees:
        raise ProblemsError([Problem(file, "the draft has no roster yet; import the roster first")])
    if session is None:
        return draft.training.sessions[0] if len(draft.training.sessions) == 1 else None
    found = find_session(draft, session)
    if found is None:
        raise ProblemsError([Problem(file, f'unknown session "{shown(session)}"; the sessions are '
                                     + ", ".join(s.title for s in draft.training.sessions))])
    return found


def read_completions(path: Path, draft: Draft, employees: Sequence[Employee], *, session: str | None = None,
                     today: date | None = None, progress: Progress | None = None) -> CompletionImport:
    """Check a completions file (CSV or XLSX) against the draft and roster; nothing is changed yet.

    Columns are `employee_id,date[,session]`, matched loosely by their header; a file without
    a header is taken in that order. Each bad row (unknown employee, unreadable or future date,
    unknown session, a duplicate in the file or of a completion already recorded) is one
    problem at its row; the good rows are kept. A file that cannot be read at all raises
    ProblemsError. `session` names the session for rows that do not say; with a single
    session in the draft it is the default.
    """
    file = str(path)
    default = _default_session(draft, employees, session, file)
    table = open_table(path, expected=COMPLETIONS)
    columns, has_header = _columns(table, file)
    if "session" not in columns and default is None:
        raise ProblemsError([Problem(file, "the file has no session column and the draft has several sessions; "
                                     "say which one the file is for")])
    first_row = table.first_row
    if not has_header:
        table.rows, first_row = _prepend(table.header, table.rows), first_row - 1
    read = read_dated_rows(table, columns, progress)
    result = CompletionImport(file)
    if read is None:
        result.cancelled = True
        return result
    if read.note:
        result.notes.append(read.note)
    check = _Check(draft, employees, default, today or date.today())
    for i, reason, (employee_id, written, name) in read.rows(*TRAINING_FIELDS):
        result.rows += 1
        line = first_row + i
        completion, reason = (None, reason) if reason else check.row(employee_id, read.days.get(written), name, line)
        if completion is None:
            result.problems.append(Problem(file, reason, line=line))
        else:
            result.completions.append(completion)
    return result

def _prepend(first: list[str], rest: Iterator[list[str]]) -> Iterator[list[str]]:
    """Rows of a file without a header: the first row is data too (closing this closes `rest`)."""
    yield first
    yield from rest


class _Check:
    """Each row against the draft, the roster and the rows before it."""

    def __init__(self, draft: Draft, employees: Sequence[Employee], default: TrainingSession | None,
                 today: date) -> None:
        self.draft, self.default, self.today = draft, default, today
        self.known = {e.id for e in employees}
        self.recorded = {(c.employee_id, c.session): c.date for c in draft.training.completions}
        self.seen: dict[tuple[str, str], int] = {}

    def row(self, employee_id: str, written: date | ValueError | None, name: str,
            line: int) -> tuple[Completion | None, str]:
        """One row as a completion, or why it cannot be one."""
        if not employee_id:
            return None, "missing employee id"
        if employee_id not in self.known:
            return None, f"unknown employee id {shown(employee_id)}: not in the roster"
        day, why = checked_day(written, self.today)
        if day is None:
            return None, why
        session = find_session(self.draft, name) if name else self.default
        if session is None:
            return None, f'unknown session "{shown(name)}"' if name else "no session given"
        key = (employee_id, session.title)
        if key in self.seen:
            return None, f'duplicate: {key[0]} already completed "{key[1]}" on line {self.seen[key]}'
        if key in self.recorded:
            return None, f'{key[0]} already completed "{key[1]}" on {self.recorded[key].isoformat()} (recorded before)'
        self.seen[key] = line
        return Completion(employee_id=employee_id, session=session.title, date=day), ""


def apply_import(draft: Draft, result: CompletionImport) -> int:
    """Record the good rows of a checked import; returns how many were recorded.

    A row recorded by hand since the file was checked is not recorded twice, and a row for a
    session removed meanwhile is dropped.
    """
    recorded = {(c.employee_id, c.session) for c in draft.training.completions}
    sessions = {s.title for s in draft.training.sessions}
    new = [c for c in result.completions if (c.employee_id, c.session) not in recorded and c.session in sessions]
    draft.training.completions.extend(new)
    return len(new)
