"""Training: the sessions people attend, who completed them, and who is still to be trained.

The method asks that every employee granted social or mobile access completes training before
using it. A session says who must attend (every granted employee, or some groups of them);
completions are entered by hand here or imported from a CSV file (`training_import`).
Who is granted comes from step 1's rules (`eligibility.evaluate`), so the pending list follows
every change made there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from .draft import TRAINING_FORMATS, Completion, Draft, Employee, TrainingFormat, TrainingSession
from .eligibility import Decision, decided
from .groups import Group, parse_group, reaches
from .problems import Problem, ProblemsError
from .user_input import clean_line, refuse

SESSION = "training session"
COMPLETION = "training completion"
GRANTED = "granted"

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
    """The groups of an audience as written ("granted" -> none: every granted employee)."""
    text = audience.strip()
    return [] if text.casefold() in ("", GRANTED) else [g.strip() for g in text.split(",") if g.strip()]


def parse_audience(audience: str) -> list[Group]:
    """The audience's groups, the same kind of groups a channel is narrowed to; ValueError if one is wrong."""
    return [parse_group(text) for text in audience_groups(audience)]


def clean_audience(audience: str) -> str:
    """"granted", or groups as "department:Sales, role:Banker, employee:E0042"; refuses anything else."""
    text = clean_line(audience, SESSION, "audience", required=False)
    try:
        groups = parse_audience(text)
    except ValueError as error:
        raise refuse(SESSION, f'audience: {error}, or "granted" for every granted employee') from None
    return ", ".join(str(g) for g in groups) or GRANTED


def _checked(draft: Draft, title: str, format: str, audience: str, editing: TrainingSession | None,
             ) -> tuple[str, TrainingFormat, str]:
    title = clean_line(title, SESSION, "title")
    other = find_session(draft, title)
    if other is not None and other is not editing:
        raise refuse(SESSION, f'a session is already called "{other.title}"')
    if format not in TRAINING_FORMATS:
        raise refuse(SESSION, f'format "{format}": expected {", ".join(TRAINING_FORMATS)}')
    return title, format, clean_audience(audience)


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
        draft.training.completions = [replace(c, session=checked_title) if c.session == session.title else c
                                      for c in draft.training.completions]
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

def _groups(audience: str) -> list[Group] | None:
    """The audience's groups, or None when it cannot be read."""
    try:
        return parse_audience(audience)
    except ValueError:
        return None


def _reaches(groups: list[Group] | None, employee: Employee) -> bool:
    return groups is not None and reaches(groups, employee)


def granted_employees(draft: Draft, employees: Sequence[Employee],
                      decisions: Sequence[Decision] | None = None) -> list[Employee]:
    """The people step 1 grants access to, in roster order."""
    return [e for e, d in zip(employees, decided(draft, employees, decisions), strict=True) if d.status == "granted"]


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


def training_status(draft: Draft, employees: Sequence[Employee],
                    decisions: Sequence[Decision] | None = None) -> TrainingStatus:
    """One pass over the granted people: who is pending, and how far each session has got.

    A granted person whom no session covers is pending too: they have had no training at all.
    """
    sessions = draft.training.sessions
    done = {(c.employee_id, c.session) for c in draft.training.completions}
    counts = {s.title: [0, 0] for s in sessions}
    audiences = _audiences(draft)
    granted = granted_employees(draft, employees, decisions)
    status = TrainingStatus(granted=len(granted))
    for employee in granted:
        required = _required(audiences, employee)
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


def _audiences(draft: Draft) -> list[tuple[str, list[Group] | None]]:
    return [(s.title, _groups(s.audience)) for s in draft.training.sessions]


def _required(audiences: list[tuple[str, list[Group] | None]], employee: Employee) -> list[str]:
    """The sessions meant for the person, by title."""
    return [title for title, groups in audiences if _reaches(groups, employee)]


def needs_training(draft: Draft, employee: Employee) -> bool:
    """Whether a granted person is still to be trained, as `training_status` counts them (a
    session meant for them not completed, or none covering them): for one person, such as the
    one selected in step 1, without deciding the whole roster."""
    done = {c.session for c in draft.training.completions if c.employee_id == employee.id}
    required = _required(_audiences(draft), employee)
    return not required or any(title not in done for title in required)


def pending(draft: Draft, employees: Sequence[Employee]) -> list[Pending]:
    """Everyone granted access who has not completed every session meant for them."""
    return training_status(draft, employees).pending


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
