"""A rule of step 1 as a form: every condition it can set, one line each so it fits 80x24.

The form's fields are text; `rule_of` reads them back into a `Rule` (a number that is not a
number refused in words), and the model operation that receives it checks the rest.
"""

from __future__ import annotations

from collections.abc import Callable

from policy_model.draft import STATUSES, Rule
from policy_model.user_input import shown
from tui.screens.form import FormField, FormScreen, Values

SEPARATOR = ";"  # between roles: a job title may well hold a comma ("Director, Finance")
ANY = "any"
_FACING = ((ANY, ANY), ("yes", "yes"), ("no", "no"))
_COUNT = ((ANY, ANY), ("unknown", "unknown"), ("known", "known"))
_TOUCH = ((ANY, ANY), ("high", "high"), ("low", "low"))
_MATCH = (("contains a word", "contains"), ("is exactly", "exact"))
_YES_NO = {ANY: None, "yes": True, "no": False, "unknown": True, "known": False}


def rule_form(title: str, rule: Rule | None, apply: Callable[[Rule], None]) -> FormScreen:
    """The dialog for a new rule (`rule` None) or for changing one; `apply` runs the model
    operation, whose refusal the dialog shows."""
    rule = rule or Rule(id="", outcome="granted", reason="")
    fields = [
        FormField("id", "Id", rule.id, placeholder="blank: made from the role"),
        FormField("outcome", "Outcome", rule.outcome, choices=tuple((s, s) for s in STATUSES)),
        FormField("reason", "Reason", rule.reason, placeholder="why these people need access, or not"),
        FormField("roles", "Roles", f"{SEPARATOR} ".join(rule.roles), placeholder="any; or Teller; Loan Officer"),
        FormField("departments", "Departments", f"{SEPARATOR} ".join(rule.departments), placeholder="any"),
        FormField("match", "Role/dept", "exact" if rule.exact else "contains", choices=_MATCH),
        FormField("customer_facing", "Faces clients", _choice(rule.customer_facing, "yes", "no"), choices=_FACING),
        FormField("clients_unknown", "Client count", _choice(rule.clients_unknown, "unknown", "known"),
                  choices=_COUNT),
        FormField("max_clients", "At most", _text(rule.max_clients), placeholder="no upper limit of clients"),
        FormField("min_clients", "At least", _text(rule.min_clients), placeholder="no lower limit of clients"),
        FormField("touch", "Touch", rule.touch or ANY, choices=_TOUCH),
    ]
    return FormScreen(title, fields, lambda values: apply(rule_of(values)), compact=True)


def rule_of(values: Values) -> Rule:
    """The rule the form describes; ValueError when a client count is not a whole number."""
    touch = values["touch"]
    return Rule(
        id=values["id"], outcome=values["outcome"], reason=values["reason"],  # type: ignore[arg-type]
        roles=_names(values["roles"]), departments=_names(values["departments"]),
        exact=values["match"] == "exact",
        customer_facing=_YES_NO[values["customer_facing"]], clients_unknown=_YES_NO[values["clients_unknown"]],
        max_clients=_number(values["max_clients"], "at most"), min_clients=_number(values["min_clients"], "at least"),
        touch=None if touch == ANY else touch,  # type: ignore[arg-type]
    )


def _names(text: str) -> list[str]:
    return [name.strip() for name in text.split(SEPARATOR) if name.strip()]


def _choice(value: bool | None, yes: str, no: str) -> str:
    return ANY if value is None else yes if value else no


def _text(value: int | None) -> str:
    return "" if value is None else str(value)


def _number(text: str, label: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise ValueError(f'{label}: "{shown(text)}" is not a whole number of clients') from None
