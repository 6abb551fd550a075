"""The roster as a table that draws only the rows on screen, so 200,000 people scroll freely.

Textual's DataTable builds every row up front (52 s for 200,000 people); this widget keeps
nothing but the list of roster positions to show and asks the index for the dozen or so rows
the screen can hold, through the line API (`render_line`). The first line is the header and
stays put while the rows scroll beneath it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from policy_model.roster_index import RosterIndex
from policy_model.user_input import printable_line

HEADERS = ("ID", "NAME", "ROLE", "DEPARTMENT", "STATUS", "REASON")
OVERRIDE_MARK = "*"
# (ideal, smallest) widths of the three text columns; the reason takes the rest.
_TEXT_COLUMNS = ((22, 10), (22, 10), (16, 8))
_STATUS_WIDTH = len("granted") + len(OVERRIDE_MARK)
_REASON_MIN = 40
_REASON_SCROLLED = 90


@dataclass(frozen=True)
class Columns:
    """Column widths for one table width; the reason may run past the edge (scroll right)."""

    widths: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.widths) + len(self.widths) - 1

    @classmethod
    def fit(cls, width: int, id_width: int) -> Columns:
        """Name, role and department at their ideal widths when there is room, squeezed (to a
        minimum) when not; the reason takes the rest, or scrolls when too little is left."""
        room = width - id_width - _STATUS_WIDTH - len(HEADERS) + 1
        ideal = sum(w for w, _ in _TEXT_COLUMNS)
        text = [min(w, max(smallest, w * max(room, 0) // ideal)) for w, smallest in _TEXT_COLUMNS]
        reason = room - sum(text)
        return cls((id_width, *text, _STATUS_WIDTH, reason if reason >= _REASON_MIN else _REASON_SCROLLED))


def _cell(text: str, width: int) -> str:
    """One line of `text` exactly `width` cells wide; control characters shown as "?"."""
    return set_cell_size(printable_line(text), width)


class RosterTable(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows are roster positions in the index; the cursor is a position in that list."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "roster-table--header", "roster-table--cursor",
        "roster-table--granted", "roster-table--review", "roster-table--denied", "roster-table--override",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False, id="roster-table.up", tooltip="The person above"),
        Binding("down", "move(1)", "Down", show=False, id="roster-table.down", tooltip="The person below"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="roster-table.page-up",
                tooltip="One screen of people up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="roster-table.page-down",
                tooltip="One screen of people down"),
        Binding("home", "jump(0)", "First", show=False, id="roster-table.first", tooltip="The first person"),
        Binding("end", "jump(-1)", "Last", show=False, id="roster-table.last", tooltip="The last person"),
        Binding("left", "scroll_left", "Left", show=False, id="roster-table.left",
                tooltip="Scroll the columns left"),
        Binding("right", "scroll_right", "Right", show=False, id="roster-table.right",
                tooltip="Scroll right to read the whole reason"),
    ]

    @dataclass
    class Highlighted(Message):
        """The cursor is on another person (`position` in the roster), or on no one."""

        table: RosterTable
        position: int | None

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's own name
        super().__init__(id=id)
        self.index: RosterIndex | None = None
        self.rows: list[int] = []
        self.cursor = 0
        self._id_width = 4
        self._columns = Columns.fit(80, self._id_width)
        self._styles: dict[str, Style] = {}

    # --- What to show ---

    def show(self, index: RosterIndex | None, rows: list[int]) -> None:
        """Show these roster positions; the cursor stays on the same person when they remain."""
        current = self.highlighted
        if index is not self.index:
            self.index = index
            ids = index.employees if index is not None else []
            self._id_width = max([2, *(len(e.id) for e in ids[:5000])])
        self.rows = rows
        self.cursor = self._row_of(current) if current is not None else 0
        self._relayout()
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self, self.highlighted))

    @property
    def highlighted(self) -> int | None:
        """The roster position under the cursor."""
        return self.rows[self.cursor] if self.rows and self.cursor < len(self.rows) else None

    def _row_of(self, position: int) -> int:
        """Where a person is in the shown rows (rows are in roster order, so bisect)."""
        from bisect import bisect_left

        n = bisect_left(self.rows, position)
        return n if n < len(self.rows) and self.rows[n] == position else 0

    def _relayout(self) -> None:
        self._columns = Columns.fit(max(self.scrollable_content_region.width, 20), self._id_width)
        self.virtual_size = Size(self._columns.total, len(self.rows) + 1)

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()
        self._scroll_to_cursor()

    # --- Drawing ---

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()

    def _style(self, name: str = "") -> Style:
        """The widget's style, or a component's on top of it; looked up once per style change
        rather than once per line, as a line is drawn on every scroll step."""
        style = self._styles.get(name)
        if style is None:
            base = self.rich_style
            style = self._styles[name] = base + self.get_component_rich_style(name) if name else base
        return style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self._style()
        if y == 0:
            strip = self._strip(HEADERS, self._style("roster-table--header"))
        else:
            n = int(self.scroll_y) + y - 1
            if self.index is None or n >= len(self.rows):
                return Strip.blank(width, base)
            strip = self._row_strip(n, base)
        return strip.crop_extend(int(self.scroll_x), int(self.scroll_x) + width, base)

    def _row_strip(self, n: int, base: Style) -> Strip:
        assert self.index is not None
        position = self.rows[n]
        employee = self.index.employees[position]
        decision = self.index.decisions[position]
        cursor = n == self.cursor
        style = self._style("roster-table--cursor") if cursor else base
        status_style = style + self._style(f"roster-table--{decision.status}")
        if decision.overridden:
            status_style += self._style("roster-table--override")
        status = decision.status + (OVERRIDE_MARK if decision.overridden else "")
        cells = (employee.id, employee.name, employee.role, employee.department, status, decision.reason)
        return self._strip(cells, style, {4: status_style})

    def _strip(self, cells: tuple[str, ...], style: Style, styles: dict[int, Style] | None = None) -> Strip:
        segments = []
        for column, (text, width) in enumerate(zip(cells, self._columns.widths, strict=True)):
            if column:
                segments.append(Segment(" ", style))
            segments.append(Segment(_cell(text, width), (styles or {}).get(column, style)))
        return Strip(segments, self._columns.total)

    # --- Moving ---

    def _scroll_to_cursor(self) -> None:
        visible = max(self.scrollable_content_region.height - 1, 1)
        top = int(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    def move_to(self, row: int) -> None:
        """Put the cursor on a shown row (clamped), scroll it into view, and say so."""
        row = max(0, min(row, len(self.rows) - 1))
        if row == self.cursor:
            return
        self.cursor = row
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Highlighted(self, self.highlighted))

    def action_move(self, step: int) -> None:
        self.move_to(self.cursor + step)

    def action_page(self, pages: int) -> None:
        self.move_to(self.cursor + pages * max(self.scrollable_content_region.height - 1, 1))

    def action_jump(self, row: int) -> None:
        self.move_to(row if row >= 0 else len(self.rows) - 1)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and offset.y >= 1:
            self.move_to(int(self.scroll_y) + offset.y - 1)
