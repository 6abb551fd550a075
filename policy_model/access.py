"""The access matrix: which granted employees get which enabled channels.

Step 1 decides who is granted; step 2 decides the channels. By default every granted
employee gets every enabled channel, and a channel's groups narrow it. People in review or
denied (by a rule or by an override) get nothing until someone grants them. Everything here
is computed from the draft and the roster, never stored, so it cannot disagree with them.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from .channels import channel_name, enabled_channels, listed_channel, short_name
from .draft import Channel, Draft, Employee, copied
from .eligibility import Decision
from .groups import Group, parse_group, reaches

GroupBy = Literal["department", "role"]
NO_GROUP = "(none)"


@dataclass(frozen=True)
class _Reach:
    """An enabled channel's groups split for speed: department and role groups depend only on
    (department, role), so their answer is cached per pair across a large roster."""

    channel: Channel
    groups: tuple[Group, ...]
    employee_ids: frozenset[str]

    @classmethod
    def of(cls, channel: Channel) -> _Reach:
        groups = [parse_group(g) for g in channel.groups]
        return cls(channel, tuple(g for g in groups if g.kind != "employee"),
                   frozenset(g.value for g in groups if g.kind == "employee"))

    @property
    def open_to_all(self) -> bool:
        return not self.groups and not self.employee_ids


class ChannelGrants:
    """The channel ids each person gets under a draft, one person at a time, so a caller can
    go through a national roster without holding a tuple per person. What a person gets
    depends on their (department, role) pair and their id, so it is worked out once per pair
    (and shared by everyone in it whom no channel names by id)."""

    def __init__(self, draft: Draft) -> None:
        self._reaches = [_Reach.of(c) for c in enabled_channels(draft)]
        self._named = frozenset().union(*(r.employee_ids for r in self._reaches))
        self._by_pair: dict[tuple[str, str], tuple[tuple[bool, ...], tuple[str, ...]]] = {}

    def of(self, employee: Employee, decision: Decision) -> tuple[str, ...]:
        """The channel ids the person gets; empty unless granted."""
        if decision.status != "granted":
            return ()
        pair = (employee.department, employee.role)
        shared = self._by_pair.get(pair)
        if shared is None:
            reached = tuple(r.open_to_all or any(g.matches(employee) for g in r.groups) for r in self._reaches)
            shared = self._by_pair[pair] = (reached, tuple(r.channel.id for r, ok in zip(self._reaches, reached,
                                                                                            strict=True) if ok))
        if employee.id not in self._named:
            return shared[1]
        return tuple(r.channel.id for r, ok in zip(self._reaches, shared[0], strict=True)
                     if ok or employee.id in r.employee_ids)


def grants(draft: Draft, employees: Sequence[Employee], decisions: Sequence[Decision]) -> list[tuple[str, ...]]:
    """The channel ids each employee gets, aligned with `employees`; empty unless granted."""
    channels = ChannelGrants(draft)
    return [channels.of(employee, decision) for employee, decision in zip(employees, decisions, strict=True)]


def grant_names(draft: Draft, employees: Sequence[Employee], decisions: Sequence[Decision],
                separator: str = "; ") -> list[str]:
    """Each employee's channels as one cell of text ("LinkedIn; SMS / text messaging"), aligned
    with `employees`; empty for anyone not granted. This is the column `roster show` exports."""
    names = {c.id: channel_name(c) for c in draft.channels}
    return [separator.join(names[i] for i in ids) for ids in grants(draft, employees, decisions)]


@dataclass(frozen=True)
class MatrixRow:
    """One group: how many of its people are granted, and how many of those get each channel."""

    group: str
    granted: int
    counts: tuple[int, ...]


@dataclass(frozen=True)
class Matrix:
    """Groups x enabled channels, with counts of people; `total` sums every group."""

    by: GroupBy
    channel_ids: tuple[str, ...]
    channel_names: tuple[str, ...]
    short_names: tuple[str, ...]
    rows: tuple[MatrixRow, ...]
    total: MatrixRow


def matrix(draft: Draft, employees: Sequence[Employee], decisions: Sequence[Decision],
           by: GroupBy = "department") -> Matrix:
    """Count granted people per group and channel; groups with nobody granted are left out."""
    enabled = enabled_channels(draft)
    ids = tuple(c.id for c in enabled)
    column = {channel_id: n for n, channel_id in enumerate(ids)}
    granted: dict[str, int] = {}
    counts: dict[str, list[int]] = {}
    for employee, decision, got in zip(employees, decisions, grants(draft, employees, decisions), strict=True):
        if decision.status != "granted":
            continue
        group = getattr(employee, by) or NO_GROUP
        granted[group] = granted.get(group, 0) + 1
        row = counts.setdefault(group, [0] * len(ids))
        for channel_id in got:
            row[column[channel_id]] += 1
    rows = tuple(MatrixRow(g, granted[g], tuple(counts[g])) for g in granted)
    total = MatrixRow("Total", sum(granted.values()),
                      tuple(sum(r.counts[n] for r in rows) for n in range(len(ids))))
    return Matrix(by, ids, tuple(channel_name(c) for c in enabled), tuple(short_name(c) for c in enabled), rows,
                  total)


@dataclass(frozen=True)
class Loss:
    """Someone who would lose channels through a change, and which ones."""

    index: int
    employee: Employee
    channel_ids: tuple[str, ...]


def who_loses(draft: Draft, employees: Sequence[Employee], decisions: Sequence[Decision],
              change: Callable[[Draft], object]) -> list[Loss]:
    """The people a model operation would take channels from, without changing the draft:
    `who_loses(draft, es, ds, lambda d: restrict(d, "sms", ["department:Sales"]))`."""
    trial = copied(draft)
    change(trial)
    before = grants(draft, employees, decisions)
    after = grants(trial, employees, decisions)
    losses = []
    for n, (had, has) in enumerate(zip(before, after, strict=True)):
        lost = tuple(c for c in had if c not in has)
        if lost:
            losses.append(Loss(n, employees[n], lost))
    return losses


def left_out(draft: Draft, employees: Sequence[Employee], decisions: Sequence[Decision],
             channel_id: str) -> list[Employee]:
    """Granted people a channel's groups leave out: those who would get it if it were open to all."""
    channel = listed_channel(draft, channel_id)
    if not channel.enabled:
        return []
    groups = [parse_group(g) for g in channel.groups]
    return [e for e, d in zip(employees, decisions, strict=True) if d.status == "granted" and not reaches(groups, e)]


