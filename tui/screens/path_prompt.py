"""Ask for a file path, for opening a draft (and later for import and export)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.binding import Binding, BindingType

from tui.screens.text_prompt import LinePrompt


class PathPrompt(LinePrompt[Path]):
    """Returns the path typed (with ~ expanded), or None on escape."""

    EMPTY = "Type a file path first"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel", tooltip="Close without choosing"),
    ]

    def result(self, text: str) -> Path:
        return Path(text).expanduser()
