"""Roster import: every encoding and delimiter HR files come in, XLSX sheets, rejected rows,
the column mapping, and re-imports that keep overrides."""

from __future__ import annotations

import hashlib
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from policy_model.document import create_document, open_document
from policy_model.draft import Override
from policy_model.eligibility import evaluate
from policy_model.problems import ProblemsError
from policy_model.roster import import_roster, preview_roster, report_lines
from policy_model.roster.mapping import auto_match, normalise
from policy_model.roster.values import parse_clients, parse_customer_facing, parse_touch
from policy_model.roster_snapshot import read_snapshot, snapshot_path

HEADER = ["Employee ID", "Full Name", "Work Email", "Job Title", "Dept", "Manager ID", "# Clients",
          "Touch Level", "Client-facing", "Location"]
ROWS = [
    ["E1", "Müller, Jürgen", "j@x.example", "Account Manager", "Sales", "", "5", "High", "Y", "Straße 1"],
    ["E2", "Lefèvre, Zoé", "z@x.example", "Mailroom Clerk", "Operations", "E1", "", "", "N", "Café"],
    ["E3", "Price, Euro €", "e@x.example", "Relationship Banker", "Retail", "E1", "30", "low", "yes", "Bonn"],
]


def csv_text(rows: list[list[str]], delimiter: str = ",", header: list[str] = HEADER) -> str:
    def cell(value: str) -> str:
        needs = any(c in value for c in (delimiter, '"', "\n", "\r"))
        return '"' + value.replace('"', '""') + '"' if needs else value
    return "".join(delimiter.join(cell(v) for v in row) + "\r\n" for row in [header, *rows])


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    document = create_document(tmp_path / "policy.toml", company="Test Co")
    document.save()
    return document.path


def write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding, name", [
    ("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8 (with BOM)"), ("utf-16", "UTF-16"), ("cp1252", "Windows-1252"),
])
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_each_encoding_and_delimiter_imports_every_row(draft: Path, tmp_path: Path, encoding: str, name: str,
                                                        delimiter: str) -> None:
    source = write(tmp_path / "hr.csv", csv_text(ROWS, delimiter), encoding)
    document = open_document(draft)
    report = import_roster(document, source)
    assert report.kind.startswith(name + ",")
    assert (report.rows, report.imported, report.rejected, report.blank) == (3, 3, [], 0)
    people = document.roster.by_id()
    assert people["E1"].name == "Müller, Jürgen"  # "Last, First" kept as given
    assert people["E2"].name == "Lefèvre, Zoé"
    assert people["E3"].name == "Price, Euro €"
    assert people["E1"].location == "Straße 1"
    assert (people["E1"].clients, people["E1"].touch, people["E1"].customer_facing) == (5, "high", True)
    assert (people["E2"].clients, people["E2"].touch, people["E2"].customer_facing) == (None, None, False)


def test_bytes_undefined_in_windows_1252_are_read_not_fatal(draft: Path, tmp_path: Path) -> None:
    rows = [["E1", "Name\x81", "", "Clerk", "", "", "", "", "", ""], ["E2", "Zoë", "", "Clerk", "", "", "", "", "", ""]]
    source = write(tmp_path / "hr.csv", csv_text(rows), "latin-1")
    document = open_document(draft)
    report = import_roster(document, source)
    assert report.kind == "Windows-1252, comma-separated"
    assert [(r.row, r.reason) for r in report.rejected] == [(2, "name contains a control character (U+0081)")]
    assert document.roster.employees[0].name == "Zoë"


def test_quoted_values_with_line_breaks_are_one_row(draft: Path, tmp_path: Path) -> None:
    rows = [ROWS[0][:9] + ["line one\nline two"], ["E2", "Two\nLines", "", "Clerk", "", "", "", "", "N", "x"],
            ["E3", "Three", "", "Clerk", "", "", "", "", "N", "y"]]
    source = write(tmp_path / "hr.csv", csv_text(rows), "utf-8")
    document = open_document(draft)
    report = import_roster(document, source)
    assert report.imported == 3
    people = document.roster.by_id()
    assert people["E1"].location == "line one line two"  # our fields are one line
    assert people["E2"].name == "Two Lines"
    snapshot = read_snapshot(draft, document.draft.roster)
    assert snapshot.problems == [] and snapshot.by_id()["E1"].location == "line one line two"


