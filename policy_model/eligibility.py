"""Step 1's decision: who needs social or mobile access to customers, and why.

The rules are data in the draft (ordered, first match wins) so HR can read and change them;
the defaults encode the method: back-office roles do not need access, a small or high-touch
book does, a large low-touch book does not, and an unknown load goes to review. An override
made by a person beats every rule and says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .draft import Draft, Employee, Override, Rule, Status


@dataclass(frozen=True, slots=True)
class Decision:
    """A person's status, the rule (or override) that decided it, and why in words."""

    status: Status
    rule_id: str
    reason: str
    overridden: bool = False


NO_RULE = "no-rule"


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


def facts(employee: Employee) -> tuple[object, ...]:
    """Everything `matches` and `describe` read: two people with the same facts get the same decision."""
    return (employee.role, employee.department, employee.clients, employee.touch, employee.customer_facing)


def matches(rule: Rule, employee: Employee) -> bool:
    """Whether every condition the rule sets holds for the employee (reads only its `facts`)."""
    if rule.customer_facing is not None and employee.customer_facing is not rule.customer_facing:
        return False
    if rule.roles and not _contains_any(employee.role, rule.roles):
        return False
    if rule.departments and not _contains_any(employee.department, rule.departments):
        return False
    if rule.touch is not None and employee.touch != rule.touch:
        return False
    if rule.clients_unknown is not None and (employee.clients is None) is not rule.clients_unknown:
        return False
    if rule.max_clients is not None and (employee.clients is None or employee.clients > rule.max_clients):
        return False
    return not (rule.min_clients is not None and (employee.clients is None or employee.clients < rule.min_clients))


def describe(employee: Employee) -> str:
    """The facts a rule looks at, in words: "Account Manager, 5 clients, high touch"."""
    parts = [employee.role or "no role"]
    if employee.clients is not None:
        parts.append(f"{employee.clients} client{'s' * (employee.clients != 1)}")
    if employee.touch:
        parts.append(f"{employee.touch} touch")
    if employee.customer_facing is False:
        parts.append("not customer-facing")
    return ", ".join(parts)


def decide(employee: Employee, rules: Sequence[Rule], override: Override | None = None) -> Decision:
    """The first rule that matches decides, unless a person overrode it."""
    if override is not None:
        return Decision(override.status, "override", f"override by {override.by or 'someone'}: {override.reason}",
                        overridden=True)
    for rule in rules:
        if matches(rule, employee):
            return Decision(rule.outcome, rule.id, f"{describe(employee)}: {rule.reason}")
    return Decision("review", NO_RULE, f"{describe(employee)}: no rule matched")


def evaluate(draft: Draft, employees: Sequence[Employee]) -> list[Decision]:
    """A decision for each employee, in roster order.

    People with the same facts share one decision: a 200,000-person roster has a few hundred
    distinct combinations of role, department and load, so the rules run a few hundred times.
    """
    overrides = {o.employee_id: o for o in draft.eligibility.overrides}
    rules = draft.eligibility.rules
    decided: dict[tuple[object, ...], Decision] = {}
    decisions = []
    for employee in employees:
        override = overrides.get(employee.id)
        if override is not None:
            decisions.append(decide(employee, rules, override))
            continue
        key = facts(employee)
        decision = decided.get(key)
        if decision is None:
            decision = decided[key] = decide(employee, rules)
        decisions.append(decision)
    return decisions
