"""Step 1 by role: exact rules, rules added, edited and deleted, whole roles decided at once,
many people overridden together; first as model operations, then by keys in the TUI."""

from __future__ import annotations

import copy
import random
import shutil
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from policy_model import toml_io
from policy_model.diff import diff_drafts, render_text
from policy_model.document import new_draft, open_document
from policy_model.draft import STATUSES, Draft, Employee, Rule, Status
from policy_model.eligibility import decide, describe_rule, evaluate, find_rule, matches, set_override
from policy_model.role_view import RoleRow, RosterNames, by_role, status_changes
from policy_model.roster_index import RosterIndex
from policy_model.roster_snapshot import snapshot_path, write_snapshot
from policy_model.rule_edit import (
    add_rule,
    decide_role,
    delete_rule,
    override_many,
    replace_rule,
)
from tui.app import PolicyApp
from tui.background import BACKGROUND_FROM
from tui.cli import main
from tui.screens.form import FormScreen
from tui.screens.override import OverrideDialog
from tui.screens.yes_no import YesNoScreen
from tui.steps.roster import RosterStep
from tui.widgets.role_table import RoleTable
from tui.widgets.roster_table import RosterTable

from .drafts import load_draft
from .keys import type_text
from .test_roster_step import big_roster, shown_lines
from .waiting import settle

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
        person("M2", "Manager", "Special Projects"),  # a title and department that say nothing: review
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


def test_exact_is_written_only_when_true_and_read_back(tmp_path: Path) -> None:
    draft = new_draft("City")
    assert "exact" not in toml_io.dumps(draft)  # drafts without exact rules read as before
    decide_role(draft, "Police Officer", "granted", "they patrol in public")
    assert "exact = true" in toml_io.dumps(draft)
    toml_io.save(draft, tmp_path / "d.toml")
    assert load_draft(tmp_path / "d.toml").eligibility.rules == draft.eligibility.rules


def test_a_rule_made_exact_is_a_change_the_diff_names() -> None:
    old = new_draft("City")
    decide_role(old, "Manager", "denied", "desk job")
    new = copy.deepcopy(old)
    replace_rule(new, "role-manager", replace(find_rule(new, "role-manager"), exact=False))
    lines = render_text(diff_drafts(old, new))
    assert "Rule 'role-manager': role or department matched exactly yes -> no" in lines


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
    people = officers() + [person("P4", "Police Officer", "traffic ", customer_facing=True)]
    index = RosterIndex.of_draft(new_draft("City"), people)
    rows = by_role(index, "department")
    assert [(r.department, r.role, r.total, r.review) for r in rows] == [
        ("Traffic", "Police Officer", 2, 2), ("Special Projects", "Manager", 1, 1),
        ("Patrol", "Police Officer", 2, 0), ("Facilities", "Mailroom Clerk", 1, 0),
        ("Finance", "Account Manager", 1, 0)]
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


# --- in the TUI ------------------------------------------------------------------------------

def city_roster(path: Path) -> Path:
    """300 people of a city, in five repeated titles, shuffled: 120 police officers (72 of
    them in review), 60 account managers and 50 managers, 40 librarians, 30 mailroom clerks."""
    people: list[Employee] = []
    for n in range(120):
        facing, clients = [(True, None), (True, None), (True, 5), (False, None), (True, 30)][n % 5]
        people.append(person("", "Police Officer", "Traffic" if n % 3 == 0 else "Patrol", customer_facing=facing,
                             clients=clients))
    people += [person("", "Account Manager", "Finance", customer_facing=True, clients=40, touch="low")
               for _ in range(60)]
    people += [person("", "Manager", "Operations", customer_facing=False) for _ in range(50)]
    people += [person("", "Librarian", "Libraries") for _ in range(40)]
    people += [person("", "Mailroom Clerk", "Facilities", customer_facing=False) for _ in range(30)]
    random.Random(5).shuffle(people)
    for n, employee in enumerate(people, start=1):
        employee.id, employee.name = f"E{n:04d}", f"Person {n:04d}"
    draft = new_draft("City of Harbor")
    write_snapshot(snapshot_path(path), people, [], draft.roster)
    toml_io.save(draft, path)
    return path


async def answer(pilot: Pilot[None], status: Status, reason: str) -> None:
    """In the status-and-reason dialog: pick `status` (the keys start on the status it offers), say why."""
    dialog = pilot.app.screen
    assert isinstance(dialog, OverrideDialog)
    moves = (STATUSES.index(status) - STATUSES.index(dialog.status)) % len(STATUSES)
    await pilot.press(*["right"] * moves, "space", "tab")
    await type_text(pilot, reason)
    await pilot.press("enter")


def step_of(app: PolicyApp) -> RosterStep:
    return app.screen.query_one(RosterStep)


def statuses_of(app: PolicyApp, role: str) -> set[str]:
    index = step_of(app).index
    assert index is not None
    return {index.statuses[n] for n, e in enumerate(index.employees) if e.role == role}


