"""Real HR exports in step 1: leavers and revocations, columns left out of the snapshot, and
headers as HR systems write them (plurals, first and last names, a manager's name)."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Static

from policy_model.checks import check_document
from policy_model.document import create_document, open_document
from policy_model.draft import Employee
from policy_model.eligibility import LEAVER, REVIEW, decide, default_rules, evaluate, lint_eligibility, set_override
from policy_model.leavers import has_left, status_says_left
from policy_model.policy_view import document_status
from policy_model.problems import ProblemsError
from policy_model.roster import import_roster, report_lines
from policy_model.roster.mapping import resolve
from policy_model.roster_snapshot import parse_snapshot
from policy_model.user_input import read_day_column
from tui.app import PolicyApp
from tui.cli import main

from .waiting import settle

# The shape of a widely shared HR analytics sample: names "Last, First", numeric ids, status
# and termination date, and the sensitive columns such files carry.
HEADER = ["Employee_Name", "EmpID", "MaritalDesc", "Salary", "Termd", "Position", "State", "DOB", "Sex",
          "RaceDesc", "DateofTermination", "TermReason", "EmploymentStatus", "Department", "ManagerName",
          "ManagerID", "PerformanceScore"]
ROWS = [
    ["Adinolfi, Wilson  K", "10026", "Single", "62506", "0", "Account Manager", "MA", "07/10/83", "M ",
     "White", "", "N/A-StillEmployed", "Active", "Sales", "Michael Albert", "22", "Exceeds"],
    ["Ait Sidi, Karthikeyan", "10084", "Married", "104437", "1", "Account Manager", "MA", "05/05/75", "M ",
     "White", "6/16/2016", "career change", "Voluntarily Terminated", "Sales", "Simon Roup", "4",
     "Fully Meets"],
    ["Akinkuolie, Sarah", "10196", "Married", "64955", "1", "Production Technician I", "MA", "09/19/88", "F",
     "White", "9/24/2012", "hours", "Terminated for Cause", "Production       ", "Kissy Sullivan", "20",
     "Fully Meets"],
    ["Alagbe,Trina", "10088", "Married", "64991", "0", "Production Technician I", "MA", "09/27/88", "F",
     "White", "", "N/A-StillEmployed", "Active", "Production       ", "Elijiah Gray", "16", "Fully Meets"],
]


def csv_text(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *rows])
    return buffer.getvalue()


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    document = create_document(tmp_path / "policy.toml", company="Test Co")
    document.save()
    return document.path


def source(tmp_path: Path, rows: list[list[str]] = ROWS, header: list[str] = HEADER, name: str = "hr.csv") -> Path:
    path = tmp_path / name
    path.write_text(csv_text(header, rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("status, left", [
    ("Active", False), ("Voluntarily Terminated", True), ("Terminated for Cause", True), ("Resigned", True),
    ("Retired", True), ("Leave of Absence", False), ("Pending Termination", False), ("Full-Time", False),
    ("1", True), ("0", False), ("Yes", True), ("No", False), ("", False), ("Future Start", False),
])
def test_a_status_says_left_only_when_its_words_do(status: str, left: bool) -> None:
    assert status_says_left(status) is left


def test_exit_dates_are_read_the_one_way_their_column_allows() -> None:
    us = read_day_column(["6/16/2016", "9/24/2012", "", "2015-01-05"], "exit date")
    assert us.days == {"6/16/2016": date(2016, 6, 16), "9/24/2012": date(2012, 9, 24), "2015-01-05": date(2015, 1, 5)}
    assert us.note == ""  # 16 and 24 can only be days: the column is month first
    europe = read_day_column(["03/04/2025", "25/12/2024"], "exit date")
    assert europe.days == {"03/04/2025": date(2025, 4, 3), "25/12/2024": date(2024, 12, 25)}
    unsure = read_day_column(["03/04/2025"], "exit date")
    assert unsure.days == {"03/04/2025": date(2025, 3, 4)}
    assert unsure.note == "exit dates such as 03/04/2025 were read month first (US order)"
    mixed = read_day_column(["13/01/2025", "01/13/2025", "soon", "31/02/2025 09:00"], "exit date")
    assert all(isinstance(day, ValueError) for day in mixed.days.values())
    assert str(mixed.days["soon"]) == 'exit date: "soon" is not a date; write it as YYYY-MM-DD (for example 2026-11-05)'
    assert str(mixed.days["13/01/2025"]) == ('exit date: "13/01/2025" cannot be read: the column mixes day-first '
                                             "and month-first dates")
    impossible = read_day_column(["31/02/2025", "1 Mar 2025"], "exit date").days
    assert str(impossible["31/02/2025"]).startswith('exit date: "31/02/2025" is not a date')
    assert impossible["1 Mar 2025"] == date(2025, 3, 1)


def test_a_leaver_is_denied_before_any_rule_or_override() -> None:
    rules = default_rules()
    banker = Employee("E1", role="Account Manager", clients=5, touch="high", customer_facing=True)
    assert decide(banker, rules, day="2026-12-02").status == "granted"
    for left in (Employee("E1", role="Account Manager", clients=5, touch="high", customer_facing=True,
                          employment="Voluntarily Terminated"),
                 Employee("E1", role="Account Manager", clients=5, touch="high", customer_facing=True,
                          left_on="2026-11-30")):
        decision = decide(left, rules, day="2026-12-02")
        assert (decision.status, decision.rule_id) == ("denied", LEAVER)
        assert "never granted" in decision.reason
    # An exit date still to come is notice, not leaving; a granted override never brings a leaver back.
    leaving = Employee("E1", role="Account Manager", clients=5, touch="high", customer_facing=True,
                       left_on="2027-01-31")
    assert not has_left(leaving, "2026-12-02") and decide(leaving, rules, day="2026-12-02").status == "granted"
    draft = create_document(Path("p.toml"), company="X").draft
    set_override(draft, "E1", "granted", "key client", by="hr")
    gone = Employee("E1", role="Account Manager", employment="Terminated")
    assert evaluate(draft, [gone])[0].rule_id == LEAVER
    assert any("has left" in message for _, message, _ in lint_eligibility(draft, [gone]))


def test_an_hr_export_keeps_leavers_as_leavers_and_no_sensitive_column(draft: Path, tmp_path: Path) -> None:
    document = open_document(draft)
    report = import_roster(document, source(tmp_path))
    assert report.mapping == {"id": "EmpID", "name": "Employee_Name", "role": "Position", "department": "Department",
                              "manager": "ManagerName", "location": "State", "employment": "EmploymentStatus",
                              "left_on": "DateofTermination"}
    assert [e.id for e in report.leavers] == ["10084", "10196"]
    people = document.roster.by_id()
    assert people["10084"].left_on == "2016-06-16" and people["10084"].manager == "Simon Roup"
    decisions = dict(zip(people, evaluate(document.draft, document.roster.employees), strict=True))
    assert {i for i, d in decisions.items() if d.rule_id == LEAVER} == {"10084", "10196"}
    # Nothing but our fields reaches the snapshot; the report names what was left out and why.
    header = draft.with_name(document.draft.roster.snapshot).read_text(encoding="utf-8").splitlines()[0]
    assert header == "id,name,email,role,department,manager,clients,touch,customer_facing,location,employment," \
                     "left_on,revoke,flsa"
    lines = report_lines(report)
    left_out = next(line for line in lines if line.startswith("left out of the snapshot"))
    for column, why in [("Salary", "salary or pay"), ("DOB", "date of birth or age"), ("Sex", "sex or gender"),
                        ("RaceDesc", "race or ethnicity"), ("MaritalDesc", "marital status"),
                        ("TermReason", "termination reason"), ("PerformanceScore", "performance")]:
        assert f'"{column}" ({why})' in left_out
    assert 'not needed: "Termd", "ManagerID"' in left_out
    assert any(line.startswith("leavers: 2 people") for line in lines)


def test_a_sensitive_column_is_kept_only_when_asked_and_said_so(draft: Path, tmp_path: Path) -> None:
    document = open_document(draft)
    report = import_roster(document, source(tmp_path), keep=["Salary", "Termd"])
    assert document.roster.by_id()["10026"].extra == {"Salary": "62506", "Termd": "0"}
    assert 'kept "Salary" (salary or pay) as asked: it is sensitive personal data' in report.notes
    assert document.draft.roster.keep == ["Salary", "Termd"]
    again = import_roster(document, source(tmp_path))  # next month: kept as last time
    assert again.kept == ["Salary", "Termd"]
    with pytest.raises(ProblemsError, match='--keep Bonus: no column "Bonus" in this file'):
        import_roster(document, source(tmp_path), keep=["Bonus"])


def test_a_reimport_lists_whose_access_to_revoke(draft: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    header = ["Employee ID", "Name", "Job Title", "Department", "Client Count", "Touch", "Customer Facing",
              "Employment Status"]
    before = [["E1", "Grace", "Account Manager", "Sales", "5", "high", "yes", "Active"],
              ["E2", "Liam", "Account Manager", "Sales", "4", "high", "yes", "Active"],
              ["E3", "Ana", "Clerk", "Operations", "", "", "no", "Active"]]
    document = open_document(draft)
    import_roster(document, source(tmp_path, before, header))
    document.save()
    # A month later: E1 resigned, E2 is gone from the file, E3 (never granted) left too.
    after = [["E1", "Grace", "Account Manager", "Sales", "5", "high", "yes", "Resigned"],
             ["E3", "Ana", "Clerk", "Operations", "", "", "no", "Terminated"]]
    assert main(["roster", "import", str(draft), str(source(tmp_path, after, header, "hr-2.csv"))]) == 0
    out = capsys.readouterr().out
    assert "revoke: 2 people granted at the last import have left or are gone from this file" in out
    assert main(["roster", "show", str(draft), "--status", "revoke", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["id"], r["status"]) for r in rows] == [("E1", "revoke"), ("E2", "revoke")]
    assert "no longer in the HR file" in rows[1]["reason"] and "left (Resigned)" in rows[0]["reason"]
    # The next import has nothing more to revoke: those people were denied as leavers since.
    assert main(["roster", "import", str(draft), str(source(tmp_path, after, header, "hr-3.csv"))]) == 0
    assert "revoke:" not in capsys.readouterr().out
    assert [e.id for e in open_document(draft).roster.employees] == ["E1", "E3"]


def test_a_reimport_revokes_access_granted_by_an_override_but_never_a_leavers(draft: Path, tmp_path: Path) -> None:
    header = ["Employee ID", "Name", "Job Title", "Customer Facing", "Employment Status"]
    before = [["E1", "Grace", "Clerk", "no", "Active"], ["E2", "Liam", "Clerk", "no", "Active"],
              ["E3", "Ana", "Account Manager", "yes", "Resigned"]]
    document = open_document(draft)
    import_roster(document, source(tmp_path, before, header))
    for person in ("E1", "E2", "E3"):
        set_override(document.draft, person, "granted", "runs the client desk", by="hr")
    # A month later: E1 is gone from the file, E2 was terminated; E3 had left already, so the
    # override never granted her anything and there is nothing to take away.
    after = [["E2", "Liam", "Clerk", "no", "Terminated"], ["E3", "Ana", "Account Manager", "yes", "Resigned"]]
    report = import_roster(document, source(tmp_path, after, header, "hr-2.csv"))
    assert [(e.id, e.revoke != "") for e in report.revoked] == [("E2", True), ("E1", True)]
    assert [e.id for e in document.roster.employees] == ["E2", "E3", "E1"]


def test_people_in_review_keep_the_policy_a_draft(draft: Path, tmp_path: Path) -> None:
    header = ["Employee ID", "Name", "Job Title", "Customer Facing"]
    document = open_document(draft)
    import_roster(document, source(tmp_path, [["E1", "Grace", "Account Manager", "yes"]], header))
    problems = check_document(document)
    todo = [p for p in problems if p.field == REVIEW]
    assert [(p.severity, p.message.split(":")[0]) for p in todo] == [("todo", "1 person is still in review")]
    assert "1 person is still in review" in document_status(document.draft, problems)[1]
    # Review as a final answer for someone is a decision a person makes, with a reason.
    document.apply(lambda d: set_override(d, "E1", "review", "waiting for the client list", by="hr"))
    assert [p for p in check_document(document) if p.field == REVIEW] == []


@pytest.mark.parametrize("header, mapped", [
    (["Name", "Job Titles", "Department"], {"name": "Name", "role": "Job Titles", "department": "Department"}),
    (["Emp_ID", "Job_Title", "First Name", "Last Name"], {"id": "Emp_ID", "name": "First Name + Last Name",
                                                         "role": "Job_Title"}),
    (["EEID", "Full Name", "Manager ID", "Manager Name", "Exit Date"],
     {"id": "EEID", "name": "Full Name", "manager": "Manager Name", "left_on": "Exit Date"}),
])
def test_headers_as_hr_systems_write_them_are_matched(header: list[str], mapped: dict[str, str]) -> None:
    assert resolve(header, "hr.csv").as_saved() == mapped


def test_a_name_made_of_two_columns_is_imported_and_remembered(draft: Path, tmp_path: Path) -> None:
    header = ["Emp_ID", "First Name", "Last Name", "Job_Title"]
    document = open_document(draft)
    report = import_roster(document, source(tmp_path, [["7", "Grace", "Okafor", "Teller"]], header))
    assert document.roster.employees[0].name == "Grace Okafor" and report.left_out == []
    assert document.draft.roster.mapping["name"] == "First Name + Last Name"
    again = import_roster(document, source(tmp_path, [["7", "Grace", "Okafor-Reyes", "Teller"]], header))
    assert again.origins["name"] == "saved" and document.roster.employees[0].name == "Grace Okafor-Reyes"


def test_a_snapshot_written_before_the_employment_columns_still_reads() -> None:
    old = b'id,name,email,role,department,manager,clients,touch,customer_facing,Location\r\n' \
          b'E1,"Okafor, Grace",,Teller,Retail,,,,yes,Bend\r\n'
    roster = parse_snapshot(old, "old.roster.csv")
    assert roster.problems == [] and roster.extra_columns == ["Location"]
    person = roster.employees[0]
    assert (person.role, person.customer_facing, person.extra, person.employment) == ("Teller", True,
                                                                                     {"Location": "Bend"}, "")


async def test_the_rules_tab_counts_the_leavers_decided_before_any_rule(draft: Path, tmp_path: Path) -> None:
    document = open_document(draft)
    import_roster(document, source(tmp_path))
    set_override(document.draft, "10026", "granted", "key client", by="hr")
    app = PolicyApp(document)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        hint = str(app.screen.query_one("#rules-hint", Static).render())
    assert hint == ("Tried in order; the first rule that matches decides. Before them: 2 people who have left "
                    "(never granted); 1 person by override.")


def test_the_report_says_one_leaver_and_one_revocation_in_the_singular(draft: Path, tmp_path: Path) -> None:
    header = ["Employee ID", "Name", "Job Title", "Client Count", "Touch", "Customer Facing", "Employment Status"]
    before = [["E1", "Grace", "Account Manager", "5", "high", "yes", "Active"],
              ["E2", "Ana", "Clerk", "", "", "no", "Active"]]
    document = open_document(draft)
    lines = report_lines(import_roster(document, source(tmp_path, before, header)))
    assert not any(line.startswith(("leavers:", "revoke:")) for line in lines)
    after = [["E1", "Grace", "Account Manager", "5", "high", "yes", "Resigned"], before[1]]
    lines = report_lines(import_roster(document, source(tmp_path, after, header, "hr-2.csv")))
    assert "leavers: 1 person the file says has left: kept as leavers, never granted" in lines
    assert ("revoke: 1 person granted at the last import has left or is gone from this file: remove their access "
            "(roster show --status revoke)") in lines
