"""The access matrix: who ends up with which channel, and who loses access when it narrows."""

from __future__ import annotations

import pytest

from policy_model.access import grant_names, grants, left_out, matrix, who_loses
from policy_model.channels import restrict, set_enabled
from policy_model.document import new_draft
from policy_model.draft import Draft, Employee, Override
from policy_model.eligibility import evaluate

PEOPLE = [
    Employee("E1", "Brennan, Liam", role="Relationship Banker", department="Sales", clients=5, touch="high",
             customer_facing=True),
    Employee("E2", "Johnson, Marcus", role="Sales Associate", department="Sales", clients=40, touch="low",
             customer_facing=True),
    Employee("E3", "Lindqvist, Annika", role="Private Banker", department="Wealth Management", clients=6,
             touch="high", customer_facing=True),
    Employee("E4", "Mensah, Abena", role="Portfolio Manager", department="Wealth Management", customer_facing=True),
    Employee("E5", "Hughes, Owen", role="Teller", department="Operations", customer_facing=False),
    Employee("E6", "Dubois, Etienne", role="Account Manager", department="Account Management", clients=4,
             touch="high", customer_facing=True),
    Employee("E7", "Tanaka, Hiro", role="Sales Engineer", department="Presales", clients=3, touch="high",
             customer_facing=True),
]


@pytest.fixture
def draft() -> Draft:
    draft = new_draft("Harbor", "both", "financial")
    draft.eligibility.overrides = [
        Override("E2", "granted", "covers the branch's largest clients"),  # a rule denied him
        Override("E3", "denied", "on leave until March"),  # a rule granted her
    ]
    set_enabled(draft, "linkedin", True)
    set_enabled(draft, "sms", True)
    return draft


def ids(draft: Draft) -> dict[str, tuple[str, ...]]:
    return {e.id: got for e, got in zip(PEOPLE, grants(draft, PEOPLE, evaluate(draft, PEOPLE)), strict=True)}


def test_every_granted_person_gets_every_enabled_channel_by_default(draft):
    assert [d.status for d in evaluate(draft, PEOPLE)] == [
        "granted", "granted", "denied", "review", "denied", "granted", "granted"]
    assert ids(draft) == {
        "E1": ("linkedin", "sms"),
        "E2": ("linkedin", "sms"),  # granted by override
        "E3": (),  # denied by override although a rule granted her
        "E4": (),  # in review: nothing until someone decides
        "E5": (),
        "E6": ("linkedin", "sms"),
        "E7": ("linkedin", "sms"),
    }


def test_restricting_to_a_department_narrows_the_channel_and_shows_who_loses_it(draft):
    decisions = evaluate(draft, PEOPLE)
    losses = who_loses(draft, PEOPLE, decisions, lambda d: restrict(d, "sms", ["department:Sales"]))
    assert [(loss.employee.id, loss.channel_ids) for loss in losses] == [("E6", ("sms",)), ("E7", ("sms",))]
    assert ids(draft)["E6"] == ("linkedin", "sms")  # asking changed nothing
    restrict(draft, "sms", ["department:Sales"])
    got = ids(draft)
    assert got["E1"] == got["E2"] == ("linkedin", "sms")
    assert got["E6"] == got["E7"] == ("linkedin",)  # "Presales" is not the Sales department
    assert [e.id for e in left_out(draft, PEOPLE, decisions, "sms")] == ["E6", "E7"]
    restrict(draft, "sms", [])
    assert ids(draft)["E6"] == ("linkedin", "sms")


def test_role_and_employee_groups_add_up(draft):
    restrict(draft, "sms", ["role:banker", "employee:E6", "employee:E3"])
    got = ids(draft)
    assert got["E1"] == ("linkedin", "sms")  # Relationship Banker
    assert got["E6"] == ("linkedin", "sms")  # named
    assert got["E2"] == ("linkedin",)
    assert got["E3"] == ()  # naming a denied person does not grant her
    # Left out: granted, but neither a banker nor named.
    assert [e.id for e in left_out(draft, PEOPLE, evaluate(draft, PEOPLE), "sms")] == ["E2", "E7"]
    set_enabled(draft, "sms", False)
    assert left_out(draft, PEOPLE, evaluate(draft, PEOPLE), "sms") == []  # a disabled channel leaves out no one


def test_disabling_a_channel_takes_it_from_everyone_who_had_it(draft):
    losses = who_loses(draft, PEOPLE, evaluate(draft, PEOPLE), lambda d: set_enabled(d, "linkedin", False))
    assert [loss.employee.id for loss in losses] == ["E1", "E2", "E6", "E7"]
    assert all(loss.channel_ids == ("linkedin",) for loss in losses)


def test_matrix_counts_granted_people_per_department_and_channel(draft):
    restrict(draft, "sms", ["department:Sales"])
    table = matrix(draft, PEOPLE, evaluate(draft, PEOPLE))
    assert table.channel_ids == ("linkedin", "sms")
    assert table.channel_names == ("LinkedIn", "SMS / text messaging")
    assert table.short_names == ("LinkedIn", "Text")
    assert [(r.group, r.granted, r.counts) for r in table.rows] == [
        ("Sales", 2, (2, 2)), ("Account Management", 1, (1, 0)), ("Presales", 1, (1, 0))]
    assert (table.total.granted, table.total.counts) == (4, (4, 2))


def test_matrix_by_role(draft):
    table = matrix(draft, PEOPLE, evaluate(draft, PEOPLE), by="role")
    assert [r.group for r in table.rows] == ["Relationship Banker", "Sales Associate", "Account Manager",
                                              "Sales Engineer"]


def test_grant_names_is_one_cell_per_person_for_the_roster_export(draft):
    restrict(draft, "sms", ["employee:E1"])
    cells = grant_names(draft, PEOPLE, evaluate(draft, PEOPLE))
    assert cells == ["LinkedIn; SMS / text messaging", "LinkedIn", "", "", "", "LinkedIn", "LinkedIn"]


def test_the_example_bank_gives_teams_to_sales_and_account_management_only(example_draft):
    from policy_model.document import open_document

    document = open_document(example_draft)
    people = document.roster.employees
    table = matrix(document.draft, people, evaluate(document.draft, people))
    column = table.channel_ids.index("teams")
    by_group = {row.group: row.counts[column] for row in table.rows}
    assert by_group["Sales"] > 0 and by_group["Account Management"] > 0
    assert by_group["Wealth Management"] == 0
