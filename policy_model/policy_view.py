"""What the exported policy document shows, resolved to plain text and rows.

The Word exporter (and any other output format) reads only a `PolicyView`, never the draft:
every decision about wording, who gets which channel and whether the document is final is
taken here, in the model, where a test can check it without python-docx. Each resolution is
one small function (`clause_sections`, `access_matrix`, `granted_rows`,
`document_status`); who gets which channel comes from step 2's `access` module.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from types import MappingProxyType
from typing import Literal, overload

from .accepted import unaccepted
from .access import ChannelGrants, Matrix, matrix
from .channels import channel_name, enabled_channels
from .clauses import RenderedClause, applies_line, render_policy
from .document import Document
from .draft import Channel, Draft, Employee, PolicyHeader
from .eligibility import REVIEW, Decision
from .problems import Problem, blocking_final, errors_in
from .prose import date_text, month_first
from .signoff import stale_approvers
from .training import completions_by_session

Status = Literal["DRAFT", "FINAL"]

ROLE_NAMES = MappingProxyType({"legal": "Legal", "hr": "Human Resources", "executive": "Executive",
              "compliance": "Compliance", "other": "Other"})


@dataclass(frozen=True)
class Section:
    """A numbered section of the policy: its heading, whom it binds ("Applies to every
    employee.") and its paragraphs of plain text."""

    title: str
    paragraphs: tuple[str, ...]
    applies_to: str = ""


@dataclass(frozen=True)
class ChannelRow:
    """An approved channel and its terms, in words."""

    name: str
    accounts: str
    devices: str
    response_time: str
    archiving: str
    who: str


@dataclass(frozen=True)
class AccessMatrix:
    """Groups (departments) down, channels across; each cell counts the granted people."""

    channels: tuple[str, ...]
    rows: tuple[tuple[str, tuple[int, ...]], ...]


@dataclass(frozen=True)
class GrantedRow:
    employee_id: str
    name: str
    department: str
    role: str
    channels: str


@dataclass(frozen=True)
class ApproverRow:
    name: str
    title: str
    role: str
    status: str
    date: str


@dataclass(frozen=True)
class PolicyView:
    """Everything the exported document shows, already in words; no draft types inside."""

    company: str
    title: str
    version: str
    effective_date: str
    owner: str
    status: Status
    # Why the document is a draft ("2 of 3 approvals pending"); empty when FINAL.
    draft_reasons: tuple[str, ...]
    sections: tuple[Section, ...]
    channels: tuple[ChannelRow, ...]
    matrix: AccessMatrix
    granted: Sequence[GrantedRow]
    training: tuple[tuple[str, str, str, str, str], ...]
    discipline: tuple[tuple[str, str], ...]
    revisions: tuple[tuple[str, str, str, str], ...]
    approvers: tuple[ApproverRow, ...]
    acknowledgments: tuple[Acknowledgment, ...]
    jurisdiction: str = ""
    subject: str = ""
    # The language the text is written in, as a BCP 47 tag (an HTML page's `lang`): the clause
    # library is English.
    language: str = "en"


def clause_sections(rendered: Sequence[RenderedClause]) -> tuple[Section, ...]:
    """The policy's sections as step 3 renders them (conditions applied, variables filled);
    a blank line separates paragraphs, a single newline does not."""
    return tuple(
        Section(clause.title or clause.id,
                tuple(" ".join(block.split()) for block in re.split(r"\n\s*\n", clause.text) if block.strip()),
                applies_line(clause.tier))
        for clause in rendered
    )


def channel_rows(channels: Sequence[Channel]) -> tuple[ChannelRow, ...]:
    rows = []
    for c in channels:
        accounts = [word for word, on in (("business", c.business_account), ("personal", c.personal_account)) if on]
        rows.append(ChannelRow(
            name=channel_name(c),
            accounts=" and ".join(accounts) or "none",
            devices=", ".join(c.devices) or "any",
            response_time=c.response_time or "-",
            archiving="required" if c.archiving_required else "not required",
            who="; ".join(c.groups) or "every granted employee",
        ))
    return tuple(rows)


def access_matrix(table: Matrix) -> AccessMatrix:
    """Step 2's matrix by department, in the document's words."""
    return AccessMatrix(table.short_names, tuple((row.group, row.counts) for row in table.rows))


class GrantedRows(Sequence[GrantedRow]):
    """Every granted person and the channels step 2 gives them, in roster order, made one row
    at a time as they are read: a national roster's schedule is written without a million
    rows held at once (a tuple of them took 170 MB). Only the positions of those granted are
    kept, as machine integers. Equal to any sequence of the same rows, such as a tuple."""

    def __init__(self, draft: Draft, employees: Sequence[Employee], decisions: Sequence[Decision]) -> None:
        self._employees = employees
        self._decisions = decisions
        self._channels = ChannelGrants(draft)
        self._names = {c.id: channel_name(c) for c in draft.channels}
        self._cells: dict[tuple[str, ...], str] = {}
        self._positions = array("q", (n for n, d in enumerate(decisions) if d.status == "granted"))

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, index: int) -> GrantedRow: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[GrantedRow, ...]: ...

    def __getitem__(self, index: int | slice) -> GrantedRow | tuple[GrantedRow, ...]:
        if isinstance(index, slice):
            return tuple(map(self._row, self._positions[index]))
        return self._row(self._positions[index])

    def __iter__(self) -> Iterator[GrantedRow]:
        return map(self._row, self._positions)

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Sequence) and len(self) == len(other)
                and all(a == b for a, b in zip(self, other, strict=True)))

    __hash__ = None  # type: ignore[assignment]  # equal to tuples, so never a key

    def _row(self, n: int) -> GrantedRow:
        employee = self._employees[n]
        ids = self._channels.of(employee, self._decisions[n])
        cell = self._cells.get(ids)
        if cell is None:
            cell = self._cells[ids] = ", ".join(self._names[i] for i in ids) or "none"
        return GrantedRow(employee.id, employee.name, employee.department, employee.role, cell)


