"""Training: the sessions people attend, who completed them, and who is still to be trained.

The method asks that every employee granted social or mobile access completes training before
using it. A session says who must attend (every granted employee, or some groups of them);
completions are entered by hand or imported from the CSV an LMS or a sign-in sheet gives.
Who is granted comes from step 1's rules (`eligibility.evaluate`), so the pending list follows
every change made there.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .draft import TRAINING_FORMATS, Completion, Draft, Employee, TrainingFormat, TrainingSession
from .eligibility import evaluate
from .problems import Problem, ProblemsError
from .user_input import clean_line, parse_day, refuse, shown

SESSION = "training session"
COMPLETION = "training completion"
GROUP_KINDS = ("department", "role", "employee")
GRANTED = "granted"

# Called now and then during a long import with (rows read, lines in the file); returning True
# asks the reader to stop.
Progress = Callable[[int, int], bool]


# --- sessions ----------------------------------------------------------------------------------

def find_session(draft: Draft, title: str) -> TrainingSession | None:
    """The session with this title, compared without case, as people write it in files."""
    wanted = title.strip().casefold()
    for session in draft.training.sessions:
        if session.title.casefold() == wanted:
            return session
    return None


def _session(draft: Draft, title: str) -> TrainingSession:
    session = find_session(draft, title)
    if session is None:
        raise refuse(SESSION, f'there is no session called "{title}"')
    return session


def audience_groups(audience: str) -> list[str]:
    """The groups of an audience ("granted" -> none, meaning every granted employee)."""
    text = audience.strip()
    return [] if text.casefold() in ("", GRANTED) else [g.strip() for g in text.split(",") if g.strip()]


def clean_audience(audience: str) -> str:
    """"granted", or groups as "department:Sales, role:Banker, employee:E0042"; refuses anything else."""
    text = clean_line(audience, SESSION, "audience", required=False)
    groups = []
    for group in audience_groups(text):
        kind, sep, value = group.partition(":")
        kind, value = kind.strip().lower(), value.strip()
        if not sep or kind not in GROUP_KINDS or not value:
            raise refuse(SESSION, f'audience "{group}": write granted, or groups such as department:Sales, '
                         "role:Banker, employee:E0042")
        groups.append(f"{kind}:{value}")
    return ", ".join(groups) or GRANTED


def _checked(draft: Draft, title: str, format: str, audience: str, editing: TrainingSession | None,
             ) -> tuple[str, TrainingFormat, str]:
    title = clean_line(title, SESSION, "title")
    other = find_session(draft, title)
    if other is not None and other is not editing:
        raise refuse(SESSION, f'a session is already called "{other.title}"')
    if format not in TRAINING_FORMATS:
        raise refuse(SESSION, f'format "{format}": expected {", ".join(TRAINING_FORMATS)}')
    return title, format, clean_audience(audience)  # type: ignore[return-value]


def add_session(draft: Draft, title: str, on: date | None = None, format: str = "online",
                audience: str = GRANTED) -> TrainingSession:
    """Add a session at the end of the list."""
    title, fmt, who = _checked(draft, title, format, audience, None)
    session = TrainingSession(title=title, date=on, format=fmt, audience=who)
    draft.training.sessions.append(session)
    return session


def edit_session(draft: Draft, title: str, new_title: str, on: date | None, format: str,
                 audience: str) -> TrainingSession:
    """Change a session; a new title is carried into the completions recorded for it."""
    session = _session(draft, title)
    checked_title, session.format, session.audience = _checked(draft, new_title, format, audience, session)
    if checked_title != session.title:
        for completion in draft.training.completions:
            if completion.session == session.title:
                completion.session = checked_title
        session.title = checked_title
    session.date = on
    return session


def remove_session(draft: Draft, title: str) -> int:
    """Remove a session and the completions recorded for it; returns how many completions went."""
    session = _session(draft, title)
    draft.training.sessions.remove(session)
    before = len(draft.training.completions)
    draft.training.completions = [c for c in draft.training.completions if c.session != session.title]
    return before - len(draft.training.completions)


# --- who must attend, and who has ---------------------------------------------------------------

def in_audience(session: TrainingSession, employee: Employee) -> bool:
    """Whether the session's audience includes the person; "granted" means everyone granted.

    Department and role match when they contain the group's words (case-insensitive), the way
    the eligibility rules match them; an employee group names one person by id.
    """
    groups = audience_groups(session.audience)
    if not groups:
        return True
    for group in groups:
        kind, _, value = group.partition(":")
        kind, value = kind.strip().lower(), value.strip()
        if kind == "employee" and employee.id == value:
            return True
        if kind == "department" and value.casefold() in employee.department.casefold():
            return True
        if kind == "role" and value.casefold() in employee.role.casefold():
            return True
    return False


def granted_employees(draft: Draft, employees: Sequence[Employee]) -> list[Employee]:
    """The people step 1 grants access to, in roster order."""
    return [e for e, d in zip(employees, evaluate(draft, employees), strict=True) if d.status == "granted"]


@dataclass(frozen=True, slots=True)
class Pending:
    """A granted person not yet trained: the sessions they still need (by id), and why in words."""

    employee: Employee
    missing: tuple[str, ...]
    reason: str


@dataclass
class TrainingStatus:
    """Where training stands: how many are granted, who is pending, and each session's attendance.

    `attendance` maps a session id to (granted people in its audience who completed it, granted
    people in its audience), the figures a progress bar per session shows.
    """

    granted: int = 0
    pending: list[Pending] = field(default_factory=list)
    attendance: dict[str, tuple[int, int]] = field(default_factory=dict)


def training_status(draft: Draft, employees: Sequence[Employee]) -> TrainingStatus:
    """One pass over the granted people: who is pending, and how far each session has got.

    A granted person whom no session covers is pending too: they have had no training at all.
    """
    sessions = draft.training.sessions
    done = {(c.employee_id, c.session) for c in draft.training.completions}
    counts = {s.title: [0, 0] for s in sessions}
    granted = granted_employees(draft, employees)
    status = TrainingStatus(granted=len(granted))
    for employee in granted:
        required = [s.title for s in sessions if in_audience(s, employee)]
        missing = tuple(s for s in required if (employee.id, s) not in done)
        for title in required:
            counts[title][1] += 1
            counts[title][0] += title not in missing
        if not required:
            reason = "no training session planned yet" if not sessions else "no session covers them"
            status.pending.append(Pending(employee, (), reason))
        elif missing:
            status.pending.append(Pending(employee, missing, "not yet: " + ", ".join(missing)))
    status.attendance = {title: (completed, required) for title, (completed, required) in counts.items()}
    return status


def pending(draft: Draft, employees: Sequence[Employee]) -> list[Pending]:
    """Everyone granted access who has not completed every session meant for them."""
    return training_status(draft, employees).pending


def pending_ids(draft: Draft, employees: Sequence[Employee]) -> set[str]:
    """The ids of granted people still to be trained, for the roster to flag them as pending."""
    return {p.employee.id for p in pending(draft, employees)}


def completions_by_session(draft: Draft) -> dict[str, int]:
    """How many completions each session has, by session id."""
    counts = {s.title: 0 for s in draft.training.sessions}
    for completion in draft.training.completions:
        counts[completion.session] = counts.get(completion.session, 0) + 1
    return counts


# --- completions by hand ------------------------------------------------------------------------

def record_completion(draft: Draft, employees: Sequence[Employee], employee_id: str, session_title: str,
                      on: date, today: date | None = None) -> Completion:
    """Record that a person completed a session on a day (not in the future, not twice)."""
    employee_id = clean_line(employee_id, COMPLETION, "employee id")
    if employee_id not in {e.id for e in employees}:
        raise refuse(COMPLETION, f"unknown employee id {employee_id}: not in the roster"
                     if employees else "the draft has no roster yet; import the roster first")
    session = _session(draft, session_title)
    if on > (today or date.today()):
        raise refuse(COMPLETION, f"the date {on.isoformat()} is in the future")
    for c in draft.training.completions:
        if c.employee_id == employee_id and c.session == session.title:
            raise refuse(COMPLETION, f'{employee_id} already completed "{session.title}" on {c.date.isoformat()}')
    completion = Completion(employee_id=employee_id, session=session.title, date=on)
    draft.training.completions.append(completion)
    return completion


def remove_completion(draft: Draft, employee_id: str, session_title: str) -> None:
    for c in draft.training.completions:
        if c.employee_id == employee_id and c.session == session_title:
            draft.training.completions.remove(c)
            return
    raise refuse(COMPLETION, f'no completion of "{session_title}" is recorded for {employee_id}')


# --- completions from a CSV file ----------------------------------------------------------------

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
    """A file's bytes, or ProblemsError saying in words why it cannot be read."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise ProblemsError([Problem(str(path), "no such file")]) from None
    except IsADirectoryError:
        raise ProblemsError([Problem(str(path), "is a folder, not a CSV file")]) from None
    except OSError as error:
        raise ProblemsError([Problem(str(path), f"cannot be read: {error.strerror}")]) from None


