"""Keeping the user's work safe while the app runs.

Every few seconds, while the draft has unsaved changes, they are written to the recovery file
beside it; on open, a newer recovery file is offered, never applied silently. The same tick
notices a draft file changed outside the app (a hand edit, a `git pull`) and offers to reload;
saving over such an edit asks first.

The tick serialises the draft on the UI thread, the only thread that touches the live draft,
and hands the text to a thread worker for the write and its fsync, so a slow or network
filesystem never freezes the screen. One write runs at a time; a newer text waits for it,
replacing any older one waiting, so the file never goes back to an older text. A save or a
discard makes a running write stale: when it ends, the file it made is removed, and what must
not overlap a write (quitting, opening or reloading a draft) waits until then.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from policy_model import recovery
from policy_model.document import Document
from policy_model.files import sha256_of
from policy_model.user_input import visible
from tui.screens.answer import Answer

if TYPE_CHECKING:
    from tui.app import PolicyApp


@dataclass(frozen=True)
class _Write:
    """One recovery-file write: the draft it is for, the text, and how many times that draft's
    recovery file had been removed (saved or discarded) when the write was asked for."""

    path: Path
    text: str
    removals: int


class Safekeeping:
    def __init__(self, app: PolicyApp, autosave_seconds: float) -> None:
        self.app = app
        self.autosave_seconds = autosave_seconds
        self._asked_about: str | None = None
        # The newest text handed to the writer since the draft was opened, saved or discarded:
        # a tick with the same text has nothing to add.
        self._kept: str | None = None
        self._writing: _Write | None = None
        self._waiting: _Write | None = None
        self._removals: Counter[Path] = Counter()
        self._when_quiet: list[Callable[[], object]] = []
        self._unreadable = ""  # what was last said about the draft file being unreadable

    def start(self) -> None:
        self.app.set_interval(self.autosave_seconds, self.tick)

    def tick(self) -> None:
        """Keep unsaved work in the recovery file, and look for outside edits."""
        document = self.app.document
        if document is None:
            return
        text = None if document.read_only else document.unsaved_text()
        if text is not None and text != self._kept:
            self._kept = text
            self._write(_Write(document.path, text, self._removals[document.path]))
        try:
            edited = document.changed_on_disk() and sha256_of(document.path) != self._asked_about
        except OSError as error:  # made unreadable under the app: the work goes on, kept in recovery
            self._say_unreadable(f"{document.path.name} cannot be read: {error.strerror or error}")
            return
        self._unreadable = ""
        if edited:
            self.ask_about_outside_edit(saving=False)

    def _say_unreadable(self, message: str) -> None:
        """Say once (not at every tick) that the draft file cannot be read any more."""
        if message != self._unreadable:
            self._unreadable = message
            self.app.notify(visible(message) + "; your changes are kept in the recovery file until it can be saved",
                            title="Draft file unreadable", severity="error", markup=False, timeout=15)

    def _write(self, write: _Write) -> None:
        if self._writing is not None:
            self._waiting = write
            return
        self._writing = write
        self.app.run_worker(partial(self._write_in_thread, write), group="autosave", thread=True,
                            description="writing the recovery file")

    def _write_in_thread(self, write: _Write) -> None:
        """The slow part, in a worker thread: the write and its fsync; the UI thread is told."""
        error: OSError | None = None
        try:
            recovery.write(write.path, write.text)
        except OSError as caught:
            error = caught
        self.app.call_from_thread(self._written, write, error)

    def _written(self, write: _Write, error: OSError | None) -> None:
        """A write ended: say if it failed, remove its file if it went stale, start the next."""
        self._writing = None
        if error is not None:
            if self._kept == write.text:
                self._kept = None  # nothing newer is waiting: the next tick tries again
            self.app.notify(f"Could not write the recovery file: {error.strerror}", severity="warning")
        elif self._stale(write):
            # The draft was saved or its changes discarded while this ran: what it wrote is
            # already in the draft, or was thrown away, and must not be offered on the next open.
            recovery.discard(write.path)
        waiting, self._waiting = self._waiting, None
        if waiting is not None and not self._stale(waiting):
            self._write(waiting)
            return
        then, self._when_quiet = self._when_quiet, []
        for callback in then:
            callback()

    def _stale(self, write: _Write) -> bool:
        return write.removals != self._removals[write.path]

    def when_quiet(self, then: Callable[[], object]) -> None:
        """Run `then` once no recovery write is running (at once, nearly always), so none ends
        after it: re-creating the file of a draft just saved or discarded, or outliving the app."""
        if self._writing is None:
            then()
        else:
            self._when_quiet.append(then)

    def opened(self, document: Document) -> None:
        """Offer a recovery file newer than the draft just opened."""
        self._kept = None
        self._asked_about = None
        found = recovery.find(document.path)
        if found is None:
            return

        def answered(choice: str) -> None:
            if choice == "recover" and self.app.document is document:
                document.replace_draft(found.draft)
                self.app.draft_replaced()
                self.app.notify("Recovered the unsaved changes; save to keep them")
            elif choice == "discard":
                self.discard(document)

        self.app.ask(
            "Unsaved changes to this draft were recovered.",
            [Answer("recover", "Recover them", "r", "primary"), Answer("discard", "Discard them", "d", "error"),
             Answer("cancel", "Decide later", "l")],
            f"The recovery file {found.path.name} was written {found.written:%Y-%m-%d %H:%M} "
            "and is newer than the draft.",
            answered,
        )

    def discard(self, document: Document) -> None:
        """Remove the recovery file of `document`, saved or its changes thrown away: a write
        still running or waiting for it is stale. Only the app does this; a command saving the
        draft meanwhile leaves the app's unsaved work where it is."""
        recovery.discard(document.path)
        self._removals[document.path] += 1
        self._kept = None

    def ask_about_outside_edit(self, *, saving: bool) -> None:
        """The draft file changed outside the app: reload it, overwrite it, or keep editing."""
        document = self.app.document
        if document is None:
            return
        self._asked_about = sha256_of(document.path)
        answers = [Answer("reload", "Reload from disk", "r", "primary")]
        if saving:
            answers.append(Answer("overwrite", "Overwrite it", "o", "error"))
        answers.append(Answer("cancel", "Keep editing mine", "k"))
        lost = " Your unsaved changes would be discarded by a reload." if document.modified else ""

        def answered(choice: str) -> None:
            if choice == "reload":
                self.discard(document)
                self.when_quiet(lambda: self.app.open_path(document.path))
            elif choice == "overwrite":
                self.app.action_save(overwrite_outside_edit=True)

        self.app.ask(f"{document.path.name} was changed outside policy-tui.", answers,
                     "Someone edited the file by hand, or it was updated from git." + lost, answered)
