"""Every employee with their decision, indexed for a table that must stay fast at 200,000 rows.

A table cannot ask the rules about each row as it scrolls, nor scan five fields per row on
every keystroke: the index decides everyone once, keeps one lowercase search string per
person (id, name, role, department, status), and a filter is a plain substring test over
those strings (about 25 ms for 200,000 rows). Typing one more letter only narrows what the
last filter found, so each keystroke scans fewer rows than the one before.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .draft import STATUSES, Draft, Employee, Override, Rule, Status
from .eligibility import Decision, decide, evaluate_with, overrides_by_id

STATUS_PREFIX = "status:"
# Recent filter results kept: deleting a letter returns to a query typed a moment ago, and
# typing on starts from the closest one, so neither needs a scan of the whole roster.
RECENT_RESULTS = 12


@dataclass(frozen=True)
class Query:
    """What a filter text asks for: words that must all appear, and perhaps one status.

    `status:granted` (or any unique start of it, `status:g`) picks a status; `problem` says
    why a status word was not understood, and such a query matches no one.
    """

    words: tuple[str, ...] = ()
    status: Status | None = None
    problem: str = ""

    def narrows(self, other: Query) -> bool:
        """Whether everyone this query matches is also matched by `other` (so it can search
        within other's result): each of other's words is inside one of ours, same status."""
        if self.problem or other.problem or (other.status is not None and other.status != self.status):
            return False
        return all(any(old in new for new in self.words) for old in other.words)


def parse_query(text: str, status: Status | None = None) -> Query:
    """Split a filter box's text into words and a `status:` choice (or take `status` given)."""
    words: list[str] = []
    problem = ""
    for token in text.lower().split():
        if not token.startswith(STATUS_PREFIX):
            words.append(token)
            continue
        wanted = token[len(STATUS_PREFIX):]
        if not wanted:
            continue  # still being typed
        found = [s for s in STATUSES if s.startswith(wanted)]
        if len(found) == 1 and (status is None or status == found[0]):
            status = found[0]
        elif len(found) == 1:
            problem = f"status:{found[0]} and status:{status} cannot both hold"
        else:
            problem = f'status:{wanted}: expected granted, review or denied'
    return Query(tuple(words), status, problem)


@dataclass
class DepartmentCount:
    """How many people of one department are granted, in review and denied (for a chart)."""

    department: str
    granted: int = 0
    review: int = 0
    denied: int = 0

    @property
    def total(self) -> int:
        return self.granted + self.review + self.denied


@dataclass
class RosterIndex:
    """Employees in roster order with their decisions and search strings, kept in step.

    Build it with `build` (evaluates everyone: run it in a worker for a large roster); after an
    override changes, `refresh` re-decides just those people.
    """

    employees: Sequence[Employee]
    rules: list[Rule]
    decisions: list[Decision]
    statuses: list[Status]
    search: list[str]
    positions: dict[str, int]
    _recent: OrderedDict[Query, list[int]] = field(default_factory=OrderedDict, repr=False)

    @classmethod
    def build(cls, employees: Sequence[Employee], rules: Sequence[Rule],
              overrides: Mapping[str, Override]) -> RosterIndex:
        decisions = evaluate_with(employees, rules, overrides)
        statuses = [d.status for d in decisions]
        search = [_search_text(e, s) for e, s in zip(employees, statuses, strict=True)]
        positions = {e.id: n for n, e in enumerate(employees)}
        return cls(employees, list(rules), decisions, statuses, search, positions)

    @classmethod
    def of_draft(cls, draft: Draft, employees: Sequence[Employee]) -> RosterIndex:
        return cls.build(employees, draft.eligibility.rules, overrides_by_id(draft))

    def __len__(self) -> int:
        return len(self.employees)

    def refresh(self, draft: Draft, employee_ids: Sequence[str]) -> None:
        """Re-decide the given people after their override changed (the rules did not).

        The overrides are looked up by id once, not searched per person: a bulk override of
        thousands of people would otherwise scan thousands of overrides for each.
        """
        overrides = overrides_by_id(draft)
        for employee_id in employee_ids:
            n = self.positions.get(employee_id)
            if n is None:
                continue
            employee = self.employees[n]
            decision = decide(employee, self.rules, overrides.get(employee_id))
            self.decisions[n] = decision
            self.statuses[n] = decision.status
            self.search[n] = _search_text(employee, decision.status)
        self._recent.clear()

    def filter(self, text: str, status: Status | None = None) -> list[int]:
        """Positions of the people matching a filter text (see `parse_query`), in roster order.

        The list returned may be shared with later calls: read it, do not change it.
        """
        query = parse_query(text, status)
        if query.problem:
            return []
        found = self._recent.get(query)
        if found is None:
            wider = [rows for earlier, rows in self._recent.items() if query.narrows(earlier)]
            found = self._match(query, min(wider, key=len) if wider else None)
            self._recent[query] = found
            if len(self._recent) > RECENT_RESULTS:
                self._recent.popitem(last=False)
        else:
            self._recent.move_to_end(query)
        return found

    def _match(self, query: Query, candidates: Sequence[int] | None) -> list[int]:
        search, statuses = self.search, self.statuses
        if query.status is not None:
            wanted = query.status
            if candidates is None:
                found = [n for n, s in enumerate(statuses) if s == wanted]
            else:
                found = [n for n in candidates if statuses[n] == wanted]
            candidates = found
        # Longest word first: it is the most selective, so later passes scan fewer rows.
        for word in sorted(query.words, key=len, reverse=True):
            if candidates is None:
                candidates = [n for n, text in enumerate(search) if word in text]
            else:
                candidates = [n for n in candidates if word in search[n]]
        if candidates is None:
            return list(range(len(search)))
        return candidates if isinstance(candidates, list) else list(candidates)

    def counts_by_status(self) -> dict[Status, int]:
        counts: dict[Status, int] = dict.fromkeys(STATUSES, 0)
        for status in self.statuses:
            counts[status] += 1
        return counts

    def counts_by_department(self) -> list[DepartmentCount]:
        """Per department, largest first (ties by name); a blank department is "(none)"."""
        by_name: dict[str, DepartmentCount] = {}
        for employee, status in zip(self.employees, self.statuses, strict=True):
            name = employee.department or "(none)"
            count = by_name.get(name)
            if count is None:
                count = by_name[name] = DepartmentCount(name)
            setattr(count, status, getattr(count, status) + 1)
        return sorted(by_name.values(), key=lambda c: (-c.total, c.department.lower()))

    def counts_by_rule(self) -> dict[str, int]:
        """How many people each rule (or "override") decided."""
        counts: dict[str, int] = {}
        for decision in self.decisions:
            counts[decision.rule_id] = counts.get(decision.rule_id, 0) + 1
        return counts


def _search_text(employee: Employee, status: Status) -> str:
    # Tabs keep fields apart, so a query never matches across the end of one and the start of another.
    return f"{employee.id}\t{employee.name}\t{employee.role}\t{employee.department}\t{status}".lower()
