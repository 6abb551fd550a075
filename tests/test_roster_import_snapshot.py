"""The snapshot writer builds its bytes column by column for speed; they must read back, with
any CSV reader, as the same employees, and be the same bytes for the same roster."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st

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
