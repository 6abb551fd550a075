"""Step 1's edits beyond one person: rules added, changed and removed, a whole role decided
at once, many people overridden together.

A large employer has over a thousand job titles, of which a few dozen cover most people;
deciding them one person at a time would take days. `decide_role` turns "every Police Officer
is granted" into one exact rule, placed where it takes effect; `override_many` records one
exception, with one reason, for each of the people picked. Every operation checks what it is
given first and changes nothing when it refuses, with a ValueError a person can act on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from .draft import STATUSES, Draft, Rule, Status
from .eligibility import NO_RULE, check_thresholds, clean_reason, find_rule, name_key, names_any, set_override
from .problems import ProblemsError
from .user_input import clean_line, unique_id

TOUCHES = ("high", "low")
# Decision.rule_id values that name no rule: a rule with one of these ids could not be told apart.
RESERVED_IDS = ("override", NO_RULE)
RULE_REASON_MISSING = "a rule needs a reason: say why these people need access, or do not"


def _line(value: str, label: str, *, required: bool = True) -> str:
    """`clean_line`'s checks (no control characters, not overlong), refusing with a ValueError."""
    try:
        return clean_line(value, "rule", label, required=required)
    except ProblemsError as error:
        raise ValueError("; ".join(p.message for p in error.problems)) from None


def _names(values: Iterable[str], label: str) -> list[str]:
    """Roles or departments as given, each trimmed and checked; a blank one is refused, as it
    would be contained in every name and so match everyone."""
    return [_line(value, label) for value in values]


def checked_rule(draft: Draft, rule: Rule, *, replacing: str | None = None) -> Rule:
    """The rule as it will be kept (text trimmed, an id made when blank), or ValueError in words.

    `replacing` is the id of the rule it replaces, which its id may keep.
    """
    if rule.outcome not in STATUSES:
        raise ValueError(f'the outcome must be granted, review or denied, not "{rule.outcome}"')
    reason = _line(clean_reason(rule.reason, RULE_REASON_MISSING), "reason")
    roles = _names(rule.roles, "role")
    departments = _names(rule.departments, "department")
    if rule.touch is not None and rule.touch not in TOUCHES:
        raise ValueError(f'touch must be high or low (or not set), not "{rule.touch}"')
    check_thresholds(rule.max_clients, rule.min_clients)
    if rule.clients_unknown and (rule.max_clients is not None or rule.min_clients is not None):
        raise ValueError("a client count that is unknown cannot be at most or at least a number: "
                         "no one could match")
    taken = {r.id for r in draft.eligibility.rules if r.id != replacing}
    rule_id = _line(rule.id, "rule id", required=False)
    if not rule_id:
        rule_id = unique_id(_id_source(roles, departments), taken | set(RESERVED_IDS), "rule")
    elif rule_id in taken:
        raise ValueError(f'there is already a rule "{rule_id}": give this one another id')
    elif rule_id in RESERVED_IDS:
        raise ValueError(f'"{rule_id}" is how a decision without a rule is named: give the rule another id')
    return replace(rule, id=rule_id, reason=reason, roles=roles, departments=departments)


def _id_source(roles: list[str], departments: list[str]) -> str:
    """What a rule's id is made from: its first role (and department), as "role-police-officer"."""
    if roles:
        return f"role {roles[0]}" + (f" in {departments[0]}" if departments else "")
    return f"department {departments[0]}" if departments else "rule"


def add_rule(draft: Draft, rule: Rule, position: int | None = None) -> Rule:
    """Insert a rule at `position` (the end when None); returns it as kept, with its id.

    Order matters (first match wins): a rule added after one that already decides its people
    decides no one; see `decide_role` for a rule placed where it takes effect.
    """
    kept = checked_rule(draft, rule)
    rules = draft.eligibility.rules
    rules.insert(len(rules) if position is None else max(0, min(position, len(rules))), kept)
    return kept


