"""Ask before losing unsaved changes: save first, discard them, or stay."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

Choice = Literal["save", "discard", "cancel"]


class ConfirmScreen(ModalScreen[Choice]):
    """Returns the choice to the caller's callback; escape means cancel."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose('cancel')", "Cancel", id="confirm.cancel", tooltip="Go back, change nothing"),
        Binding("s", "choose('save')", "Save first", id="confirm.save", tooltip="Save, then go on"),
        Binding("d", "choose('discard')", "Discard", id="confirm.discard", tooltip="Go on without saving"),
    ]

    def __init__(self, question: str, action: str) -> None:
        super().__init__()
        self.question = question
        self.action_name = action

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-title")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"Save, then {self.action_name.lower()}", id="save", variant="primary")
                yield Button(f"{self.action_name} without saving", id="discard", variant="error")
                yield Button("Cancel", id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)  # type: ignore[arg-type]

    def action_choose(self, choice: Choice) -> None:
        self.dismiss(choice)
