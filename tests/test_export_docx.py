"""The exported .docx, re-opened with python-docx: what legal will read and sign."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import RGBColor

from exporters.docx import export_bytes, export_docx, schedule_bytes
from policy_model import training
from policy_model.checks import check_document
from policy_model.clauses import rewrite
from policy_model.document import Document, open_document
from policy_model.draft import Approver, Draft
from policy_model.policy_view import PolicyView, build_view, document_status
from policy_model.problems import Problem, ProblemsError
from policy_model.signoff import set_status

W_NUMPR = qn("w:numPr")


def exported(view: PolicyView, template: Path | None = None) -> docx.document.Document:
    return docx.Document(io.BytesIO(export_bytes(view, template)))


def approve_all(document: Document) -> None:
    document.apply(approved_by_all)


def approved_by_all(draft: Draft) -> None:
    for n in range(len(draft.approvers)):
        set_status(draft, n, "approved")


def headings(word: docx.document.Document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Heading")]


def table_starting(word: docx.document.Document, first_header: str) -> list[list[str]]:
    for table in word.tables:
        if table.rows and table.rows[0].cells[0].text == first_header:
            return [[c.text for c in row.cells] for row in table.rows]
    raise AssertionError(f"no table starts with {first_header!r}")


def all_text(word: docx.document.Document) -> str:
    return "\n".join(t for t in word.element.body.itertext())


def header_text(word: docx.document.Document) -> str:
    return "\n".join(p.text for p in word.sections[0].header.paragraphs)


@pytest.fixture
def document(export_draft: Path) -> Document:
    return open_document(export_draft)


def test_sections_are_real_numbered_word_headings(document: Document) -> None:
    word = exported(build_view(document))
    assert headings(word) == [
        ("Heading 1", "Purpose"), ("Heading 1", "Who this policy covers"), ("Heading 1", "Keeping records"),
        ("Heading 1", "Approved channels"), ("Heading 1", "Access to channels"),
        ("Heading 1", "Training and discipline"), ("Heading 2", "Training"), ("Heading 2", "Discipline"),
        ("Heading 1", "Revision history"), ("Heading 1", "Approval"), ("Heading 1", "Employee acknowledgment"),
        ("Heading 1", "Acknowledgment for employees granted access"),
    ]
    assert "Personal use" not in all_text(word)  # a disabled clause is left out
    assert "{company}" not in all_text(word) and "[unknown_variable: not set]" in all_text(word)
    numbering = word.part.numbering_part.element
    heading_paragraphs = [p for p in word.paragraphs if p.style.name.startswith("Heading")]
    num_ids = {p._p.pPr.find(W_NUMPR).find(qn("w:numId")).get(qn("w:val")) for p in heading_paragraphs}
    assert len(num_ids) == 1
    levels = [int(p._p.pPr.find(W_NUMPR).find(qn("w:ilvl")).get(qn("w:val"))) for p in heading_paragraphs]
    assert levels == [0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0]
    (num,) = [n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) in num_ids]
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    (abstract,) = [a for a in numbering.findall(qn("w:abstractNum")) if a.get(qn("w:abstractNumId")) == abstract_id]
    assert [lvl.find(qn("w:lvlText")).get(qn("w:val")) for lvl in abstract.findall(qn("w:lvl"))] == ["%1.", "%1.%2."]
    # The heading styles carry an outline level, which is what Word's navigation pane reads.
    assert word.styles["Heading 1"].element.pPr is not None


def test_contents_is_a_toc_field_listing_the_numbered_headings(document: Document) -> None:
    word = exported(build_view(document))
    instructions = [t.text for t in word.element.body.iter(qn("w:instrText"))]
    assert any(i.strip().startswith("TOC \\o") for i in instructions)
    toc = [p.text for p in word.paragraphs if p.style.name.startswith("TOC ") and p.style.name != "TOC Heading"]
    assert toc[:2] == ["1. Purpose", "2. Who this policy covers"] and "6.1. Training" in toc


def test_discipline_steps_are_a_real_numbered_list(document: Document) -> None:
    word = exported(build_view(document))
    steps = [p for p in word.paragraphs if p.text.startswith(("Reminder:", "Re-education:", "Revocation:"))]
    assert len(steps) == 3
    ids = {p._p.pPr.find(W_NUMPR).find(qn("w:numId")).get(qn("w:val")) for p in steps}
    heading_id = next(p for p in word.paragraphs if p.style.name == "Heading 1")._p.pPr.find(W_NUMPR)
    assert len(ids) == 1 and ids != {heading_id.find(qn("w:numId")).get(qn("w:val"))}


def test_tables_hold_channels_matrix_training_and_revisions(document: Document) -> None:
    word = exported(build_view(document))
    channels = table_starting(word, "Channel")
    assert [row[0] for row in channels[1:]] == ["LinkedIn", "Text messaging", "WhatsApp",
                                                "Push-to-talk (Voxer and similar)"]
    assert channels[2][4] == "required" and channels[3][5] == "department:Sales"
    assert "Facebook" not in [row[0] for row in channels]
    matrix = table_starting(word, "Department")
    assert matrix[0] == ["Department", "LinkedIn", "Text messaging", "WhatsApp", "Push-to-talk"]
    assert ["Sales", "5", "5", "5", "5"] in matrix and matrix[-1] == ["All departments", "14", "14", "5", "14"]
    assert table_starting(word, "Session")[1] == ["Social media with customers", "December 1, 2026", "video call",
                                                  "granted", "1"]
    assert table_starting(word, "Version")[1] == ["0.1", "November 2, 2026", "Carmen Reyes", "Draft started"]


def test_the_policy_names_no_employee_and_the_access_schedule_names_every_granted_one(document: Document) -> None:
    view = build_view(document)
    word = exported(view)
    everything = all_text(word) + "\n".join(c.text for t in word.tables for row in t.rows for c in row.cells)
    named = [e.name for e in document.roster.employees if e.name in everything or e.id in everything.split()]
    assert named == [], "the copy every employee receives names no one from the roster"
    schedule = docx.Document(io.BytesIO(schedule_bytes(view)))
    listed = table_starting(schedule, "ID")
    granted = [e for e in document.roster.employees if e.id in {g.employee_id for g in view.granted}]
    assert len(listed) == 1 + len(granted) == 1 + 14
    assert listed[1] == ["E1002", "Brennan, Liam", "Sales", "Relationship Banker",
                         "LinkedIn, Text messaging, WhatsApp, Push-to-talk (Voxer and similar)"]
    assert "Confidential" in "\n".join(p.text for p in schedule.paragraphs)
    # The fast rows use the same table style as python-docx's own tables, and repeat the header.
    table = schedule.tables[-1]
    assert table.style.name == "Table Grid"
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_title_block_and_approval_block(document: Document) -> None:
    word = exported(build_view(document))
    assert word.paragraphs[0].style.name == "Title"
    title_block = dict((row[0], row[1]) for row in table_starting(word, "Company"))
    assert title_block["Version"] == "0.1" and title_block["Effective date"] == "January 1, 2027"
    assert title_block["Owner"] == "Carmen Reyes, HR Business Partner" and title_block["Status"] == "DRAFT"
    texts = [p.text for p in word.paragraphs]
    start = texts.index("Approval")
    block = texts[start:texts.index("Employee acknowledgment")]
    for name, details in [("Wei Chen", "Compliance Officer · Compliance · status: pending"),
                          ("Dana Whitfield", "General Counsel · Legal · status: pending"),
                          ("Grace Okafor", "Chief Commercial Officer · Executive · status: pending")]:
        at = block.index(name)
        assert block[at + 1] == details
        assert block[at + 2].startswith("Signature: ____") and "Date: ____" in block[at + 2]
    acknowledgment = texts[texts.index("Employee acknowledgment"):]
    assert any(t.startswith("Employee name: ___") for t in acknowledgment)
    assert any("version 0.1" in t for t in acknowledgment)


def test_core_properties(document: Document) -> None:
    properties = exported(build_view(document)).core_properties
    assert properties.title == "Social Media and Mobile Communication Policy"
    assert properties.author == "Carmen Reyes, HR Business Partner"
    assert properties.version == "0.1" and "version 0.1" in properties.keywords
    assert properties.subject == "Social Media and Mobile Communication Policy of Harbor Community Bank"
    assert properties.content_status == "DRAFT"


def test_header_and_footer_carry_the_title_and_page_x_of_y(document: Document) -> None:
    word = exported(build_view(document))
    assert "Social Media and Mobile Communication Policy — Harbor Community Bank" in header_text(word)
    footer = word.sections[0].footer._element
    assert [t.text.strip() for t in footer.iter(qn("w:instrText"))] == ["PAGE", "NUMPAGES"]
    assert "Page 1 of 1" in "".join(footer.itertext())


def test_draft_marking_while_pending_and_none_when_all_approved(document: Document) -> None:
    word = exported(build_view(document))
    assert "DRAFT — NOT APPROVED" in header_text(word)
    banner = next(p for p in word.paragraphs if p.text == "DRAFT — not approved for use")
    assert banner.runs[0].font.color.rgb == RGBColor(0xC0, 0x00, 0x00)
    assert "3 of 3 approvals outstanding" in all_text(word)

    approve_all(document)
    final = exported(build_view(document))
    assert "DRAFT" not in header_text(final) and "DRAFT" not in all_text(final)
    assert dict((r[0], r[1]) for r in table_starting(final, "Company"))["Status"] == "FINAL"
    assert final.core_properties.content_status == "FINAL"


def test_an_error_found_by_check_keeps_an_approved_policy_a_draft(document: Document) -> None:
    approve_all(document)
    word = exported(build_view(document, [Problem("policy.toml", "a clause names no title")]))
    assert "DRAFT — NOT APPROVED" in header_text(word)
    assert "1 problem found by check" in all_text(word)


def test_control_characters_are_dropped_and_other_scripts_pass_through(document: Document) -> None:
    employee = next(e for e in document.roster.employees if e.id == "E1002")
    employee.name = "Brennan,\x00 Li\x1bam\ufffe\ud800"
    document.draft.clauses[0].text = "Bell\x07 here. שלום עולם 😀 مرحبا"
    document.draft.clauses[0].title = "Pur\x0cpose"
    document.draft.approvers[0].name = "Wei\x0b Chen"
    document.draft.policy.company = "Harbor\x1f Bank"
    view = build_view(document)
    word = exported(view)
    schedule = docx.Document(io.BytesIO(schedule_bytes(view)))
    assert table_starting(schedule, "ID")[1][1] == "Brennan, Liam"
    text = all_text(word)
    assert "Bell here. שלום עולם 😀 مرحبا" in text
    assert ("Heading 1", "Purpose") in headings(word)
    assert "Wei Chen" in [p.text for p in word.paragraphs]
    assert word.core_properties.subject.endswith("of Harbor Bank")


def test_a_template_gives_its_styles_and_letterhead_and_gets_missing_styles(document: Document,
                                                                           tmp_path: Path) -> None:
    template = docx.Document()
    template.styles["Heading 1"].font.name = "Georgia"
    template.styles["Heading 1"].font.color.rgb = RGBColor(0x00, 0x33, 0x66)
    template.add_paragraph("Sample text: replace with your content")
    template.sections[0].header.paragraphs[0].text = "ACME Bank · 1 Harbor Way"
    for name in ("Table Grid", "TOC Heading"):  # a company template need not have them
        template.styles.element.remove(template.styles[name].element)
    path = tmp_path / "company.docx"
    template.save(path)

    word = exported(build_view(document), path)
    heading = next(p for p in word.paragraphs if p.style.name == "Heading 1")
    assert heading.style.font.name == "Georgia" and heading.style.font.color.rgb == RGBColor(0x00, 0x33, 0x66)
    assert "Sample text" not in all_text(word)
    assert header_text(word).startswith("ACME Bank · 1 Harbor Way")
    assert "Harbor Community Bank" in header_text(word)
    assert word.tables[-1].style.name == "Table Grid"
    assert any(p.style.name == "TOC Heading" for p in word.paragraphs)


def test_a_file_that_is_not_a_docx_is_a_clear_error_and_nothing_is_written(document: Document,
                                                                           tmp_path: Path) -> None:
    bad = tmp_path / "letterhead.docx"
    bad.write_text("not a zip")
    target = tmp_path / "out.docx"
    target.write_bytes(b"previous export")
    with pytest.raises(ProblemsError) as error:
        export_docx(build_view(document), target, bad)
    assert str(error.value.problems[0]) == f"{bad}: --template: not a Word .docx file that can be used as a template"
    assert target.read_bytes() == b"previous export"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    with pytest.raises(ProblemsError, match="does not exist"):
        export_bytes(build_view(document), tmp_path / "missing.docx")


def test_an_empty_draft_exports_with_words_in_place_of_empty_tables(tmp_path: Path) -> None:
    from policy_model.document import create_document

    document = create_document(tmp_path / "new.toml", company="Acme")
    document.draft.approvers = [Approver("Ann")]
    document.draft.clauses = []
    word = exported(build_view(document))
    text = all_text(word)
    for sentence in ("No section of the policy is written yet.", "No channel is approved yet.",
                     "No employee is granted a channel yet."):
        assert sentence in text
    schedule = docx.Document(io.BytesIO(schedule_bytes(build_view(document))))
    assert "No employee is granted access yet." in [p.text for p in schedule.paragraphs]


def test_a_dotx_template_is_refused_with_how_to_fix_it(document: Document, tmp_path: Path) -> None:
    import zipfile

    source, dotx = tmp_path / "plain.docx", tmp_path / "company.dotx"
    docx.Document().save(source)
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(dotx, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            zout.writestr(item, data)
    with pytest.raises(ProblemsError, match=r"save it from Word as a \.docx document"):
        export_bytes(build_view(document), dotx)


def status_of(document: Document) -> str:
    """FINAL or DRAFT as far as sign-off goes (this draft keeps other work open on purpose)."""
    return document_status(document.draft, [])[0]


def test_an_approved_policy_edited_afterwards_is_a_draft_until_approved_again(document: Document) -> None:
    approve_all(document)
    assert status_of(document) == "FINAL"
    added = " Employees must give their social media passwords to HR on request."
    document.apply(lambda draft: rewrite(draft, 0, draft.clauses[0].text + added))
    assert status_of(document) == "DRAFT"
    word = exported(build_view(document))
    assert "DRAFT — NOT APPROVED" in header_text(word)
    stale = [p for p in check_document(document) if p.field.startswith("approvers[")]
    assert len(stale) == len(document.draft.approvers)
    first = document.draft.approvers[0]
    assert stale[0].message.startswith(f"{first.name} approved an earlier text on {first.date}")
    assert "now: clause" in stale[0].message and "passwords to HR on request." in stale[0].message
    approve_all(document)
    assert status_of(document) == "FINAL" and not [p for p in check_document(document) if p.field.startswith("appr")]
    assert len(document.draft.approved) == 1, "only the text the approvals are for is kept"


def test_recording_a_completion_keeps_the_approvals_current(document: Document) -> None:
    approve_all(document)
    pending = next(p for p in training.pending(document.draft, document.roster.employees) if p.missing)
    document.apply(lambda draft: training.record_completion(draft, document.roster.employees, pending.employee.id,
                                                            pending.missing[0], date(2026, 12, 1)))
    assert status_of(document) == "FINAL"


def test_an_approval_records_who_entered_it_and_survives_a_save(document: Document) -> None:
    document.apply(lambda draft: set_status(draft, 0, "approved", by="Carmen Reyes"))
    document.save()
    approver = open_document(document.path).draft.approvers[0]
    assert approver.recorded_by == "Carmen Reyes" and approver.recorded_at is not None
    assert approver.content == open_document(document.path).draft.approved[0].fingerprint


def every_text(word: docx.document.Document) -> str:
    """Body (paragraphs and tables), headers and footers: everything a reader sees."""
    parts = [all_text(word)]
    for section in word.sections:
        parts += ["".join(section.header._element.itertext()), "".join(section.footer._element.itertext())]
    return "\n".join(parts)


def test_a_name_ending_in_a_full_stop_gets_no_second_one(document: Document) -> None:
    document.draft.policy.company = "Acme Inc."
    document.draft.clauses[0].text = "Messages are records of {company}. Ask {company} first."
    document.draft.clauses[0].title = "About {company}."
    text = every_text(exported(build_view(document)))
    assert "Inc.." not in text
    assert "Messages are records of Acme Inc. Ask Acme Inc. first." in text


def test_a_name_ending_in_s_takes_an_apostrophe_alone(document: Document) -> None:
    document.draft.policy.company = "Acme Advisers"
    document.draft.clauses[0].text = "Follow {company}'s rules and {owner}'s advice."
    text = every_text(exported(build_view(document)))
    assert "Advisers's" not in text
    assert "Follow Acme Advisers' rules and Carmen Reyes, HR Business Partner's advice." in text


def test_the_contacts_line_names_each_person_once(document: Document) -> None:
    document.draft.policy.owner = "Dana Whitfield (General Counsel)"
    document.draft.clauses[0].text = "Questions go to {contacts}."
    text = every_text(exported(build_view(document)))
    assert "Questions go to Dana Whitfield (General Counsel) or Wei Chen (Compliance Officer)." in text


def test_word_is_asked_to_update_fields_on_open(document: Document) -> None:
    settings = exported(build_view(document)).settings.element
    (update,) = settings.findall(qn("w:updateFields"))
    assert update.get(qn("w:val")) == "true"
    following = [child.tag for child in update.itersiblings()]
    assert qn("w:compat") in following or not settings.findall(qn("w:compat"))


def test_headings_stay_with_what_follows_and_header_rows_repeat(document: Document) -> None:
    word = exported(build_view(document))
    heading_paragraphs = [p for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert heading_paragraphs and all(p.paragraph_format.keep_with_next for p in heading_paragraphs)
    with_headers = [t for t in word.tables if t.rows[0].cells[0].text != "Company"]
    assert with_headers and all(t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None for t in with_headers)


ISO_DATE = r"\d{4}-\d{2}-\d{2}"


@pytest.mark.parametrize(("jurisdiction", "effective", "training"), [
    ("England and Wales", "1 January 2027", "1 December 2026"),
    ("", "1 January 2027", "1 December 2026"),
    ("Oregon, United States", "January 1, 2027", "December 1, 2026"),
])
def test_one_date_style_in_text_and_tables(document: Document, jurisdiction: str, effective: str,
                                           training: str) -> None:
    import re

    document.draft.policy.jurisdiction = jurisdiction
    word = exported(build_view(document))
    assert f"It takes effect on {effective}." in all_text(word)
    assert dict((r[0], r[1]) for r in table_starting(word, "Company"))["Effective date"] == effective
    assert table_starting(word, "Session")[1][1] == training
    assert not re.search(ISO_DATE, every_text(word))


def test_every_table_has_one_style_and_one_text_size(document: Document) -> None:
    document.draft.revisions[0].author = ""  # an empty cell, whose paragraph mark sets its row's height
    word = exported(build_view(document))
    assert {t.style.name for t in word.tables} == {"Table Grid"}
    sizes = set()
    for table in word.tables:
        for paragraph in table._tbl.iter(qn("w:p")):
            sizes.add(paragraph.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:sz')}").get(qn("w:val")))
            sizes |= {r.find(f"{qn('w:rPr')}/{qn('w:sz')}").get(qn("w:val")) for r in paragraph.iter(qn("w:r"))}
    assert sizes == {"18"}


def test_with_nobody_granted_the_one_acknowledgment_has_no_training_statement(tmp_path: Path) -> None:
    from policy_model.document import create_document

    word = exported(build_view(create_document(tmp_path / "new.toml", company="Acme")))
    assert [title for style, title in headings(word) if "cknowledgment" in title] == ["Employee acknowledgment"]
    texts = [p.text for p in word.paragraphs]
    form = texts[len(texts) - texts[::-1].index("Employee acknowledgment"):]
    assert any("I agree to follow the rules it sets for every employee" in t for t in form)
    assert not any("training" in t.lower() for t in form)


def test_those_granted_also_sign_that_they_completed_the_training(document: Document) -> None:
    texts = [p.text for p in exported(build_view(document)).paragraphs if not p.style.name.startswith("TOC")]
    everyone = texts[texts.index("Employee acknowledgment"):texts.index("Acknowledgment for employees granted access")]
    granted = texts[texts.index("Acknowledgment for employees granted access"):]
    assert not any("training" in t for t in everyone)
    assert any("I have completed the training the policy requires" in t for t in granted)