def replace_rule(draft: Draft, rule_id: str, rule: Rule) -> Rule:
    """Put `rule` in the place of the rule `rule_id` (all its conditions, perhaps a new id)."""
    rules = draft.eligibility.rules
    at = rules.index(find_rule(draft, rule_id))
    kept = checked_rule(draft, rule, replacing=rule_id)
    rules[at] = kept
    return kept


def delete_rule(draft: Draft, rule_id: str) -> Rule:
    """Remove a rule; the people it decided fall to the next rule that matches them."""
    rules = draft.eligibility.rules
    return rules.pop(rules.index(find_rule(draft, rule_id)))


def could_decide(rule: Rule, role: str, department: str | None = None) -> bool:
    """Whether the rule can decide some holder of `role` (in `department`, when given).

    Only roles and departments are known of a role's holders as a group; load, touch and
    customer-facing differ from person to person, so a rule with such conditions may decide
    some holder, now or after the next import.
    """
    if rule.roles and not names_any(role, rule.roles, rule.exact):
        return False
    return department is None or not rule.departments or names_any(department, rule.departments, rule.exact)


def is_role_decision(rule: Rule, role: str, department: str | None = None) -> bool:
    """Whether the rule is exactly "everyone in this role (and department) is ...", with no
    other condition: what `decide_role` makes, and replaces when the role is decided again."""
    wanted = [name_key(department)] if department is not None else []
    return (rule.exact and [name_key(r) for r in rule.roles] == [name_key(role)]
            and [name_key(d) for d in rule.departments] == wanted
            and rule.customer_facing is None and rule.max_clients is None and rule.min_clients is None
            and rule.touch is None and rule.clients_unknown is None)


def decide_role(draft: Draft, role: str, status: Status, reason: str, *, department: str | None = None) -> Rule:
    """Decide everyone in a role (in one department, when given) with one exact rule.

    The rule goes before the first rule that could decide any of the role's holders, so it
    takes effect for all of them, while an override (a decision about one person) still wins.
    Deciding a role again replaces its rule, keeping its id, and places it again, in case
    rules were added before it since.
    """
    if not role.strip():
        raise ValueError("people without a role cannot be decided as a role: decide them by override, "
                         "or by a rule on their department")
    if department is not None and not department.strip():
        raise ValueError("people without a department cannot be decided by department: decide the role "
                         "without one")
    rules = draft.eligibility.rules
    earlier = next((r for r in rules if is_role_decision(r, role, department)), None)
    wanted = Rule(id=earlier.id if earlier else "", outcome=status, reason=reason, roles=[role],
                  departments=[department] if department is not None else [], exact=True)
    kept = checked_rule(draft, wanted, replacing=earlier.id if earlier else None)
    if earlier is not None:
        rules.remove(earlier)
    at = next((n for n, r in enumerate(rules) if could_decide(r, role, department)), len(rules))
    rules.insert(at, kept)
    return kept


def override_many(draft: Draft, employee_ids: Iterable[str], status: Status, reason: str) -> int:
    """Override each of these people with the same status and reason; returns how many.

    The first goes through `set_override` (which checks the status and the reason, and
    records who and when); the rest are copies of it, placed through a map of the overrides
    already made, so overriding 20,000 people is not 20,000 scans of the list.
    """
    ids = list(dict.fromkeys(employee_ids))
    if not ids:
        raise ValueError("no one to override: the selection is empty")
    if any(not employee_id.strip() for employee_id in ids):
        raise ValueError("an override needs an employee id, and one of those picked has none")
    first = set_override(draft, ids[0], status, reason)
    overrides = draft.eligibility.overrides
    where = {o.employee_id: n for n, o in enumerate(overrides)}
    for employee_id in ids[1:]:
        override = replace(first, employee_id=employee_id)
        n = where.get(employee_id)
        if n is None:
            where[employee_id] = len(overrides)
            overrides.append(override)
        else:
            overrides[n] = override
    return len(ids)
