"""Who is granted, in review and denied, as stacked bars: the whole company, then each department.

A lead asks "is Sales mostly granted and Operations mostly denied?" at a glance; bars answer
that faster than a column of numbers. Each status has its own block character as well as its
own colour, so the chart reads on a monochrome terminal too.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import set_cell_size
from rich.style import Style
from rich.text import Text
from textual.widget import Widget

from policy_model.draft import STATUSES
from policy_model.roster_index import DepartmentCount
from policy_model.user_input import printable_line

BLOCKS = {"granted": "█", "review": "▓", "denied": "░"}
STYLES = {"granted": Style(color="green"), "review": Style(color="yellow"), "denied": Style(color="red")}
MAX_DEPARTMENTS = 60
_LABEL_MAX = 22


def stacked_bar(counts: Sequence[int], scale: float) -> list[int]:
    """Cell lengths of each part of a stacked bar; rounding the running total keeps the sum exact.

    A part with anyone in it gets at least one cell, taken from the longest part, so a
    department of one person still shows a bar next to one of hundreds.
    """
    lengths, running, drawn = [], 0, 0
    for count in counts:
        running += count
        end = round(running * scale)
        lengths.append(end - drawn)
        drawn = end
    for n, count in enumerate(counts):
        longest = max(range(len(lengths)), key=lengths.__getitem__)
        if count and not lengths[n]:
            lengths[n] = 1
            if lengths[longest] > 1:
                lengths[longest] -= 1
    return lengths


class AccessChart(Widget):
    """Bars scaled to the largest department; the company's bar is scaled to its own total."""

    DEFAULT_CSS = """
    AccessChart { height: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's own name
        super().__init__(id=id)
        self.departments: list[DepartmentCount] = []
        self.total = DepartmentCount("All")

    def show(self, departments: list[DepartmentCount]) -> None:
        self.departments = departments
        self.total = DepartmentCount(
            "Everyone", *(sum(getattr(d, s) for d in departments) for s in STATUSES))
        self.refresh(layout=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        shown = min(len(self.departments), MAX_DEPARTMENTS)
        return 4 + shown + (len(self.departments) > MAX_DEPARTMENTS)

    def render(self) -> Text:
        width = max(self.content_region.width, 30)
        shown = self.departments[:MAX_DEPARTMENTS]
        label = min(_LABEL_MAX, max([len(self.total.department), *(len(d.department) for d in shown)]))
        number = len(f"{self.total.total:,}")
        bar = max(width - label - number - 2, 5)
        text = Text(no_wrap=True, overflow="crop")
        for status in STATUSES:  # the legend, with the company's totals
            text.append(BLOCKS[status], style=STYLES[status])
            text.append(f" {status} {getattr(self.total, status):,}   ")
        text.append("\n")
        self._bar(text, self.total, label, number, bar / max(self.total.total, 1))
        text.append("\n")
        largest = max((d.total for d in shown), default=1)
        for department in shown:
            self._bar(text, department, label, number, bar / largest)
        hidden = self.departments[MAX_DEPARTMENTS:]
        if hidden:
            people = sum(d.total for d in hidden)
            text.append(f"… and {len(hidden):,} smaller departments with {people:,} people", style="dim")
        return text

    def _bar(self, text: Text, count: DepartmentCount, label: int, number: int, scale: float) -> None:
        text.append(set_cell_size(printable_line(count.department), label) + " ")
        text.append(f"{count.total:>{number},} ", style="bold")
        for status, length in zip(STATUSES, stacked_bar([getattr(count, s) for s in STATUSES], scale), strict=True):
            text.append(BLOCKS[status] * length, style=STYLES[status])
        text.append("\n")
