"""Keeping the user's work safe while the app runs.

Every few seconds, while the draft has unsaved changes, they are written to the recovery file
beside it; on open, a newer recovery file is offered, never applied silently. The same tick
notices a draft file changed outside the app (a hand edit, a `git pull`) and offers to reload;
saving over such an edit asks first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from policy_model import recovery
from policy_model.document import Document
from policy_model.files import sha256_of
from tui.screens.answer import Answer

if TYPE_CHECKING:
    from tui.app import PolicyApp


class Safekeeping:
    def __init__(self, app: PolicyApp, autosave_seconds: float) -> None:
        self.app = app
        self.autosave_seconds = autosave_seconds
        self._recovered_text: str | None = None
        self._asked_about: str | None = None

    def start(self) -> None:
        self.app.set_interval(self.autosave_seconds, self.tick)

    def tick(self) -> None:
        """Write the recovery file if there is unsaved work, and look for outside edits."""
        document = self.app.document
        if document is None:
            return
        text = None if document.read_only else document.unsaved_text()
        if text is not None and text != self._recovered_text:
            try:
                recovery.write(document.path, text)
                self._recovered_text = text
            except OSError as error:
                self.app.notify(f"Could not write the recovery file: {error.strerror}", severity="warning")
        if document.changed_on_disk() and sha256_of(document.path) != self._asked_about:
            self.ask_about_outside_edit(saving=False)

    def opened(self, document: Document) -> None:
        """Offer a recovery file newer than the draft just opened."""
        self._recovered_text = None
        self._asked_about = None
        found = recovery.find(document.path)
        if found is None:
            return

        def answered(choice: str) -> None:
            if choice == "recover" and self.app.document is document:
                document.draft = found.draft
                document.changed()
                self.app.draft_replaced()
                self.app.notify("Recovered the unsaved changes; save to keep them")
            elif choice == "discard":
                recovery.discard(document.path)

        self.app.ask(
            "Unsaved changes to this draft were recovered.",
            [Answer("recover", "Recover them", "r", "primary"), Answer("discard", "Discard them", "d", "error"),
             Answer("cancel", "Decide later", "l")],
            f"The recovery file {found.path.name} was written {found.written:%Y-%m-%d %H:%M} "
            "and is newer than the draft.",
            answered,
        )

    def discard(self, document: Document) -> None:
        recovery.discard(document.path)
        self._recovered_text = None

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
                self.app.open_path(document.path)
            elif choice == "overwrite":
                self.app.action_save(overwrite_outside_edit=True)

        self.app.ask(f"{document.path.name} was changed outside policy-tui.", answers,
                     "Someone edited the file by hand, or it was updated from git." + lost, answered)
