"""Step 1's decision: who needs social or mobile access to customers, and why.

The rules are data in the draft (ordered, first match wins) so HR can read and change them;
the defaults encode the method: back-office roles do not need access, a small or high-touch
book does, a large low-touch book does not, and an unknown load goes to review. An override
made by a person beats every rule and says so.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import compress, count
from operator import attrgetter

from .draft import STATUSES, Draft, Employee, Override, Rule, Status
from .leavers import has_left, left_words, today
from .problems import Severity
from .roles import Inference, infer


@dataclass(frozen=True, slots=True)
class Decision:
    """A person's status, the rule (or override) that decided it, and why in words."""

    status: Status
    rule_id: str
    reason: str
    overridden: bool = False


NO_RULE = "no-rule"
# The field of the one to-do `check` gives for the people still in review: a FINAL policy has
# decided everyone. Its message starts with their count ("8 people are still in review: ...").
REVIEW = "eligibility.review"
# The decision for people who no longer work here: before every rule and override.
LEAVER = "leaver"


def default_rules() -> list[Rule]:
    """The method's rules, in the order they are tried."""
    return [
        Rule(id="back-office", outcome="denied", customer_facing=False,
             reason="back-office role: no direct customer contact"),
        Rule(id="small-book", outcome="granted", customer_facing=True, max_clients=10,
             reason="small book of clients to grow"),
        Rule(id="high-touch", outcome="granted", customer_facing=True, touch="high",
             reason="high-touch relationship with clients"),
        Rule(id="large-low-touch", outcome="denied", customer_facing=True, min_clients=25, touch="low",
             reason="large low-touch book: contact stays on company channels"),
        Rule(id="unknown-load", outcome="review", customer_facing=True, clients_unknown=True,
             reason="customer-facing, client load unknown: decide case by case"),
        Rule(id="customer-facing", outcome="review", customer_facing=True,
             reason="customer-facing, medium book: decide case by case"),
        Rule(id="not-enough-information", outcome="review",
             reason="not known to be customer-facing: check the role"),
    ]


def _contains_any(text: str, words: Sequence[str]) -> bool:
    lowered = text.lower()
    return any(word.lower() in lowered for word in words)


def name_key(text: str) -> str:
    """A role or department as an exact rule compares it: case and surrounding spaces aside."""
    return text.strip().lower()


def names_any(text: str, words: Sequence[str], exact: bool) -> bool:
    """Whether a role or department is named by a rule's words: one of them exactly, or
    containing one of them."""
    if not exact:
        return _contains_any(text, words)
    key = name_key(text)
    return any(name_key(word) == key for word in words)


# Everything `matches` and `describe` read: two people with the same facts get the same
# decision, and a change to any of them can change one (the roster import reports those).
FACT_FIELDS = ("role", "department", "clients", "touch", "customer_facing", "employment", "left_on", "revoke")
facts: Callable[[Employee], tuple[object, ...]] = attrgetter(*FACT_FIELDS)


def customer_facing(employee: Employee) -> bool | None:
    """Whether the person faces customers: the file's own value, else what their job title (or
    department) says (`roles.infer`), else unknown."""
    return _facing(employee, _inferred(employee))


def _inferred(employee: Employee) -> Inference | None:
    """What the job title (or department) says about customers, when the file says nothing."""
    return infer(employee.role, employee.department) if employee.customer_facing is None else None


def _facing(employee: Employee, inferred: Inference | None) -> bool | None:
    return employee.customer_facing if inferred is None else inferred.customer_facing


def matches(rule: Rule, employee: Employee) -> bool:
    """Whether every condition the rule sets holds for the employee (reads only its `facts`)."""
    return _matches(rule, employee, customer_facing(employee))


def _matches(rule: Rule, employee: Employee, facing: bool | None) -> bool:
    """`matches`, given whether the person faces customers (worked out once for all the rules)."""
    if rule.customer_facing is not None and facing is not rule.customer_facing:
        return False
    if rule.roles and not names_any(employee.role, rule.roles, rule.exact):
        return False
    if rule.departments and not names_any(employee.department, rule.departments, rule.exact):
        return False
    if rule.touch is not None and employee.touch != rule.touch:
        return False
    if rule.clients_unknown is not None and (employee.clients is None) is not rule.clients_unknown:
        return False
    if rule.max_clients is not None and (employee.clients is None or employee.clients > rule.max_clients):
        return False
    return not (rule.min_clients is not None and (employee.clients is None or employee.clients < rule.min_clients))


def describe(employee: Employee) -> str:
    """The facts a rule looks at, in words: "Account Manager, 5 clients, high touch"; a value
    inferred from the title says so: "Machine Operator II (production role, inferred not
    customer-facing)", never to be taken for one from the file."""
    return _describe(employee, _inferred(employee))


