"""Everything `policy-tui check` and the review step report about an open draft.

One place gathers the problems of the draft file, of its roster snapshot and of the policy
itself, so the command line and the TUI can never disagree about what is wrong.
"""

from __future__ import annotations

from .document import Document
from .problems import Problem
from .signoff import check_signoff
from .training import check_training


def check_document(document: Document) -> list[Problem]:
    file = str(document.path)
    return [*document.problems, *document.roster.problems,
            *check_training(document.draft, document.roster.employees, file),
            *check_signoff(document.draft, file)]
