"""Wage and hour: the roster's FLSA status, the after-hours clause for non-exempt holders, and
the check's warning about replies expected outside working hours."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from textual.widgets import Input, Label, Select

from exporters.docx import export_bytes
from policy_model import channels
from policy_model.checks import check_document
from policy_model.document import Document, create_document, open_document
from policy_model.policy_view import build_view
from policy_model.roster import field_label, import_roster, report_lines
from policy_model.roster.values import parse_flsa
from policy_model.roster_snapshot import read_snapshot
from tui.app import PolicyApp
from tui.screens.roster_import import RosterImportDialog

from .test_cli import run
from .waiting import settle

# A Workday worker report: the FLSA status beside the pay, which must stay out.
WORKDAY = (
    "Employee ID,Legal Name,Business Title,Department,Location,Worker Status,FLSA Status,"
    "Total Base Pay Annualized,Customer Facing,Client Count\r\n"
    "100231,Ada Brooks,Relationship Banker,Retail Banking,\"Portland, OR\",Active,Non-Exempt,48500,Yes,6\r\n"
    "100232,Ben Ortiz,Relationship Banker,Retail Banking,\"Portland, OR\",Active,Non-Exempt,47250,Yes,4\r\n"
    "100233,Cleo Grant,Branch Manager,Retail Banking,\"Salem, OR\",Active,Exempt,91000,Yes,8\r\n"
    "100234,Dev Patel,Mailroom Clerk,Operations,\"Salem, OR\",Active,Non-Exempt,36100,No,\r\n"
)
# An ADP Workforce Now export: no FLSA status, only whether people are paid by the hour.
ADP = (
    "Associate ID,Employee Name,Job Title,Department,Location,Position Status,Pay Type,Rate 1,"
    "Customer Facing,Client Count\r\n"
    "A0017,Eve Moss,Relationship Banker,Retail Banking,Eugene,Active,Hourly,23.40,Y,5\r\n"
    "A0018,Finn Lowe,Wealth Adviser,Private Banking,Eugene,Active,Salaried,105000.00,Y,9\r\n"
    "A0019,Gia Rossi,Teller,Retail Banking,Eugene,Active,Hourly,19.10,Y,3\r\n"
)
WITHOUT_FLSA = WORKDAY.replace(",FLSA Status", "").replace(",Non-Exempt", "").replace(",Exempt", "")


def imported(tmp_path: Path, export: str, name: str = "workers.csv") -> Document:
    """A new bank's draft with LinkedIn and SMS on, and the export imported as its roster."""
    tmp_path.mkdir(exist_ok=True)
    document = create_document(tmp_path / "policy.toml", company="Harbor Bank", industry="Regional bank")
    document.apply(lambda draft: [channels.set_enabled(draft, c, True) for c in ("linkedin", "sms")])
    document.save()
    source = tmp_path / name
    source.write_text(export, "utf-8")
    import_roster(document, source)
    document.save()
    return document


def response_time_warnings(document: Document) -> list[str]:
    return [p.message for p in check_document(document) if p.field and p.field.endswith(".response_time")]


def test_an_flsa_status_column_is_read_as_exempt_or_non_exempt_and_the_pay_left_out(tmp_path: Path) -> None:
    document = imported(tmp_path, WORKDAY)
    people = document.roster.by_id()
    assert [people[i].flsa for i in ("100231", "100233", "100234")] == ["non-exempt", "exempt", "non-exempt"]
    assert document.draft.roster.mapping["flsa"] == "FLSA Status"
    snapshot = (tmp_path / document.draft.roster.snapshot).read_text("utf-8")
    header = snapshot.splitlines()[0].split(",")
    assert header[-1] == "flsa" and "Total Base Pay Annualized" not in header and "48500" not in snapshot
    assert read_snapshot(document.path, document.draft.roster).employees == document.roster.employees


