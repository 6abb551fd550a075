"""Textual's radio set for a status, with its dot drawn only when chosen and Enter that accepts.

Textual draws every radio button with the same dot, the chosen one told apart by colour
alone, which a colour-blind eye or a monochrome terminal cannot see: (●) against ( ). And a
dialog promises "enter to accept" from every field: in the set, Enter chooses the highlighted
status (as space does) and then asks the dialog to accept. The highlight starts on the chosen
status, so Enter at once keeps it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import RadioButton, RadioSet


class StatusRadio(RadioButton):
    BUTTON_LEFT = "("
    BUTTON_RIGHT = ")"

    # Textual reads a class constant here; a property lets the dot follow the value.
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 - Textual's own name
        return "●" if self.value else " "


class StatusSet(RadioSet):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose_and_accept", "Accept", show=False),
    ]

    class Accepted(Message):
        """Enter was pressed in the set: the highlighted status is chosen, accept the dialog."""

    def on_mount(self) -> None:
        # Textual highlights the first status; start from the one chosen, where Enter keeps it.
        chosen = next((n for n, button in enumerate(self.query(RadioButton)) if button.value), 0)
        for _ in range(chosen):
            self.action_next_button()

    def action_choose_and_accept(self) -> None:
        highlighted = next((b for b in self.query(StatusRadio) if b.has_class("-selected")), None)
        if highlighted is not None and not highlighted.value:
            highlighted.value = True
        # The set learns of the new choice through a message; accept once it has.
        self.call_after_refresh(self.post_message, self.Accepted())
