"""Leavers: people an HR export says no longer work here, and whose access IT must remove.

HR files keep people who left (terminated, resigned, retired) with a status and an exit
date. They are not staff: the policy never grants them access, whatever the rules or an
override say. When a re-import finds someone who was granted gone from the file or newly
terminated, the snapshot marks them `revoke` (with the day of that import), so `roster show
--status revoke` and the provisioning CSV tell IT whose access to take away.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from functools import cache

from .draft import Employee

# Status words that mean a person no longer works here, and flags of a leaver column ("Termd"
# 1, "Attrition" Yes). Any other status ("Active", "Leave of Absence", "Probation",
# "Full-Time") is current staff: a person is never treated as gone on a guess.
_GONE_WORDS = frozenset({"terminated", "termination", "termed", "term", "inactive", "left", "leaver", "resigned",
                         "retired", "deceased", "withdrawn", "separated", "dismissed", "former", "exited", "quit",
                         "laid", "redundant", "released", "discharged", "deactivated", "gone"})
_GONE_FLAGS = frozenset({"yes", "y", "true", "t", "1", "x"})
_STILL_HERE = frozenset({"pending", "notice", "future", "rehire", "rehired", "not", "no"})
_WORDS = re.compile(r"[a-z0-9]+")


@cache
def status_says_left(text: str) -> bool:
    """Whether an employment status says the person has left: "Voluntarily Terminated",
    "Terminated for Cause", "Resigned", or a leaver flag (yes/1); "Active", "Pending
    termination" and anything unknown say they have not."""
    lowered = text.strip().casefold()
    if lowered in _GONE_FLAGS:
        return True
    words = set(_WORDS.findall(lowered))
    return bool(words & _GONE_WORDS) and not words & _STILL_HERE


def has_left(employee: Employee, today: str) -> bool:
    """Whether the person is no longer staff on `today` (YYYY-MM-DD): a leaver status, an exit
    date that has come, or a revocation (gone from the last HR file while granted)."""
    return (bool(employee.revoke) or (bool(employee.left_on) and employee.left_on <= today)
            or (bool(employee.employment) and status_says_left(employee.employment)))


def left_words(employee: Employee) -> str:
    """Why a leaver is one, in words: "left (Voluntarily Terminated, exit date 2025-03-01)"."""
    said = [employee.employment] if employee.employment and status_says_left(employee.employment) else []
    if employee.left_on:
        said.append(f"exit date {employee.left_on}")
    if said:
        return f"left ({', '.join(said)})"
    return f"no longer in the HR file (found at the import of {employee.revoke})"


def today() -> str:
    """Today as YYYY-MM-DD, the form exit dates are kept in, so they compare as text."""
    return date.today().isoformat()


def revocations(granted_before: set[str], left_now: Iterable[Employee], gone: Iterable[Employee],
                day: str) -> tuple[list[Employee], list[Employee]]:
    """Who must lose access after an import: (people of the new roster who were granted and
    have now left, people who were granted and are not in the new roster at all), given the
    new roster's leavers (`has_left`) and the previous roster's people missing from it.

    The first are marked `revoke` in place; the second are copies of their last row, marked,
    for the caller to keep in the snapshot until the next import.
    """
    revoked = [employee for employee in left_now if employee.id in granted_before]
    for employee in revoked:
        employee.revoke = day
    return revoked, [replace(e, revoke=day) for e in gone if e.id in granted_before]
