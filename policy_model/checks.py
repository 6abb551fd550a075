"""Everything `policy-tui check` and the review step report about an open draft.

One place gathers the problems of the draft file, of its roster snapshot and of the policy
itself, so the command line and the TUI can never disagree about what is wrong.
"""

from __future__ import annotations

from .document import Document
from .lint import lint
from .problems import Problem


def _source(document: Document) -> str | None:
    """The draft's text as on disk, so lint lines match the file a person will open.

    An unsaved draft is linted against the text it would be saved as.
    """
    if document.modified or not document.exists:
        return None
    try:
        return document.path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def check_document(document: Document) -> list[Problem]:
    policy = lint(document.draft, document.roster.employees, str(document.path), _source(document))
    return [*document.problems, *document.roster.problems, *policy]
