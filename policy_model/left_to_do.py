"""What is left to do in each step of the method, in words a new user acts on.

Each step of the app shows its own list ("8 people need review", "no training session yet"),
and the review step shows what still blocks a FINAL document, so someone who has never read
the README can tell where they are. Everything is derived from the draft, its roster and the
problems `check` reports, so it is never out of date.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType

from .document import Document
from .eligibility import REVIEW, undecided
from .plural import counted
from .policy_view import document_status
from .problems import Problem

STEP_KEYS = ("1", "2", "3", "4")

# Which step fixes a problem, by the first part of its dotted field.
_STEP_OF_FIELD = MappingProxyType({
    "roster": "1", "eligibility": "1",
    "channels": "2",
    "clauses": "3", "training": "3", "discipline": "3",
    "approvers": "4", "policy": "4", "revisions": "4",
})


def step_of(problem: Problem) -> str:
    """The step where a problem is fixed; a problem of the file itself belongs to the review."""
    head = problem.field.split(".")[0].split("[")[0]
    return _STEP_OF_FIELD.get(head, "4")


def outstanding(document: Document, problems: Sequence[Problem]) -> dict[str, list[str]]:
    """For each step key, what is left to do there; an empty list means the step is done."""
    draft = document.draft
    left: dict[str, list[str]] = {key: [] for key in STEP_KEYS}

    if not draft.roster.snapshot:
        left["1"].append("no roster imported yet")
    elif document.roster_loaded:
        review = undecided(document.decisions())
        if review:
            left["1"].append(counted(review, "person needs review", "people need review"))
    if not any(c.enabled for c in draft.channels):
        left["2"].append("no channel enabled yet")
    if not draft.training.sessions:
        left["3"].append("no training session yet")
    if not draft.discipline:
        left["3"].append("no discipline steps yet")

    for key in STEP_KEYS[:3]:
        mine = [p for p in problems if step_of(p) == key and p.field != REVIEW]
        errors = sum(p.severity == "error" for p in mine)
        todo = sum(p.severity == "todo" for p in mine)
        if errors:
            left[key].append(counted(errors, "error", "errors"))
        if todo:
            left[key].append(counted(todo, "thing to fill in", "things to fill in"))

    # The review step lists what blocks a FINAL export, the other steps' problems included; a
    # missing approver is said once, by the approvals, not again as a problem.
    _, blockers = document_status(draft, [p for p in problems if p.field != "approvers"])
    left["4"] = list(blockers)
    return left
