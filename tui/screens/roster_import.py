"""The roster import dialog: choose an HR export, check how it reads, map its columns, import.

Every field of the roster snapshot can be mapped; the preview reads only the file's start, so
a 200,000-row export shows at once. The dialog returns the `ImportReport` to its caller, which
re-renders the steps from the document.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from policy_model.roster import FIELDS, ImportReport, Preview, field_label, import_roster, preview_roster
from tui.screens.file_import import PREVIEW_ROWS, FileImportDialog, ProgressCallback


class RosterImportDialog(FileImportDialog[Preview, ImportReport]):
    """Returns the import's report, or None when the user closes the dialog without importing."""

    TITLE: ClassVar[str] = "Import a roster"
    FIELDS: ClassVar[tuple[str, ...]] = FIELDS
    KIND: ClassVar[str] = ""

    def field_label(self, name: str) -> str:
        return field_label(name)

    def read_preview(self, path: Path, sheet: str | None, mapping: dict[str, str]) -> Preview:
        ref = self.document.draft.roster
        return preview_roster(path, sheet=sheet, mapping=mapping, saved=ref.mapping, saved_sheet=ref.sheet,
                              limit=PREVIEW_ROWS)

    def run_import(self, path: Path, mapping: dict[str, str], sheet: str | None,
                   progress: ProgressCallback) -> ImportReport:
        return import_roster(self.document, path, mapping=mapping, sheet=sheet, progress=progress)
