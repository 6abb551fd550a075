"""Build the document first, then hand it to the app (no globals, no work inside the App)."""

from __future__ import annotations

from pathlib import Path

from policy_model.document import Document, create_document, open_document
from tui.recent import RecentDrafts


def document_for(path: Path) -> Document:
    """The draft at `path`, or a new unsaved one there; ProblemsError if it cannot be used.

    The roster is not read here: the main screen loads it in the background, so even a
    200,000-employee draft shows its first screen at once.
    """
    return open_document(path, with_roster=False) if path.exists() else create_document(path)


def launch(draft: Path | None) -> int:
    from tui.app import PolicyApp

    recent = RecentDrafts.default()
    document = document_for(draft) if draft else None
    PolicyApp(document, recent=recent).run()
    return 0
