"""Ask a question with a few answers, each on a button and a key; escape means cancel.

One dialog serves every question the app asks before it could lose work: quitting with
unsaved changes, overwriting a file changed outside the app, recovering unsaved work.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from tui.screens.answer import Answer

# A button's border, padding and margin around its label, and the room for a row of them in a
# dialog on an 80-column screen (app.tcss: a 70-wide dialog, its border and padding).
BUTTON_FRAME, ROW_ROOM = 5, 64


class ChoiceScreen(ModalScreen[str]):
    """Returns the chosen answer's id to the caller's callback, or "cancel" on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose('cancel')", "Cancel", id="choice.cancel", tooltip="Go back, change nothing"),
    ]

    def __init__(self, question: str, answers: list[Answer], detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.answers = answers

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-title", markup=False)
            if self.detail:
                yield Label(self.detail, markup=False)
            labels = [f"{answer.label} ({answer.key})" for answer in self.answers]
            # Side by side when they fit the dialog at 80 columns, else one under another.
            stacked = sum(len(label) + BUTTON_FRAME for label in labels) > ROW_ROOM
            with Horizontal(classes="dialog-buttons" + (" -stacked" if stacked else "")):
                for answer, label in zip(self.answers, labels, strict=True):
                    yield Button(label, id=answer.id,
                                 variant=answer.variant)  # type: ignore[arg-type]

    def on_key(self, event: events.Key) -> None:
        """Each answer's key, shown on its button; the answers differ per question."""
        for answer in self.answers:
            if event.key == answer.key:
                event.stop()
                self.dismiss(answer.id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or "cancel")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


def unsaved_question(action: str) -> ChoiceScreen:
    """Save first, go on without saving, or stay."""
    return ChoiceScreen(f"{action}: the draft has unsaved changes.", [
        Answer("save", f"Save, then {action.lower()}", "s", "primary"),
        Answer("discard", f"{action} without saving", "d", "error"),
        Answer("cancel", "Cancel", "c"),
    ])
