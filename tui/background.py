"""When the TUI moves work that grows with the roster off its own thread, and what it hands over.

From this many people on, deciding everyone (about half a second per 200,000) and checking the
whole draft after a change run in worker threads, so the screen never freezes; below it, doing
the work at once is quicker than a worker and a second draw. A worker is given
`Document.at_revision()`: the document as it is, which the keyboard cannot change under it.
"""

from __future__ import annotations

from policy_model.document import Document

BACKGROUND_FROM = 5_000


def is_large(document: Document) -> bool:
    return len(document.roster.employees) >= BACKGROUND_FROM