def role_line(app: PolicyApp, role: str) -> list[str]:
    """The role's line in the roles table as drawn (the header excluded): its words."""
    table = app.screen.query_one(RoleTable)
    n = next(n for n, row in enumerate(table.rows) if row.role == role)
    table.move_to(n)
    return table.render_line(n - int(table.scroll_y) + 1).text.split()


def notes(app: PolicyApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_one_key_decides_everyone_in_a_role_and_undo_brings_them_back(tmp_path: Path) -> None:
    document = open_document(city_roster(tmp_path / "city.toml"))
    app = PolicyApp(document)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("v")
        table = app.screen.query_one(RoleTable)
        assert table.has_focus and table.headers()[0] == "ROLE"
        assert [row.role for row in table.rows][:2] == ["Police Officer", "Librarian"]  # most in review first
        assert role_line(app, "Police Officer")[2:] == ["120", "24", "72", "24", "2"]
        table.move_to(0)
        await pilot.press("d")
        dialog = app.screen
        assert isinstance(dialog, OverrideDialog) and dialog.status == "review"  # what most of them are now
        assert "120 people: 24 granted, 72 review, 24 denied (by unknown-load 48" in dialog.decided
        await answer(pilot, "granted", "they patrol in public")
        assert not isinstance(app.screen, OverrideDialog)

        rule = document.draft.eligibility.rules[0]
        assert (rule.id, rule.outcome, rule.roles, rule.exact) == ("role-police-officer", "granted",
                                                                   ["Police Officer"], True)
        assert statuses_of(app, "Police Officer") == {"granted"}
        assert statuses_of(app, "Account Manager") == {"denied"}  # not "Manager", and not decided here
        assert any("Police Officer: 96 people changed" in note for note in notes(app))
        assert role_line(app, "Police Officer")[2:] == ["120", "120", "0", "0", "2"]
        assert table.rows[0].role == "Librarian"  # now the most to review, under the cursor
        summary = str(app.screen.query_one("#roster-summary", Static).render())
        assert summary.startswith("granted 120  review 40  denied 140")
        await pilot.press("p", "slash")
        await type_text(pilot, "police")
        people = app.screen.query_one(RosterTable)
        assert len(people.rows) == 120 and all(" granted " in line for line in shown_lines(people))

        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [r.id for r in document.draft.eligibility.rules] == [r.id for r in new_draft("x").eligibility.rules]
        assert statuses_of(app, "Police Officer") == {"granted", "review", "denied"}
        assert any(" review " in line for line in shown_lines(people))


async def test_a_role_is_decided_in_one_department_when_grouped_by_department(tmp_path: Path) -> None:
    document = open_document(city_roster(tmp_path / "city.toml"))
    app = PolicyApp(document)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("v", "g")
        table = app.screen.query_one(RoleTable)
        assert table.headers()[:2] == ("DEPARTMENT", "ROLE")
        assert [(r.department, r.role, r.total) for r in table.rows][:2] == [
            ("Patrol", "Police Officer", 80), ("Libraries", "Librarian", 40)]
        await pilot.press("d")
        await answer(pilot, "denied", "desk duty")
        rule = document.draft.eligibility.rules[0]
        assert (rule.roles, rule.departments, rule.exact) == (["Police Officer"], ["Patrol"], True)
        assert describe_rule(rule) == "role is Police Officer, department is Patrol"
        index = step_of(app).index
        assert index is not None
        by_department = {(e.department, index.statuses[n]) for n, e in enumerate(index.employees)
                         if e.role == "Police Officer"}
        assert ("Patrol", "denied") in by_department and ("Patrol", "review") not in by_department
        assert ("Traffic", "review") in by_department
        await pilot.press("g")
        assert table.headers()[0] == "ROLE" and table.cursor == 0


async def test_a_decision_needs_a_reason_and_escape_changes_nothing(tmp_path: Path) -> None:
    document = open_document(city_roster(tmp_path / "city.toml"))
    app = PolicyApp(document)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("v", "enter", "tab", "enter")
        assert isinstance(app.screen, OverrideDialog)
        assert "a rule needs a reason" in str(app.screen.query_one("#override-problem", Static).render())
        await pilot.press("escape")
        assert not document.modified and not isinstance(app.screen, OverrideDialog)


async def test_everyone_a_filter_shows_is_overridden_with_one_reason_after_a_yes(tmp_path: Path) -> None:
    document = open_document(city_roster(tmp_path / "city.toml"))
    app = PolicyApp(document)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await type_text(pilot, "librarian")
        await pilot.press("enter", "O")
        await answer(pilot, "granted", "social accounts")
        confirm = app.screen
        assert isinstance(confirm, YesNoScreen)
        assert confirm.question == "Override 40 people shown by the filter as granted?"
        await pilot.press("n")
        assert document.draft.eligibility.overrides == []

        await pilot.press("O")
        await answer(pilot, "granted", "social accounts")
        await pilot.press("y")
        overrides = document.draft.eligibility.overrides
        librarians = {e.id for e in document.roster.employees if e.role == "Librarian"}
        assert {o.employee_id for o in overrides} == librarians
        assert {(o.status, o.reason) for o in overrides} == {("granted", "social accounts")}
        table = app.screen.query_one(RosterTable)
        assert all("granted*" in line for line in shown_lines(table))
        assert any("40 people overridden as granted" in note for note in notes(app))


async def test_everyone_in_a_role_is_overridden_from_the_roles_tab(tmp_path: Path) -> None:
    document = open_document(city_roster(tmp_path / "city.toml"))
    app = PolicyApp(document)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("v", "down", "O")  # Librarian
        await answer(pilot, "denied", "no public contact after all")
        assert isinstance(app.screen, YesNoScreen)
        assert app.screen.question == "Override 40 people who are Librarian as denied?"
        await pilot.press("y")
        assert len(document.draft.eligibility.overrides) == 40
        assert statuses_of(app, "Librarian") == {"denied"}
        assert role_line(app, "Librarian")[1:] == ["40", "0", "0", "40", "1"]


async def test_rules_are_added_moved_edited_and_deleted_then_saved_and_diffed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = city_roster(tmp_path / "city.toml")
    before = tmp_path / "before.toml"
    shutil.copy(path, before)
    document = open_document(path)
    app = PolicyApp(document)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        rules = app.screen.query_one("#rule-list", OptionList)
        assert rules.has_focus
        await pilot.press("down", "a")  # tried before small-book
        form = app.screen
        assert isinstance(form, FormScreen)
        await pilot.press("tab", "space", "down", "down", "enter", "tab")  # outcome: denied
        await type_text(pilot, "desk job")
        await pilot.press("tab")
        await type_text(pilot, "Manager")
        await pilot.press("tab", "tab", "space", "down", "enter", "ctrl+j")  # is exactly; accept
        assert not isinstance(app.screen, FormScreen)
        added = document.draft.eligibility.rules[1]
        assert (added.id, added.outcome, added.roles, added.exact) == ("role-manager", "denied", ["Manager"], True)
        assert rules.highlighted == 1
        # Managers face no customers: back-office, tried first, decides them.
        assert "role-manager → denied  0 people" in str(rules.get_option_at_index(1).prompt)
        assert "role is Manager" in str(rules.get_option_at_index(1).prompt)

        await pilot.press("left_square_bracket")
        assert [r.id for r in document.draft.eligibility.rules][:2] == ["role-manager", "back-office"]
        assert rules.highlighted == 0
        assert "role-manager → denied  50 people" in str(rules.get_option_at_index(0).prompt)
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert [r.id for r in document.draft.eligibility.rules][1:3] == ["small-book", "role-manager"]
        await pilot.press("left_square_bracket")
        assert rules.highlighted == 1

        await pilot.press("e")
        form = app.screen
        assert isinstance(form, FormScreen) and form.values()["roles"] == "Manager"
        await pilot.press("tab", "tab", "ctrl+u")
        await type_text(pilot, "managers stay at their desks")
        await pilot.press(*["tab"] * 6)  # to "at most"
        await type_text(pilot, "lots")
        await pilot.press("enter")
        assert isinstance(app.screen, FormScreen)
        assert 'at most: "lots" is not a whole number' in str(app.screen.query_one("#form-error", Static).render())
        await pilot.press("ctrl+u", "enter")
        assert not isinstance(app.screen, FormScreen)
        assert find_rule(document.draft, "role-manager").reason == "managers stay at their desks"

        await pilot.press("up", "delete")  # back-office
        confirm = app.screen
        assert isinstance(confirm, YesNoScreen) and confirm.question.startswith("Delete rule back-office? "
                                                                                "It decides 104 people now.")
        await pilot.press("y")
        assert "back-office" not in [r.id for r in document.draft.eligibility.rules]
        await pilot.press("ctrl+s")
        await pilot.pause()

    saved = open_document(path)
    assert [r.id for r in saved.draft.eligibility.rules][:2] == ["role-manager", "small-book"]
    assert find_rule(saved.draft, "role-manager").exact
    changes = diff_drafts(open_document(before).draft, saved.draft)
    assert {(c.kind, c.key) for c in changes.rules} >= {("added", "role-manager"), ("removed", "back-office")}
    assert main(["diff", str(before), str(path)]) == 1
    out = capsys.readouterr().out
    assert "Rule 'role-manager' added (denied: managers stay at their desks)" in out
    assert "Rule 'back-office' removed" in out


async def test_a_large_roster_decides_a_role_in_the_background_and_keeps_the_keyboard(tmp_path: Path) -> None:
    document = open_document(big_roster(tmp_path / "big.toml", BACKGROUND_FROM + 1_000))
    app = PolicyApp(document)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        table = app.screen.query_one(RoleTable)
        role = table.rows[0].role
        await pilot.press("d")
        await answer(pilot, "granted", "serves the public")
        await settle(pilot)
        assert statuses_of(app, role) == {"granted"}
        assert table.has_focus and table.rows[0].role != role  # the keyboard came back; the role moved down
        row = next(r for r in table.rows if r.role == role)
        assert row.granted == row.total and row.review == 0
