"""Change a rule's client-count limits: what counts as a small book, or a large one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from policy_model.draft import Rule
from policy_model.eligibility import check_thresholds, describe_rule


@dataclass(frozen=True)
class Thresholds:
    max_clients: int | None
    min_clients: int | None


class ThresholdDialog(ModalScreen[Thresholds | None]):
    """Returns the new limits (None = no limit), or None on cancel; checked before closing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="thresholds.cancel", tooltip="Close without changing the rule"),
    ]

    def __init__(self, rule: Rule) -> None:
        super().__init__()
        self.rule = rule

    def compose(self) -> ComposeResult:
        rule = self.rule
        with Vertical(classes="dialog"):
            yield Label(f"Rule {rule.id} → {rule.outcome}", classes="dialog-title", markup=False)
            yield Static(f"Applies to: {describe_rule(rule)}\nReason given: {rule.reason}", markup=False)
            yield Label("At most this many clients (blank: no upper limit)")
            yield Input(_text(rule.max_clients), type="integer", id="max-clients", placeholder="no limit")
            yield Label("At least this many clients (blank: no lower limit)")
            yield Input(_text(rule.min_clients), type="integer", id="min-clients", placeholder="no limit")
            yield Static("", id="thresholds-problem", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Change", id="thresholds-ok", variant="primary")
                yield Button("Cancel", id="thresholds-cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#thresholds-ok")
    def _accept(self) -> None:
        try:
            limits = Thresholds(_number(self.query_one("#max-clients", Input).value),
                                _number(self.query_one("#min-clients", Input).value))
            check_thresholds(limits.max_clients, limits.min_clients)
        except ValueError as error:
            self.query_one("#thresholds-problem", Static).update(str(error))
            return
        self.dismiss(limits)

    @on(Button.Pressed, "#thresholds-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


def _text(value: int | None) -> str:
    return "" if value is None else str(value)


def _number(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        raise ValueError(f'"{text}" is not a whole number of clients') from None
