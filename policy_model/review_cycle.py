"""The review cycle: which version is in force, since when, and when its review falls due.

A policy is in force from the day its last approver approved it. While every approver's
decision on the current version is "approved", that day is the latest of their dates; a
version bump puts them back to pending, so `signoff.bump_version` keeps the day in the
revision entry of the version it leaves (`Revision.approved`), and the version in force is
then that one until the new one is approved. The owner reviews the policy every
`policy.review_months` (12 unless set) from that day; once the day passes, `check` warns.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from .draft import Draft
from .problems import Problem

DEFAULT_MONTHS = 12
REVIEW_FIELD = "policy.review_months"


@dataclass(frozen=True)
class InForce:
    """The version staff are bound by, the day it was approved, and the day its review is due."""

    version: str
    approved: date
    review_due: date


def fully_approved_on(draft: Draft) -> date | None:
    """The day the current version's sign-off was complete: every approver approved it (the
    latest of their dates), or None while one has not."""
    approvers = draft.approvers
    if not approvers or any(a.status != "approved" or a.date is None for a in approvers):
        return None
    return max(a.date for a in approvers if a.date is not None)


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is shorter (31 Jan + 1 -> 28 Feb)."""
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def review_months(draft: Draft) -> int:
    return draft.policy.review_months or DEFAULT_MONTHS


def in_force(draft: Draft) -> InForce | None:
    """The version in force (the current one once fully approved, else the last version a bump
    recorded as approved), or None when no version has been approved yet."""
    approved = fully_approved_on(draft)
    version = draft.policy.version
    if approved is None:
        earlier = next((r for r in reversed(draft.revisions) if r.approved is not None), None)
        if earlier is None or earlier.approved is None:
            return None
        version, approved = earlier.version, earlier.approved
    return InForce(version, approved, add_months(approved, review_months(draft)))


def review_note(draft: Draft, today: date | None = None) -> str:
    """"review due since 2027-01-05" once the day has passed, else "review by 2027-01-05"; empty
    while no version is in force. Short enough for a title bar."""
    force = in_force(draft)
    if force is None:
        return ""
    due = force.review_due.isoformat()
    return f"review due since {due}" if force.review_due < (today or date.today()) else f"review by {due}"


def check_review(draft: Draft, file: str, today: date | None = None) -> list[Problem]:
    """What `check` says about the review cycle: a warning once the review day has passed.

    The message names the days, not how late the review is, so the warning keeps its id (and
    an acceptance of it holds) from one day to the next.
    """
    force = in_force(draft)
    if force is None or force.review_due >= (today or date.today()):
        return []
    return [Problem(file, f"review due: version {force.version} was approved on {force.approved.isoformat()} and "
                    f"was to be reviewed within {review_months(draft)} months, by {force.review_due.isoformat()}",
                    field=REVIEW_FIELD, severity="warning")]
