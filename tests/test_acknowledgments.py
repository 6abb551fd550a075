"""Acknowledgments of the policy in force: imported from LMS and e-signature exports, what is owed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from policy_model import toml_io
from policy_model.ack_import import apply_import, read_acknowledgments
from policy_model.acknowledgments import ack_status
from policy_model.document import Document, open_document
from policy_model.signoff import bump_version, set_status
from tui.cli import main

from .drafts import load_draft

TODAY = date(2026, 12, 1)
# A learning system's completions report: its own headers, ids on most rows, e-mails on some.
LMS = """Learner ID,Learner Email,Course Title,Policy Version,Completion Date
E1002,liam.brennan@harborbank.example,Social Media Policy Attestation,1.0,11/20/2026
,thi.nguyen@harborbank.example,Social Media Policy Attestation,v1.0,11/21/2026
E1004,,Access acknowledgment (granted staff),Version 1.0,11/21/2026
E1004,,Social Media Policy Attestation,1.0,11/21/2026
E9999,nobody@elsewhere.example,Social Media Policy Attestation,1.0,11/22/2026
E1005,,Social Media Policy Attestation,7.3,11/22/2026
"""


def approved(document: Document, on: date = TODAY) -> Document:
    """Every approver approves the current text on `on`."""
    for n in range(len(document.draft.approvers)):
        document.apply(lambda draft, n=n: set_status(draft, n, "approved", today=on, by="tester"))
    return document


@pytest.fixture
def in_force(example_draft: Path) -> Path:
    """The example as version 1.0, approved by everyone: the version staff owe."""
    document = open_document(example_draft)
    document.apply(lambda draft: bump_version(draft, "tester", "for sign-off", version="1.0", today=TODAY))
    approved(document).save()
    return example_draft


def lms_file(tmp_path: Path) -> Path:
    path = tmp_path / "lms.csv"
    path.write_text(LMS, encoding="utf-8")
    return path


def test_an_lms_export_records_who_signed_which_form_and_reports_the_rest(in_force: Path, tmp_path: Path) -> None:
    document = open_document(in_force)
    result = read_acknowledgments(lms_file(tmp_path), document.draft, document.roster.employees, today=TODAY)
    assert [(p.line, p.message) for p in result.problems] == [
        (6, "matches nobody in the roster (E9999 / nobody@elsewhere.example)"),
        (7, "version 7.3 is not a version of this policy (it has 0.1, 1.0)"),
    ]
    assert document.apply(lambda draft: apply_import(draft, result)) == 4
    held = {(r.form, r.version, r.date, tuple(r.employees)) for r in document.draft.acknowledgments}
    assert held == {("all staff", "1.0", date(2026, 11, 20), ("E1002",)),
                    ("all staff", "1.0", date(2026, 11, 21), ("E1003", "E1004")),
                    ("access", "1.0", date(2026, 11, 21), ("E1004",))}


def test_an_xlsx_with_ids_and_emails_in_one_column(in_force: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (("Signer", "Date Signed", "Version"), ("E1002", date(2026, 11, 3), "1.0"),
                ("THI.NGUYEN@harborbank.example", date(2026, 11, 4), "1.0"), ("someone@else.example", None, "1.0")):
        sheet.append(row)
    path = tmp_path / "signed.xlsx"
    book.save(path)
    document = open_document(in_force)
    result = read_acknowledgments(path, document.draft, document.roster.employees, today=TODAY)
    assert [(e.employee_id, e.form, e.date) for e in result.entries] == [
        ("E1002", "all staff", date(2026, 11, 3)), ("E1003", "all staff", date(2026, 11, 4))]
    assert [p.line for p in result.problems] == [4]


def test_pending_before_and_after_an_import(in_force: Path, tmp_path: Path, capsys) -> None:
    assert main(["ack", "pending", str(in_force), "--format", "csv"]) == 0
    before = capsys.readouterr().out.splitlines()
    assert before[0] == "id,name,department,owes"
    owed_before = {row.split(",")[0] for row in before[1:]}
    document = open_document(in_force)
    status = ack_status(document.draft, document.roster.employees)
    assert len(owed_before) == status.due["all staff"] == len(document.roster.employees)  # no leaver in it
    assert main(["ack", "import", str(in_force), str(lms_file(tmp_path))]) == 0
    out, err = capsys.readouterr()
    assert "4 acknowledgments recorded, 0 already recorded, 2 rows not used" in out
    assert "lms.csv:6: matches nobody" in err
    assert main(["ack", "pending", str(in_force)]) == 0
    lines = capsys.readouterr().out.splitlines()
    owes = {line.split()[0]: line.rsplit("  ", 1)[1] for line in lines[:-1]}
    assert owed_before - owes.keys() == {"E1004"}  # granted, and signed both forms
    assert owes["E1002"] == owes["E1003"] == "access form"  # granted: the all-staff form alone is not enough
    assert owes["E1005"] == "all-staff form, access form"
    assert lines[-1] == (f"version 1.0: 39 of 42 owe the all-staff form, {status.due['access'] - 1} of "
                         f"{status.due['access']} the access form")
    assert main(["ack", "import", str(in_force), str(lms_file(tmp_path))]) == 0
    assert "0 acknowledgments recorded, 4 already recorded" in capsys.readouterr().out


def test_a_new_approved_version_resets_what_is_owed(in_force: Path, tmp_path: Path) -> None:
    document = open_document(in_force)
    result = read_acknowledgments(lms_file(tmp_path), document.draft, document.roster.employees, today=TODAY)
    document.apply(lambda draft: apply_import(draft, result))
    owing = {p.employee.id for p in ack_status(document.draft, document.roster.employees).pending}
    assert "E1004" not in owing
    document.apply(lambda draft: bump_version(draft, "tester", "new channel", today=TODAY))
    # Until 1.1 is approved, 1.0 stays in force and what was signed still counts.
    status = ack_status(document.draft, document.roster.employees)
    assert status.version == "1.0" and "E1004" not in {p.employee.id for p in status.pending}
    approved(document, date(2026, 12, 2))
    status = ack_status(document.draft, document.roster.employees)
    assert status.version == "1.1"
    assert status.owing["all staff"] == len(document.roster.employees)
    assert "E1004" in {p.employee.id for p in status.pending}


def test_acknowledgments_keep_the_draft_small_and_read_back(in_force: Path, tmp_path: Path) -> None:
    """One list of ids per version, form and day: about 15 bytes a person, not a table each."""
    document = open_document(in_force)
    result = read_acknowledgments(lms_file(tmp_path), document.draft, document.roster.employees, today=TODAY)
    document.apply(lambda draft: apply_import(draft, result))
    document.save()
    text = in_force.read_text("utf-8")
    assert text.count("[[acknowledgments]]") == 3
    assert load_draft(in_force).acknowledgments == document.draft.acknowledgments
    assert toml_io.dumps(load_draft(in_force)) == toml_io.dumps(document.draft)


def test_nothing_is_owed_before_a_version_is_approved(example_draft: Path, capsys) -> None:
    assert main(["ack", "pending", str(example_draft)]) == 0
    assert capsys.readouterr().out.strip() == "no version approved yet, so none is owed"


def test_a_missing_file_is_one_line_and_exit_1(in_force: Path, tmp_path: Path, capsys) -> None:
    before = in_force.read_bytes()
    assert main(["ack", "import", str(in_force), str(tmp_path / "gone.csv")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "gone.csv" in err[0]
    assert in_force.read_bytes() == before


def test_an_unknown_column_is_one_line_and_exit_1(in_force: Path, tmp_path: Path, capsys) -> None:
    before = in_force.read_bytes()
    assert main(["ack", "import", str(in_force), str(lms_file(tmp_path)), "--map", "version=Edition"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith(f'{tmp_path / "lms.csv"}: --map version=Edition: no column "Edition" in this file')
    assert in_force.read_bytes() == before


def test_a_file_without_a_version_column_says_how_to_choose_one(in_force: Path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "esign.csv"
    path.write_text("Email,Signed On\nliam.brennan@harborbank.example,2026-11-20\n", encoding="utf-8")
    assert main(["ack", "import", str(in_force), str(path)]) == 1
    assert capsys.readouterr().err.strip() == (
        f'{path}: no policy version column found; choose one with --map version=COLUMN; the columns are '
        '"Email", "Signed On"')


def test_check_warns_of_hand_edits_it_cannot_count(in_force: Path) -> None:
    from policy_model.checks import check_document
    from policy_model.draft import Acknowledged

    document = open_document(in_force)
    document.apply(lambda draft: draft.acknowledgments.extend([
        Acknowledged("1.0", "all staff", TODAY, ["E1002", "E0000"]),
        Acknowledged("9.9", "all staff", TODAY, ["E1002"])]))
    found = [(p.field, p.message) for p in check_document(document) if p.field.startswith("acknowledgments")]
    assert found == [("acknowledgments[0].employees", "employee E0000 is not in the roster"),
                     ("acknowledgments[1].version", "version 9.9 is not a version of this policy"),
                     ("acknowledgments[1].employees", "E1002 is listed for the all-staff form at "
                      "acknowledgments[0] too")]
