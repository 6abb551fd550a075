"""Step 1 by role: exact rules, rules added, edited and deleted, whole roles decided at once,
many people overridden together; first as model operations, then by keys in the TUI."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from policy_model import toml_io
from policy_model.document import new_draft
from policy_model.draft import Draft, Employee, Rule
from policy_model.eligibility import decide, describe_rule, evaluate, find_rule, matches, set_override
from policy_model.role_view import RoleRow, RosterNames, by_role, status_changes
from policy_model.roster_index import RosterIndex
from policy_model.rule_edit import (
    add_rule,
    decide_role,
    delete_rule,
    override_many,
    replace_rule,
)

AT = datetime(2026, 11, 20, 10, 30, tzinfo=UTC)


def person(id_: str, role: str, department: str = "Patrol", **facts: object) -> Employee:
    return Employee(id=id_, name=f"Name {id_}", role=role, department=department, **facts)  # type: ignore[arg-type]


def officers() -> list[Employee]:
    """Police officers decided by three different default rules, and others."""
    return [
        person("P1", "Police Officer", customer_facing=False),  # back-office
        person("P2", "Police Officer", customer_facing=True, clients=4),  # small-book
        person("P3", " police officer ", "Traffic", customer_facing=True),  # unknown-load
        person("M1", "Account Manager", "Finance", customer_facing=True, clients=40, touch="low"),
        person("M2", "Manager", "Finance"),
        person("C1", "Mailroom Clerk", "Facilities", customer_facing=False),
    ]


def rule_ids(draft: Draft) -> list[str]:
    return [r.id for r in draft.eligibility.rules]


# --- exact rules -----------------------------------------------------------------------------

def test_an_exact_role_is_that_role_not_any_role_containing_it() -> None:
    contains = Rule(id="managers", outcome="denied", reason="r", roles=["Manager"])
    exact = replace(contains, exact=True)
    account_manager, manager = person("1", "Account Manager"), person("2", "  MANAGER ")
    assert matches(contains, account_manager) and matches(contains, manager)
    assert not matches(exact, account_manager) and matches(exact, manager)
    in_sales = Rule(id="sales", outcome="denied", reason="r", departments=["Sales"], exact=True)
    assert matches(in_sales, person("3", "Clerk", " sales")) and not matches(in_sales, person("4", "Clerk", "Presales"))


def test_an_exact_rule_says_is_rather_than_contains() -> None:
    rule = Rule(id="r", outcome="granted", reason="r", roles=["Police Officer"], departments=["Patrol"], exact=True)
    assert describe_rule(rule) == "role is Police Officer, department is Patrol"
    assert describe_rule(replace(rule, exact=False)) == "role contains Police Officer, department contains Patrol"


def test_exact_is_written_only_when_true_and_read_back(tmp_path) -> None:  # type: ignore[no-untyped-def]
    draft = new_draft("City")
    assert "exact" not in toml_io.dumps(draft)  # drafts without exact rules read as before
    decide_role(draft, "Police Officer", "granted", "they patrol in public")
    assert "exact = true" in toml_io.dumps(draft)
    toml_io.save(draft, tmp_path / "d.toml")
    assert toml_io.load_or_raise(tmp_path / "d.toml").eligibility.rules == draft.eligibility.rules


# --- adding, changing and deleting rules -----------------------------------------------------

def test_a_rule_added_without_an_id_gets_one_from_its_role() -> None:
    draft = new_draft("City")
    officer = Rule(id="", outcome="granted", reason=" they patrol\n in public ", roles=["Police Officer"])
    first = add_rule(draft, officer, position=0)
    second = add_rule(draft, Rule(id=" ", outcome="denied", reason="second thoughts", roles=["Police Officer"]))
    by_department = add_rule(draft, Rule(id="", outcome="review", reason="ask", departments=["Parks & Rec"]))
    assert (first.id, second.id, by_department.id) == ("role-police-officer", "role-police-officer-2",
                                                       "department-parks-rec")
    assert first.reason == "they patrol in public"
    assert rule_ids(draft)[0] == "role-police-officer" and rule_ids(draft)[-1] == "department-parks-rec"


@pytest.mark.parametrize(("change", "message"), [
    ({"id": "small-book"}, 'already a rule "small-book"'),
    ({"id": "override"}, "give the rule another id"),
    ({"reason": "  "}, "a rule needs a reason"),
    ({"outcome": "yes"}, "granted, review or denied"),
    ({"roles": ["Officer\x1b[2J"]}, "the role contains a control character"),
    ({"roles": ["Officer", " "]}, "the role must not be empty"),
    ({"departments": ["Pat\nrol"]}, "department contains a control character"),
    ({"id": "a\tb"}, "rule id contains a control character"),
    ({"max_clients": -1}, "cannot be negative"),
    ({"max_clients": 5, "min_clients": 10}, "no one could match"),
    ({"clients_unknown": True, "max_clients": 5}, "no one could match"),
    ({"touch": "medium"}, "touch must be high or low"),
])
def test_a_bad_rule_is_refused_in_words_and_changes_nothing(change: dict[str, object], message: str) -> None:
    draft = new_draft("City")
    before = rule_ids(draft)
    rule = replace(Rule(id="new", outcome="granted", reason="because", roles=["Officer"]), **change)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=message.replace("[", r"\[")):
        add_rule(draft, rule)
    with pytest.raises(ValueError, match=message.replace("[", r"\[")):
        replace_rule(draft, "high-touch", rule)
    assert rule_ids(draft) == before and find_rule(draft, "high-touch").touch == "high"


def test_replacing_a_rule_keeps_its_place_and_may_rename_it() -> None:
    draft = new_draft("City")
    rule = find_rule(draft, "small-book")
    kept = replace_rule(draft, "small-book", replace(rule, id="tiny-book", max_clients=5, touch="high"))
    assert rule_ids(draft)[1] == "tiny-book" and kept.max_clients == 5
    replace_rule(draft, "tiny-book", replace(kept, reason="renamed back"))  # its own id is not "taken"
    with pytest.raises(ValueError, match='no rule "small-book"'):
        replace_rule(draft, "small-book", kept)


def test_deleting_a_rule_hands_its_people_to_the_next_rule() -> None:
    draft = new_draft("City")
    banker = person("B1", "Banker", customer_facing=True, clients=4)
    assert evaluate(draft, [banker])[0].rule_id == "small-book"
    removed = delete_rule(draft, "small-book")
    assert removed.id == "small-book" and "small-book" not in rule_ids(draft)
    assert evaluate(draft, [banker])[0].rule_id == "customer-facing"
    with pytest.raises(ValueError, match='no rule "small-book"'):
        delete_rule(draft, "small-book")


# --- deciding a role -------------------------------------------------------------------------

def test_a_role_rule_added_at_the_end_decides_no_one_but_decide_role_places_it_to_take_effect() -> None:
    draft, people = new_draft("City"), officers()
    before = [d.rule_id for d in evaluate(draft, people)]
    assert before[:3] == ["back-office", "small-book", "unknown-load"]
    add_rule(draft, Rule(id="at-the-end", outcome="granted", reason="too late", roles=["Police Officer"], exact=True))
    assert [d.rule_id for d in evaluate(draft, people)] == before  # earlier rules already decide them
    delete_rule(draft, "at-the-end")

    rule = decide_role(draft, "Police Officer", "granted", "they patrol in public")
    assert (rule.id, rule.exact, rule.roles) == ("role-police-officer", True, ["Police Officer"])
    assert rule_ids(draft)[0] == "role-police-officer"  # back-office could decide an officer
    decisions = evaluate(draft, people)
    assert [d.rule_id for d in decisions[:3]] == ["role-police-officer"] * 3
    assert {d.status for d in decisions[:3]} == {"granted"}
    assert [d.rule_id for d in decisions[3:]] == before[3:]  # "Account Manager" is not "Manager"


def test_a_role_rule_goes_after_rules_that_cannot_decide_that_role() -> None:
    draft, people = new_draft("City"), officers()
    add_rule(draft, Rule(id="clerks", outcome="denied", reason="sorting post", roles=["Clerk"]), position=0)
    decide_role(draft, "Police Officer", "granted", "they patrol in public")
    assert rule_ids(draft)[:3] == ["clerks", "role-police-officer", "back-office"]
    decide_role(draft, "Mailroom Clerk", "granted", "they deliver to the public")
    assert rule_ids(draft)[:2] == ["role-mailroom-clerk", "clerks"]  # "clerks" would decide them first
    assert evaluate(draft, people)[5].status == "granted"


def test_an_override_still_beats_a_decided_role() -> None:
    draft, people = new_draft("City"), officers()
    set_override(draft, "P2", "denied", "on leave", by="hr", at=AT)
    decide_role(draft, "Police Officer", "granted", "they patrol in public")
    assert [d.status for d in evaluate(draft, people)[:3]] == ["granted", "denied", "granted"]


def test_deciding_a_role_again_replaces_its_rule_and_places_it_again() -> None:
    draft, people = new_draft("City"), officers()
    decide_role(draft, "Police Officer", "granted", "they patrol in public")
    add_rule(draft, Rule(id="officers", outcome="review", reason="ask", roles=["Officer"]), position=0)
    assert evaluate(draft, people)[0].rule_id == "officers"
    again = decide_role(draft, "police officer", "denied", "changed our mind")
    assert again.id == "role-police-officer" and rule_ids(draft)[:2] == ["role-police-officer", "officers"]
    assert sum(r.id == "role-police-officer" for r in draft.eligibility.rules) == 1
    assert {d.status for d in evaluate(draft, people)[:3]} == {"denied"}


def test_a_role_decided_in_one_department_leaves_the_others() -> None:
    draft, people = new_draft("City"), officers()
    rule = decide_role(draft, "Police Officer", "granted", "traffic stops", department="traffic")
    assert rule.id == "role-police-officer-in-traffic" and rule.departments == ["traffic"]
    assert describe_rule(rule) == "role is Police Officer, department is traffic"
    assert [d.rule_id for d in evaluate(draft, people)[:3]] == ["back-office", "small-book", rule.id]
    whole_role = decide_role(draft, "Police Officer", "denied", "no one after all")
    assert whole_role.id == "role-police-officer" and rule_ids(draft)[:2] == [whole_role.id, rule.id]


@pytest.mark.parametrize(("role", "department", "message"), [
    ("  ", None, "without a role cannot be decided as a role"),
    ("Officer", " ", "without a department"),
    ("Officer\x07", None, "control character"),
])
def test_deciding_a_role_refuses_what_names_no_one(role: str, department: str | None, message: str) -> None:
    draft = new_draft("City")
    with pytest.raises(ValueError, match=message):
        decide_role(draft, role, "granted", "because", department=department)
    with pytest.raises(ValueError, match="a rule needs a reason"):
        decide_role(draft, "Officer", "granted", "")
    assert rule_ids(draft) == rule_ids(new_draft("City"))


# --- many people at once ---------------------------------------------------------------------

def test_override_many_gives_each_person_the_same_override() -> None:
    draft = new_draft("City")
    set_override(draft, "P2", "review", "earlier", by="a", at=AT)
    assert override_many(draft, ["P1", "P2", "P3", "P1"], "denied", " leaving \n in March ") == 3
    overrides = draft.eligibility.overrides
    assert [o.employee_id for o in overrides] == ["P2", "P1", "P3"]  # P2's override replaced in place
    assert {(o.status, o.reason) for o in overrides} == {("denied", "leaving in March")}
    assert len({(o.by, o.at) for o in overrides}) == 1


@pytest.mark.parametrize(("ids", "status", "reason", "message"), [
    ([], "denied", "because", "no one to override"),
    (["P1", " "], "denied", "because", "needs an employee id"),
    (["P1"], "denied", " ", "needs a reason"),
    (["P1"], "maybe", "because", "granted, review or denied"),
])
def test_override_many_refuses_before_changing_anyone(ids: list[str], status: str, reason: str, message: str) -> None:
    draft = new_draft("City")
    with pytest.raises(ValueError, match=message):
        override_many(draft, ids, status, reason)  # type: ignore[arg-type]
    assert draft.eligibility.overrides == []


# --- the summary by role ---------------------------------------------------------------------

def test_roles_are_counted_with_spellings_merged_most_undecided_first() -> None:
    draft, people = new_draft("City"), officers()
    index = RosterIndex.of_draft(draft, people)
    rows = by_role(index)
    assert rows[0] == RoleRow("Police Officer", 3, 1, 1, 1, 2)  # the commoner spelling is shown
    assert [r.role for r in rows] == ["Police Officer", "Manager", "Account Manager", "Mailroom Clerk"]
    names = RosterNames.of(people)
    assert by_role(index, names=names) == rows
    assert names.holders(rows[0]) == [0, 1, 2]


def test_grouped_by_department_each_role_in_each_department_is_a_row() -> None:
    people = officers() + [person("P4", "Police Officer", "traffic ")]
    index = RosterIndex.of_draft(new_draft("City"), people)
    rows = by_role(index, "department")
    assert [(r.department, r.role, r.total, r.review) for r in rows] == [
        ("Traffic", "Police Officer", 2, 2), ("Finance", "Manager", 1, 1), ("Finance", "Account Manager", 1, 0),
        ("Patrol", "Police Officer", 2, 0), ("Facilities", "Mailroom Clerk", 1, 0)]
    assert RosterNames.of(people).holders(rows[0]) == [2, 6]


def test_status_changes_counts_who_a_change_would_move() -> None:
    draft, people = new_draft("City"), officers()
    index = RosterIndex.of_draft(draft, people)
    row = by_role(index)[0]
    positions = RosterNames.of(people).holders(row)
    decide_role(draft, row.role, "granted", "they patrol in public")
    assert status_changes(index, positions, draft) == 2  # one of the three was granted already


def test_the_index_follows_a_bulk_override() -> None:
    draft, people = new_draft("City"), officers()
    index = RosterIndex.of_draft(draft, people)
    override_many(draft, ["P1", "M2", "nobody"], "granted", "pilot group")
    index.refresh(draft, ["P1", "M2", "nobody"])
    assert [index.statuses[n] for n in (0, 4)] == ["granted", "granted"]
    assert index.decisions[0] == decide(people[0], draft.eligibility.rules, draft.eligibility.overrides[0])