def import_completions(draft: Draft, path: Path, employees: Sequence[Employee], *, session: str | None = None,
                       today: date | None = None) -> CompletionImport:
    """Read, check and record a completions file in one go (the command line's path)."""
    result = read_completions(read_file(path), str(path), draft, employees, session=session, today=today)
    apply_import(draft, result)
    return result


def draft_issues(draft: Draft) -> list[tuple[str, str]]:
    """Errors in a hand-written training table, as (dotted path, message) pairs.

    Two sessions with one title would make every completion naming it ambiguous.
    """
    issues = []
    seen: dict[str, int] = {}
    for n, session in enumerate(draft.training.sessions):
        key = session.title.casefold()
        if key in seen:
            issues.append((f"training.sessions[{n}].title", f'duplicate: a session called "{session.title}" '
                           f"is already at training.sessions[{seen[key]}]"))
        else:
            seen[key] = n
    return issues


def check_training(draft: Draft, employees: Sequence[Employee], file: str) -> list[Problem]:
    """What `policy-tui check` reports about training: what a hand edit can leave wrong."""
    problems = [Problem(file, message, field=path) for path, message in draft_issues(draft)]
    for n, session in enumerate(draft.training.sessions):
        try:
            clean_audience(session.audience)
        except ProblemsError as error:
            problems.append(Problem(file, error.problems[0].message, field=f"training.sessions[{n}].audience",
                                    severity="warning"))
    titles = {s.title for s in draft.training.sessions}
    known = {e.id for e in employees}
    for n, c in enumerate(draft.training.completions):
        where = f"training.completions[{n}]"
        if c.session not in titles:
            problems.append(Problem(file, f'no session is called "{c.session}"', field=f"{where}.session",
                                    severity="warning"))
        elif employees and c.employee_id not in known:
            problems.append(Problem(file, f"employee {c.employee_id} is not in the roster",
                                    field=f"{where}.employee_id", severity="warning"))
    return problems
