"""Word tracked changes: the policy as legal signed it, with every change since marked up.

Legal re-signs a policy by reading what changed, and accepts or rejects each change in Word.
So the redline is not a picture of a diff: every change is a real Word revision (`w:ins` and
`w:del` runs at word level, with an author and a date) that Word and LibreOffice let a
reader accept or reject. Accepting every change gives exactly the new text, rejecting every
change exactly the old one; `accept_all` and `reject_all` apply them to the XML so tests
check that.

`add_tracked_paragraph` is the reusable piece: the document builder calls it for each clause
paragraph, with the old and the new text. Added and removed clauses are whole-paragraph
insertions and deletions, including the paragraph mark, so accepting a removal leaves no
empty paragraph behind. A clause that moved is deleted where it was and inserted where it is,
so rejecting every change restores the old order too.

python-docx and lxml are imported inside the functions, so importing this module is cheap.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Literal

from exporters.docx.text import one_line, xml_safe
from policy_model.clauses import in_policy
from policy_model.diff import DraftDiff, decision_text, diff_drafts, show, why
from policy_model.draft import Clause, Draft, Employee
from policy_model.law import draft_places
from policy_model.word_diff import WordOp, word_diff

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument
    from docx.text.paragraph import Paragraph

__all__ = ["Marks", "word_diff", "append_diff_runs", "add_tracked_paragraph", "mark_paragraph", "clause_pairs",
           "add_clause", "add_change_summary", "summary_rows", "redline_document", "accept_all", "reject_all",
           "SUMMARY_ROWS_MAX"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_BREAKS = re.compile(r"(\n|\t)")
# A summary row per person is what legal reads; past this many the table says how many more
# there are and points to `policy-tui diff`, so a bank-wide re-import does not bury the clauses.
SUMMARY_ROWS_MAX = 300

Revision = Literal["ins", "del"]


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class Marks:
    """Who made the changes and when; hands out the revision ids, unique within a document."""

    author: str
    date: datetime
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1), repr=False)

    @property
    def stamp(self) -> str:
        """The date as Word stores it: ISO 8601 in UTC, to the second."""
        when = self.date if self.date.tzinfo else self.date.replace(tzinfo=UTC)
        return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def attributes(self) -> dict[str, str]:
        return {_w("id"): str(next(self._ids)), _w("author"): one_line(self.author), _w("date"): self.stamp}


def _element(tag: str, attributes: dict[str, str] | None = None) -> Any:
    from docx.oxml import OxmlElement

    element = OxmlElement(f"w:{tag}")
    for name, value in (attributes or {}).items():
        element.set(name, value)
    return element


def _run(text: str, deleted: bool) -> Any:
    """A `w:r` holding text; line breaks and tabs become Word's own elements."""
    run = _element("r")
    for piece in _BREAKS.split(xml_safe(text)):
        if piece == "\n":
            run.append(_element("br"))
        elif piece == "\t":
            run.append(_element("tab"))
        elif piece:
            text_element = _element("delText" if deleted else "t")
            text_element.text = piece
            if piece != piece.strip():
                text_element.set(XML_SPACE, "preserve")
            run.append(text_element)
    return run


def append_diff_runs(paragraph: Paragraph, ops: Sequence[WordOp], marks: Marks) -> None:
    """Append the runs of a word diff to a paragraph: kept text plain, the rest as revisions."""
    p = paragraph._p
    for op in ops:
        if op.op == "equal":
            p.append(_run(op.text, deleted=False))
            continue
        wrapper = _element("ins" if op.op == "insert" else "del", marks.attributes())
        wrapper.append(_run(op.text, deleted=op.op == "delete"))
        p.append(wrapper)


def mark_paragraph(paragraph: Paragraph, revision: Revision, marks: Marks) -> None:
    """Mark the paragraph mark itself inserted or deleted (`w:pPr/w:rPr/w:ins|w:del`).

    Without it, accepting a deleted clause would leave an empty paragraph behind.
    """
    p_pr = paragraph._p.get_or_add_pPr()
    r_pr = p_pr.find(_w("rPr"))
    if r_pr is None:
        r_pr = _element("rPr")
        p_pr.insert_element_before(r_pr, "w:sectPr", "w:pPrChange")
    r_pr.append(_element(revision, marks.attributes()))


