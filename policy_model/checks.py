"""Everything `policy-tui check` and the review step report about an open draft.

One place gathers the problems of the draft file, of its roster snapshot and of the policy
itself, so the command line and the TUI can never disagree about what is wrong.
"""

from __future__ import annotations

from .document import Document
from .problems import Problem


def check_document(document: Document) -> list[Problem]:
    return [*document.problems, *document.roster.problems]
