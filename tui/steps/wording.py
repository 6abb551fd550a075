"""Step 3: put the policy in writing, train people, and say what happens on a bad habit."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from tui.steps.base import Step


class WordingStep(Step):
    KEY = "3"
    TITLE = "Policy wording"
    SHORT = "Wording"
    PURPOSE = "word the policy, its training and its discipline"

    def compose_body(self) -> ComposeResult:
        yield Static("The clause editor, live preview, lint, training and discipline are built here next.",
                     classes="placeholder")
