"""The generated HR and CRM exports keep the real files' headers and the shapes they promise:
tests and benchmarks built on them are only as real as these checks."""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Literal

import pytest
from openpyxl import load_workbook

from .hr_exports import (
    attrition_csv,
    crm_accounts_csv,
    hr_analytics_csv,
    public_sector_csv,
    sample_roster_xlsx,
    with_checksum,
)

# The headers as the public files have them, copied here rather than imported, so a change
# to a generator's header fails a test.
HR_ANALYTICS = ("Employee_Name,EmpID,MarriedID,MaritalStatusID,GenderID,EmpStatusID,DeptID,PerfScoreID,"
                "FromDiversityJobFairID,Salary,Termd,PositionID,Position,State,Zip,DOB,Sex,MaritalDesc,CitizenDesc,"
                "HispanicLatino,RaceDesc,DateofHire,DateofTermination,TermReason,EmploymentStatus,Department,"
                "ManagerName,ManagerID,RecruitmentSource,PerformanceScore,EngagementSurvey,EmpSatisfaction,"
                "SpecialProjectsCount,LastPerformanceReview_Date,DaysLateLast30,Absences").split(",")
ATTRITION = ("Age,Attrition,BusinessTravel,DailyRate,Department,DistanceFromHome,Education,EducationField,"
             "EmployeeCount,EmployeeNumber,EnvironmentSatisfaction,Gender,HourlyRate,JobInvolvement,JobLevel,JobRole,"
             "JobSatisfaction,MaritalStatus,MonthlyIncome,MonthlyRate,NumCompaniesWorked,Over18,OverTime,"
             "PercentSalaryHike,PerformanceRating,RelationshipSatisfaction,StandardHours,StockOptionLevel,"
             "TotalWorkingYears,TrainingTimesLastYear,WorkLifeBalance,YearsAtCompany,YearsInCurrentRole,"
             "YearsSinceLastPromotion,YearsWithCurrManager").split(",")
PUBLIC_SECTOR = ("Name,Job Titles,Department,Full or Part-Time,Salary or Hourly,Typical Hours,Annual Salary,"
                 "Hourly Rate").split(",")
SAMPLE_ROSTER = ("EEID,Full Name,Job Title,Department,Business Unit,Gender,Ethnicity,Age,Hire Date,Annual Salary,"
                 "Bonus %,Country,City,Exit Date").split(",")
CRM_ACCOUNTS = ("Account ID,Account Name,Account Owner,Owner Email,Type,Customer Tier,Industry,Billing City,"
                "Annual Revenue,Last Activity").split(",")
CSV_SHAPES: list[tuple[Callable[..., Path], list[str], int]] = [
    (hr_analytics_csv, HR_ANALYTICS, 311), (attrition_csv, ATTRITION, 1470), (public_sector_csv, PUBLIC_SECTOR, 2000)]
OWNERS = [("10026", "Wilson Adinolfi", "wilson.adinolfi@bank.example"),
          ("10084", "Karthikeyan Ait Sidi", "karthikeyan.aitsidi@bank.example"),
          ("10196", "Sarah Akinkuolie", "sarah.akinkuolie@bank.example")]


