"""Step 1 on files shaped like real HR exports: no client or customer-facing column, leavers,
sensitive columns. Most people must be decided, each with a reason that says what was inferred."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from policy_model.document import create_document
from policy_model.draft import Employee
from policy_model.eligibility import LEAVER, Decision, evaluate
from policy_model.roster import import_roster
from policy_model.roster_snapshot import CANONICAL
from tests import hr_exports

INFERRED_NOT = "inferred not customer-facing"


def imported(tmp_path: Path, make: Callable[[Path], Path], name: str) -> tuple[list[Employee], list[Decision], Path]:
    """Import a generated export into a new draft: its people, their decisions, its snapshot."""
    source = make(tmp_path / name)
    document = create_document(tmp_path / "policy.toml", company="Test Co")
    import_roster(document, source)
    snapshot = document.path.with_name(document.draft.roster.snapshot)
    return document.roster.employees, evaluate(document.draft, document.roster.employees), snapshot


def decided_share(decisions: list[Decision]) -> float:
    return sum(d.status != "review" for d in decisions) / len(decisions)


def by_role(people: list[Employee], decisions: list[Decision], role: str) -> list[Decision]:
    return [d for e, d in zip(people, decisions, strict=True) if e.role.strip() == role and d.rule_id != LEAVER]


def source_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def assert_snapshot_holds_only_our_columns(snapshot: Path) -> None:
    header = snapshot.read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",") == list(CANONICAL)


def test_an_hr_analytics_export_is_mostly_decided_and_its_leavers_never_granted(tmp_path: Path) -> None:
    people, decisions, snapshot = imported(tmp_path, hr_exports.hr_analytics_csv, "HRDataset_v14.csv")
    assert decided_share(decisions) > 0.85
    production = by_role(people, decisions, "Production Technician I")
    assert production and all(d.status == "denied" and INFERRED_NOT in d.reason for d in production)
    assert all(d.status == "denied" for d in by_role(people, decisions, "Software Engineer"))
    sales = by_role(people, decisions, "Area Sales Manager")
    assert sales and all(d.status == "review" and d.rule_id == "unknown-load" for d in sales)
    rows = {row["EmpID"]: row for row in source_rows(tmp_path / "HRDataset_v14.csv")}
    for person, decision in zip(people, decisions, strict=True):
        if rows[person.id]["EmploymentStatus"] != "Active":
            assert (decision.status, decision.rule_id) == ("denied", LEAVER), person.id
    assert_snapshot_holds_only_our_columns(snapshot)


def test_an_attrition_extract_without_names_is_decided_by_role(tmp_path: Path) -> None:
    people, decisions, snapshot = imported(tmp_path, hr_exports.attrition_csv, "attrition.csv")
    assert decided_share(decisions) > 0.6
    for role in ("Laboratory Technician", "Research Scientist", "Human Resources"):
        assert all(d.status == "denied" for d in by_role(people, decisions, role)), role
    for role in ("Sales Executive", "Sales Representative", "Healthcare Representative"):
        assert all(d.status == "review" for d in by_role(people, decisions, role)), role
    left = {row["EmployeeNumber"] for row in source_rows(tmp_path / "attrition.csv") if row["Attrition"] == "Yes"}
    assert {e.id for e, d in zip(people, decisions, strict=True) if d.rule_id == LEAVER} == left
    assert_snapshot_holds_only_our_columns(snapshot)


def test_a_public_payroll_without_ids_decides_its_largest_titles(tmp_path: Path) -> None:
    people, decisions, snapshot = imported(tmp_path, lambda path: hr_exports.public_sector_csv(path, rows=3000),
                                        "Current_Employee_Names_Salaries.csv")
    assert len(people) == 3000 and len({e.id for e in people}) == 3000  # ids made from names, unique
    assert decided_share(decisions) > 0.75
    police = by_role(people, decisions, "POLICE OFFICER")
    assert police and all(d.status == "denied" and "public safety" in d.reason for d in police)
    # The titles that cover most people are decided: the rest is the long tail to go through by hand.
    top = [role for role, _ in Counter(e.role for e in people).most_common(10)]
    assert sum(all(d.status != "review" for d in by_role(people, decisions, role)) for role in top) >= 8
    assert_snapshot_holds_only_our_columns(snapshot)


def test_an_excel_roster_with_exit_dates_never_grants_a_leaver(tmp_path: Path) -> None:
    people, decisions, snapshot = imported(tmp_path, hr_exports.sample_roster_xlsx, "Employee Sample Data.xlsx")
    leavers = [(e, d) for e, d in zip(people, decisions, strict=True) if e.left_on]
    assert len(leavers) == 80 and all(d.rule_id == LEAVER for _, d in leavers)
    assert all("exit date" in d.reason and "never granted" in d.reason for _, d in leavers)
    accounts = by_role(people, decisions, "Account Representative")
    assert accounts and all(d.status == "review" for d in accounts)
    assert all(d.status == "denied" for d in by_role(people, decisions, "Network Engineer"))
    assert decided_share(decisions) > 0.7
    assert_snapshot_holds_only_our_columns(snapshot)


@pytest.mark.parametrize("make, name", [
    (hr_exports.hr_analytics_csv, "hr.csv"), (hr_exports.attrition_csv, "attrition.csv"),
    (hr_exports.sample_roster_xlsx, "roster.xlsx"),
])
def test_no_sensitive_value_reaches_the_snapshot(tmp_path: Path, make: Callable[[Path], Path], name: str) -> None:
    _, _, snapshot = imported(tmp_path, make, name)
    text = snapshot.read_text(encoding="utf-8")
    for word in ("White", "Married", "Exceeds", "Male", "Female", "Hispanic"):
        assert f",{word}," not in text and f",{word}\n" not in text