def granted_rows(draft: Draft, employees: Sequence[Employee], decisions: Sequence[Decision]) -> GrantedRows:
    """Every granted person and the channels step 2 gives them, in roster order."""
    return GrantedRows(draft, employees, decisions)


def document_status(draft: Draft, problems: Sequence[Problem]) -> tuple[Status, tuple[str, ...]]:
    """FINAL only when every approver approved the text as it is, `check` found no error and
    every warning is fixed or accepted (see `accepted`); otherwise why not.

    Errors found by `check` keep the document a DRAFT: it can still be exported for review,
    but never presented as final.
    """
    reasons = []
    approvers = draft.approvers
    if not approvers:
        reasons.append("no approver is named")
    stale = set(stale_approvers(draft))
    pending = [a for n, a in enumerate(approvers) if a.status != "approved" or n in stale]
    if pending:
        reasons.append(f"{len(pending)} of {len(approvers)} approvals outstanding")
    if stale:
        reasons.append(f"{len(stale)} approval{'s were' if len(stale) != 1 else ' was'} given for an earlier text")
    errors = len(errors_in(list(problems)))
    if errors:
        reasons.append(f"{errors} problem{'s' * (errors != 1)} found by check")
    review = [p for p in problems if p.field == REVIEW]
    if review:
        reasons.append(review[0].message.partition(":")[0])  # "8 people are still in review"
    todo = len(blocking_final(list(problems))) - errors - len(review)
    if todo:
        reasons.append(f"{todo} thing{'s' * (todo != 1)} still to do")
    warned = len(unaccepted(draft, problems))
    if warned:
        reasons.append(f"{warned} warning{'s' * (warned != 1)} neither fixed nor accepted")
    return ("DRAFT" if reasons else "FINAL"), tuple(reasons)


@dataclass(frozen=True)
class Acknowledgment:
    """A form an employee signs: its title and the statements they sign."""

    title: str
    statements: tuple[str, ...]


def acknowledgments(policy: PolicyHeader, anyone_granted: bool) -> tuple[Acknowledgment, ...]:
    """The form every employee signs, and, when anyone is granted access, the one those
    granted sign as well: only they take the training, so only they sign that they did."""
    company = policy.company or "the company"
    received = f"I have received, read and understood the {policy.title} of {company}, version {policy.version}."
    everyone = Acknowledgment("Employee acknowledgment", (
        received,
        "I agree to follow the rules it sets for every employee, including that I contact customers on behalf "
        f"of {company} only through the channels it approves and only if I am granted access.",
        "I understand that breaking the policy can lead to a reminder, re-education or further "
        "disciplinary steps.",
    ))
    if not anyone_granted:
        return (everyone,)
    granted = Acknowledgment("Acknowledgment for employees granted access", (
        received,
        "I am granted social media or mobile access to customers. I have completed the training the policy "
        "requires, and I agree to follow its rules for employees granted access when I use social media or "
        "mobile messaging with customers.",
        "I understand that breaking the policy can lead to a reminder, re-education, suspension or "
        "revocation of my access, and to further disciplinary steps.",
    ))
    return everyone, granted


def build_view(document: Document, problems: Sequence[Problem] = ()) -> PolicyView:
    """Resolve an open document (with its roster loaded) into what the export shows."""
    draft = document.draft
    policy = draft.policy
    channels = enabled_channels(draft)
    employees = document.roster.employees
    decisions = document.decisions()
    completions = completions_by_session(draft)
    status, reasons = document_status(draft, problems)
    when = partial(date_text, month_first=month_first(policy.jurisdiction))  # one date style throughout
    return PolicyView(
        company=policy.company,
        title=policy.title,
        version=policy.version,
        effective_date=when(policy.effective_date) or "not set",
        owner=policy.owner,
        jurisdiction=policy.jurisdiction,
        subject=f"{policy.title} of {policy.company}".strip(),
        status=status,
        draft_reasons=reasons,
        sections=clause_sections(render_policy(draft, employees)),
        channels=channel_rows(channels),
        matrix=access_matrix(matrix(draft, employees, decisions)),
        granted=granted_rows(draft, employees, decisions),
        training=tuple((s.title, when(s.date) or "to be scheduled", s.format, s.audience,
                        str(completions.get(s.title, 0))) for s in draft.training.sessions),
        discipline=tuple((d.name, d.description) for d in draft.discipline),
        revisions=tuple((r.version, when(r.date), r.author, r.summary) for r in draft.revisions),
        approvers=tuple(ApproverRow(a.name, a.title, ROLE_NAMES.get(a.role, a.role), a.status, when(a.date))
                        for a in draft.approvers),
        acknowledgments=acknowledgments(policy, any(d.status == "granted" for d in decisions)),
    )
