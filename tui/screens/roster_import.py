"""The roster import dialog: choose an HR export, check how it reads, map its columns, import.

Every field of the roster snapshot can be mapped; the preview reads only the file's start, so
a 200,000-row export shows at once. The file's other columns are listed to keep, none by
default and sensitive ones marked, because the snapshot holds only what the policy needs.
The dialog returns the `ImportReport` to its caller, which re-renders the steps.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Label, SelectionList
from textual.widgets.selection_list import Selection

from policy_model.document import Document
from policy_model.roster import FIELDS, ImportReport, Preview, field_label, preview_roster, stage_roster
from policy_model.roster.sensitive import sensitive_category
from tui.screens.file_import import PREVIEW_ROWS, FileImportDialog, ProgressCallback
from tui.widgets.tick_list import TickList


class RosterImportDialog(FileImportDialog[Preview, ImportReport]):
    """Returns the import's report, or None when the user closes the dialog without importing."""

    TITLE: ClassVar[str] = "Import a roster"
    FIELDS: ClassVar[tuple[str, ...]] = FIELDS
    KIND: ClassVar[str] = ""

    def __init__(self, document: Document, path: str = "") -> None:
        super().__init__(document, path)
        # The columns ticked to keep, read on the UI thread when the import starts.
        self._keep: list[str] = []

    def field_label(self, name: str) -> str:
        return field_label(name)

    def compose_options(self) -> ComposeResult:
        yield Label("Other columns to keep in the snapshot (none unless the policy needs one):",
                    classes="import-field", id="import-keep-label")
        yield TickList[str](id="import-keep", compact=True)

    def on_mount(self) -> None:
        self.query_one("#import-keep-label").display = self.query_one("#import-keep").display = False
        super().on_mount()

    def show_options(self, preview: Preview) -> None:
        """The file's other columns, ticked when kept last time, sensitive ones said so."""
        header, kept = preview.table.header, set(self.document.draft.roster.keep)
        keep = self.query_one("#import-keep", SelectionList)
        keep.clear_options()
        for index in preview.mapping.extra_indexes:
            column = header[index]
            category = sensitive_category(column)
            label = Text(column)
            if category:
                label.append(f"  (sensitive: {category})", style="bold")
            keep.add_option(Selection(label, column, column in kept))
        self.query_one("#import-keep-label").display = keep.display = keep.option_count > 0

    def missing_fields(self) -> list[str]:
        missing = [] if self.chosen_column("id") or self.chosen_column("name") else ["id"]
        return missing + ([] if self.chosen_column("role") else ["role"])

    def action_run_import(self) -> None:
        self._keep = list(self.query_one("#import-keep", SelectionList).selected)
        super().action_run_import()

    def read_preview(self, path: Path, sheet: str | None, mapping: dict[str, str]) -> Preview:
        ref = self.document.draft.roster
        return preview_roster(path, sheet=sheet, mapping=mapping, saved=ref.mapping, saved_sheet=ref.sheet,
                              limit=PREVIEW_ROWS)

    def run_import(self, path: Path, mapping: dict[str, str], sheet: str | None,
                   progress: ProgressCallback) -> ImportReport:
        return stage_roster(self.document, path, mapping=mapping, sheet=sheet, keep=self._keep, progress=progress)
