"""Textual's RadioButton, its dot drawn only when it is chosen: (●) against ( ).

Textual draws every radio button with the same dot, the chosen one told apart by colour
alone, which a colour-blind eye or a monochrome terminal cannot see.
"""

from __future__ import annotations

from textual.widgets import RadioButton


class StatusRadio(RadioButton):
    BUTTON_LEFT = "("
    BUTTON_RIGHT = ")"

    # Textual reads a class constant here; a property lets the dot follow the value.
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 - Textual's own name
        return "●" if self.value else " "
