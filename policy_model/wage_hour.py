"""Wage and hour: replies a channel's response time expects from people paid for every hour.

A response time ("within 2 hours") tells people to keep an eye on their phone. For someone
exempt from overtime that is part of the job; for a non-exempt employee, every reply read or
sent after hours is working time the company must record and pay, overtime included, and
unpaid "off the clock" replies are a classic wage claim. The roster's FLSA status column says
who is who, so `check` can count the non-exempt people each such channel reaches.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .access import ChannelGrants
from .channels import channel_name
from .draft import Draft, Employee
from .eligibility import Decision
from .law import checked_text, rules_on
from .plural import counted


def non_exempt_holders(draft: Draft, employees: Sequence[Employee], decisions: Sequence[Decision]) -> Counter[str]:
    """How many non-exempt people each enabled channel reaches, by channel id."""
    channels = ChannelGrants(draft)
    counts: Counter[str] = Counter()
    for employee, decision in zip(employees, decisions, strict=True):
        if employee.flsa == "non-exempt":
            counts.update(channels.of(employee, decision))
    return counts


def after_hours_issues(draft: Draft, employees: Sequence[Employee],
                       decisions: Sequence[Decision]) -> list[tuple[str, str]]:
    """A warning, as (dotted path, message), for each channel with a response time that
    non-exempt people hold: replies it expects outside working hours are paid working time."""
    holders = non_exempt_holders(draft, employees, decisions)
    law = "; ".join(f"{rule.citation}, {checked_text(rule)}" for _, rule in rules_on("hours-worked", ["US"]))
    issues = []
    for n, channel in enumerate(draft.channels):
        count = holders[channel.id] if channel.enabled and channel.response_time else 0
        if count:
            issues.append((f"channels[{n}].response_time",
                           f'{channel_name(channel)} sets a response time ("{channel.response_time}") and '
                           f"{counted(count, 'non-exempt employee holds', 'non-exempt employees hold')} it: "
                           "a reply outside working hours is working time to be recorded and paid, overtime "
                           f'included ({law}); keep the section "Messages outside working hours" in the '
                           "policy and count the response time in working hours only"))
    return issues
