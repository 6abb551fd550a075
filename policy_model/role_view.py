"""Step 1 by role: each job title with how many hold it and how they are decided now.

A public employer's roster has tens of thousands of people and over a thousand job titles,
of which a few dozen cover most people. Listing the titles with the most people still to
decide first lets HR decide most of the roster in a few keystrokes (`rule_edit.decide_role`).

The summary is counted again after every decision, so it counts at C speed: `Counter` over
each person's role (or role-and-department number), once for everyone and once for each of
two statuses picked out with `compress`; Python then walks only the distinct roles found.
What does not change with decisions (each person's role as a key, the spellings, how many
departments a role spans) is `RosterNames`, built once per roster. Names are grouped as an
exact rule compares them (`name_key`), shown in the spelling most people have.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import compress, count, repeat
from operator import attrgetter, eq, itemgetter
from typing import Literal, TypeVar

from .draft import Draft, Employee, Status
from .eligibility import evaluate_with, name_key, overrides_by_id
from .roster_index import RosterIndex

Grouping = Literal["role", "department"]
GROUPINGS: tuple[Grouping, ...] = ("role", "department")

Key = TypeVar("Key", bound=Hashable)

_role = attrgetter("role")
_department = attrgetter("department")


@dataclass(slots=True)
class RoleRow:
    """One role (or one role within one department) and how its holders are decided.

    `department` is set when the roster is grouped by department; `departments` is how many
    departments the role's holders work in. Not frozen: a large roster grouped by department
    makes tens of thousands of these per change, and a frozen dataclass is four times slower
    to build.
    """

    role: str
    total: int
    granted: int
    review: int
    denied: int
    departments: int
    department: str | None = None

    @property
    def key(self) -> tuple[str, str | None]:
        """The row's identity across rebuilds: its names as an exact rule compares them."""
        return name_key(self.role), None if self.department is None else name_key(self.department)


def _spellings(values: Sequence[str]) -> tuple[list[str], dict[str, str]]:
    """Each value's key (`name_key`), and for each key the spelling most people have (the
    first in sorted order when two are as common)."""
    counts = Counter(values)
    key_of = {value: name_key(value) for value in counts}
    best: dict[str, tuple[int, str]] = {}
    for value, people in counts.items():
        key = key_of[value]
        if key not in best or (-people, value) < best[key]:
            best[key] = (-people, value)
    return list(map(key_of.__getitem__, values)), {key: value for key, (_, value) in best.items()}


@dataclass(frozen=True, eq=False)
class RosterNames:
    """What `by_role` needs that depends only on who is in the roster, not on how they are
    decided: a view builds it once per roster (the same list of people), and each count after
    a decision is then a third of the work."""

    employees: Sequence[Employee]
    roles: list[str]  # each person's role, as a key
    departments: list[str]  # each person's department, as a key
    role_names: dict[str, str]  # key -> the spelling shown
    department_names: dict[str, str]

    @classmethod
    def of(cls, employees: Sequence[Employee]) -> RosterNames:
        roles, role_names = _spellings(list(map(_role, employees)))
        departments, department_names = _spellings(list(map(_department, employees)))
        return cls(employees, roles, departments, role_names, department_names)

    @cached_property
    def distinct_pairs(self) -> list[tuple[str, str]]:
        """Every (role, department) that someone holds, as keys."""
        return list(set(zip(self.roles, self.departments, strict=True)))

    @cached_property
    def pair_numbers(self) -> list[int]:
        """Each person's (role, department) as its place in `distinct_pairs`: numbers count
        faster than pairs, which would be built anew for every person on every count."""
        number = {pair: n for n, pair in enumerate(self.distinct_pairs)}
        return list(map(number.__getitem__, zip(self.roles, self.departments, strict=True)))

    @cached_property
    def spread(self) -> Counter[str]:
        """Role key -> how many departments its holders work in."""
        return Counter(map(itemgetter(0), self.distinct_pairs))

    def holders(self, row: RoleRow) -> list[int]:
        """Roster positions of the people a row counts, in roster order."""
        role, department = row.key
        found = list(compress(count(), map(eq, self.roles, repeat(role))))
        return found if department is None else [n for n in found if self.departments[n] == department]


def _by_status(keys: Sequence[Key], statuses: Sequence[Status]) -> dict[Key, tuple[int, int, int]]:
    """(granted, review, denied) for each distinct key, counted at C speed."""
    everyone = Counter(keys)
    granted = Counter(compress(keys, map(eq, statuses, repeat("granted"))))
    review = Counter(compress(keys, map(eq, statuses, repeat("review"))))
    counted: dict[Key, tuple[int, int, int]] = {}
    for key, people in everyone.items():
        g, r = granted.get(key, 0), review.get(key, 0)
        counted[key] = (g, r, people - g - r)
    return counted


def by_role(index: RosterIndex, group: Grouping = "role", names: RosterNames | None = None) -> list[RoleRow]:
    """Every role (or role within a department) in the roster, most people in review first,
    then the largest; ties by name, so the order is stable from one change to the next.

    Grouped by department, departments come in that order too (most in review first), each
    with its roles in that order. `names`, when built for this roster, saves reading them again.
    """
    if names is None or names.employees is not index.employees:
        names = RosterNames.of(index.employees)
    if group == "role":
        rows = [RoleRow(names.role_names[role], g + r + d, g, r, d, names.spread[role])
                for role, (g, r, d) in _by_status(names.roles, index.statuses).items()]
        rows.sort(key=lambda row: (-row.review, -row.total, name_key(row.role)))
        return rows
    pairs = names.distinct_pairs
    keyed: list[tuple[str, str, RoleRow]] = []
    for number, (g, r, d) in _by_status(names.pair_numbers, index.statuses).items():
        role, department = pairs[number]
        keyed.append((role, department, RoleRow(names.role_names[role], g + r + d, g, r, d, 1,
                                                 names.department_names[department])))
    undecided: Counter[str] = Counter()
    people: Counter[str] = Counter()
    for _, department, row in keyed:
        undecided[department] += row.review
        people[department] += row.total
    keyed.sort(key=lambda k: (-undecided[k[1]], -people[k[1]], k[1], -k[2].review, -k[2].total, k[0]))
    return [row for _, _, row in keyed]


def status_changes(index: RosterIndex, positions: Sequence[int], draft: Draft) -> int:
    """How many of these people the draft now decides otherwise than the index says.

    After a change, before the index is rebuilt (in the background, for a large roster): what
    a notification reports as "N people changed". Only these people are decided again.
    """
    people = [index.employees[n] for n in positions]
    now = evaluate_with(people, draft.eligibility.rules, overrides_by_id(draft))
    return sum(decision.status != index.statuses[n] for decision, n in zip(now, positions, strict=True))
