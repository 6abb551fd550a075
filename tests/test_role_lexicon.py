"""The role lexicon: what a job title, or failing that a department, says about customers."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policy_model.package_data import read_toml
from policy_model.roles import Inference, compile_lexicon, infer, lexicon

from .conftest import ROOT


def answer(role: str, department: str = "") -> tuple[bool, str, str] | None:
    inference = infer(role, department)
    return None if inference is None else (inference.customer_facing, inference.family, inference.basis)


@pytest.mark.parametrize("role, family", [
    ("Production Technician I", "production"),
    ("Production Technician II", "production"),
    ("Machine Operator II", "production"),
    ("Software Engineer", "software"),
    ("Data Analyst", "data and analytics"),
    ("Sr. Network Engineer", "information technology"),
    ("BI Developer", "data and analytics"),
    ("Accountant I", "accounting and finance"),
    ("Laboratory Technician", "laboratory"),
    ("Research Scientist", "research"),
    ("HRIS Analyst", "human resources"),
    ("Mailroom Clerk", "warehouse and mailroom"),
    ("POLICE OFFICER", "public safety"),
    ("FIREFIGHTER-EMT", "public safety"),
    ("SANITATION LABORER", "labor"),
    ("Sanitation Labourers", "labor"),
    ("MOTOR TRUCK DRIVER", "driving"),
    ("CIVIL ENGINEER IV", "engineering"),
    ("Chief Financial Officer", "accounting and finance"),
    ("Service Desk Analyst", "information technology"),
])
def test_back_office_and_public_service_titles_are_not_customer_facing(role: str, family: str) -> None:
    assert answer(role) == (False, family, "role")


@pytest.mark.parametrize("role, family", [
    ("Area Sales Manager", "sales"),
    ("Sales Executive", "sales"),
    ("Sales Representative", "sales"),
    ("Sales Engineer", "sales"),
    ("Account Representative", "account management"),
    ("Sr. Account Representative", "account management"),
    ("Key Accounts Mgr", "account management"),
    ("Relationship Banker", "branch banking"),
    ("Healthcare Representative", "healthcare sales"),
    ("Loan Officer", "agents and brokers"),
    ("Customer Service Rep", "customer service"),
    ("Call Centre Agent", "customer service"),
    ("Financial Adviser", "financial advice"),
    ("Financial Advisor", "financial advice"),
    ("Talent Acquisition Partner", "recruiting"),
    ("Patient Access Representative", "front desk"),
])
def test_titles_that_deal_with_customers_are_customer_facing(role: str, family: str) -> None:
    assert answer(role) == (True, family, "role")


@pytest.mark.parametrize("role", [
    "Manager", "Director", "Vice President", "Sr. Manager", "Analyst", "Associate", "Specialist",
    "Officer", "Coordinator", "Supervisor", "CLERK III", "Business Partner", "President & CEO", "", "  ",
])
def test_titles_made_only_of_generic_words_are_not_guessed(role: str) -> None:
    assert infer(role) is None


@pytest.mark.parametrize("department, expected", [
    ("Production", (False, "production", "department")),
    ("Sales", (True, "sales", "department")),
    ("IT/IS", (False, "information technology", "department")),
    ("Research & Development", (False, "research", "department")),
    ("Human Resources", (False, "human resources", "department")),
    ("STREETS & SAN", (False, "labor", "department")),
    ("WATER MGMNT", (False, "utility operations", "department")),
    ("Customer Service", (True, "customer service", "department")),
    ("Executive Office", None),
])
def test_a_generic_title_falls_back_on_the_department(department: str, expected: tuple[bool, str, str] | None) -> None:
    assert answer("Manager", department) == expected


def test_the_title_beats_the_department_and_nothing_at_all_is_none() -> None:
    assert answer("Software Engineer", "Sales") == (False, "software", "role")
    assert answer("Sales Representative", "Production") == (True, "sales", "role")
    assert infer("", "") is None


def test_the_longest_phrase_wins_over_a_generic_one() -> None:
    assert answer("Sales Engineer") == (True, "sales", "role")
    assert answer("Sales Analyst") == (False, "sales operations", "role")
    assert answer("Customer Data Analyst") == (False, "data and analytics", "role")
    assert answer("Customer Support Engineer") == (True, "customer service", "role")


def test_a_title_that_contradicts_itself_is_not_guessed_even_with_a_department() -> None:
    assert infer("Sales & Production Coordinator") is None
    assert infer("Route Sales Driver", "Sales") is None
    assert infer("Manager", "Sales & Production") is None


def inferred(role: str, department: str = "") -> Inference:
    inference = infer(role, department)
    assert inference is not None
    return inference


def test_the_inference_says_what_it_rests_on() -> None:
    assert inferred("Production Technician I") == Inference(False, "production", "role", "Production")
    assert inferred("Production Technician I").words == "production role, inferred not customer-facing"
    assert inferred("Sr. Sales Reps").words == "sales role, inferred customer-facing"
    assert inferred("Manager", "Production").words == "department Production: production, inferred not customer-facing"
    assert inferred("Sr. Account Representative").matched == "Account Representative"


def test_answers_are_kept_per_role_and_department() -> None:
    assert infer("Relationship Banker", "Retail") is infer("Relationship Banker", "Retail")


@given(st.text(max_size=60), st.text(max_size=30))
def test_any_text_gets_a_labelled_answer_or_none(role: str, department: str) -> None:
    inference = infer(role, department)
    assert inference is None or inference.family in {f.label for f in lexicon().families}


# --- The data file ---------------------------------------------------------------------------

def test_the_bundled_lexicon_loads_and_every_family_names_its_classification() -> None:
    families = lexicon().families
    assert {f.customer_facing for f in families} == {True, False}
    for family in families:
        assert family.soc and family.phrases, family.id
    header = (ROOT / "policy_model" / "data" / "role_lexicon.toml").read_text(encoding="utf-8").split("[reading]")[0]
    assert "https://www.bls.gov/soc/2018/" in header and "https://www.onetonline.org/" in header
    assert "checked 2026-12-02" in header


def test_importing_the_module_does_not_read_the_lexicon() -> None:
    code = "import policy_model.roles as r; print(r.lexicon.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "0"


def family(**changes: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": "sales", "label": "sales", "customer_facing": True,
                             "soc": ["41-0000 Sales and Related Occupations"], "phrases": ["sales"]}
    return entry | changes


@pytest.mark.parametrize("data, message", [
    ({"family": [family(customer_facing="yes")]}, "customer_facing: expected true or false"),
    ({"family": [{k: v for k, v in family().items() if k != "soc"}]}, "missing soc"),
    ({"family": [family(soc=["Sales"])]}, 'soc: expected "NN-NNNN Title"'),
    ({"family": [family(phrases=[])]}, "phrases: expected a list of words"),
    ({"family": [family(colour="red")]}, "unknown key colour"),
    ({"family": [family(), family(id="sales-ops", customer_facing=False, phrases=["Sales"])]},
     '"Sales" is listed in family sales and in family sales-ops, with different answers'),
    ({"family": [family(), family(id="retail", phrases=["till"], departments=["sale"])]},
     '"sale" is listed in family sales and in family retail'),
    ({"family": [family(), family()]}, "family id sales is used twice"),
    ({"family": [family(phrases=["Senior"])], "reading": {"levels": ["senior"]}}, '"Senior" has no words'),
    ({"family": []}, "no families"),
    ({"family": [family()], "reading": {"level": ["sr"]}}, "reading: expected a table of levels and spellings"),
    ({"family": [family()], "reading": {"spellings": {"rep": "sales rep"}}}, "spellings.rep: expected one word"),
])
def test_a_broken_lexicon_is_refused_with_the_family_and_key(data: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match="role_lexicon.toml") as error:
        compile_lexicon(data)
    assert message in str(error.value)


def test_the_bundled_file_is_what_the_loader_checks() -> None:
    checked, bundled = compile_lexicon(read_toml("role_lexicon.toml")), lexicon()
    # A reader is compared by identity (its readings are cached per reader), so by its parts here.
    assert (checked.reader.levels, checked.reader.spellings) == (bundled.reader.levels, bundled.reader.spellings)
    assert replace(checked, reader=bundled.reader) == bundled


# --- Titles from real exports ----------------------------------------------------------------
# The City of Chicago's salary roster (titles in capitals), the IBM HR attrition data set's
# JobRole values and the positions of the Huebner HR data set. True/False is the answer a
# reader of the title would give; None where a title says nothing about customers.

REAL_TITLES: dict[str, bool | None] = {
    # City of Chicago
    "POLICE OFFICER": False, "POLICE OFFICER (ASSIGNED AS DETECTIVE)": False, "SERGEANT": False,
    "LIEUTENANT": False, "FIREFIGHTER": False, "FIREFIGHTER-EMT": False, "FIRE ENGINEER-EMT": False,
    "LIEUTENANT-EMT": False, "CAPTAIN-EMT": False, "PARAMEDIC": False, "PARAMEDIC I/C": False,
    "AMBULANCE COMMANDER": False, "POLICE COMMUNICATIONS OPERATOR II": False, "POLICE CADET": False,
    "POLICE LEGAL OFFICER II": False, "DETENTION AIDE": False, "CROSSING GUARD": False,
    "TRAFFIC CONTROL AIDE-HOURLY": False, "SUPERVISING TRAFFIC CONTROL AIDE": False,
    "PARKING ENFORCEMENT AIDE": False, "AVIATION SECURITY OFFICER": False, "SECURITY OFFICER": False,
    "ANIMAL CONTROL INSPECTOR": False, "MOTOR TRUCK DRIVER": False, "POOL MOTOR TRUCK DRIVER": False,
    "FOREMAN OF MOTOR TRUCK DRIVERS": False, "SANITATION LABORER": False, "CONSTRUCTION LABORER": False,
    "GENERAL LABORER - DSS": False, "ASPHALT LABORER": False, "ELECTRICAL MECHANIC": False,
    "OPERATING ENGINEER-GROUP A": False, "OPERATING ENGINEER-GROUP C": False, "HOISTING ENGINEER": False,
    "MACHINIST": False, "CARPENTER": False, "PLUMBER": False, "PAINTER": False, "LINEMAN": False,
    "FOREMAN OF LINEMEN": False, "CIVIL ENGINEER IV": False, "WATER CHEMIST II": False,
    "CUSTODIAL WORKER": False, "ADMINISTRATIVE ASST II": False, "ADMINISTRATIVE ASST III": False,
    "STAFF ASST": False, "SENIOR DATA ENTRY OPERATOR": False, "ACCOUNTANT IV": False, "AUDITOR II": False,
    "PROGRAMMER/ANALYST": False, "SENIOR PROGRAMMER/ANALYST": False, "ASST CORPORATION COUNSEL": False,
    "CUSTOMER ACCOUNT REPRESENTATIVE": True, "CLERK III": None, "LIBRARIAN I": None, "LIBRARY PAGE": None,
    "PROJECT MANAGER": None, "PUBLIC HEALTH NURSE II": None, "BUILDING INSPECTOR": None,
    "AVIATION COMMUNICATIONS OPERATOR": None, "CASEWORKER": None, "COMMISSIONER": None,
    # IBM HR attrition, JobRole
    "Sales Executive": True, "Research Scientist": False, "Laboratory Technician": False,
    "Manufacturing Director": False, "Healthcare Representative": True, "Manager": None,
    "Sales Representative": True, "Research Director": False, "Human Resources": False,
    # Huebner HR data set, Position
    "Production Technician I": False, "Production Technician II": False, "Area Sales Manager": True,
    "Production Manager": False, "Software Engineer": False, "Software Engineering Manager": False,
    "IT Support": False, "Data Analyst": False, "Network Engineer": False, "Sr. Network Engineer": False,
    "Database Administrator": False, "Sr. DBA": False, "Accountant I": False, "Sr. Accountant": False,
    "Administrative Assistant": False, "Shared Services Manager": False, "BI Developer": False,
    "Senior BI Developer": False, "BI Director": False, "Sales Manager": True, "IT Manager - DB": False,
    "IT Manager - Infra": False, "IT Manager - Support": False, "IT Director": False,
    "Director of Operations": None, "Director of Sales": True, "President & CEO": None, "CIO": False,
    "Principal Data Architect": False, "Data Architect": False, "Enterprise Architect": False,
}


def test_real_titles_mostly_get_an_answer_and_the_answers_hold() -> None:
    assert len(REAL_TITLES) >= 100
    got = {title: None if (i := infer(title)) is None else i.customer_facing for title in REAL_TITLES}
    assert got == REAL_TITLES
    answered = sum(value is not None for value in got.values())
    assert answered / len(got) >= 0.85
