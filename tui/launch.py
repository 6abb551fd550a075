"""Build the document first, then hand it to the app (no globals, no work inside the App)."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

from policy_model.document import Document, create_document, open_document
from policy_model.draft_lock import tidy
from tui.recent import RecentDrafts

# A snapshot up to this size (about 10,000 people) is read before the first screen: it takes
# a few tens of milliseconds, less than loading it in the background and drawing twice.
READ_AT_ONCE = 1_000_000


def document_for(path: Path) -> Document:
    """The draft at `path`, or a new unsaved one there; ProblemsError if it cannot be used.

    A large roster is not read here: the main screen loads it in the background, so even a
    200,000-employee draft shows its first screen at once.
    """
    tidy(path)
    if not path.exists():
        return create_document(path)
    document = open_document(path, with_roster=False)
    ref = document.draft.roster
    snapshot = path.with_name(ref.snapshot) if ref.snapshot else None
    if snapshot is None or not snapshot.is_file() or snapshot.stat().st_size <= READ_AT_ONCE:
        document.load_roster()  # nothing to read, a missing file (reported), or a small one
    return document


def launch(draft: Path | None, recent: RecentDrafts | None = None, **run_options: Any) -> int:
    """Open the app on `draft` (the start screen without one); `run_options` go to Textual's
    `App.run` (the start-up benchmark runs headless with an auto-pilot).

    Start-up creates a few hundred thousand objects that live as long as the app (modules,
    classes, styles, the draft): the garbage collector would only walk them over and over, so
    it waits while they are made, then leaves them out of every later collection.
    """
    gc.disable()
    try:
        from tui.app import PolicyApp
        from tui.keymap import keymap_path, load_keymap

        document = document_for(draft) if draft else None
        app = PolicyApp(document, recent=recent if recent is not None else RecentDrafts.default(),
                        keymap=load_keymap(keymap_path()))
    finally:
        gc.freeze()
        gc.enable()
    app.run(**run_options)
    return app.return_code or 0  # 1 when the app stopped on an error, not 0 as for a quit
