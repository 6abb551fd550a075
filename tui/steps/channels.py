"""Step 2: which channels need engagement, and who may use which."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from tui.steps.base import Step


class ChannelsStep(Step):
    KEY = "2"
    TITLE = "Channels"
    PURPOSE = "choose the channels your people use with customers, and who gets which"

    def compose_body(self) -> ComposeResult:
        yield Static("The channel catalog, recommendations and the access matrix are built here next.",
                     classes="placeholder")
