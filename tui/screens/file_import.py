"""The shape every file import dialog shares: choose a file, check how it reads, map its columns, import.

The roster import and the CRM client import read the same kinds of file (CSV in any encoding
or delimiter, XLSX with sheets) through the same readers and column mapping, so their dialogs
are one screen with different fields: a subclass names its fields and says how to preview and
how to import. The preview and the import run in thread workers, so a 200,000-row file never
freezes the interface; the import shows its progress and escape cancels it with nothing
written. The dialog returns the import's report to its caller, which re-renders the steps.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar, Generic, Protocol, TypeVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult, CSSPathType
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, ProgressBar, Select, Static
from textual.worker import Worker, WorkerState, get_current_worker

from policy_model.document import Document
from policy_model.problems import Problem, ProblemsError
from policy_model.roster import Mapping, Table
from tui.screens.enter import submits_on_enter

PREVIEW_ROWS = 5


class FilePreview(Protocol):
    """What a dialog shows of a file before importing it: how it reads, its first rows, the mapping."""

    table: Table
    rows: list[list[str]]
    mapping: Mapping


class ImportReport(Protocol):
    """What an import staged in the worker; installed into the document on the UI thread."""

    cancelled: bool

    def install(self, document: Document) -> bool: ...


P = TypeVar("P", bound=FilePreview)
R = TypeVar("R", bound=ImportReport)
# Called by an import now and then with (rows done, rows expected); returning True cancels.
ProgressCallback = Callable[[int, int], bool]


class FileImportDialog(ModalScreen[R | None], Generic[P, R]):
    """Returns the import's report, or None when the user closes the dialog without importing."""

    CSS_PATH: ClassVar[CSSPathType | None] = "../styles/roster_import.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="import.cancel",
                tooltip="Stop a running import (nothing is written), or close the dialog"),
        Binding("ctrl+r", "run_import", "Import", id="import.run",
                tooltip="Import the file with the columns as mapped"),
    ]

    TITLE: ClassVar[str]
    FIELDS: ClassVar[tuple[str, ...]]
    # Another class for the dialog's box, for a subclass's own styles.
    KIND: ClassVar[str]

    def __init__(self, document: Document, path: str = "") -> None:
        super().__init__()
        self.document = document
        self.initial_path = path
        self.preview: P | None = None
        # The mapping the preview was read with: what the user chose before it, if anything.
        self._given: dict[str, str] = {}
        self.importing: Worker[R | list[Problem]] | None = None

    # --- what a subclass says ------------------------------------------------------------

    def field_label(self, name: str) -> str:
        raise NotImplementedError

    def read_preview(self, path: Path, sheet: str | None, mapping: dict[str, str]) -> P:
        """Read the preview (in a worker thread); ProblemsError when the file cannot be used."""
        raise NotImplementedError

    def run_import(self, path: Path, mapping: dict[str, str], sheet: str | None,
                   progress: ProgressCallback) -> R:
        """Import the file (in a worker thread); ProblemsError when it cannot be imported."""
        raise NotImplementedError

    def compose_options(self) -> ComposeResult:
        """Widgets for the subclass's own choices, below the column mapping."""
        yield from ()

    def show_options(self, preview: P) -> None:
        """Fill the subclass's own choices from a preview just read."""

    def missing_fields(self) -> list[str]:
        """The required fields no column is chosen for yet, as the subclass requires them."""
        return []

    # --- the dialog ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes=f"dialog roster-import {self.KIND}"):
            yield Label(self.TITLE, classes="dialog-title")
            yield Input(self.initial_path, placeholder="path of a .csv or .xlsx file, then enter", id="import-path",
                        compact=True)
            yield Select[str]([], prompt="sheet", id="import-sheet", compact=True)
            yield Static("", id="import-format", markup=False)
            yield DataTable(id="import-preview", show_cursor=False, zebra_stripes=True)
            with Grid(id="import-mapping"):
                for name in self.FIELDS:
                    yield Label(self.field_label(name), classes="import-field")
                    yield Select[str]([], prompt="(not imported)", id=f"map-{name}", compact=True)
            yield from self.compose_options()
            yield ProgressBar(id="import-progress", show_eta=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Import", id="import-run", variant="primary", disabled=True, compact=True)
                yield Button("Cancel", id="import-cancel", compact=True)
            yield Label("enter: preview, or on a column: import · ctrl+r: import · esc: cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#import-sheet").display = False
        self.query_one("#import-progress").display = False
        self.query_one("#import-path", Input).focus()
        # A folder is where to start typing; a file is previewed at once.
        if self.initial_path and Path(self.initial_path).expanduser().is_file():
            self.load_preview(Path(self.initial_path).expanduser(), None)

    # --- preview -------------------------------------------------------------------------

    @on(Input.Submitted, "#import-path")
    def _path_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if text:
            self.load_preview(Path(text).expanduser(), None)

    @on(Select.Changed, "#import-sheet")
    def _sheet_changed(self, event: Select.Changed) -> None:
        if self.preview and isinstance(event.value, str) and event.value != self.preview.table.sheet:
            self.load_preview(self.path, event.value)

    @property
    def path(self) -> Path:
        return Path(self.query_one("#import-path", Input).value.strip()).expanduser()

    @work(thread=True, exclusive=True, group="preview", description="reading the file")
    def load_preview(self, path: Path, sheet: str | None, mapping: dict[str, str] | None = None) -> None:
        """Read the file's preview with `mapping` (field -> column, as the user chose) and show it."""
        try:
            preview = self.read_preview(path, sheet, mapping or {})
        except ProblemsError as error:
            self.app.call_from_thread(self.show_problems, error.problems)
            return
        self.app.call_from_thread(self._show_preview, preview, mapping or {})

    def show_problems(self, problems: list[Problem]) -> None:
        self.query_one("#import-format", Static).update("\n".join(str(p) for p in problems))
        self.query_one("#import-format").add_class("error")

    def _show_preview(self, preview: P, given: dict[str, str]) -> None:
        self.preview, self._given = preview, given
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
            for name in self.FIELDS:
                select = self.query_one(f"#map-{name}", Select)
                column = preview.mapping.column(name)
                joined = [(Text(column), column)] if column and column not in table.header else []
                select.set_options(joined + options)  # a name made of two columns is one choice
                select.value = column if column else Select.NULL
        self.show_options(preview)
        self.show_missing()
        self.query_one("#import-run", Button).disabled = False

    def show_missing(self) -> bool:
        """Say which required field has no column yet and put the keyboard on its choice, so a
        file whose headers matched nothing is mapped here rather than refused; True if any."""
        missing = self.missing_fields()
        if not missing:
            return False
        labels = " and ".join(self.field_label(name) for name in missing)
        status = self.query_one("#import-format", Static)
        status.update(f"No column was recognised for {labels}: choose it below, then import.")
        status.add_class("error")
        self.query_one(f"#map-{missing[0]}", Select).focus()
        return True

    # --- import --------------------------------------------------------------------------

    def chosen_column(self, name: str) -> str:
        """The column the user's select shows for a field ("" = not imported)."""
        value = self.query_one(f"#map-{name}", Select).value
        return value if isinstance(value, str) else ""

    def chosen_mapping(self) -> dict[str, str]:
        """Field -> column for every field the user chose, before the preview or since ("" = not imported)."""
        assert self.preview is not None
        chosen = dict(self._given)
        for name in self.FIELDS:
            column = self.chosen_column(name)
            if column != (self.preview.mapping.column(name) or ""):
                chosen[name] = column
        return chosen

    def on_key(self, event: events.Key) -> None:
        submits_on_enter(event, self.focused, self.action_run_import)

    @on(Button.Pressed, "#import-run")
    def _run_pressed(self) -> None:
        self.action_run_import()

    def action_run_import(self) -> None:
        if self.preview is None or self.importing is not None or self.show_missing():
            return
        sheet = self.preview.table.sheet
        self.query_one("#import-progress").display = True
        self.query_one("#import-run", Button).disabled = True
        self.importing = self._import(self.path, self.chosen_mapping(), sheet)

    @work(thread=True, exclusive=True, group="import", description="importing the file")
    def _import(self, path: Path, mapping: dict[str, str], sheet: str | None) -> R | list[Problem]:
        worker = get_current_worker()
        bar = self.query_one("#import-progress", ProgressBar)

        def progress(done: int, total: int) -> bool:
            self.app.call_from_thread(bar.update, total=total, progress=done)
            return worker.is_cancelled

        try:
            return self.run_import(path, mapping, sheet, progress)
        except ProblemsError as error:
            return error.problems

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker is not self.importing or event.state not in (WorkerState.SUCCESS, WorkerState.CANCELLED):
            return
        self.importing = None
        self.query_one("#import-progress").display = False
        self.query_one("#import-run", Button).disabled = False
        result = event.worker.result
        if isinstance(result, list):
            self.show_problems(result)
        elif result is not None and not result.cancelled:
            result.install(self.document)
            self.dismiss(result)
        else:
            self.notify("Import cancelled; nothing was written", severity="warning")

    @on(Button.Pressed, "#import-cancel")
    def action_cancel(self) -> None:
        if self.importing is not None:
            self.importing.cancel()
            return
        self.dismiss(None)
