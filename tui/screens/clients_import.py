"""The client load dialog: a CRM account export's owner, tier and account columns, and the
high-touch tiers ticked from every tier the file holds.

A person's touch is high when at least half of their accounts are in a ticked tier, so the
dialog lists each tier with its number of accounts: the user sees what "Strategic" weighs
before ticking it. The preview reads the whole file for that list (in a worker); changing the
tier column reads it again for that column's tiers. The tiers saved by the last client import
come ticked.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Label, Select, SelectionList
from textual.widgets.selection_list import Selection

from policy_model.document import Document
from policy_model.plural import counted
from policy_model.problems import Problem
from policy_model.roster import (
    CLIENT_FIELDS,
    ClientsPreview,
    ClientsReport,
    client_fields,
    preview_clients,
    stage_clients,
)
from tui.screens.file_import import PREVIEW_ROWS, FileImportDialog, ProgressCallback
from tui.widgets.tick_list import TickList


class ClientsImportDialog(FileImportDialog[ClientsPreview, ClientsReport]):
    """Returns the client import's report, or None when the user closes the dialog without importing."""

    CSS_PATH = ["../styles/roster_import.tcss", "../styles/clients_import.tcss"]
    TITLE: ClassVar[str] = "Client load from a CRM account export"
    FIELDS: ClassVar[tuple[str, ...]] = CLIENT_FIELDS
    KIND: ClassVar[str] = "clients-import"

    def __init__(self, document: Document, path: str = "") -> None:
        super().__init__(document, path)
        self._high_touch: list[str] = []  # the tiers ticked when the import started

    def field_label(self, name: str) -> str:
        return client_fields().labels[name]

    def compose_options(self) -> ComposeResult:
        yield Label("High-touch tiers: a person is high-touch when at least half of their accounts are in them",
                    id="clients-high-touch-label", classes="import-field")
        yield TickList[str](id="clients-high-touch", compact=True)

    def read_preview(self, path: Path, sheet: str | None, mapping: dict[str, str]) -> ClientsPreview:
        return preview_clients(path, saved=self.document.draft.roster.clients, sheet=sheet, mapping=mapping,
                               limit=PREVIEW_ROWS)

    def show_options(self, preview: ClientsPreview) -> None:
        """List the tier column's tiers; keep what was ticked, or tick the tiers saved last time."""
        tiers = self.query_one("#clients-high-touch", SelectionList)
        saved = self.document.draft.roster.clients
        ticked = set(tiers.selected) if tiers.option_count else set(saved.high_touch if saved else [])
        wanted = {tier.casefold() for tier in ticked}
        tiers.clear_options()
        tiers.add_options(Selection(Text(f"{tier} ({counted(n, 'account')})"), tier, tier.casefold() in wanted)
                          for tier, n in preview.tiers)
        for widget in (tiers, self.query_one("#clients-high-touch-label")):
            widget.display = bool(preview.tiers)

    @on(Select.Changed, "#map-tier")
    def _tier_column_changed(self) -> None:
        if self.preview is not None:
            self.load_preview(self.path, self.preview.table.sheet, self.chosen_mapping())

    def action_run_import(self) -> None:
        """Import with the ticked tiers; with a tier column, at least one must be ticked."""
        if self.preview is None:
            return
        self._high_touch = list(self.query_one("#clients-high-touch", SelectionList).selected)
        if self.chosen_column("tier") and not self._high_touch:
            self.show_problems([Problem(self.preview.table.file, "tick the tiers whose accounts are high-touch, "
                                        "or set Tier to (not imported) to leave touch unknown")])
            return
        super().action_run_import()

    def run_import(self, path: Path, mapping: dict[str, str], sheet: str | None,
                   progress: ProgressCallback) -> ClientsReport:
        return stage_clients(self.document, path, mapping=mapping, high_touch=self._high_touch, sheet=sheet,
                              progress=progress)
