"""Textual's SelectionList, with ticks drawn as [x] / [ ] and guarded against stray typing.

Textual draws a ticked and an unticked box the same (`▐X▌`), told apart by colour alone; here
the box says it in characters too. A tick list takes space to tick the highlighted line, so
words typed while it had the keyboard ("within 2 business hours") ticked and unticked that
line at every space. Once a letter is typed, spaces are taken for typing, not ticks, until the
highlight is moved; the list says where typing goes instead. Enter is left to the dialog (it
submits, as from any other field), and ticking stays on space, as in Textual.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from rich.segment import Segment
from textual import events
from textual.actions import SkipAction
from textual.binding import Binding, BindingType
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets.option_list import OptionDoesNotExist

Value = TypeVar("Value")
TICKED, UNTICKED = "[x]", "[ ]"
MOVES = frozenset({"up", "down", "home", "end", "pageup", "pagedown"})


class TickList(SelectionList[Value]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "leave_enter", show=False)]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.typing = False  # a letter was typed since the highlight last moved

    def action_leave_enter(self) -> None:
        """Enter goes on to the dialog, which submits (Textual's list would tick instead)."""
        raise SkipAction()

    def action_select(self) -> None:
        if not self.typing:
            super().action_select()

    async def _on_key(self, event: events.Key) -> None:
        if event.key in MOVES:
            self.typing = False
        elif event.is_printable and event.key != "space" and not self.typing:
            self.typing = True
            self.notify("This is a list to tick: move with up/down, space ticks, tab goes to the next field",
                        title="Not typed", severity="warning")

    def _on_blur(self, event: events.Blur) -> None:
        self.typing = False

    def render_line(self, y: int) -> Strip:
        """Textual's line with its three-character box rewritten as [x] or [ ] in the same style."""
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        if len(segments) < 3:
            return strip
        box = TICKED if selection.value in self._selected else UNTICKED
        style = segments[1].style
        return Strip([Segment(box, style), *segments[3:]], strip.cell_length)
