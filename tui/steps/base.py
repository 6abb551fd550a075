"""What every step shares: a one-line purpose, and re-rendering from the document."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static, TabbedContent

from policy_model.document import Document
from policy_model.draft import Draft
from policy_model.problems import Problem
from tui.redraw import RendersWhenShown, bring_up_to_date
from tui.steps.catalog import BY_KEY
from tui.widgets.focus import first_focusable

T = TypeVar("T")


class Step(RendersWhenShown, Vertical):
    """A step of the method. Subclasses set the class fields and compose their body.

    A step never keeps state of its own: it changes the document through `apply`, which
    posts `Step.Changed`, and the screen re-renders every step from the document (a step not
    shown draws when it is, see `RendersWhenShown`).
    """

    # Which step of `catalog.STEPS` this is; its title and purpose are said there.
    KEY: ClassVar[str]
    # The widget that takes the keyboard when the step is shown, so its keys work at once.
    FOCUS: ClassVar[str] = ""
    # What the step says when nothing is left to do in it.
    DONE: ClassVar[str] = "Nothing left to do in this step."

    class Changed(Message):
        """The step changed the draft; the screen refreshes the title and the other steps."""

    def __init__(self, document: Document) -> None:
        super().__init__(id=f"step-{self.KEY}", classes="step")
        self.document = document

    def compose(self) -> ComposeResult:
        info = BY_KEY[self.KEY]
        yield Static(f"[b]{info.key}. {info.title}[/b] — {info.purpose}", classes="step-purpose")
        yield Static(classes="step-left", markup=False)
        yield from self.compose_body()

    def show_left(self, left: list[str]) -> None:
        """What is left to do in this step, in one line ("Left to do: 8 people need review")."""
        line = self.query_one(".step-left", Static)
        line.update(f"Left to do: {'; '.join(left)}" if left else self.DONE)
        line.set_class(not left, "-done")

    def show_problems(self, problems: list[Problem]) -> None:
        """The draft's problems, from the check the screen runs once after every change; a step
        that lists them (the review step's export) overrides this."""

    def compose_body(self) -> ComposeResult:
        yield from ()

    def focus_default(self) -> None:
        """Give the keyboard to the step's main widget, or to the tab the person left open."""
        target = self.query_one(self.FOCUS) if self.FOCUS else None
        tabs = self.query(TabbedContent)
        pane = tabs.first().active_pane if tabs else None
        if pane is not None and (target is None or pane not in target.ancestors):
            target = first_focusable(pane)
        target = target or first_focusable(self)
        if target is not None:
            target.focus()

    @on(TabbedContent.TabActivated)
    def _tab_shown(self, event: TabbedContent.TabActivated) -> None:
        """A tab just shown draws what changed while it was hidden, before its first frame."""
        bring_up_to_date(event.pane)

    def apply(self, operation: Callable[[Draft], T]) -> T:
        """Change the draft through the document's one door, then tell the screen, which
        re-renders every step (this one with them)."""
        result = self.document.apply(operation)
        self.draft_changed()
        return result

    def draft_changed(self) -> None:
        self.post_message(self.Changed())