def _describe(employee: Employee, inferred: Inference | None) -> str:
    """`describe`, given what the title says (`_inferred`)."""
    parts = [employee.role or "no role"]
    if employee.clients is not None:
        parts.append(f"{employee.clients} client{'s' * (employee.clients != 1)}")
    if employee.touch:
        parts.append(f"{employee.touch} touch")
    if employee.customer_facing is False:
        parts.append("not customer-facing")
    said = ", ".join(parts)
    return said if inferred is None else f"{said} ({inferred.words})"


def decide(employee: Employee, rules: Sequence[Rule], override: Override | None = None,
           day: str | None = None) -> Decision:
    """The first rule that matches decides, unless a person overrode it; someone who has left
    by `day` (YYYY-MM-DD, today by default) is denied before either, as they are not staff.

    What the title says is read once for every rule and the reason: a roster's tens of
    thousands of distinct cases are each decided here (`evaluate_with`).
    """
    if has_left(employee, day or today()):
        revoke = "; was granted: remove their access" if employee.revoke else ""
        return Decision("denied", LEAVER, f"{describe(employee)}: {left_words(employee)}, never granted{revoke}")
    if override is not None:
        return Decision(override.status, "override", f"override by {override.by or 'someone'}: {override.reason}",
                        overridden=True)
    inferred = _inferred(employee)
    facing = _facing(employee, inferred)
    for rule in rules:
        if _matches(rule, employee, facing):
            return Decision(rule.outcome, rule.id, f"{_describe(employee, inferred)}: {rule.reason}")
    return Decision("review", NO_RULE, f"{_describe(employee, inferred)}: no rule matched")


def overrides_by_id(draft: Draft) -> dict[str, Override]:
    return {o.employee_id: o for o in draft.eligibility.overrides}


def evaluate(draft: Draft, employees: Sequence[Employee]) -> list[Decision]:
    """A decision for each employee, in roster order.

    Readers of an open draft ask `Document.decisions`, which decides the roster once per
    revision; this decides afresh (two drafts compared, a draft not open).
    """
    return evaluate_with(employees, draft.eligibility.rules, overrides_by_id(draft))


def decided(draft: Draft, employees: Sequence[Employee], decisions: Sequence[Decision] | None) -> Sequence[Decision]:
    """The decisions a reader was given (an open document's, worked out once per revision),
    else decided here and now."""
    return evaluate(draft, employees) if decisions is None else decisions


def evaluate_with(employees: Sequence[Employee], rules: Sequence[Rule],
                  overrides: Mapping[str, Override]) -> list[Decision]:
    """`evaluate` on rules and overrides copied out of a draft, so a worker thread can run it.

    People with the same facts share one decision: a 200,000-person roster has some tens of
    thousands of distinct combinations of role, department, load and exit date, so the rules
    run that many times. Every pass over the whole roster runs in C (`map`, `dict`), not in a
    Python loop: facts are read and looked up a column at a time, each person's once (to
    find the first person with the same facts), and the decisions are handed back by that
    person's row, whose hash costs nothing next to a tuple's. Only people with an override
    are decided one by one, found by looking their ids up in the overrides (none after a
    first import, then nobody's id is read at all).
    """
    day = today()
    first: dict[tuple[object, ...], int] = {}  # each distinct combination of facts -> its first person
    rows = list(map(first.setdefault, map(facts, employees), count()))  # each person's first alike
    decided = {row: decide(employees[row], rules, day=day) for row in first.values()}
    decisions = list(map(decided.__getitem__, rows))
    if overrides:
        for i in compress(range(len(employees)), map(overrides.__contains__, map(attrgetter("id"), employees))):
            employee = employees[i]
            decisions[i] = decide(employee, rules, overrides[employee.id], day)
    return decisions


def undecided(decisions: Sequence[Decision]) -> int:
    """How many people the rules left in review; an override to review is a decision made."""
    return sum(d.status == "review" and not d.overridden for d in decisions)


def describe_rule(rule: Rule) -> str:
    """A rule's conditions in words, for the rule list: "customer-facing, at most 10 clients"."""
    parts = []
    if rule.customer_facing is not None:
        parts.append("customer-facing" if rule.customer_facing else "not customer-facing")
    compared = "is" if rule.exact else "contains"
    if rule.roles:
        parts.append(f"role {compared} " + " or ".join(rule.roles))
    if rule.departments:
        parts.append(f"department {compared} " + " or ".join(rule.departments))
    if rule.clients_unknown is not None:
        parts.append("client count unknown" if rule.clients_unknown else "client count known")
    if rule.max_clients is not None:
        parts.append(f"at most {rule.max_clients} clients")
    if rule.min_clients is not None:
        parts.append(f"at least {rule.min_clients} clients")
    if rule.touch:
        parts.append(f"{rule.touch} touch")
    return ", ".join(parts) or "anyone"


