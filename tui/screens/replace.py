"""Ask before replacing a file that exists: a signed copy is never overwritten silently."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label


class ReplaceScreen(ModalScreen[bool]):
    """Returns True to replace the file, False (also on escape) to leave it alone."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "Keep it", id="replace.keep", tooltip="Leave the file as it is"),
        Binding("y", "answer(True)", "Replace", id="replace.replace", tooltip="Replace the file with the new one"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"{self.path} already exists. Replace it?", classes="dialog-title", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Replace (y)", id="replace", variant="error")
                yield Button("Keep it (n)", id="keep", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "replace")

    def action_answer(self, replace: bool) -> None:
        self.dismiss(replace)