def roster_issues(draft: Draft, employees: Sequence[Employee],
                  decisions: Sequence[Decision]) -> list[tuple[str, str]]:
    """Warnings about channel groups that only the roster can reveal, as (dotted path, message):
    a group that reaches nobody (often a misspelt department) and a named person who is not
    granted, so the channel does not reach them yet."""
    departments = sorted({e.department for e in employees if e.department})
    status = {e.id: d.status for e, d in zip(employees, decisions, strict=True)}
    issues = []
    for n, channel in enumerate(draft.channels):
        for g, text in enumerate(channel.groups):
            group = parse_group(text)
            where = f"channels[{n}].groups[{g}]"
            if group.kind == "employee":
                if group.value not in status:
                    issues.append((where, f"no employee {group.value} in the roster"))
                elif status[group.value] != "granted":
                    issues.append((where, f"{group.value} is {status[group.value]} in step 1, so "
                                          f"{channel_name(channel)} does not reach them until they are granted"))
            elif not any(group.matches(e) for e in employees):
                close = difflib.get_close_matches(group.value, departments, n=1) if group.kind == "department" else []
                hint = f' (did you mean "{close[0]}"?)' if close else ""
                issues.append((where, f'no one in the roster has the {group.kind} "{group.value}"{hint}'))
    return issues