def add_tracked_paragraph(container: Any, old: str | None, new: str | None, marks: Marks,
                          style: str | None = None) -> Paragraph:
    """A paragraph showing `old` becoming `new`: None for `old` is an insertion, for `new` a deletion.

    `container` is anything with `add_paragraph` (a document, a table cell, a header).
    """
    paragraph: Paragraph = container.add_paragraph(style=style)
    if old is None and new is None:
        raise ValueError("a tracked paragraph needs an old text, a new text, or both")
    if old is None:
        append_diff_runs(paragraph, [WordOp("insert", new)] if new else [], marks)
        mark_paragraph(paragraph, "ins", marks)
    elif new is None:
        append_diff_runs(paragraph, [WordOp("delete", old)] if old else [], marks)
        mark_paragraph(paragraph, "del", marks)
    else:
        append_diff_runs(paragraph, word_diff(old, new), marks)
    return paragraph


def clause_pairs(old: Sequence[Clause], new: Sequence[Clause]) -> list[tuple[Clause | None, Clause | None]]:
    """The clauses of both versions in reading order: kept ones paired, others alone.

    Follows the new order; a removed clause stays where it was, and a moved one appears twice
    (removed at its old place, added at its new one), which is what makes "reject all"
    restore the old document.
    """
    old_ids, new_ids = [c.id for c in old], [c.id for c in new]
    pairs: list[tuple[Clause | None, Clause | None]] = []
    matcher = difflib.SequenceMatcher(None, old_ids, new_ids, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs.extend(zip(old[i1:i2], new[j1:j2], strict=True))
            continue
        pairs.extend((clause, None) for clause in old[i1:i2])
        pairs.extend((None, clause) for clause in new[j1:j2])
    return pairs


def _clause_text(draft: Draft, clause: Clause) -> str:
    return clause.text


def add_clause(document: Any, old: Clause | None, new: Clause | None, marks: Marks,
               old_text: str | None, new_text: str | None, heading_style: str = "Heading 2") -> None:
    """A clause's title and text, tracked; the unit the document builder repeats."""
    add_tracked_paragraph(document, old.title or old.id if old else None, new.title or new.id if new else None,
                          marks, style=heading_style)
    add_tracked_paragraph(document, old_text, new_text, marks)


def redline_document(old: Draft, new: Draft, author: str, date: datetime, *,
                     old_employees: Sequence[Employee] | None = None,
                     new_employees: Sequence[Employee] | None = None, diff: DraftDiff | None = None,
                     clause_text: Callable[[Draft, Clause], str] = _clause_text) -> DocxDocument:
    """A Word document: a summary of access and channel changes, then every clause with tracked changes.

    `diff` may be given when the caller has it (with a note on a missing roster); otherwise it
    is computed from the rosters passed. `clause_text` gives a clause's text as exported (the
    document builder fills `{variables}`); disabled clauses are not in the document, so
    enabling one is an insertion.
    """
    import docx

    document = docx.Document()
    marks = Marks(author, date)
    diff = diff or diff_drafts(old, new, old_employees, new_employees)
    policy = new.policy
    document.add_heading(one_line(f"{policy.title}: changes since version {old.policy.version}"), level=0)
    document.add_paragraph(one_line(f"{policy.company}. Version {old.policy.version} -> {policy.version}. "
                                    f"Changes are tracked, by {author}, {marks.stamp[:10]}: "
                                    "accept or reject them in Word's Review tab."))
    document.add_heading("Summary of access and channel changes", level=1)
    add_change_summary(document, diff)
    document.add_heading("Policy", level=1)
    old_places, new_places = draft_places(old, old_employees or ()), draft_places(new, new_employees or ())
    old_clauses = [c for c in old.clauses if in_policy(c, old, old_places)]
    new_clauses = [c for c in new.clauses if in_policy(c, new, new_places)]
    for was, now in clause_pairs(old_clauses, new_clauses):
        add_clause(document, was, now, marks,
                   clause_text(old, was) if was else None, clause_text(new, now) if now else None)
    # The body's last paragraph mark cannot be deleted; keep it an untracked one.
    document.add_paragraph(one_line(f"End of {policy.title}, version {policy.version}."))
    return document


def summary_rows(diff: DraftDiff) -> list[tuple[str, str, str, str]]:
    """(change, subject, before, after) for the header, access and channels, in that order."""
    rows = [("Policy", c.name.replace("_", " "), show(c.old), show(c.new)) for c in diff.header]
    for person in diff.access:
        rows.append((f"Access {person.kind}", f"{person.employee_id} {person.name}".strip(),
                     _decision_cell(person.old, diff), _decision_cell(person.new, diff)))
    for channel in diff.channels:
        name = channel.label
        if channel.kind == "added":
            rows.append(("Channel added", name, "(none)", _channel_cell(channel.new)))
        elif channel.kind == "removed":
            rows.append(("Channel removed", name, _channel_cell(channel.old), "(none)"))
        else:
            for c in channel.fields:
                rows.append((f"Channel {c.name.replace('_', ' ')}", name, show(c.old), show(c.new)))
    rows += [("Approval", stale.name, stale.given, "now for an earlier text") for stale in diff.stale]
    return rows


def _decision_cell(decision: Any, diff: DraftDiff) -> str:
    text = decision_text(decision, diff.access_basis)
    return f"{text}: {why(decision)}" if decision else text


def _channel_cell(channel: Any) -> str:
    state = "enabled" if channel.enabled else "not enabled"
    return f"{state}, for {show(channel.groups)}" if channel.groups else state


def add_change_summary(document: Any, diff: DraftDiff) -> None:
    """The table of header, access and channel changes that opens a redline."""
    if diff.access_note:
        document.add_paragraph(xml_safe(diff.access_note[0].upper() + diff.access_note[1:] + "."))
    rows = summary_rows(diff)
    if not rows:
        document.add_paragraph("No changes to the policy header, access or channels.")
        return
    from exporters.docx.base import TABLE_STYLE
    from exporters.docx.ooxml import add_table

    shown = rows[:SUMMARY_ROWS_MAX]
    add_table(document, shown, TABLE_STYLE, headers=("Change", "Subject", "Before", "After"))
    if len(rows) > len(shown):
        document.add_paragraph(f"{len(rows) - len(shown)} more changes are not listed here; "
                               "'policy-tui diff OLD NEW' lists them all.")


# ---------------------------------------------------------------------------------------------
# Applying tracked changes, as Word's "Accept all" and "Reject all" do, to check a redline.


def accept_all(document_xml: bytes | str) -> str:
    """The document's text with every tracked change accepted, paragraphs joined by newlines."""
    return "\n".join(_apply(document_xml, accept=True))


def reject_all(document_xml: bytes | str) -> str:
    """The document's text with every tracked change rejected, paragraphs joined by newlines."""
    return "\n".join(_apply(document_xml, accept=False))


def _apply(document_xml: bytes | str, *, accept: bool) -> list[str]:
    """Paragraph texts after applying the changes; a paragraph whose mark goes joins the next."""
    from lxml import etree

    data = document_xml.encode("utf-8") if isinstance(document_xml, str) else document_xml
    # A document from anywhere: entities left unexpanded, nothing fetched, no huge text nodes.
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    dropped = _w("del") if accept else _w("ins")
    for element in list(root.iter(dropped)):
        if element.getparent().tag != _w("rPr"):  # a paragraph mark's revision is read below
            element.getparent().remove(element)
    paragraphs: list[str] = []
    pending = ""
    for p in root.iter(_w("p")):
        text = pending + _text(p)
        mark = p.find(f"{_w('pPr')}/{_w('rPr')}/{dropped}")
        if mark is not None:
            pending = text
            continue
        pending = ""
        paragraphs.append(text)
    if pending:
        paragraphs.append(pending)
    return paragraphs


def _text(p: Any) -> str:
    parts = []
    for element in p.iter(_w("t"), _w("delText"), _w("br"), _w("tab")):
        if element.tag == _w("br"):
            parts.append("\n")
        elif element.tag == _w("tab"):
            parts.append("\t")
        else:
            parts.append(element.text or "")
    return "".join(parts)
