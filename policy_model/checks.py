"""Everything `policy-tui check` and the review step report about an open draft.

One place gathers the problems of the draft file, of its roster snapshot and of the policy
itself, so the command line and the TUI can never disagree about what is wrong.
"""

from __future__ import annotations

from .access import roster_issues
from .channels import policy_issues
from .document import Document
from .eligibility import evaluate, lint_eligibility
from .problems import Problem
from .signoff import check_signoff
from .toml_locate import locate_keys, position_of
from .training import check_training


def check_document(document: Document) -> list[Problem]:
    file = str(document.path)
    return [*document.problems, *document.roster.problems, *_policy_problems(document),
            *check_training(document.draft, document.roster.employees, file),
            *check_signoff(document.draft, file)]


def _policy_problems(document: Document) -> list[Problem]:
    """Problems in what the policy decides, placed on their line when the file on disk has them.

    Positions come from the file only while it matches the draft in memory; after an unsaved
    change the lines could point at the wrong place, so the problems carry no line.
    """
    draft = document.draft
    employees = document.roster.employees
    found = lint_eligibility(draft, employees)
    issues = policy_issues(draft)
    if employees:
        issues += roster_issues(draft, employees, evaluate(draft, employees))
    found += [(path, message, "warning") for path, message in issues]
    if not found:
        return []
    try:
        positions = locate_keys(document.path.read_text(encoding="utf-8")) if not document.modified else {}
    except (OSError, UnicodeDecodeError):
        positions = {}
    problems = []
    for path, message, severity in found:
        line, column = position_of(positions, path) or (None, None)
        problems.append(Problem(str(document.path), message, field=path, line=line, column=column, severity=severity))
    return problems
