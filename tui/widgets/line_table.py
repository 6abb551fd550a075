"""A table that draws only the rows on screen, so 200,000 rows scroll as freely as twenty.

Textual's DataTable builds every row up front (52 s for 200,000 people, 5.5 s for 20,000).
A line table keeps nothing of its rows: through the line API (`render_line`) it asks its
subclass for the dozen or so rows the screen can hold. The first line is the header and
stays put while the rows scroll beneath it. A subclass says how many rows there are, how
wide each column is at a width, and what one row's cells are; the cursor, paging, scrolling
and clicking are shared here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from policy_model.user_input import printable_line


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of a row: its text (from someone's file: shown printable), the style drawn
    for it (the row's when None), and whether it lines up on the right, as numbers do."""

    text: str
    style: Style | None = None
    right: bool = False


def fit(text: str, width: int, right: bool = False) -> str:
    """One line of `text` exactly `width` cells wide; control characters shown as "?"."""
    line = printable_line(text)
    if right and cell_len(line) < width:
        return " " * (width - cell_len(line)) + line
    return set_cell_size(line, width)


def movement_bindings(table: str, one: str, many: str, cut_off: str) -> list[BindingType]:
    """The keys every line table answers to, with ids and tooltips in its own words: `table`
    names its ids, `one` and `many` what its rows are ("person", "people"), `cut_off` what
    scrolling right brings into view."""
    return [
        Binding("up", "move(-1)", "Up", show=False, id=f"{table}.up", tooltip=f"The {one} above"),
        Binding("down", "move(1)", "Down", show=False, id=f"{table}.down", tooltip=f"The {one} below"),
        Binding("pageup", "page(-1)", "Page up", show=False, id=f"{table}.page-up",
                tooltip=f"One screen of {many} up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id=f"{table}.page-down",
                tooltip=f"One screen of {many} down"),
        Binding("home", "jump(0)", "First", show=False, id=f"{table}.first", tooltip=f"The first {one}"),
        Binding("end", "jump(-1)", "Last", show=False, id=f"{table}.last", tooltip=f"The last {one}"),
        Binding("left", "scroll_left", "Left", show=False, id=f"{table}.left",
                tooltip="Scroll the columns left"),
        Binding("right", "scroll_right", "Right", show=False, id=f"{table}.right",
                tooltip=f"Scroll right to read {cut_off}"),
    ]


class LineTable(ScrollView, can_focus=True, inherit_bindings=False):
    """The cursor is a row number; subclasses fill in the methods that raise NotImplementedError."""

    # Every table of this app lists people or groups of them, by status.
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "line-table--header", "line-table--cursor",
        "line-table--granted", "line-table--review", "line-table--denied",
    }

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's own name
        super().__init__(id=id)
        self.cursor = 0
        self._widths: tuple[int, ...] = ()
        self._styles: dict[str, Style] = {}

    # --- What a subclass says ---

    @property
    def row_count(self) -> int:
        raise NotImplementedError

    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def column_widths(self, width: int) -> tuple[int, ...]:
        """Each column's width when the table is `width` cells wide (their sum may exceed it:
        the table then scrolls sideways)."""
        raise NotImplementedError

    def cells(self, row: int, style: Style) -> Sequence[Cell]:
        """The cells of a row, drawn over `style` (the cursor's, on the cursor's row)."""
        raise NotImplementedError

    def cursor_moved(self) -> None:
        """The cursor is on another row (or the rows changed): say so, in the subclass's message."""

    # --- Laying out ---

    def rows_changed(self, cursor: int) -> None:
        """After the subclass's rows changed: put the cursor on `cursor` (clamped), lay out, redraw."""
        self.cursor = max(0, min(cursor, self.row_count - 1))
        self._relayout()
        self._scroll_to_cursor()
        self.refresh()
        self.cursor_moved()

    def _relayout(self) -> None:
        self._widths = self.column_widths(max(self.scrollable_content_region.width, 20))
        self.virtual_size = Size(self._total_width, self.row_count + 1)

    @property
    def _total_width(self) -> int:
        return sum(self._widths) + len(self._widths) - 1

    def on_mount(self) -> None:
        self._relayout()  # the header may be drawn before any row is given

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()
        self._scroll_to_cursor()

    # --- Drawing ---

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()

    def component_style(self, name: str = "") -> Style:
        """The widget's style, or a component's on top of it; looked up once per style change
        rather than once per line, as a line is drawn on every scroll step."""
        style = self._styles.get(name)
        if style is None:
            base = self.rich_style
            style = self._styles[name] = base + self.get_component_rich_style(name) if name else base
        return style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.component_style()
        if y == 0:
            header = self.component_style("line-table--header")
            strip = self._strip([Cell(text) for text in self.headers()], header)
        else:
            n = int(self.scroll_y) + y - 1
            if n >= self.row_count:
                return Strip.blank(width, base)
            style = self.component_style("line-table--cursor") if n == self.cursor else base
            strip = self._strip(self.cells(n, style), style)
        return strip.crop_extend(int(self.scroll_x), int(self.scroll_x) + width, base)

    def _strip(self, cells: Sequence[Cell], style: Style) -> Strip:
        segments = []
        for column, (cell, width) in enumerate(zip(cells, self._widths, strict=True)):
            if column:
                segments.append(Segment(" ", style))
            segments.append(Segment(fit(cell.text, width, cell.right), cell.style or style))
        return Strip(segments, self._total_width)

    # --- Moving ---

    def _scroll_to_cursor(self) -> None:
        visible = max(self.scrollable_content_region.height - 1, 1)
        top = int(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    def move_to(self, row: int) -> None:
        """Put the cursor on a row (clamped), scroll it into view, and say so."""
        row = max(0, min(row, self.row_count - 1))
        if row == self.cursor:
            return
        self.cursor = row
        self._scroll_to_cursor()
        self.refresh()
        self.cursor_moved()

    def action_move(self, step: int) -> None:
        self.move_to(self.cursor + step)

    def action_page(self, pages: int) -> None:
        self.move_to(self.cursor + pages * max(self.scrollable_content_region.height - 1, 1))

    def action_jump(self, row: int) -> None:
        self.move_to(row if row >= 0 else self.row_count - 1)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is not None and offset.y >= 1:
            self.move_to(int(self.scroll_y) + offset.y - 1)