def read_csv(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as stream:
        return list(csv.reader(stream))


def records(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


def us_day(text: str) -> datetime:
    return datetime.strptime(text, "%m/%d/%Y")


def sheet_rows(path: Path) -> list[tuple[object, ...]]:
    workbook = load_workbook(path, read_only=True)
    try:
        return list(workbook["Data"].iter_rows(values_only=True))
    finally:
        workbook.close()


@pytest.mark.parametrize("make, header, rows", CSV_SHAPES, ids=["hr_analytics", "attrition", "public_sector"])
def test_each_csv_has_the_real_header_and_the_real_row_count(tmp_path: Path, make: Callable[..., Path],
                                                             header: list[str], rows: int) -> None:
    table = read_csv(make(tmp_path / "export.csv"))
    assert table[0] == header
    assert len(table) - 1 == rows
    assert {len(row) for row in table} == {len(header)}


@pytest.mark.parametrize("make", [shape[0] for shape in CSV_SHAPES], ids=["hr_analytics", "attrition", "public_sector"])
def test_a_seed_makes_the_same_file_and_another_seed_another(tmp_path: Path, make: Callable[..., Path]) -> None:
    first = make(tmp_path / "a.csv", rows=120, seed=5)
    assert len(read_csv(first)) == 121
    assert make(tmp_path / "b.csv", rows=120, seed=5).read_bytes() == first.read_bytes()
    assert make(tmp_path / "c.csv", rows=120, seed=6).read_bytes() != first.read_bytes()


def test_hr_analytics_writes_names_departments_and_dates_as_the_real_file(tmp_path: Path) -> None:
    rows = records(hr_analytics_csv(tmp_path / "hr.csv"))
    names = [row["Employee_Name"] for row in rows]
    assert names == sorted(names)
    assert any(re.fullmatch(r"[^,]+, \S+  [A-Z]", name) for name in names)  # "Adinolfi, Wilson  K"
    assert any(name != name.rstrip() for name in names)
    positions = Counter(row["Position"] for row in rows)
    assert positions.most_common(3) == [("Production Technician I", 137), ("Production Technician II", 57),
                                        ("Area Sales Manager", 27)]
    assert positions["President & CEO"] == positions["CIO"] == 1
    assert Counter(row["Department"] for row in rows)["Production       "] == 209
    assert all(re.fullmatch(r"\d\d/\d\d/\d\d", row["DOB"]) for row in rows)
    assert all(re.fullmatch(r"[1-9]\d?/[1-9]\d?/\d{4}", row["DateofHire"]) for row in rows)
    assert {row["Sex"] for row in rows} == {"M ", "F"}
    manager_ids = {row["ManagerID"] for row in rows}
    assert "" in manager_ids and all(m.isdigit() for m in manager_ids - {""})


def test_hr_analytics_marks_each_leaver_in_all_four_columns(tmp_path: Path) -> None:
    rows = records(hr_analytics_csv(tmp_path / "hr.csv"))
    leavers = [row for row in rows if row["Termd"] == "1"]
    assert len(leavers) == 104  # as the real file: 88 voluntarily, 16 for cause
    assert {row["EmploymentStatus"] for row in leavers} == {"Voluntarily Terminated", "Terminated for Cause"}
    assert all(us_day(row["DateofTermination"]) > us_day(row["DateofHire"]) for row in leavers)
    stayers = [row for row in rows if row["Termd"] == "0"]
    assert {(row["EmploymentStatus"], row["DateofTermination"], row["TermReason"]) for row in stayers} == {
        ("Active", "", "N/A-StillEmployed")}
    smaller = records(hr_analytics_csv(tmp_path / "half.csv", rows=200, leavers=0.5))
    assert sum(row["Termd"] == "1" for row in smaller) == 100


def test_attrition_has_no_names_a_gapped_id_and_a_sixth_leaving(tmp_path: Path) -> None:
    rows = records(attrition_csv(tmp_path / "attrition.csv"))
    numbers = [int(row["EmployeeNumber"]) for row in rows]
    assert numbers == sorted(set(numbers)) and numbers[-1] > len(rows)
    leavers = [row for row in rows if row["Attrition"] == "Yes"]
    assert len(leavers) == 237 and {row["Attrition"] for row in rows} == {"Yes", "No"}
    roles = Counter(row["JobRole"] for row in rows)
    assert roles["Sales Executive"] == 326 and roles["Human Resources"] == 52 and len(roles) == 9
    assert {row["Department"] for row in rows} == {"Sales", "Research & Development", "Human Resources"}
    assert all(int(row["YearsAtCompany"]) <= int(row["TotalWorkingYears"]) for row in rows)

    def overtime(group: list[dict[str, str]]) -> float:
        return sum(row["OverTime"] == "Yes" for row in group) / len(group)

    assert overtime(leavers) > overtime([row for row in rows if row["Attrition"] == "No"])


@pytest.fixture(scope="module")
def city(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, str]]:
    return records(public_sector_csv(tmp_path_factory.mktemp("city") / "city.csv", rows=30_000))


def test_public_sector_titles_have_a_head_and_a_long_tail(city: list[dict[str, str]]) -> None:
    titles = Counter(row["Job Titles"] for row in city)
    assert len(titles) > 1000
    assert sum(n for _, n in titles.most_common(40)) > 0.6 * len(city)
    assert titles.most_common(1)[0][0] == "POLICE OFFICER"
    assert 0 < titles["CUSTOMER SERVICE REPRESENTATIVE"] < titles["LIBRARY ASSOCIATE"] < titles["FIREFIGHTER-EMT"]


def test_public_sector_names_are_capitals_without_ids_and_some_repeat(city: list[dict[str, str]]) -> None:
    names = [row["Name"] for row in city]
    assert all(re.fullmatch(r"[A-Z' .-]+,  [A-Z]+( [A-Z])?", name) for name in names)  # "AARON,  JEFFERY M"
    assert Counter(names).most_common(1)[0][1] > 1


def test_public_sector_pay_fills_the_columns_of_its_kind(city: list[dict[str, str]]) -> None:
    kinds = Counter((row["Salary or Hourly"], bool(row["Annual Salary"]), bool(row["Typical Hours"]),
                     bool(row["Hourly Rate"])) for row in city)
    assert set(kinds) == {("Salary", True, False, False), ("Hourly", False, True, True)}
    assert {row["Full or Part-Time"] for row in city if int(row["Typical Hours"] or 40) < 35} == {"P"}


def test_sample_roster_is_a_workbook_of_typed_cells(tmp_path: Path) -> None:
    path = sample_roster_xlsx(tmp_path / "sample.xlsx")
    workbook = load_workbook(path, read_only=True)
    assert workbook.sheetnames == ["Data", "Notes"]
    assert next(workbook["Notes"].iter_rows(values_only=True))[0]
    workbook.close()
    header, *rows = sheet_rows(path)
    assert list(header) == SAMPLE_ROSTER and len(rows) == 1000
    assert all(re.fullmatch(r"E\d{5}", str(row[0])) for row in rows)
    assert len({row[0] for row in rows}) == 1000
    assert all(isinstance(row[8], datetime) and isinstance(row[9], int) for row in rows)
    assert all(isinstance(row[10], int | float) and 0 <= row[10] <= 0.4 for row in rows)
    exits = [(row[8], row[13]) for row in rows if row[13] is not None]
    assert len(exits) == 80
    assert all(isinstance(hired, datetime) and isinstance(left, datetime) and hired < left < datetime(2022, 7, 1)
               for hired, left in exits)


def test_sample_roster_cells_are_the_same_for_a_seed(tmp_path: Path) -> None:
    first = sheet_rows(sample_roster_xlsx(tmp_path / "a.xlsx", rows=50, seed=3))
    assert sheet_rows(sample_roster_xlsx(tmp_path / "b.xlsx", rows=50, seed=3)) == first
    assert sheet_rows(sample_roster_xlsx(tmp_path / "c.xlsx", rows=50, seed=4)) != first


def test_crm_export_gives_each_owner_exactly_the_accounts_asked_for(tmp_path: Path) -> None:
    books = {"10026": ["Strategic"] * 3 + ["Key"] * 2, "10084": ["Tier 3"] * 20 + ["Standard"] * 8}
    path = crm_accounts_csv(tmp_path / "accounts.csv", OWNERS, books, outsiders=3)
    assert read_csv(path)[0] == CRM_ACCOUNTS
    rows = records(path)
    assert Counter((row["Account Owner"], row["Customer Tier"]) for row in rows if row["Owner Email"].endswith(
        "@bank.example")) == {("Wilson Adinolfi", "Strategic"): 3, ("Wilson Adinolfi", "Key"): 2,
                              ("Karthikeyan Ait Sidi", "Tier 3"): 20, ("Karthikeyan Ait Sidi", "Standard"): 8}
    assert sorted(row["Account Owner"] for row in rows if not row["Owner Email"].endswith("@bank.example")) == [
        "Dana Whitfield", "Integration User", "Unassigned"]
    assert len({row["Account ID"] for row in rows}) == len(rows) == 36
    assert all(re.fullmatch(r"001[0-9A-Za-z]{15}", row["Account ID"]) for row in rows)
    assert [row["Account Name"] for row in rows] == sorted(row["Account Name"] for row in rows)


@pytest.mark.parametrize("owner_by, column", [("name", 1), ("email", 2), ("id", 0)])
def test_crm_export_names_owners_the_way_asked(tmp_path: Path, owner_by: Literal["name", "email", "id"],
                                               column: int) -> None:
    path = crm_accounts_csv(tmp_path / "accounts.csv", OWNERS, {"10196": ["Tier 1"] * 4}, owner_by=owner_by)
    rows = records(path)
    assert {(row["Account Owner"], row["Owner Email"]) for row in rows} == {(OWNERS[2][column], OWNERS[2][2])}


@pytest.mark.parametrize("books, error", [({"99999": ["Key"]}, "not in `owners`: 99999"),
                                          ({"10026": ["Gold"]}, "unknown tiers: Gold")])
def test_crm_export_refuses_books_it_cannot_fill(tmp_path: Path, books: dict[str, list[str]], error: str) -> None:
    with pytest.raises(ValueError, match=re.escape(error)):
        crm_accounts_csv(tmp_path / "accounts.csv", OWNERS, books)


def test_account_ids_carry_salesforce_checksum() -> None:
    assert with_checksum("001D000000IqhSL") == "001D000000IqhSLIAZ"  # Salesforce's documented example
