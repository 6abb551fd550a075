"""Acknowledgments: who has signed the policy in force, on which form, and who still owes it.

The export carries two forms (`policy_view.acknowledgments`): the all-staff form every current
employee signs, and the access form those granted access sign as well. What is owed is the
version in force (`review_cycle.in_force`): once a new version is approved, acknowledgments
of older ones no longer count and everyone owes the new one. Leavers owe nothing.

The draft keeps each person's latest acknowledgment of each form, grouped by (version, form,
day) as lists of employee ids (`draft.Acknowledged`): bounded by the roster's size whatever the
number of versions, and about 15 bytes a person in the TOML.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType

from .draft import ACK_FORMS, AckForm, Acknowledged, Draft, Employee
from .eligibility import Decision, decided
from .leavers import has_left
from .leavers import today as today_text
from .problems import Problem
from .review_cycle import in_force

FORM_NAMES = MappingProxyType({"all staff": "all-staff form", "access": "access form"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One person's acknowledgment of one form."""

    employee_id: str
    form: AckForm
    version: str
    date: date


def entries(draft: Draft) -> Iterable[Entry]:
    for record in draft.acknowledgments:
        for employee_id in record.employees:
            yield Entry(employee_id, record.form, record.version, record.date)


def version_rank(draft: Draft, version: str) -> int:
    """How late a version comes in the revision history (the current one last); -1 when unknown."""
    versions = [r.version for r in draft.revisions]
    if version == draft.policy.version:
        return len(versions)
    return versions.index(version) if version in versions else -1


def known_version(draft: Draft, text: str) -> str | None:
    """The draft's version a file means by `text` ("1.0", "v1.0", "Version 1.0"), or None."""
    wanted = text.strip().casefold().removeprefix("version").strip().removeprefix("v").strip()
    versions = [draft.policy.version, *(r.version for r in reversed(draft.revisions))]
    return next((v for v in versions if v.strip().casefold() == wanted), None)


def record(draft: Draft, new: Iterable[Entry]) -> int:
    """Record acknowledgments; returns how many changed what the draft holds.

    A person's acknowledgment of a later version of a form replaces their earlier one; one of
    the same or an earlier version is already covered and changes nothing.
    """
    latest = {(e.employee_id, e.form): e for e in entries(draft)}
    changed = 0
    for entry in new:
        key = (entry.employee_id, entry.form)
        held = latest.get(key)
        if held is None or version_rank(draft, entry.version) > version_rank(draft, held.version):
            latest[key] = entry
            changed += 1
    if changed:
        draft.acknowledgments = _grouped(draft, latest.values())
    return changed


def _grouped(draft: Draft, kept: Iterable[Entry]) -> list[Acknowledged]:
    """One record per (version, form, day), forms in order, then versions, then days; ids sorted,
    so the same acknowledgments always save as the same text."""
    groups: dict[tuple[str, AckForm, date], list[str]] = {}
    for entry in kept:
        groups.setdefault((entry.version, entry.form, entry.date), []).append(entry.employee_id)
    order = sorted(groups, key=lambda k: (ACK_FORMS.index(k[1]), version_rank(draft, k[0]), k[0], k[2]))
    return [Acknowledged(version, form, day, sorted(groups[(version, form, day)])) for version, form, day in order]


@dataclass(frozen=True, slots=True)
class Owed:
    """A current employee who has not acknowledged the version in force on every form they owe."""

    employee: Employee
    forms: tuple[AckForm, ...]


@dataclass
class AckStatus:
    """Where acknowledgments stand for the version in force (`version` empty: none approved yet).

    `owing[form]` is how many people owe that form, `due[form]` how many must sign it at all.
    """

    version: str = ""
    pending: list[Owed] = field(default_factory=list)
    owing: dict[AckForm, int] = field(default_factory=lambda: dict.fromkeys(ACK_FORMS, 0))
    due: dict[AckForm, int] = field(default_factory=lambda: dict.fromkeys(ACK_FORMS, 0))


def ack_status(draft: Draft, employees: Sequence[Employee], decisions: Sequence[Decision] | None = None,
               today: date | None = None) -> AckStatus:
    """Who owes which form of the version in force: every current employee the all-staff form,
    and those granted access the access form too."""
    force = in_force(draft)
    if force is None:
        return AckStatus()
    status = AckStatus(force.version)
    signed = {(e.employee_id, e.form) for e in entries(draft) if e.version == force.version}
    day = today.isoformat() if today else today_text()
    for person, decision in zip(employees, decided(draft, employees, decisions), strict=True):
        if has_left(person, day):
            continue
        owes = ACK_FORMS if decision.status == "granted" else ACK_FORMS[:1]
        missing = tuple(form for form in owes if (person.id, form) not in signed)
        for form in owes:
            status.due[form] += 1
        for form in missing:
            status.owing[form] += 1
        if missing:
            status.pending.append(Owed(person, missing))
    return status


def summary(status: AckStatus) -> str:
    """"version 1.0: 12 of 40 owe the all-staff form, 3 of 9 the access form" for a status line."""
    if not status.version:
        return "no version approved yet, so none is owed"
    return (f"version {status.version}: {status.owing['all staff']:,} of {status.due['all staff']:,} owe the "
            f"all-staff form, {status.owing['access']:,} of {status.due['access']:,} the access form")


def check_acknowledgments(draft: Draft, employees: Sequence[Employee], file: str) -> list[Problem]:
    """What `check` reports about acknowledgments edited by hand: a person listed twice for one
    form (which one counts is unclear), someone not in the roster, a version the policy never had."""
    problems = []
    seen: dict[tuple[str, AckForm], int] = {}
    known = {e.id for e in employees}
    versions = {draft.policy.version, *(r.version for r in draft.revisions)}
    for n, ack in enumerate(draft.acknowledgments):
        where = f"acknowledgments[{n}]"
        if ack.version not in versions:
            problems.append(Problem(file, f"version {ack.version} is not a version of this policy",
                                    field=f"{where}.version", severity="warning"))
        for employee_id in ack.employees:
            key = (employee_id, ack.form)
            if key in seen:
                problems.append(Problem(file, f"{employee_id} is listed for the {FORM_NAMES[ack.form]} at "
                                        f"acknowledgments[{seen[key]}] too", field=f"{where}.employees",
                                        severity="warning"))
            seen[key] = n
            if employees and employee_id not in known:
                problems.append(Problem(file, f"employee {employee_id} is not in the roster",
                                        field=f"{where}.employees", severity="warning"))
    return problems
