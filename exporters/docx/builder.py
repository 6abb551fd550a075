"""The policy document's layout: what goes where, in the order legal reads it.

Order: title block (and the DRAFT banner while approvals are outstanding), contents, the
policy's numbered sections, approved channels, who gets which channel, training and
discipline, revision history, approval block, and the employee acknowledgment form (on its
own page, to be copied and signed). The policy names no employee: every employee receives it.
Who is granted access, by name, is the access schedule (`build_schedule`), a confidential
document of its own that the policy refers to; for a large company it runs to hundreds of pages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from docx.document import Document as WordDocument
from docx.enum.text import WD_BREAK
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph

from policy_model.policy_view import PolicyView

from .base import TABLE_STYLE, open_base
from .ooxml import (
    add_field,
    add_numbering,
    add_table,
    begin_field,
    column_widths,
    end_field,
    number_paragraph,
    rows_xml,
    shade,
    update_fields_on_open,
)
from .streamed import StreamedTable, mark_rows
from .text import one_line, property_text, xml_safe

DRAFT_RED = RGBColor(0xC0, 0x00, 0x00)
SIGNATURE_LINE = "_" * 34
DATE_LINE = "_" * 14


class _Writer:
    """Appends the parts of the document in order, numbering headings as it goes."""

    def __init__(self, document: WordDocument, view: PolicyView) -> None:
        self.document = document
        self.view = view
        self.headings = add_numbering(document, ["%1.", "%1.%2."])
        self.counters = [0, 0]
        self.outline: list[tuple[int, str]] = []

    # Building blocks -------------------------------------------------------------------

    def paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        return self.document.add_paragraph(xml_safe(text), style=style)

    def heading(self, title: str, level: int = 1) -> Paragraph:
        """A real Word heading, numbered by our list definition, and remembered for the contents."""
        paragraph = self.document.add_paragraph(one_line(title), style=f"Heading {level}")
        # Set on the paragraph, not left to the style: a template's heading style may lack it.
        paragraph.paragraph_format.keep_with_next = True
        number_paragraph(paragraph, self.headings, level - 1)
        self.counters[level - 1] += 1
        if level == 1:
            self.counters[1] = 0
        number = ".".join(str(n) for n in self.counters[:level]) + "."
        self.outline.append((level, f"{number} {one_line(title)}"))
        return paragraph

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], weights: Sequence[int] | None = None,
              empty: str = "") -> None:
        if not rows and empty:
            self.paragraph(empty)
            return
        add_table(self.document, rows, TABLE_STYLE, headers=headers, weights=weights)

    def page_break(self) -> Paragraph:
        paragraph = self.document.add_paragraph()
        paragraph.add_run().add_break(WD_BREAK.PAGE)
        return paragraph

    # The parts, in order ---------------------------------------------------------------

    def title_block(self) -> None:
        view = self.view
        self.paragraph(view.title, "Title")
        if view.company:
            self.paragraph(view.company, "Subtitle")
        if view.status == "DRAFT":
            banner = self.document.add_paragraph()
            shade(banner, "FBE4E4")
            run = banner.add_run("DRAFT — not approved for use")
            run.bold = True
            run.font.size = Pt(18)
            run.font.color.rgb = DRAFT_RED
            self.paragraph("This document is a draft: " + "; ".join(view.draft_reasons) + ".")
        add_table(self.document, [
            ("Company", view.company), ("Policy", view.title), ("Version", view.version),
            ("Effective date", view.effective_date), ("Owner", view.owner or "not set"),
            ("Jurisdiction", view.jurisdiction or "not set"), ("Status", view.status),
        ], TABLE_STYLE, weights=[1, 3], labels=True)

    def contents(self) -> Paragraph:
        """The heading of the contents; the entries are filled in once every heading is written."""
        self.paragraph("Contents", "TOC Heading")
        return self.page_break()

    def sections(self) -> None:
        if not self.view.sections:
            self.heading("Policy")
            self.paragraph("No section of the policy is written yet.")
        for section in self.view.sections:
            self.heading(section.title)
            if section.applies_to:  # kept with the text, as the heading is with it
                applies = self.paragraph(section.applies_to)
                applies.runs[0].italic = True
                applies.paragraph_format.keep_with_next = True
            for text in section.paragraphs:
                self.paragraph(text)

    def channels(self) -> None:
        self.heading("Approved channels")
        self.paragraph("Employees may use only these channels with customers, and only on these terms.")
        self.table(["Channel", "Accounts", "Devices", "Response time", "Archiving", "Who"],
                   [(c.name, c.accounts, c.devices, c.response_time, c.archiving, c.who) for c in self.view.channels],
                   weights=[3, 3, 4, 3, 3, 4], empty="No channel is approved yet.")

    def matrix(self) -> None:
        matrix = self.view.matrix
        self.heading("Access to channels")
        if not matrix.channels or not matrix.rows:
            self.paragraph("No employee is granted a channel yet.")
            return
        self.paragraph("Granted employees by department (down) and channel (across): each number counts the "
                       "people who may use that channel. The access schedule, a separate confidential "
                       "document, names them.")
        totals = [sum(counts[i] for _, counts in matrix.rows) for i in range(len(matrix.channels))]
        rows = [(group, *map(str, counts)) for group, counts in matrix.rows]
        rows.append(("All departments", *map(str, totals)))
        self.table(["Department", *matrix.channels], rows, weights=[3, *[2] * len(matrix.channels)])

    def training_and_discipline(self) -> None:
        self.heading("Training and discipline")
        self.heading("Training", 2)
        self.paragraph("Every granted employee completes this training before using a channel with customers.")
        self.table(["Session", "Date", "Format", "Audience", "Completed"], self.view.training,
                   weights=[5, 3, 3, 3, 3], empty="No training session is planned yet.")
        self.heading("Discipline", 2)
        self.paragraph("When a bad habit develops, these steps are taken in order:")
        if not self.view.discipline:
            self.paragraph("No disciplinary step is defined yet.")
            return
        steps = add_numbering(self.document, ["%1."])
        for name, description in self.view.discipline:
            paragraph = self.document.add_paragraph()
            number_paragraph(paragraph, steps)
            paragraph.add_run(one_line(name)).bold = True
            if description:
                paragraph.add_run(": " + xml_safe(description))

    def revisions(self) -> None:
        self.heading("Revision history")
        self.table(["Version", "Date", "Author", "Summary"], self.view.revisions, weights=[2, 3, 4, 8],
                   empty="No revision is recorded yet.")

    def approval(self) -> None:
        self.heading("Approval")
        self.paragraph("Each approver signs below. The policy is final when every approver has approved it.")
        if not self.view.approvers:
            self.paragraph("No approver is named yet.")
        for approver in self.view.approvers:
            name = self.document.add_paragraph()
            name.paragraph_format.keep_with_next = True
            name.paragraph_format.space_before = Pt(12)
            name.paragraph_format.space_after = Pt(0)
            name.add_run(one_line(approver.name)).bold = True
            details = self.paragraph(" · ".join(one_line(t) for t in (approver.title, approver.role,
                                                                          f"status: {approver.status}") if t))
            details.paragraph_format.keep_with_next = True
            details.paragraph_format.space_after = Pt(0)
            self.paragraph(f"Signature: {SIGNATURE_LINE}    Date: {approver.date or DATE_LINE}")

    def acknowledgment(self) -> None:
        """Each form on a page of its own, to be copied and signed."""
        for form in self.view.acknowledgments:
            self.page_break()
            self.heading(form.title)
            for text in form.statements:
                self.paragraph(text)
            for label in ("Employee name", "Employee ID", "Signature", "Date"):
                line = self.paragraph(f"{label}: {SIGNATURE_LINE}")
                line.paragraph_format.space_before = Pt(12)

    def schedule(self) -> StreamedTable:
        """The access schedule: its own title block (what it is, for which policy, kept how),
        then the table of granted people, whose rows are written as the file is saved."""
        view = self.view
        self.paragraph("Access schedule", "Title")
        self.paragraph(f"{view.title} — {view.company}" if view.company else view.title, "Subtitle")
        self.paragraph(f"Version {view.version}, {view.status}. Confidential: it names employees, so it goes "
                       "to HR, IT and compliance, not with the policy every employee receives.")
        self.heading("Granted employees and their channels")
        count = len(self.view.granted)
        self.paragraph(f"{count} employee{'s' * (count != 1)} granted social or mobile access to customers, "
                       "in roster order.")
        if not count:
            self.paragraph("No employee is granted access yet.")
            return StreamedTable(self.document, (), 0)
        weights = [2, 4, 3, 4, 5]
        mark_rows(add_table(self.document, [], TABLE_STYLE, headers=["ID", "Name", "Department", "Role", "Channels"],
                            weights=weights))
        rows = ((g.employee_id, g.name, g.department, g.role, g.channels) for g in self.view.granted)
        return StreamedTable(self.document, rows_xml(rows, column_widths(self.document, weights)), count)

    def fill_contents(self, before: Paragraph) -> None:
        """A TOC field over heading levels 1-2, its cached result listing the headings written.

        Word rebuilds it with page numbers on Update Field; until then, and in LibreOffice,
        the cached entries make it a usable list of sections rather than an empty box.
        """
        first = before.insert_paragraph_before(style="TOC 1")
        begin_field(first, 'TOC \\o "1-2" \\h \\z \\u')
        last = first
        for i, (level, title) in enumerate(self.outline):
            if i == 0:
                first.style = self.document.styles[f"TOC {level}"]
                first.add_run(title)
            else:
                last = before.insert_paragraph_before(title, style=f"TOC {level}")
        if not self.outline:
            first.add_run("Right-click and choose Update Field to list the sections.")
        end_field(last)

    def header_and_footer(self) -> None:
        view = self.view
        section = self.document.sections[-1]
        header = section.header
        paragraph = _first_empty(header.paragraphs) or header.add_paragraph()
        paragraph.add_run(one_line(f"{view.title} — {view.company}" if view.company else view.title))
        if view.status == "DRAFT":
            run = paragraph.add_run("    DRAFT — NOT APPROVED")
            run.bold = True
            run.font.color.rgb = DRAFT_RED
        footer = section.footer
        paragraph = _first_empty(footer.paragraphs) or footer.add_paragraph()
        paragraph.add_run(f"Version {one_line(view.version)} · {view.status} · Page ")
        add_field(paragraph, "PAGE")
        paragraph.add_run(" of ")
        add_field(paragraph, "NUMPAGES")

    def properties(self) -> None:
        view = self.view
        properties = self.document.core_properties
        author = property_text(view.owner or view.company)
        now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
        properties.title = property_text(view.title)
        properties.subject = property_text(view.subject)
        properties.author = author
        properties.last_modified_by = author
        properties.version = property_text(view.version)
        properties.revision = max(1, len(view.revisions))
        properties.content_status = view.status
        properties.category = "Policy"
        properties.keywords = property_text(f"policy; version {view.version}; {view.status}")
        properties.comments = property_text("; ".join(view.draft_reasons))
        properties.created = now
        properties.modified = now


def _first_empty(paragraphs: Sequence[Paragraph]) -> Paragraph | None:
    """A header's lone empty paragraph to write into; a template's letterhead (text or logo) is left alone."""
    return paragraphs[0] if len(paragraphs) == 1 and not paragraphs[0]._p.r_lst else None


def build_schedule(view: PolicyView, template: Path | None = None) -> StreamedTable:
    """The access schedule: every granted person and their channels, for the view's policy;
    the rows are made as `streamed.save_streamed` writes them."""
    document = open_base(template)
    writer = _Writer(document, view)
    schedule = writer.schedule()
    writer.header_and_footer()
    writer.properties()
    document.core_properties.title = property_text(f"Access schedule: {view.title}")
    return schedule


def build(view: PolicyView, template: Path | None = None,
          progress: Callable[[int, int], None] | None = None) -> WordDocument:
    """The whole document for a view, on python-docx's blank document or a company template."""
    document = open_base(template)
    writer = _Writer(document, view)
    total = 9
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress:
            progress(done, total)

    writer.title_block()
    tick()
    toc_end = writer.contents()
    for part in (writer.sections, writer.channels, writer.matrix, writer.training_and_discipline,
                 writer.revisions, writer.approval, writer.acknowledgment):
        part()
        tick()
    writer.fill_contents(toc_end)
    update_fields_on_open(document)
    writer.header_and_footer()
    writer.properties()
    tick()
    return document
