"""Ask for one line of text (a custom channel's name); returns it, or None on escape.

`LinePrompt` is the dialog itself, shared with the path prompt: a title, one input, enter to
accept (a blank line is refused with a word), escape to cancel. A subclass says what the text
typed becomes.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

Result = TypeVar("Result")


class LinePrompt(ModalScreen[Result | None]):
    # What the notice says when enter is pressed on a blank line.
    EMPTY: ClassVar[str] = "Type something first"

    def __init__(self, title: str, placeholder: str, value: str = "") -> None:
        super().__init__()
        self.prompt_title = title
        self.placeholder = placeholder
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.prompt_title, classes="dialog-title")
            yield Input(self.value, placeholder=self.placeholder)
            yield Label("enter to accept, escape to cancel", classes="dialog-hint")

    def result(self, text: str) -> Result:
        """What the line typed (stripped, never blank) gives the caller."""
        raise NotImplementedError

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.notify(self.EMPTY, severity="warning")
            return
        self.dismiss(self.result(text))

    def action_cancel(self) -> None:
        self.dismiss(None)


class TextPrompt(LinePrompt[str]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="text-prompt.cancel", tooltip="Close without adding anything"),
    ]

    def result(self, text: str) -> str:
        return text