def test_rejected_rows_are_reported_with_their_row_numbers(draft: Path, tmp_path: Path) -> None:
    rows = [
        ROWS[0],                                                                     # row 2
        ["E1", "Again", "", "Clerk", "", "", "", "", "N", ""],                       # 3 duplicate id
        ["", "No Id", "", "Clerk", "", "", "", "", "N", ""],                         # 4 missing id
        ["E4", "No Role", "", "", "", "", "", "", "N", ""],                          # 5 missing role
        ["E5", "Words", "", "Banker", "", "", "twelve", "", "Y", ""],               # 6 clients not a number
        ["E6", "Half", "", "Banker", "", "", "2.5", "", "Y", ""],                   # 7 not whole
        ["E7", "Medium", "", "Banker", "", "", "4", "medium", "Y", ""],             # 8 bad touch
        ["E8", "Maybe", "", "Banker", "", "", "", "", "perhaps", ""],                # 9 bad flag
        ["", "", "", "", "", "", "", "", "", ""],                                    # 10 blank
        ["E9", "Bell\x07", "", "Banker", "", "", "", "", "Y", ""],                  # 11 control char
        ["E10", "Too", "", "Banker", "", "", "", "", "Y", "x", "spill"],             # 12 too many values
        ["E11", "Short", "", "Banker"],                                              # 13 short: padded, fine
        ["E12", "Spaced", "", "Banker", "", "", " 12 ", "High Touch", "x", ""],      # 14 fine
        ["E13", "Float", "", "Banker", "", "", "12.0", "L", "0", ""],               # 15 fine
    ]
    source = write(tmp_path / "hr.csv", csv_text(rows), "utf-8")
    document = open_document(draft)
    report = import_roster(document, source)
    assert [(r.row, r.reason) for r in report.rejected] == [
        (3, "duplicate employee id E1 (first on row 2)"),
        (4, "missing employee id"),
        (5, "missing role"),
        (6, 'client count "twelve" is not a number'),
        (7, 'client count "2.5" is not a whole number'),
        (8, 'touch level "medium" is not high or low'),
        (9, 'customer-facing "perhaps" is not yes or no'),
        (11, "name contains a control character (U+0007)"),
        (12, "11 values but the header has 10 columns (a value with an unquoted delimiter?)"),
    ]
    assert (report.rows, report.imported, report.blank) == (14, 4, 1)
    assert report.rows == report.imported + len(report.rejected) + report.blank
    people = document.roster.by_id()
    assert (people["E12"].clients, people["E12"].touch, people["E12"].customer_facing) == (12, "high", True)
    assert (people["E13"].clients, people["E13"].touch, people["E13"].customer_facing) == (12, "low", False)
    assert "hr.csv:3: duplicate employee id E1 (first on row 2)" in report_lines(report)


