"""Everything `policy-tui check` and the review step report about an open draft.

One place gathers the problems of the draft file, of its roster snapshot and of the policy
itself, so the command line and the TUI can never disagree about what is wrong.
"""

from __future__ import annotations

from .access import roster_issues
from .channels import policy_issues
from .document import Document
from .eligibility import evaluate
from .problems import Problem
from .toml_locate import locate_keys, position_of


def check_document(document: Document) -> list[Problem]:
    return [*document.problems, *document.roster.problems, *_policy_problems(document)]


def _policy_problems(document: Document) -> list[Problem]:
    """Policy warnings (they do not stop a save), placed on the lines of the file as it is on disk."""
    draft = document.draft
    employees = document.roster.employees
    issues = policy_issues(draft)
    if employees:
        issues += roster_issues(draft, employees, evaluate(draft, employees))
    if not issues:
        return []
    try:
        positions = locate_keys(document.path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        positions = {}
    problems = []
    for path, message in issues:
        line, column = position_of(positions, path) or (None, None)
        problems.append(Problem(str(document.path), message, field=path, line=line, column=column,
                                severity="warning"))
    return problems
