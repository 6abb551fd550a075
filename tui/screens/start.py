"""The start screen when no draft is named: recent drafts, or a new or other one."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, OptionList
from textual.widgets.option_list import Option

from tui.screens.path_prompt import PathPrompt


class StartScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New draft", id="start.new", tooltip="Start a new draft file"),
        Binding("o", "open_other", "Open…", id="start.open", tooltip="Open a draft by its path"),
    ]

    def __init__(self, recent: list[Path]) -> None:
        super().__init__()
        self.recent = recent

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(classes="start"):
            yield Label("Write your social media and mobile policy in three steps (who needs access, "
                        "which channels, the policy in writing), then review it and export it for sign-off.",
                        classes="step-purpose")
            yield Label("Recent drafts:" if self.recent else "No recent drafts: press n for a new one "
                        "or o to open a file.")
            if self.recent:
                yield OptionList(*(Option(str(p), id=str(i)) for i, p in enumerate(self.recent)), id="recent")
        yield Footer()

    @on(OptionList.OptionSelected, "#recent")
    def _recent_picked(self, event: OptionList.OptionSelected) -> None:
        self.app.open_path(self.recent[event.option_index])  # type: ignore[attr-defined]

    def action_new(self) -> None:
        self.app.action_new_draft()  # type: ignore[attr-defined]

    def action_open_other(self) -> None:
        self._ask("Open a draft", "path of a .toml draft")

    def _ask(self, title: str, placeholder: str) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self.app.open_path(path)  # type: ignore[attr-defined]

        self.app.push_screen(PathPrompt(title, placeholder), chosen)
