"""Decide one person's status by hand: pick granted, review or denied, and say why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from policy_model.draft import STATUSES, Status
from policy_model.eligibility import clean_reason


@dataclass(frozen=True)
class OverrideAnswer:
    status: Status
    reason: str


class OverrideDialog(ModalScreen[OverrideAnswer | None]):
    """Returns the status and the (required) reason, or None on cancel.

    The reason is checked here with the model's own rule, so the dialog stays open with the
    problem shown instead of losing what was typed.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="override.cancel", tooltip="Close without changing anything"),
    ]

    def __init__(self, person: str, decided: str, status: Status) -> None:
        super().__init__()
        self.person = person
        self.decided = decided
        self.status = status

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Override: {self.person}", classes="dialog-title", markup=False)
            yield Static(f"Now: {self.decided}", markup=False, classes="override-now")
            with RadioSet(id="override-status"):
                for status in STATUSES:
                    yield RadioButton(status, value=status == self.status, name=status)
            yield Input(placeholder="reason (required): why is this person an exception?", id="override-reason")
            yield Static("", id="override-problem", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Override", id="override-ok", variant="primary")
                yield Button("Cancel", id="override-cancel")
            yield Label("tab to move, enter to accept, escape to cancel", classes="dialog-hint")

    @on(Input.Submitted, "#override-reason")
    @on(Button.Pressed, "#override-ok")
    def _accept(self) -> None:
        pressed = self.query_one("#override-status", RadioSet).pressed_button
        status: Status = pressed.name if pressed and pressed.name in STATUSES else self.status  # type: ignore[assignment]
        try:
            reason = clean_reason(self.query_one("#override-reason", Input).value)
        except ValueError as error:
            self.query_one("#override-problem", Static).update(str(error))
            self.query_one("#override-reason", Input).focus()
            return
        self.dismiss(OverrideAnswer(status, reason))

    @on(Button.Pressed, "#override-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
