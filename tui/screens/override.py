"""Decide a status by hand: pick granted, review or denied, and say why.

One person's override, many people's (everyone a filter shows, everyone in a role) and a
whole role decided by a rule all ask the same two things; `Wording` says which is being asked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioSet, Static

from policy_model.draft import STATUSES, Status
from policy_model.eligibility import clean_reason
from policy_model.user_input import printable_line
from tui.screens.yes_no import YesNoScreen
from tui.widgets.status_radio import StatusRadio, StatusSet


@dataclass(frozen=True)
class OverrideAnswer:
    status: Status
    reason: str


@dataclass(frozen=True)
class Wording:
    """What the dialog is deciding, in its own words: the verb on its title and button, the
    question the reason answers, and what is said when there is no reason (the model's words
    for an override when None)."""

    verb: str = "Override"
    why: str = "why is this person an exception?"
    missing: str | None = None


class OverrideDialog(ModalScreen[OverrideAnswer | None]):
    """Returns the status and the (required) reason, or None on cancel.

    The reason is checked here with the model's own rule, so the dialog stays open with the
    problem shown instead of losing what was typed.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="override.cancel", tooltip="Close without changing anything"),
    ]

    def __init__(self, person: str, decided: str, status: Status, wording: Wording | None = None) -> None:
        super().__init__()
        self.person = person
        self.decided = decided
        self.status = status
        self.wording = wording or Wording()

    def compose(self) -> ComposeResult:
        wording = self.wording
        with Vertical(classes="dialog"):
            yield Label(printable_line(f"{wording.verb}: {self.person}"), classes="dialog-title", markup=False)
            yield Static(printable_line(f"Now: {self.decided}"), markup=False, classes="override-now")
            with StatusSet(id="override-status"):
                for status in STATUSES:
                    yield StatusRadio(status, value=status == self.status, name=status)
            yield Input(placeholder=f"reason (required): {wording.why}", id="override-reason")
            yield Static("", id="override-problem", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(wording.verb, id="override-ok", variant="primary")
                yield Button("Cancel", id="override-cancel")
            yield Label("tab to move, enter to accept, escape to cancel", classes="dialog-hint")

    @on(Input.Submitted, "#override-reason")
    @on(Button.Pressed, "#override-ok")
    @on(StatusSet.Accepted)
    def _accept(self) -> None:
        pressed = self.query_one("#override-status", RadioSet).pressed_button
        status: Status = pressed.name if pressed and pressed.name in STATUSES else self.status  # type: ignore[assignment]
        typed = self.query_one("#override-reason", Input).value
        try:
            reason = clean_reason(typed) if self.wording.missing is None else clean_reason(typed, self.wording.missing)
        except ValueError as error:
            self.query_one("#override-problem", Static).update(str(error))
            self.query_one("#override-reason", Input).focus()
            return
        self.dismiss(OverrideAnswer(status, reason))

    @on(Button.Pressed, "#override-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def ask_override_many(app: App[object], whom: str, decided: str, status: Status,
                      then: Callable[[OverrideAnswer], None]) -> None:
    """Ask the status and reason for overriding many people at once, then ask again with
    their number ("Override 1,204 people shown by the filter as denied?") before `then`."""

    def answered(answer: OverrideAnswer | None) -> None:
        if answer is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                then(answer)

        app.push_screen(YesNoScreen(printable_line(f"Override {whom} as {answer.status}?"), "Override"), confirmed)

    many = Wording(why="why are these people exceptions to the rules?")
    app.push_screen(OverrideDialog(whom, decided, status, many), answered)
