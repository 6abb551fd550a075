"""Training completions from a CSV file, as an LMS or a sign-in sheet gives them.

Files come from many hands: a header named "Employee ID" or "Staff No", Excel's Windows-1252
or a byte-order mark, semicolons from a European Excel, dates as 2026-11-05 or 5 Nov 2026. The
reader takes all of these, checks each row against the draft and the roster, keeps the good
rows and reports each bad one at its line. Checking changes nothing; `apply_import` records.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .draft import Completion, Draft, Employee, TrainingSession
from .files import read_bytes
from .problems import Problem, ProblemsError
from .roster_snapshot import Progress
from .training import find_session
from .user_input import parse_day, shown

# Header words, compared with case, spaces and punctuation removed ("Employee ID" -> "employeeid").
_ID_NAMES = {"employeeid", "id", "empid", "employee", "employeeno", "employeenumber", "staffid", "staffno",
             "personid", "personnelnumber", "workerid", "userid"}
_DATE_NAMES = {"date", "completed", "completedon", "completiondate", "datecompleted", "completedat", "when",
               "trainingdate", "day"}
_SESSION_NAMES = {"session", "sessionid", "sessiontitle", "sessionname", "course", "coursename", "training",
                  "module", "class"}


def _field_of(header: str) -> str | None:
    name = re.sub(r"[^a-z0-9]", "", header.casefold())
    for field_name, names in (("id", _ID_NAMES), ("date", _DATE_NAMES), ("session", _SESSION_NAMES)):
        if name in names:
            return field_name
    if "session" in name or "course" in name:
        return "session"
    if "date" in name or name.startswith("completed"):
        return "date"
    if "employee" in name or "staff" in name:
        return "id"
    return None


@dataclass
class CompletionImport:
    """What a completions file gave: the rows that can be recorded, and each bad row's problem."""

    file: str
    completions: list[Completion] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    cancelled: bool = False


def _decode(data: bytes, file: str) -> str:
    """UTF-8 (with or without a byte-order mark), else Windows-1252 as Excel writes it."""
    if b"\x00" in data[:4096]:
        raise ProblemsError([Problem(file, "is not a CSV text file (it looks binary)")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        raise ProblemsError([Problem(file, "is not text in UTF-8 or Windows-1252; save it as CSV UTF-8")]) from None


def _delimiter(first_line: str) -> str:
    """Comma, semicolon (European Excel) or tab, whichever the header line uses most."""
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _columns(first: list[str], file: str) -> tuple[dict[str, int], bool]:
    """Which column holds what, and whether the first row is a header (False: it is data)."""
    columns: dict[str, int] = {}
    for n, cell in enumerate(first):
        name = _field_of(cell)
        if name and name not in columns:
            columns[name] = n
    if "id" in columns and "date" in columns:
        return columns, True
    if len(first) >= 2:
        try:
            parse_day(first[1])
        except ValueError:
            pass
        else:
            return {"id": 0, "date": 1, **({"session": 2} if len(first) >= 3 else {})}, False
    raise ProblemsError([Problem(file, "no employee id and date columns found; the first line should be a header "
                                 "such as employee_id,date,session", line=1)])


def read_completions(data: bytes, file: str, draft: Draft, employees: Sequence[Employee], *,
                     session: str | None = None, today: date | None = None,
                     progress: Progress | None = None) -> CompletionImport:
    """Check a completions CSV against the draft and roster; nothing is changed yet.

    Columns are `employee_id,date[,session]`, matched loosely by their header. Each bad row
    (unknown employee, unreadable or future date, unknown session, a duplicate in the file or of
    a completion already recorded) is one problem at its line; the good rows are kept. A file
    that cannot be read at all raises ProblemsError. `session` names the session for rows that
    do not say; with a single session in the draft it is the default.
    """
    today = today or date.today()
    if not draft.training.sessions:
        raise ProblemsError([Problem(file, "the draft has no training session yet; add one first")])
    if not employees:
        raise ProblemsError([Problem(file, "the draft has no roster yet; import the roster first")])
    default = None
    if session is not None:
        default = find_session(draft, session)
        if default is None:
            raise ProblemsError([Problem(file, f'unknown session "{shown(session)}"; the sessions are '
                                         + ", ".join(s.title for s in draft.training.sessions))])
    elif len(draft.training.sessions) == 1:
        default = draft.training.sessions[0]
    text = _decode(data, file)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text.partition("\n")[0]))
    first = next(reader, None)
    if first is None:
        raise ProblemsError([Problem(file, "is empty")])
    columns, has_header = _columns(first, file)
    if "session" not in columns and default is None:
        raise ProblemsError([Problem(file, "the file has no session column and the draft has several sessions; "
                                     "say which one the file is for")])
    result = CompletionImport(file)
    known = {e.id for e in employees}
    recorded = {(c.employee_id, c.session): c.date for c in draft.training.completions}
    seen: dict[tuple[str, str], int] = {}
    total = text.count("\n")
    rows = reader if has_header else _prepend(first, reader)
    for row in rows:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        result.rows += 1
        if progress and result.rows % 5000 == 0 and progress(line, total):
            result.cancelled = True
            break
        completion, reason = _completion(row, columns, default, draft, known, today)
        if completion is not None:
            key = (completion.employee_id, completion.session)
            if key in seen:
                reason = f'duplicate: {key[0]} already completed "{key[1]}" on line {seen[key]}'
            elif key in recorded:
                reason = f'{key[0]} already completed "{key[1]}" on {recorded[key].isoformat()} (recorded before)'
            else:
                seen[key] = line
                result.completions.append(completion)
                continue
        result.problems.append(Problem(file, reason, line=line))
    return result


def _prepend(first: list[str], rest: Iterable[list[str]]) -> Iterator[list[str]]:
    """Rows of a file without a header: the first row is data too (line numbers stay right)."""
    yield first
    yield from rest


def _cell(row: list[str], columns: dict[str, int], name: str) -> str:
    n = columns.get(name)
    return row[n].strip() if n is not None and n < len(row) else ""


def _completion(row: list[str], columns: dict[str, int], default: TrainingSession | None, draft: Draft,
                known: set[str], today: date) -> tuple[Completion | None, str]:
    """One row as a completion, or why it cannot be one."""
    employee_id = _cell(row, columns, "id")
    if not employee_id:
        return None, "missing employee id"
    if employee_id not in known:
        return None, f"unknown employee id {shown(employee_id)}: not in the roster"
    try:
        day = parse_day(_cell(row, columns, "date"))
    except ValueError as error:
        return None, str(error)
    if day > today:
        return None, f"the date {day.isoformat()} is in the future"
    name = _cell(row, columns, "session")
    session = find_session(draft, name) if name else default
    if session is None:
        return None, f'unknown session "{shown(name)}"' if name else "no session given"
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


def read_file(path: Path) -> bytes:
    """A completions file's bytes, or ProblemsError saying in words why it cannot be read."""
    return read_bytes(path, "CSV file")


def import_completions(draft: Draft, path: Path, employees: Sequence[Employee], *, session: str | None = None,
                       today: date | None = None) -> CompletionImport:
    """Read, check and record a completions file in one go (the command line's path)."""
    result = read_completions(read_file(path), str(path), draft, employees, session=session, today=today)
    apply_import(draft, result)
    return result
