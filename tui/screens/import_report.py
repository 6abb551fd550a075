"""What an import did, on a screen that stays until it is closed: totals first, then the rest.

A notification of the report covered the table for 15 s, scrolled its totals away and could
not list the rejected rows; here the totals stay at the top, the other lines scroll beneath
them and every rejected row is in a table of its own. Step 1 keeps the last report of the
session so it can be read again later (the draft records the import, not its report).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from policy_model.plural import counted
from policy_model.problems import Problem
from policy_model.roster.report import Rejection
from tui.widgets.rejected_table import RejectedTable


@dataclass(frozen=True)
class ShownReport:
    """An import's report as the screen shows it: a title, its lines (totals first) and its
    rejected rows, which the lines may also name one by one."""

    title: str
    source: str
    lines: Sequence[str]
    rejected: Sequence[Rejection]

    @property
    def details(self) -> list[str]:
        """The lines after the totals, without those naming a rejected row: the table lists them."""
        named = {str(Problem(self.source, r.reason, line=r.row)) for r in self.rejected}
        return [line for line in self.lines[1:] if line not in named and not line.endswith("more rows rejected")]


class ImportReportScreen(ModalScreen[None]):
    CSS_PATH = "../styles/import_report.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,q", "close", "Close", id="import-report.close", tooltip="Back to the roster"),
    ]

    def __init__(self, report: ShownReport) -> None:
        super().__init__()
        self.report = report

    def compose(self) -> ComposeResult:
        report = self.report
        with Vertical(classes="dialog import-report" + (" -rejected" if report.rejected else "")):
            yield Label(report.title, classes="dialog-title", markup=False)
            yield Static(report.lines[0], id="report-totals", markup=False)
            with VerticalScroll(id="report-details"):
                yield Static("\n".join(report.details), markup=False)
            if report.rejected:
                yield Label(f"Rejected: {counted(len(report.rejected), 'row')}", classes="report-heading")
                yield RejectedTable(report.rejected, id="report-rejected")
            yield Label("up/down scroll · tab next list · escape closes (R shows it again)", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#report-rejected" if self.report.rejected else "#report-details").focus()

    def action_close(self) -> None:
        self.dismiss(None)
