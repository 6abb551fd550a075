"""The policy as a row of plain blocks (headings, paragraphs, tables), for the text formats.

The intranet page and the Markdown file both walk this outline, made from the same
`PolicyView` the .docx is built from and with the same numbered headings in the same order,
so the three never disagree on what the policy says. It holds the policy every employee
receives and nothing more: no employee is named (the access schedule stays a .docx), and the
paper forms' signature lines are left out, since an intranet page is read, not signed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policy_model.policy_view import PolicyView

from .docx.text import one_line

DRAFT_BANNER = "DRAFT — not approved for use"


@dataclass(frozen=True)
class Heading:
    """A numbered heading ("6.1." "Training"); level 1 for a section, 2 below it."""

    level: int
    number: str
    title: str

    @property
    def text(self) -> str:
        return f"{self.number} {self.title}"

    @property
    def anchor(self) -> str:
        """An id unique in the page, readable in a link: "section-6-1-training"."""
        words = re.sub(r"[^a-z0-9]+", "-", self.title.lower()).strip("-")
        return "-".join(filter(None, ("section", self.number.strip(".").replace(".", "-"), words)))


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Steps:
    """Numbered steps, each a name and what it means (the disciplinary steps)."""

    items: tuple[tuple[str, str], ...]


Block = Heading | Paragraph | Table | Steps


@dataclass(frozen=True)
class Outline:
    """What a text format shows: the title block, then the blocks in order."""

    title: str
    company: str
    language: str
    draft: bool
    draft_reasons: str
    facts: tuple[tuple[str, str], ...]
    blocks: tuple[Block, ...]

    @property
    def headings(self) -> tuple[Heading, ...]:
        return tuple(block for block in self.blocks if isinstance(block, Heading))


@dataclass
class _Blocks:
    """Appends blocks, numbering headings as the .docx does ("1.", "6.1.")."""

    blocks: list[Block] = field(default_factory=list)
    counters: list[int] = field(default_factory=lambda: [0, 0])

    def heading(self, title: str, level: int = 1) -> None:
        self.counters[level - 1] += 1
        if level == 1:
            self.counters[1] = 0
        number = ".".join(str(n) for n in self.counters[:level]) + "."
        self.blocks.append(Heading(level, number, one_line(title)))

    def paragraph(self, text: str) -> None:
        self.blocks.append(Paragraph(one_line(text)))

    def table(self, headers: tuple[str, ...], rows: tuple[tuple[str, ...], ...], empty: str) -> None:
        if rows:
            self.blocks.append(Table(headers, tuple(tuple(one_line(cell) for cell in row) for row in rows)))
        else:
            self.paragraph(empty)


def outline(view: PolicyView) -> Outline:
    """The view's policy in the order of the .docx: sections, channels, access, training and
    discipline, revisions, approval, the acknowledgment forms."""
    out = _Blocks()
    _sections(out, view)
    _channels(out, view)
    _matrix(out, view)
    _training_and_discipline(out, view)
    out.heading("Revision history")
    out.table(("Version", "Date", "Author", "Summary"), view.revisions, "No revision is recorded yet.")
    _approval(out, view)
    for form in view.acknowledgments:
        out.heading(form.title)
        for text in form.statements:
            out.paragraph(text)
    facts = (("Company", view.company), ("Policy", view.title), ("Version", view.version),
             ("Effective date", view.effective_date), ("Owner", view.owner or "not set"),
             ("Jurisdiction", view.jurisdiction or "not set"), ("Status", view.status))
    reasons = f"This document is a draft: {'; '.join(view.draft_reasons)}." if view.status == "DRAFT" else ""
    return Outline(one_line(view.title), one_line(view.company), view.language, view.status == "DRAFT",
                   one_line(reasons), tuple((label, one_line(value)) for label, value in facts), tuple(out.blocks))


def _sections(out: _Blocks, view: PolicyView) -> None:
    if not view.sections:
        out.heading("Policy")
        out.paragraph("No section of the policy is written yet.")
    for section in view.sections:
        out.heading(section.title)
        if section.applies_to:  # whom the section binds, as the .docx says it
            out.paragraph(section.applies_to)
        for text in section.paragraphs:
            out.paragraph(text)


def _channels(out: _Blocks, view: PolicyView) -> None:
    out.heading("Approved channels")
    out.paragraph("Employees may use only these channels with customers, and only on these terms.")
    out.table(("Channel", "Accounts", "Devices", "Response time", "Archiving", "Who"),
              tuple((c.name, c.accounts, c.devices, c.response_time, c.archiving, c.who) for c in view.channels),
              "No channel is approved yet.")


def _matrix(out: _Blocks, view: PolicyView) -> None:
    matrix = view.matrix
    out.heading("Access to channels")
    if not matrix.channels or not matrix.rows:
        out.paragraph("No employee is granted a channel yet.")
        return
    out.paragraph("Granted employees by department (down) and channel (across): each number counts the people "
                  "who may use that channel. The access schedule, a separate confidential document, names them.")
    totals = tuple(str(sum(counts[i] for _, counts in matrix.rows)) for i in range(len(matrix.channels)))
    rows = tuple((group, *map(str, counts)) for group, counts in matrix.rows)
    out.table(("Department", *matrix.channels), (*rows, ("All departments", *totals)), "")


def _training_and_discipline(out: _Blocks, view: PolicyView) -> None:
    out.heading("Training and discipline")
    out.heading("Training", 2)
    out.paragraph("Every granted employee completes this training before using a channel with customers.")
    out.table(("Session", "Date", "Format", "Audience", "Completed"), view.training,
              "No training session is planned yet.")
    out.heading("Discipline", 2)
    out.paragraph("When a bad habit develops, these steps are taken in order:")
    if view.discipline:
        out.blocks.append(Steps(tuple((one_line(name), one_line(text)) for name, text in view.discipline)))
    else:
        out.paragraph("No disciplinary step is defined yet.")


def _approval(out: _Blocks, view: PolicyView) -> None:
    out.heading("Approval")
    out.paragraph("The policy is final when every approver has approved it.")
    out.table(("Approver", "Title", "Role", "Status", "Date"),
              tuple((a.name, a.title, a.role, a.status, a.date) for a in view.approvers), "No approver is named yet.")