def test_a_pay_type_column_reads_hourly_as_non_exempt_and_salaried_as_unknown(tmp_path: Path) -> None:
    document = imported(tmp_path, ADP)
    assert [e.flsa for e in document.roster.employees] == ["non-exempt", "unknown", "non-exempt"]
    lines = report_lines(document_report := import_roster(document, tmp_path / "workers.csv"))
    assert document_report.mapping["flsa"] == "Pay Type"
    assert 'flsa = "Pay Type" (saved)' in lines[1]
    assert 'note: FLSA status of 1 person recorded as unknown: "Salaried" says neither exempt nor non-exempt' in lines
    assert ("Rate 1", "salary or pay") in document_report.left_out
    assert "105000" not in (tmp_path / document.draft.roster.snapshot).read_text("utf-8")


@pytest.mark.parametrize(("text", "value"), [("Exempt", "exempt"), ("Non-Exempt", "non-exempt"),
                                             ("NON EXEMPT", "non-exempt"), ("Nonexempt", "non-exempt"),
                                             ("NE", "non-exempt"), ("E", "exempt"), ("Hourly", "non-exempt"),
                                             ("Salaried", "unknown"), ("", "unknown"), ("Part-time", "unknown")])
def test_flsa_values(text: str, value: str) -> None:
    assert parse_flsa(text) == value


async def test_the_import_dialog_maps_the_flsa_status_as_it_maps_the_other_fields(tmp_path: Path) -> None:
    source = tmp_path / "workers.csv"
    source.write_text(WORKDAY, "utf-8")
    document = create_document(tmp_path / "policy.toml", company="Harbor Bank")
    document.save()
    app = PolicyApp(document)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RosterImportDialog(document))
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#import-path", Input).value = str(source)
        dialog.query_one("#import-path", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert dialog.query_one("#map-flsa", Select).value == "FLSA Status"
        labels = [str(label.render()) for label in dialog.query(".import-field").results(Label)]
        assert labels.index(field_label("flsa")) == labels.index("Customer-facing") + 1


def test_a_snapshot_written_before_the_flsa_column_still_reads(example_draft: Path) -> None:
    document = open_document(example_draft)
    assert document.roster.employees and not document.roster.problems
    assert {e.flsa for e in document.roster.employees} == {""}


def test_check_warns_of_replies_expected_outside_working_hours_by_non_exempt_holders(tmp_path: Path) -> None:
    document = imported(tmp_path, WORKDAY)
    warnings = response_time_warnings(document)
    # The two bankers are granted; the clerk is denied, so holds nothing.
    assert len(warnings) == 2
    linkedin, sms = warnings
    assert linkedin.startswith('LinkedIn sets a response time ("1 business day") and 2 non-exempt employees hold it')
    assert sms.startswith("SMS / text messaging sets a response time")
    assert "29 U.S.C. § 207, not re-checked" in linkedin and "29 CFR Part 785" in linkedin


def test_check_command_prints_the_after_hours_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = imported(tmp_path, WORKDAY)
    _, out, err = run(capsys, "check", str(document.path))
    assert "2 non-exempt employees hold it" in out + err


def test_no_warning_without_the_flsa_column(tmp_path: Path) -> None:
    document = imported(tmp_path, WITHOUT_FLSA)
    assert {e.flsa for e in document.roster.employees} == {""}
    assert response_time_warnings(document) == []


def test_no_warning_without_a_response_time(tmp_path: Path) -> None:
    document = imported(tmp_path, WORKDAY)
    assert response_time_warnings(document)
    for channel_id in ("linkedin", "sms"):
        document.apply(lambda draft, c=channel_id: channels.configure(draft, c, response_time=""))
    assert response_time_warnings(document) == []


def exported_paragraphs(document: Document) -> list[str]:
    word = docx.Document(io.BytesIO(export_bytes(build_view(document))))
    return [p.text for p in word.paragraphs]


def test_the_export_carries_the_after_hours_clause_only_with_the_flsa_column(tmp_path: Path) -> None:
    paragraphs = exported_paragraphs(imported(tmp_path / "with", WORKDAY))
    heading = paragraphs.index("Messages outside working hours")
    following = "\n".join(paragraphs[heading + 1: heading + 5])
    assert "This section applies to non-exempt employees granted access" in following
    assert "29 U.S.C. § 207" in following and "29 CFR Part 785" in following
    assert "Messages outside working hours" not in exported_paragraphs(imported(tmp_path / "without", WITHOUT_FLSA))