# --- Operations on the draft's eligibility (each one is what a TUI action calls). ---

def current_user() -> str:
    """Who is making a change, as the operating system knows them ("" if it cannot tell)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def clean_reason(reason: str, missing: str = "an override needs a reason: say why this person is an exception") -> str:
    """The reason as it will be kept (one line, trimmed); ValueError (saying `missing`) if there is none.

    A reason is required because an override, or a rule, is a decision someone must be able
    to explain to an auditor later; a blank one explains nothing.
    """
    cleaned = " ".join(reason.split())
    if not cleaned:
        raise ValueError(missing)
    return cleaned


def set_override(draft: Draft, employee_id: str, status: Status, reason: str, *,
                 by: str | None = None, at: datetime | None = None) -> Override:
    """Decide a person's status by hand; replaces their earlier override, if any, in place.

    `by` defaults to the operating-system user and `at` to now (UTC, whole seconds), so the
    draft records who made each exception and when.
    """
    if status not in STATUSES:
        raise ValueError(f'status must be granted, review or denied, not "{status}"')
    if not employee_id.strip():
        raise ValueError("an override needs an employee id")
    override = Override(
        employee_id=employee_id, status=status, reason=clean_reason(reason),
        by=current_user() if by is None else by,
        at=(at or datetime.now(UTC)).replace(microsecond=0),
    )
    overrides = draft.eligibility.overrides
    for n, existing in enumerate(overrides):
        if existing.employee_id == employee_id:
            overrides[n] = override
            break
    else:
        overrides.append(override)
    return override


def clear_override(draft: Draft, employee_id: str) -> Override | None:
    """Hand a person back to the rules; returns the override removed (None if there was none)."""
    overrides = draft.eligibility.overrides
    for n, existing in enumerate(overrides):
        if existing.employee_id == employee_id:
            return overrides.pop(n)
    return None


def find_rule(draft: Draft, rule_id: str) -> Rule:
    for rule in draft.eligibility.rules:
        if rule.id == rule_id:
            return rule
    raise ValueError(f'there is no rule "{rule_id}"')


def check_thresholds(max_clients: int | None, min_clients: int | None) -> None:
    """ValueError, in words, when client-count limits make no sense (negative, or crossed)."""
    for name, value in (("at most", max_clients), ("at least", min_clients)):
        if value is not None and value < 0:
            raise ValueError(f"{name}: a client count cannot be negative ({value})")
    if max_clients is not None and min_clients is not None and min_clients > max_clients:
        raise ValueError(f"at least {min_clients} and at most {max_clients} clients: no one could match")


def move_rule(draft: Draft, rule_id: str, offset: int) -> int:
    """Move a rule earlier (negative) or later in the list; first match wins, so order matters.

    Returns the rule's new position (clamped to the list).
    """
    rules = draft.eligibility.rules
    rule = find_rule(draft, rule_id)
    old = rules.index(rule)
    new = max(0, min(len(rules) - 1, old + offset))
    rules.insert(new, rules.pop(old))
    return new


def lint_eligibility(draft: Draft, employees: Sequence[Employee]) -> list[tuple[str, str, Severity]]:
    """What is wrong or doubtful in the rules and overrides: (dotted path, message, severity).

    The TUI cannot make these mistakes, but the draft is also edited by hand and merged in git.
    """
    found: list[tuple[str, str, Severity]] = []
    rules = draft.eligibility.rules
    if not rules:
        found.append(("eligibility.rules", "there are no rules: everyone without an override goes to review",
                      "warning"))
    for n, rule in enumerate(rules):
        try:
            check_thresholds(rule.max_clients, rule.min_clients)
        except ValueError as error:
            found.append((f"eligibility.rules[{n}]", f"rule {rule.id}: {error}", "error"))
    known = {e.id: e for e in employees}
    day = today()
    for n, override in enumerate(draft.eligibility.overrides):
        if not override.reason.strip():
            found.append((f"eligibility.overrides[{n}].reason",
                          f"the override for {override.employee_id} has no reason; say why they are an exception",
                          "error"))
        if employees and override.employee_id not in known:
            found.append((f"eligibility.overrides[{n}].employee_id",
                          f"{override.employee_id} is not in the roster (left the company?); "
                          "the override has no effect", "warning"))
        elif override.employee_id in known and has_left(known[override.employee_id], day):
            found.append((f"eligibility.overrides[{n}].employee_id",
                          f"{override.employee_id} has left ({left_words(known[override.employee_id])}); "
                          "a leaver is never granted, so the override has no effect", "warning"))
    return found
