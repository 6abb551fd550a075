"""The snapshot writer builds its rows column by column for speed; the bytes must be what
writing row by row gives, and read back as the same employees."""

from __future__ import annotations

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as st
from policy_model.draft import Employee
from policy_model.roster_snapshot import CANONICAL, parse_snapshot, snapshot_bytes

# A bare carriage return is left out: csv.writer with "\n" line ends does not quote it.
text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=12)
plain = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=8).filter(str.strip)
employees = st.lists(st.builds(
    Employee, id=plain, name=text, email=text, role=text, department=text, manager=text,
    clients=st.none() | st.integers(0, 10_000), touch=st.sampled_from([None, "high", "low"]),
    customer_facing=st.sampled_from([None, True, False]),
    extra=st.fixed_dictionaries({"Notes": text, "Hire Date": text})), max_size=8, unique_by=lambda e: e.id)


def with_csv_writer(people: list[Employee], extra_columns: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*CANONICAL, *extra_columns])
    for e in people:
        writer.writerow([e.id, e.name, e.email, e.role, e.department, e.manager,
                         "" if e.clients is None else e.clients, e.touch or "",
                         {None: "", True: "yes", False: "no"}[e.customer_facing],
                         *(e.extra.get(c, "") for c in extra_columns)])
    return buffer.getvalue().encode("utf-8")


EXTRA = ["Notes", "Hire Date", "Missing, quoted"]


@settings(max_examples=150, deadline=None)
@given(employees)
def test_snapshot_bytes_are_what_csv_writer_writes(people: list[Employee]) -> None:
    assert snapshot_bytes(people, EXTRA) == with_csv_writer(people, EXTRA)


@settings(max_examples=150, deadline=None)
@given(employees)
def test_snapshot_reads_back_as_the_same_employees(people: list[Employee]) -> None:
    read = parse_snapshot(snapshot_bytes(people, EXTRA), "x.roster.csv")
    assert read.problems == []
    assert [(e.id, e.name, e.role, e.clients, e.touch, e.customer_facing, e.extra["Notes"], e.extra["Hire Date"])
            for e in read.employees] == [
        (e.id, e.name, e.role, e.clients, e.touch, e.customer_facing, e.extra["Notes"], e.extra["Hire Date"])
        for e in people]