def test_xlsx_sheet_is_chosen_and_unknown_sheet_lists_the_sheets(draft: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    cover = workbook.active
    cover.title = "Cover"
    cover.append(["Exported from the HR system"])
    staff = workbook.create_sheet("Staff")
    staff.append(["EmpID", "Name", "Position", "Department Name", "Client Count", "Engagement", "Customer Facing",
                  "Hired"])
    staff.append([101, "Okafor, Grace", "Account Manager", "Sales", 4.0, "High", True,
                  datetime(2020, 1, 6)])
    staff.append([102, "Brennan, Liam", "Teller", "Retail", None, None, False, datetime(2021, 3, 1)])
    source = tmp_path / "hr.xlsx"
    workbook.save(source)

    document = open_document(draft)
    with pytest.raises(ProblemsError) as error:
        import_roster(document, source, sheet="People")
    assert str(error.value) == 'hr.xlsx: no sheet named "People"; the sheets are "Cover", "Staff"'
    with pytest.raises(ProblemsError, match="only one column"):
        import_roster(document, source)  # the first sheet is a cover page
    report = import_roster(document, source, sheet="Staff", keep=["Hired"])
    assert report.sheet == "Staff" and report.imported == 2
    assert document.draft.roster.sheet == "Staff"
    grace = document.roster.by_id()["101"]
    assert (grace.role, grace.clients, grace.touch, grace.customer_facing) == ("Account Manager", 4, "high", True)
    assert grace.extra == {"Hired": "2020-01-06"}
    # Next month: the sheet chosen last time is used again without asking.
    assert import_roster(document, source).sheet == "Staff"


@pytest.mark.parametrize("content, message", [
    (b"", "the file is empty"),
    (b"\xef\xbb\xbf\r\n", "the file is empty"),
    (bytes(range(256)) * 4, "not a text file"),
    (b"Name\nAlice\nBob\n", "only one column"),
    (b"%PDF-1.7 something", "a PDF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "old Excel (.xls)"),
])
def test_a_file_that_is_not_a_table_gets_one_problem_and_nothing_is_written(
        example_draft: Path, tmp_path: Path, content: bytes, message: str) -> None:
    before = {p.name: p.read_bytes() for p in example_draft.parent.iterdir() if p.is_file()}
    (tmp_path / "uploads").mkdir()
    source = tmp_path / "uploads" / "upload.csv"
    source.write_bytes(content)
    document = open_document(example_draft)
    with pytest.raises(ProblemsError) as error:
        import_roster(document, source)
    assert len(error.value.problems) == 1 and message in str(error.value)
    assert {p.name: p.read_bytes() for p in example_draft.parent.iterdir() if p.is_file()} == before


def test_a_word_document_renamed_to_xlsx_is_refused(draft: Path, tmp_path: Path) -> None:
    import zipfile

    source = tmp_path / "roster.xlsx"
    with zipfile.ZipFile(source, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(ProblemsError, match="a Word document, not a table"):
        import_roster(open_document(draft), source)


def test_a_file_whose_every_row_is_rejected_writes_nothing(draft: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "hr.csv", csv_text([["E1", "A", "", "", "", "", "", "", "", ""]]), "utf-8")
    document = open_document(draft)
    with pytest.raises(ProblemsError) as error:
        import_roster(document, source)
    assert [str(p) for p in error.value.problems] == [
        "hr.csv:2: missing role", "hr.csv: no row could be imported (1 rejected, 0 blank); nothing was written"]
    assert not snapshot_path(draft).exists() and document.draft.roster.snapshot == ""


def test_headers_match_by_synonym_whatever_their_spelling() -> None:
    header = ["EMP #", "employee_name", "E-Mail Address", "JobRole", "Division", "Reports To", "Book Size",
              "touch-level", "CLIENT FACING", "Notes"]
    assert auto_match(header) == {"id": 0, "name": 1, "email": 2, "role": 3, "department": 4, "manager": 5,
                                  "clients": 6, "touch": 7, "customer_facing": 8}
    assert normalise(" Staff No. ") == normalise("staff_no") == "staffno"
    assert auto_match(["Manager ID", "Manager Name"])["manager"] == 1  # a name beats an id: people read it


def test_given_mapping_beats_saved_and_auto_and_bad_entries_list_the_columns(draft: Path, tmp_path: Path) -> None:
    header = ["Staff No", "Name", "Title", "Position", "Email"]
    source = write(tmp_path / "hr.csv", csv_text([["S1", "A", "Chair", "Banker", "a@x"]], header=header), "utf-8")
    document = open_document(draft)
    report = import_roster(document, source, mapping={"role": "position", "email": ""}, keep=["Title", "Email"])
    assert report.mapping == {"id": "Staff No", "name": "Name", "role": "Position"}
    assert report.origins["role"] == "given"
    person = document.roster.employees[0]
    assert (person.role, person.email, person.extra) == ("Banker", "", {"Title": "Chair", "Email": "a@x"})
    assert document.draft.roster.mapping == report.mapping
    # Next import: the saved mapping is used with no questions.
    again = import_roster(document, source)
    assert again.mapping["role"] == "Position" and again.origins["role"] == "saved"
    # Kept as last time; the e-mail left out once is matched again by its header.
    assert (document.roster.employees[0].extra, document.roster.employees[0].email) == ({"Title": "Chair"}, "a@x")
    with pytest.raises(ProblemsError) as error:
        import_roster(document, source, mapping={"rank": "Title", "role": "Grade"})
    assert [p.message for p in error.value.problems] == [
        '--map rank=...: unknown field "rank"; the fields are id, name, email, role, department, manager, location, '
        "employment, left_on, clients, touch, customer_facing, flsa",
        '--map role=Grade: no column "Grade" in this file; the columns are "Staff No", "Name", "Title", '
        '"Position", "Email"',
    ]


def test_missing_required_columns_are_named(draft: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "hr.csv", csv_text([["x", "y"]], header=["Colour", "Size"]), "utf-8")
    with pytest.raises(ProblemsError) as error:
        import_roster(open_document(draft), source)
    assert [p.message.split(" (")[0] for p in error.value.problems] == ["no id or name column found",
                                                                         "no role column found"]


def test_without_an_id_column_ids_are_made_from_names(draft: Path, tmp_path: Path) -> None:
    rows = [["Okafor, Grace A", "Banker"], ["Okafor, Grace A", "Teller"], ["Lee, Ann", "Clerk"]]
    source = write(tmp_path / "hr.csv", csv_text(rows, header=["Name", "Role"]), "utf-8")
    document = open_document(draft)
    report = import_roster(document, source)
    assert report.derived_ids
    assert [e.id for e in document.roster.employees] == ["okafor-grace-a", "okafor-grace-a-2", "lee-ann"]
    assert any("ids were made from each name" in line for line in report_lines(report))


def test_reimport_keeps_overrides_and_reports_joined_left_changed(example_draft: Path, tmp_path: Path) -> None:
    document = open_document(example_draft)
    first = document.roster.by_id()
    document.draft.eligibility.overrides = [
        Override("E1002", "denied", "moving to a back-office role", by="HR", at=datetime(2026, 11, 3, tzinfo=UTC)),
        Override("E1003", "granted", "key client", by="HR"),
    ]
    kept = [o for o in document.draft.eligibility.overrides]
    # Next month's export: E1003 left, E2001 joined, E1002's role and book changed; the rest the same.
    people = [e for e in document.roster.employees if e.id != "E1003"]
    rows = [[e.id, e.name, e.email, e.role, e.department, e.manager, "" if e.clients is None else str(e.clients),
             e.touch or "", {True: "yes", False: "no", None: ""}[e.customer_facing], e.location, "2017-03-15"]
            for e in people]
    rows[1][3], rows[1][6] = "Senior Relationship Banker", "14"
    rows.append(["E2001", "Sato, Ken", "ken@x.example", "Teller", "Retail Banking", "E1001", "", "", "yes", "Bend",
                 "2026-12-01"])
    header = ["Employee ID", "Full Name", "Work Email", "Job Title", "Department", "Manager ID", "Client Count",
              "Touch Level", "Customer Facing", "Location", "Hire Date"]
    source = write(tmp_path / "hr-2026-12.csv", csv_text(rows, header=header), "utf-8")

    report = import_roster(document, source)
    changes = report.changes
    assert changes is not None
    assert [e.id for e in changes.joined] == ["E2001"]
    assert [e.id for e in changes.left] == ["E1003"]
    assert [(c.id, c.fields) for c in changes.changed] == [
        ("E1002", (("role", "Relationship Banker", "Senior Relationship Banker"), ("clients", "6", "14")))]
    assert document.draft.eligibility.overrides == kept  # kept, including the leaver's
    assert (report.overrides_kept, report.overrides_of_leavers) == (1, ["E1003"])
    decisions = dict(zip([e.id for e in document.roster.employees],
                         evaluate(document.draft, document.roster.employees), strict=True))
    assert decisions["E1002"].overridden and decisions["E1002"].status == "denied"
    lines = report_lines(report)
    assert "since the last import (2026-11-02 09:30 UTC): 1 joined, 1 left, 1 changed" in lines
    assert any(line.startswith("overrides: 1 kept") and "E1003" in line for line in lines)
    # The draft now points at the new snapshot, and says where it came from.
    ref = document.draft.roster
    data = example_draft.with_name(ref.snapshot).read_bytes()
    assert ref.snapshot == snapshot_path(example_draft, ref.sha256).name  # named by its content
    # E1003, granted by override and gone from the file, stays in the snapshot for IT to revoke.
    assert (ref.source, ref.rows, ref.sha256) == ("hr-2026-12.csv", 43, hashlib.sha256(data).hexdigest())
    assert [e.id for e in report.revoked] == ["E1003"] and document.roster.by_id()["E1003"].revoke
    assert ref.imported_at is not None and ref.imported_at.tzinfo is not None
    assert first["E1001"] == document.roster.by_id()["E1001"]


def test_cancelling_writes_nothing(draft: Path, tmp_path: Path) -> None:
    rows = [[f"E{n}", f"P{n}", "", "Clerk", "", "", "", "", "N", ""] for n in range(12_000)]
    source = write(tmp_path / "hr.csv", csv_text(rows), "utf-8")
    document = open_document(draft)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done >= 5_000

    report = import_roster(document, source, progress=progress)
    assert report.cancelled and seen == [(5_000, 12_000)]
    assert not snapshot_path(draft).exists() and document.draft.roster.snapshot == ""


def test_preview_reads_the_start_and_proposes_a_mapping(tmp_path: Path) -> None:
    rows = [[f"E{n}", f"P{n}", "", "Clerk", "", "", "", "", "N", ""] for n in range(50)]
    source = write(tmp_path / "hr.csv", csv_text(rows, ";"), "cp1252")
    preview = preview_roster(source, limit=5)
    assert preview.table.kind == "UTF-8, semicolon-separated"
    assert len(preview.rows) == 5 and preview.rows[0][0] == "E0"
    assert preview.mapping.column("role") == "Job Title" and preview.mapping.missing == []


@pytest.mark.parametrize("text, value", [("H", "high"), ("High Touch", "high"), ("low-touch", "low"), ("", None)])
def test_touch_values(text: str, value: str | None) -> None:
    assert parse_touch(text) == value


@pytest.mark.parametrize("text, value", [("Y", True), ("x", True), ("TRUE", True), ("0", False), ("No", False),
                                         (" ", None)])
def test_customer_facing_values(text: str, value: bool | None) -> None:
    assert parse_customer_facing(text) is value


@pytest.mark.parametrize("text, value", [("12", 12), (" 12 ", 12), ("12.0", 12), ("12,0", 12), ("", None)])
def test_client_counts(text: str, value: int | None) -> None:
    assert parse_clients(text) == value


@pytest.mark.parametrize("text", ["twelve", "-3", "1.5"])
def test_bad_client_counts(text: str) -> None:
    with pytest.raises(ValueError):
        parse_clients(text)


def test_a_saved_column_gone_from_the_new_file_is_reported(draft: Path, tmp_path: Path) -> None:
    document = open_document(draft)
    document.draft.roster.mapping = {"id": "Staff No", "role": "Position", "email": "Mail"}
    source = write(tmp_path / "hr.csv", csv_text([["S1", "Banker"]], header=["Staff No", "Job Title"]), "utf-8")
    report = import_roster(document, source)
    assert report.notes == [
        'role was read from "Position" last time, which is not in this file; used "Job Title" instead',
        'email was read from "Mail" last time, which is not in this file; left it out',
    ]
    assert document.draft.roster.mapping == {"id": "Staff No", "role": "Job Title"}


def test_a_workbook_without_sheets_is_refused_in_words(draft: Path, tmp_path: Path) -> None:
    whole, empty = tmp_path / "whole.xlsx", tmp_path / "empty.xlsx"
    Workbook().save(whole)
    with zipfile.ZipFile(whole) as source, zipfile.ZipFile(empty, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/workbook.xml":
                data = re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", data, flags=re.S)
            target.writestr(item, data)
    with pytest.raises(ProblemsError, match="empty.xlsx: this Excel workbook has no sheets"):
        import_roster(open_document(draft), empty)
