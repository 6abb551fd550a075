"""The snapshot writer builds its bytes column by column for speed; they must read back, with
any CSV reader, as the same employees, and be the same bytes for the same roster."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

from policy_model import roster_snapshot
from policy_model.draft import Employee
from policy_model.roster_snapshot import CANONICAL, parse_snapshot, snapshot_bytes

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
plain = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=8).filter(str.strip)
employees = st.lists(st.builds(
    Employee, id=plain, name=text, email=text, role=text, department=text, manager=text,
    clients=st.none() | st.integers(0, 10_000), touch=st.sampled_from([None, "high", "low"]),
    customer_facing=st.sampled_from([None, True, False]),
    extra=st.fixed_dictionaries({"Notes": text, "Hire Date": text})), max_size=8, unique_by=lambda e: e.id)


EXTRA = ["Notes", "Hire Date", "Missing, quoted"]


@settings(max_examples=150, deadline=None)
@given(employees)
def test_snapshot_reads_back_as_the_same_employees(people: list[Employee]) -> None:
    data = snapshot_bytes(people, EXTRA)
    assert data == snapshot_bytes(list(people), EXTRA)
    assert list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))[0] == [*CANONICAL, *EXTRA]
    read = parse_snapshot(data, "x.roster.csv")
    assert read.problems == []
    assert [(e.id, e.name, e.role, e.clients, e.touch, e.customer_facing, e.extra["Notes"], e.extra["Hire Date"])
            for e in read.employees] == [
        (e.id, e.name, e.role, e.clients, e.touch, e.customer_facing, e.extra["Notes"], e.extra["Hire Date"])
        for e in people]


@settings(max_examples=100, deadline=None)
@given(employees)
def test_a_snapshot_read_by_column_and_by_row_holds_the_same_employees(people: list[Employee]) -> None:
    """A snapshot as written is read a column at a time; one with a row to report (here a
    blank line at the end) is read row by row. Both readings give the same employees."""
    data = snapshot_bytes(people, EXTRA)
    assert roster_snapshot._parse_columns(roster_snapshot._text(data), "x.roster.csv", 0, len(data), None)
    by_column = parse_snapshot(data, "x.roster.csv")
    by_row = parse_snapshot(data + b"\n", "x.roster.csv")
    assert by_column.problems == [] and [p.message for p in by_row.problems] == ["empty row"]
    assert by_column.employees == by_row.employees and by_column.extra_columns == by_row.extra_columns
