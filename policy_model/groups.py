"""Who a channel is narrowed to: "department:Sales", "role:Banker", "employee:E0042".

A group is text in the draft so that people can read and hand-edit it. Departments and roles
match as a whole word or phrase, case-insensitively ("role:Banker" takes in "Relationship
Banker" and "Private Banker" but not "Bankers' Clerk"), because a restriction is usually
meant for a family of titles; an employee group names one person by roster id, exactly.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from .draft import Employee

GroupKind = Literal["department", "role", "employee"]
GROUP_KINDS: tuple[GroupKind, ...] = ("department", "role", "employee")


@dataclass(frozen=True, slots=True)
class Group:
    kind: GroupKind
    value: str

    def __str__(self) -> str:
        return f"{self.kind}:{self.value}"

    def matches(self, employee: Employee) -> bool:
        if self.kind == "employee":
            return employee.id == self.value
        field = employee.department if self.kind == "department" else employee.role
        return _phrase(self.value).search(field) is not None


@cache
def _phrase(value: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(value)}(?!\w)", re.IGNORECASE)


def parse_group(text: str) -> Group:
    """The group written as `kind:value`; ValueError with a message a person can act on."""
    kind, sep, value = text.partition(":")
    kind, value = kind.strip().lower(), value.strip()
    if not sep:
        raise ValueError(f'expected "department:NAME", "role:NAME" or "employee:ID", got "{text}"')
    if kind not in GROUP_KINDS:
        close = difflib.get_close_matches(kind, GROUP_KINDS, n=1)
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        raise ValueError(f'unknown kind of group "{kind}"{hint}; expected department, role or employee')
    if not value:
        raise ValueError(f'"{text}" names no {kind}')
    return Group(kind, value)


def group_text(kind: GroupKind, value: str) -> str:
    """The canonical text of a group, as the draft stores it."""
    return str(Group(kind, value.strip()))


def reaches(groups: list[Group], employee: Employee) -> bool:
    """Whether a channel narrowed to `groups` reaches the employee (no groups: everyone)."""
    return not groups or any(group.matches(employee) for group in groups)
