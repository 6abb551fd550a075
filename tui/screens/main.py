"""The main screen: the steps in a sidebar, the current step beside it, keys in the footer."""

from __future__ import annotations

from typing import ClassVar

from policy_model.document import Document
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Header, OptionList
from textual.widgets.option_list import Option

from tui.steps.base import Step
from tui.steps.channels import ChannelsStep
from tui.steps.review import ReviewStep
from tui.steps.roster import RosterStep
from tui.steps.wording import WordingStep

STEPS: tuple[type[Step], ...] = (RosterStep, ChannelsStep, WordingStep, ReviewStep)


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(step.KEY, f"show_step('{step.KEY}')", step.TITLE, id=f"step.{step.KEY}",
                tooltip=f"Step {step.KEY}: {step.PURPOSE}")
        for step in STEPS
    ]

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield OptionList(*(Option(f"{s.KEY} {s.TITLE}", id=s.KEY) for s in STEPS), id="steps")
            with ContentSwitcher(initial=f"step-{STEPS[0].KEY}", id="step-switcher"):
                for step in STEPS:
                    yield step(self.document)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#steps", OptionList).highlighted = 0

    @property
    def current_step(self) -> str:
        return (self.query_one(ContentSwitcher).current or "step-1").removeprefix("step-")

    def action_show_step(self, key: str) -> None:
        self.query_one(ContentSwitcher).current = f"step-{key}"
        options = self.query_one("#steps", OptionList)
        options.highlighted = options.get_option_index(key)

    @on(OptionList.OptionHighlighted, "#steps")
    def _step_picked(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self.query_one(ContentSwitcher).current = f"step-{event.option.id}"

    @on(Step.Changed)
    def _draft_changed(self) -> None:
        for step in self.query(Step):
            step.render_document()
        self.app.refresh_title()  # type: ignore[attr-defined]
