"""The roster import dialog: choose a file, check how it reads, map its columns, import.

The preview (first rows, detected encoding and delimiter, proposed mapping) and the import
itself run in thread workers, so a 200,000-row file never freezes the interface; the import
shows its progress and escape cancels it with nothing written. The dialog returns the
`ImportReport` to its caller, which re-renders the steps from the document.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, ProgressBar, Select, SelectionList, Static
from textual.widgets.selection_list import Selection
from textual.worker import Worker, WorkerState, get_current_worker

from policy_model.document import Document
from policy_model.problems import Problem, ProblemsError
from policy_model.roster import FIELDS, ImportReport, Preview, field_label, import_roster, preview_roster
from policy_model.roster.sensitive import sensitive_category

PREVIEW_ROWS = 5


class RosterImportDialog(ModalScreen[ImportReport | None]):
    """Returns the import's report, or None when the user closes the dialog without importing."""

    CSS_PATH = "../styles/roster_import.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="import.cancel",
                tooltip="Stop a running import (nothing is written), or close the dialog"),
        Binding("ctrl+r", "run_import", "Import", id="import.run",
                tooltip="Import the file with the columns as mapped"),
    ]

    def __init__(self, document: Document, path: str = "") -> None:
        super().__init__()
        self.document = document
        self.initial_path = path
        self.preview: Preview | None = None
        self.importing: Worker[ImportReport | list[Problem]] | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog roster-import"):
            yield Label("Import a roster", classes="dialog-title")
            yield Input(self.initial_path, placeholder="path of a .csv or .xlsx file, then enter", id="import-path",
                        compact=True)
            yield Select[str]([], prompt="sheet", id="import-sheet", compact=True)
            yield Static("", id="import-format", markup=False)
            yield DataTable(id="import-preview", show_cursor=False, zebra_stripes=True)
            with Grid(id="import-mapping"):
                for name in FIELDS:
                    yield Label(field_label(name), classes="import-field")
                    yield Select[str]([], prompt="(not imported)", id=f"map-{name}", compact=True)
            yield Label("Also keep in the snapshot (only what the policy needs; sensitive columns are marked):",
                        classes="import-field", id="import-keep-label")
            yield SelectionList[str](id="import-keep", compact=True)
            yield ProgressBar(id="import-progress", show_eta=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Import", id="import-run", variant="primary", disabled=True, compact=True)
                yield Button("Cancel", id="import-cancel", compact=True)
            yield Label("enter: preview · ctrl+r: import · escape: cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#import-sheet").display = False
        self.query_one("#import-progress").display = False
        self.query_one("#import-keep-label").display = self.query_one("#import-keep").display = False
        self.query_one("#import-path", Input).focus()
        # A folder is where to start typing; a file is previewed at once.
        if self.initial_path and Path(self.initial_path).expanduser().is_file():
            self._load_preview(Path(self.initial_path).expanduser(), None)

    # --- preview -------------------------------------------------------------------------

    @on(Input.Submitted, "#import-path")
    def _path_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if text:
            self._load_preview(Path(text).expanduser(), None)

    @on(Select.Changed, "#import-sheet")
    def _sheet_changed(self, event: Select.Changed) -> None:
        if self.preview and isinstance(event.value, str) and event.value != self.preview.table.sheet:
            self._load_preview(self._path, event.value)

    @property
    def _path(self) -> Path:
        return Path(self.query_one("#import-path", Input).value.strip()).expanduser()

    @work(thread=True, exclusive=True, group="preview", description="reading the first rows")
    def _load_preview(self, path: Path, sheet: str | None) -> None:
        ref = self.document.draft.roster
        try:
            preview = preview_roster(path, sheet=sheet, saved=ref.mapping, saved_sheet=ref.sheet, limit=PREVIEW_ROWS)
        except ProblemsError as error:
            self.app.call_from_thread(self._show_problems, error.problems)
            return
        self.app.call_from_thread(self._show_preview, preview)

    def _show_problems(self, problems: list[Problem]) -> None:
        self.query_one("#import-format", Static).update("\n".join(str(p) for p in problems))
        self.query_one("#import-format").add_class("error")

    def _show_preview(self, preview: Preview) -> None:
        self.preview = preview
        table = preview.table
        status = self.query_one("#import-format", Static)
        status.remove_class("error")
        status.update(f"{table.file}: {table.kind}; {len(table.header)} columns")
        sheets = self.query_one("#import-sheet", Select)
        sheets.display = bool(table.sheets)
        if table.sheets:
            with self.prevent(Select.Changed):
                sheets.set_options((Text(name), name) for name in table.sheets)
                sheets.value = table.sheet
        grid = self.query_one("#import-preview", DataTable)
        grid.clear(columns=True)
        # Text, never markup: a header or a name in the file may hold [brackets].
        grid.add_columns(*map(Text, table.header))
        for row in preview.rows:
            grid.add_row(*map(Text, (row + [""] * len(table.header))[: len(table.header)]))
        options = [(Text(column), column) for column in table.header if column]
        with self.prevent(Select.Changed):
            for name in FIELDS:
                select = self.query_one(f"#map-{name}", Select)
                column = preview.mapping.column(name)
                joined = [(Text(column), column)] if column and column not in table.header else []
                select.set_options(joined + options)  # a name made of two columns is one choice
                select.value = column if column else Select.NULL
        self._show_keep(preview)
        self._show_missing()
        self.query_one("#import-run", Button).disabled = False

    def _show_keep(self, preview: Preview) -> None:
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

    def _show_missing(self) -> bool:
        """Say which required field has no column yet and put the keyboard on its choice, so a
        file whose headers matched nothing is mapped here rather than refused; True if any."""
        missing = [name for name in ("role",) if self._mapped(name) is None]
        if self._mapped("id") is None and self._mapped("name") is None:
            missing.insert(0, "id")
        if not missing:
            return False
        labels = " and ".join(field_label(name) for name in missing)
        status = self.query_one("#import-format", Static)
        status.update(f"No column was recognised for {labels}: choose it below, then import.")
        status.add_class("error")
        self.query_one(f"#map-{missing[0]}", Select).focus()
        return True

    def _mapped(self, name: str) -> str | None:
        value = self.query_one(f"#map-{name}", Select).value
        return value if isinstance(value, str) else None

    # --- import --------------------------------------------------------------------------

    def _chosen_mapping(self) -> dict[str, str]:
        """Field -> column for every field the user changed from the proposal ("" = not imported)."""
        assert self.preview is not None
        chosen = {}
        for name in FIELDS:
            column = self._mapped(name) or ""
            if column != (self.preview.mapping.column(name) or ""):
                chosen[name] = column
        return chosen

    @on(Button.Pressed, "#import-run")
    def action_run_import(self) -> None:
        if self.preview is None or self.importing is not None or self._show_missing():
            return
        sheet = self.preview.table.sheet
        keep = list(self.query_one("#import-keep", SelectionList).selected)
        self.query_one("#import-progress").display = True
        self.query_one("#import-run", Button).disabled = True
        self.importing = self._import(self._path, self._chosen_mapping(), sheet, keep)

    @work(thread=True, exclusive=True, group="import", description="importing the roster")
    def _import(self, path: Path, mapping: dict[str, str], sheet: str | None,
                keep: list[str]) -> ImportReport | list[Problem]:
        worker = get_current_worker()
        bar = self.query_one("#import-progress", ProgressBar)

        def progress(done: int, total: int) -> bool:
            self.app.call_from_thread(bar.update, total=total, progress=done)
            return worker.is_cancelled

        try:
            return import_roster(self.document, path, mapping=mapping, sheet=sheet, keep=keep, progress=progress)
        except ProblemsError as error:
            return error.problems

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker is not self.importing or event.state not in (WorkerState.SUCCESS, WorkerState.CANCELLED):
            return
        self.importing = None
        self.query_one("#import-progress").display = False
        self.query_one("#import-run", Button).disabled = False
        result = event.worker.result
        if isinstance(result, ImportReport) and not result.cancelled:
            self.document.changed()
            self.dismiss(result)
        elif isinstance(result, list):
            self._show_problems(result)
        else:
            self.notify("Import cancelled; nothing was written", severity="warning")

    @on(Button.Pressed, "#import-cancel")
    def action_cancel(self) -> None:
        if self.importing is not None:
            self.importing.cancel()
            return
        self.dismiss(None)
