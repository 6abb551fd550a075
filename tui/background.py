"""When the TUI moves work that grows with the roster off its own thread, and what it hands over.

From this many people on, deciding everyone (about half a second per 200,000) and checking the
whole draft after a change run in worker threads, so the screen never freezes; below it, doing
the work at once is quicker than a worker and a second draw.
"""

from __future__ import annotations

import copy

from policy_model.document import Document

BACKGROUND_FROM = 5_000


def is_large(document: Document) -> bool:
    return len(document.roster.employees) >= BACKGROUND_FROM


def detached(document: Document) -> Document:
    """A copy a worker can read while the keyboard changes the original: the draft is copied,
    the roster shared (an import or a load replaces it, never changes it in place)."""
    return Document(copy.deepcopy(document.draft), document.path, roster=document.roster,
                    saved_text=document.saved_text, problems=list(document.problems),
                    roster_loaded=document.roster_loaded)
