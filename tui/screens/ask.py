"""Ask a yes/no question before something that loses work (removing a session and its records)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label


class AskScreen(ModalScreen[bool]):
    """Returns True for y, False for n or escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="ask.yes", tooltip="Go ahead"),
        Binding("n,escape", "answer(False)", "No", id="ask.no", tooltip="Go back, change nothing"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-title", markup=False)
            yield Label("y to go ahead · n or escape to go back", classes="dialog-hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
