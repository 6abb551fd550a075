"""The roster snapshot beside the draft: read back, checked against its hash, bad rows reported."""

from __future__ import annotations

import copy
from dataclasses import replace
from pathlib import Path

from policy_model.document import open_document
from policy_model.draft import Employee, RosterRef
from policy_model.roster_snapshot import parse_snapshot, read_snapshot, snapshot_path, write_snapshot


def test_example_roster_is_read_with_our_columns_only(example_draft: Path) -> None:
    document = open_document(example_draft)
    roster = document.roster
    assert len(roster.employees) == document.draft.roster.rows == 42
    assert roster.problems == []
    assert roster.extra_columns == []  # nothing of the HR file beyond what the policy needs
    first = roster.employees[0]
    assert (first.id, first.name, first.customer_facing, first.location) == ("E1001", "Okafor, Grace A", True,
                                                                             "Eugene")


def test_a_roster_read_in_the_background_is_installed_only_for_the_snapshot_it_was_read_for(
        example_draft: Path) -> None:
    document = open_document(example_draft, with_roster=False)
    ref = copy.deepcopy(document.draft.roster)
    roster = read_snapshot(example_draft, ref)
    assert not document.roster_loaded and not document.roster.employees  # reading changed nothing
    assert not document.install_roster(replace(ref, sha256="0" * 64), roster)  # an import came first
    assert not document.install_roster(ref, replace(roster, cancelled=True))
    assert not document.roster_loaded and not document.roster.employees
    assert document.install_roster(ref, roster)
    assert document.roster is roster and document.roster_loaded


def test_snapshot_round_trips(tmp_path: Path) -> None:
    people = [
        Employee("E1", "Doe, Jane Q", "jane@x.example", "Account Manager", "Sales", "E9", 5, "high", True,
                 {"Site": "Leeds, UK"}),
        Employee("E2", "Smith, Ann", role="Mailroom Clerk", customer_facing=False, extra={"Site": ""}),
    ]
    ref = RosterRef()
    path = snapshot_path(tmp_path / "policy.toml")
    write_snapshot(path, people, ["Site"], ref)
    assert path.name == "policy.roster.csv" and ref.rows == 2 and len(ref.sha256) == 64
    roster = read_snapshot(tmp_path / "policy.toml", ref)
    assert roster.employees == people
    assert roster.problems == []


def test_missing_or_changed_snapshot_is_reported_and_the_draft_still_opens(example_draft: Path) -> None:
    csv_path = snapshot_path(example_draft)
    csv_path.write_text(csv_path.read_text(encoding="utf-8").replace("Relationship Banker", "Teller", 1),
                        encoding="utf-8")
    document = open_document(example_draft)
    assert "changed since it was imported" in str(document.roster.problems[0])
    csv_path.unlink()
    document = open_document(example_draft)
    assert document.roster.employees == []
    assert "snapshot is missing" in str(document.roster.problems[0])


def test_bad_rows_are_reported_with_their_line() -> None:
    data = (
        b"id,name,email,role,department,manager,clients,touch,customer_facing\n"
        b"E1,A,,Banker,Sales,,5,high,yes\n"
        b'E2,"Two\nlines",,Banker,Sales,,many,high,yes\n'
        b"E1,Again,,Banker,Sales,,5,high,yes\n"
        b"E3,C,,Banker,Sales,,5,medium,yes\n"
        b"E4,D,,Banker,Sales,,5,low,perhaps\n"
    )
    roster = parse_snapshot(data, "r.csv")
    assert [e.id for e in roster.employees] == ["E1"]
    assert [str(p) for p in roster.problems] == [
        'r.csv:4: clients: client count is not a whole number: "many"',
        "r.csv:5: duplicate employee id E1 (first on line 2)",
        'r.csv:6: touch: touch must be high or low, got "medium"',
        'r.csv:7: customer_facing: expected yes or no, got "perhaps"',
    ]


def test_a_file_that_is_not_a_snapshot() -> None:
    roster = parse_snapshot(b"name;role\nA;B\n", "x.csv")
    assert roster.employees == [] and "not a roster snapshot" in str(roster.problems[0])


def test_one_long_cell_in_a_snapshot_still_loads(tmp_path: Path) -> None:
    ref = RosterRef()
    write_snapshot(tmp_path / "d.roster.csv", [Employee("E1", name="x" * 200_000), Employee("E2")], [], ref)
    roster = read_snapshot(tmp_path / "d.toml", ref)
    assert roster.problems == [] and [len(e.name) for e in roster.employees] == [200_000, 0]


def test_a_value_many_people_share_is_held_once() -> None:
    data = b"id,name,email,role,department,manager,clients,touch,customer_facing\n" + b"".join(
        b"E%d,Person %d,,Teller,Retail Banking,Ann Lee,,,\n" % (n, n) for n in range(3))
    first, *others = parse_snapshot(data, "r.csv").employees
    for other in others:
        assert (other.role, other.department, other.manager) == (first.role, first.department, first.manager)
        assert other.role is first.role and other.department is first.department and other.manager is first.manager

