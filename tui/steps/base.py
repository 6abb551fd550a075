"""What every step shares: a one-line purpose, and re-rendering from the document."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static

from policy_model.document import Document


class Step(Vertical):
    """A step of the method. Subclasses set the class fields and compose their body.

    A step never keeps state of its own: it changes the document through model operations,
    posts `Step.Changed`, and the screen re-renders every step from the document.
    """

    KEY: ClassVar[str]
    TITLE: ClassVar[str]
    # The sidebar's label: short, so the step itself keeps the width at 80 columns.
    SHORT: ClassVar[str]
    PURPOSE: ClassVar[str]
    # The widget that takes the keyboard when the step is shown, so its keys work at once.
    FOCUS: ClassVar[str] = ""

    class Changed(Message):
        """The step changed the draft; the screen refreshes the title and the other steps."""

    def __init__(self, document: Document) -> None:
        super().__init__(id=f"step-{self.KEY}", classes="step")
        self.document = document

    def compose(self) -> ComposeResult:
        yield Static(f"[b]{self.KEY}. {self.TITLE}[/b] — {self.PURPOSE}", classes="step-purpose")
        yield from self.compose_body()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def focus_default(self) -> None:
        """Give the keyboard to the step's main widget (or its first focusable one)."""
        target = self.query_one(self.FOCUS) if self.FOCUS else next(
            (w for w in self.query("*") if w.focusable), None)
        if target is not None:
            target.focus()

    def render_document(self) -> None:
        """Show the document as it is now; called on mount and after every change."""

    def on_mount(self) -> None:
        self.render_document()

    def draft_changed(self) -> None:
        self.post_message(self.Changed())
