"""Acknowledgments in step 4: how many still owe each form of the version in force, the list of
them, and an import from an e-signature or learning system export (read in a worker)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import ProgressBar, Static
from textual.worker import get_current_worker

from policy_model.ack_import import AckImport, apply_import, read_acknowledgments
from policy_model.acknowledgments import FORM_NAMES, AckStatus, ack_status, summary
from policy_model.document import Document
from policy_model.problems import Problem, ProblemsError
from policy_model.user_input import visible
from tui.screens.path_prompt import PathPrompt
from tui.screens.table_view import TableScreen
from tui.widgets.draft_panel import DraftPanel


class AckPanel(DraftPanel):
    """Counts of who owes which form; `p` lists them, `i` records an export. It takes the
    keyboard itself: it has no table to hold it."""

    can_focus = True
    DEFAULT_CSS = """
    AckPanel #ack-progress { display: none; }
    AckPanel #ack-progress.-busy { display: block; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("i", "import", "Import", id="ack.import",
                tooltip="Record acknowledgments from an e-signature or learning system export (CSV or Excel)"),
        Binding("p", "pending", "Who owes", id="ack.pending",
                tooltip="List who has not acknowledged the version in force"),
    ]

    class Counted(Message):
        """The worker counted who owes what, for the draft as it was at `generation`."""

        def __init__(self, status: AckStatus, generation: int) -> None:
            super().__init__()
            self.status, self.generation = status, generation

    class Checked(Message):
        """An export was read and checked (`result`), or could not be used (`problems`)."""

        def __init__(self, file: str, result: AckImport | None, problems: list[Problem]) -> None:
            super().__init__()
            self.file, self.result, self.problems = file, result, problems

    def __init__(self, document: Document, *, id: str | None = None) -> None:
        super().__init__(document, id=id)
        self.status: AckStatus | None = None
        self._generation = 0

    def compose(self) -> ComposeResult:
        yield Static("", classes="panel-summary", markup=False, id="ack-summary")
        yield ProgressBar(id="ack-progress", show_eta=False)
        yield Static("", markup=False, id="ack-last-import")

    def render_document(self) -> None:
        self.status = None
        self._generation += 1
        self._show_summary()
        if self.document.roster.employees:
            self._count(self.document.at_revision(), self._generation)

    def _show_summary(self) -> None:
        if not self.document.roster.employees:
            text = "No roster yet, so nobody owes an acknowledgment: import it in step 1"
        elif self.status is None:
            text = "Acknowledgments: counting who owes them…"
        else:
            text = f"Acknowledgments, {summary(self.status)} · p lists them, i imports an export"
        self.query_one("#ack-summary", Static).update(text)

    @work(thread=True, exclusive=True, group="ack-status", description="counting acknowledgments")
    def _count(self, document: Document, generation: int) -> None:
        """A bank's roster takes a good part of a second: counted off the UI thread, on the
        document as it was (`at_revision`), so a change meanwhile is not half seen."""
        status = ack_status(document.draft, document.roster.employees, document.decisions())
        self.post_message(self.Counted(status, generation))

    @on(Counted)
    def _counted(self, message: Counted) -> None:
        if message.generation == self._generation:
            self.status = message.status
            self._show_summary()

    def action_pending(self) -> None:
        status = self.status
        if status is None:
            self.notify("Still counting; try again in a moment")
            return
        rows = [(p.employee.id, visible(p.employee.name), visible(p.employee.department),
                 ", ".join(FORM_NAMES[form] for form in p.forms)) for p in status.pending]
        self.app.push_screen(TableScreen(summary(status), ("Id", "Name", "Department", "Owes"), rows,
                                         "The full list: policy-tui ack pending DRAFT"))

    def action_import(self) -> None:
        def chosen(path: Path | None) -> None:
            if path is not None:
                self.query_one("#ack-progress", ProgressBar).add_class("-busy")
                self._read(path)

        self.app.push_screen(PathPrompt("Import acknowledgments",
                                        "CSV or Excel: employee id, e-mail or name; date; version; form"), chosen)

    @work(thread=True, exclusive=True, group="ack-import", description="reading the acknowledgments")
    def _read(self, path: Path) -> None:
        """Read and check the file off the UI thread, with progress; the result is recorded on return."""
        worker = get_current_worker()

        def progress(done: int, total: int) -> bool:
            self.app.call_from_thread(self.query_one("#ack-progress", ProgressBar).update, progress=done, total=total)
            return worker.is_cancelled

        try:
            result = read_acknowledgments(path, self.draft, self.document.roster.employees, progress=progress)
        except ProblemsError as error:
            self.post_message(self.Checked(str(path), None, error.problems))
            return
        self.post_message(self.Checked(str(path), result, result.problems))

    @on(Checked)
    def _checked(self, message: Checked) -> None:
        self.query_one("#ack-progress", ProgressBar).remove_class("-busy")
        result = message.result
        recorded = self.apply(lambda draft: apply_import(draft, result)) if result and result.entries else 0
        bad = len(message.problems)
        text = f"{Path(message.file).name}: {recorded} recorded, {bad} row{'s' * (bad != 1)} not used"
        self.query_one("#ack-last-import", Static).update("Last import: " + text)
        if not message.problems:
            self.notify(text)
            return
        rows = [(str(p.line) if p.line else "", p.message) for p in message.problems]
        self.app.push_screen(TableScreen(text, ("Row", "Problem"), rows))
