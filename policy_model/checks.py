"""Everything `policy-tui check` and the review step report about an open draft.

One place gathers the problems of the draft file, of its roster snapshot and of the policy
itself, so the command line and the TUI can never disagree about what is wrong.
"""

from __future__ import annotations

from .access import roster_issues
from .acknowledgments import check_acknowledgments
from .channels import law_issues, policy_issues
from .document import Document
from .eligibility import REVIEW, lint_eligibility, undecided
from .law import change_problems
from .lint import lint
from .plural import counted
from .problems import Problem
from .review_cycle import check_review
from .signoff import check_signoff
from .toml_locate import locate_keys, position_of
from .training import check_training
from .wage_hour import after_hours_issues


def _source(document: Document) -> str | None:
    """The draft's text as on disk, so problem lines match the file a person will open.

    An unsaved or modified draft has no such text: its problems carry no line, since lines
    from the file could point at the wrong place.
    """
    if document.modified or not document.exists:
        return None
    try:
        return document.path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def check_document(document: Document) -> list[Problem]:
    file = str(document.path)
    source = _source(document)
    draft, employees = document.draft, document.roster.employees
    return [*document.problems, *document.roster.problems, *_policy_problems(document, source),
            *lint(draft, employees, file, source, document.decisions()),
            *check_training(draft, employees, file),
            *check_signoff(draft, file), *check_review(draft, file),
            *check_acknowledgments(draft, employees, file)]


def _policy_problems(document: Document, source: str | None) -> list[Problem]:
    """Problems in who gets access and on which channels, placed on their line in `source`."""
    draft = document.draft
    employees = document.roster.employees
    found = lint_eligibility(draft, employees)
    issues = policy_issues(draft)
    if employees:
        decisions = document.decisions()
        issues += roster_issues(draft, employees, decisions)
        issues += after_hours_issues(draft, employees, decisions)
        review = undecided(decisions)
        if review:
            found.append((REVIEW, f"{counted(review, 'person is', 'people are')} still in review: decide them "
                          "with a rule or an override (an override can keep someone in review, with a reason)",
                          "todo"))
    found += [(path, message, "warning") for path, message in issues]
    found += [(path, message, "error") for path, message in law_issues(draft)]
    found += change_problems(draft, employees)
    if not found:
        return []
    positions = locate_keys(source) if source else {}
    problems = []
    for path, message, severity in found:
        line, column = position_of(positions, path) or (None, None)
        problems.append(Problem(str(document.path), message, field=path, line=line, column=column, severity=severity))
    return problems
