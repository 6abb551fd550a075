"""Training: the sessions, completions by hand or from a CSV, and who is still to be trained.

Who is pending depends on step 1's rules over the whole roster, which takes a moment for a
bank's 200,000 people, so it is counted in a thread worker after each change; a completions
import is read and checked in a worker too, with a progress bar, and recorded on return.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable, ProgressBar, Static
from textual.worker import get_current_worker

from policy_model import training
from policy_model.document import Document
from policy_model.draft import TRAINING_FORMATS, TrainingSession
from policy_model.problems import Problem, ProblemsError
from policy_model.training import TrainingStatus
from policy_model.training_import import CompletionImport, apply_import, read_completions
from policy_model.user_input import optional_day, refuse
from tui.screens.form import FormField, FormScreen, Values
from tui.screens.path_prompt import PathPrompt
from tui.screens.table_view import TableScreen
from tui.widgets.draft_panel import DraftPanel, fill_table, selected

FORMAT_CHOICES = tuple((f, f) for f in TRAINING_FORMATS)


class TrainingPanel(DraftPanel):
    """Sessions as a table; add, edit, remove; record or import completions; list who is pending."""

    DEFAULT_CSS = """
    TrainingPanel #training-sessions { height: 1fr; min-height: 4; }
    TrainingPanel #training-progress { display: none; }
    TrainingPanel #training-progress.-busy { display: block; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add session", id="training.add", tooltip="Plan a training session"),
        Binding("e", "edit", "Edit", id="training.edit", tooltip="Change the selected session"),
        Binding("c", "complete", "Completed", id="training.complete",
                tooltip="Record by hand that someone completed a session"),
        Binding("i", "import", "Import", id="training.import",
                tooltip="Record completions from a CSV or Excel file of employee ids and dates"),
        Binding("p", "pending", "Pending", id="training.pending", tooltip="List granted people not yet trained"),
        Binding("l", "completions", "Who completed", id="training.completions",
                tooltip="List who completed the selected session; delete removes a wrong record"),
        Binding("delete", "remove", "Remove", id="training.remove",
                tooltip="Remove the selected session and the completions recorded for it"),
    ]

    class StatusCounted(Message):
        """The worker counted who is pending, for the draft as it was at `generation`."""

        def __init__(self, status: TrainingStatus, generation: int) -> None:
            super().__init__()
            self.status = status
            self.generation = generation

    class ImportChecked(Message):
        """A completions file was read and checked (`result`), or could not be used (`problems`)."""

        def __init__(self, file: str, result: CompletionImport | None, problems: list[Problem]) -> None:
            super().__init__()
            self.file = file
            self.result = result
            self.problems = problems

    def __init__(self, document: Document, *, id: str | None = None) -> None:
        super().__init__(document, id=id)
        self.status: TrainingStatus | None = None
        self._generation = 0

    def compose(self) -> ComposeResult:
        yield Static("", classes="panel-summary", markup=False, id="training-summary")
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="training-sessions")
        table.add_columns("Session", "Trained", "Date", "Format", "Who attends")
        yield table
        yield ProgressBar(id="training-progress", show_eta=False)
        yield Static("", markup=False, id="training-last-import")

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#training-sessions", DataTable)

    # --- showing the draft ----------------------------------------------------------------------

    def render_document(self) -> None:
        self.status = None
        self._generation += 1
        self._show_sessions()
        self._show_summary()
        self._count_status(self._generation)

    def _show_sessions(self) -> None:
        attendance = self.status.attendance if self.status else {}
        fill_table(self.table, [
            (s.title, _progress(*attendance[s.title]) if s.title in attendance else "…",
             s.date.isoformat() if s.date else "", s.format,
             "every granted employee" if not training.audience_groups(s.audience) else s.audience)
            for s in self.draft.training.sessions])

    def _show_summary(self) -> None:
        sessions = len(self.draft.training.sessions)
        text = f"{sessions} session{'s' * (sessions != 1)}" if sessions else "No session yet: press a to plan one"
        if not self.document.roster.employees:
            text += " · no roster yet, so nobody to train: import it in step 1"
        elif self.status is None:
            text += " · counting who is pending…"
        else:
            text += f" · {len(self.status.pending)} of {self.status.granted} granted not yet trained (p to list)"
        self.query_one("#training-summary", Static).update(text)

    @work(thread=True, exclusive=True, group="training-status", description="counting who is trained")
    def _count_status(self, generation: int) -> None:
        status = training.training_status(self.draft, self.document.roster.employees)
        self.post_message(self.StatusCounted(status, generation))

    @on(StatusCounted)
    def _status_counted(self, message: StatusCounted) -> None:
        if message.generation == self._generation:
            self.status = message.status
            self._show_sessions()
            self._show_summary()

    def _selected_session(self) -> TrainingSession | None:
        index = selected(self.table)
        return None if index is None else self.draft.training.sessions[index]

    # --- sessions ---------------------------------------------------------------------------------

    def _session_form(self, title: str, values: Values, apply: Callable[[Values], None]) -> None:
        fields = [FormField("title", "Title", values.get("title", ""),
                            placeholder="for example Policy launch briefing"),
                  FormField("date", "Date", values.get("date", ""), placeholder="YYYY-MM-DD, or blank"),
                  FormField("format", "Format", values.get("format", "online"), choices=FORMAT_CHOICES),
                  FormField("audience", "Who attends", values.get("audience", training.GRANTED),
                            placeholder="blank: every granted employee; or department:Sales, role:Banker")]
        self.app.push_screen(FormScreen(title, fields, apply))

    def action_add(self) -> None:
        def apply(values: Values) -> None:
            on = optional_day(values["date"], training.SESSION)
            self.apply(lambda draft: training.add_session(draft, values["title"], on, values["format"],
                                                          values["audience"]))
            self.table.move_cursor(row=len(self.draft.training.sessions) - 1)

        self._session_form("Plan a training session", {}, apply)

    def action_edit(self) -> None:
        session = self._selected_session()
        if session is None:
            return
        title = session.title

        def apply(values: Values) -> None:
            on = optional_day(values["date"], training.SESSION)
            self.apply(lambda draft: training.edit_session(draft, title, values["title"], on, values["format"],
                                                           values["audience"]))

        self._session_form(f"Session: {session.title}", {
            "title": session.title, "date": session.date.isoformat() if session.date else "",
            "format": session.format, "audience": session.audience}, apply)

    @on(DataTable.RowSelected, "#training-sessions")
    def _row_chosen(self) -> None:
        self.action_edit()

    def action_remove(self) -> None:
        session = self._selected_session()
        if session is None:
            return
        title = session.title
        done = training.completions_by_session(self.draft).get(title, 0)
        self.change_if_confirmed(f'Remove the session "{title}" and the {done} completion'
                                 f'{"s" * (done != 1)} recorded for it?',
                                 lambda draft: training.remove_session(draft, title))

    # --- completions ------------------------------------------------------------------------------

    def action_complete(self) -> None:
        sessions = self.draft.training.sessions
        if not sessions:
            self.notify("Plan a session first (a)", severity="warning")
            return
        fields = [FormField("employee", "Employee id", placeholder="for example E1002"),
                  FormField("session", "Session", (self._selected_session() or sessions[0]).title,
                            choices=tuple((s.title, s.title) for s in sessions)),
                  FormField("date", "Completed on", date.today().isoformat(), placeholder="YYYY-MM-DD")]

        def apply(values: Values) -> None:
            on = optional_day(values["date"], training.COMPLETION, "completed on")
            if on is None:
                raise refuse(training.COMPLETION, "say when it was completed")
            self.apply(lambda draft: training.record_completion(draft, self.document.roster.employees,
                                                                values["employee"], values["session"], on))

        self.app.push_screen(FormScreen("Record a completion", fields, apply))

    def action_import(self) -> None:
        if not self.draft.training.sessions:
            self.notify("Plan a session first (a)", severity="warning")
            return
        selected_session = self._selected_session()
        session = selected_session.title if selected_session and len(self.draft.training.sessions) > 1 else None

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.query_one("#training-progress", ProgressBar).add_class("-busy")
                self._read_import(path, session)

        hint = "CSV or Excel file of employee_id,date[,session]"
        if session:
            hint += f'; rows without a session count for "{session}"'
        self.app.push_screen(PathPrompt("Import training completions", hint), chosen)

    @work(thread=True, exclusive=True, group="training-import", description="reading the completions")
    def _read_import(self, path: Path, session: str | None) -> None:
        """Read and check the file off the UI thread; the result is recorded on return."""
        worker = get_current_worker()

        def progress(done: int, total: int) -> bool:
            self.app.call_from_thread(self._show_progress, done, total)
            return worker.is_cancelled

        try:
            result = read_completions(path, self.draft, self.document.roster.employees, session=session,
                                      progress=progress)
        except ProblemsError as error:
            self.post_message(self.ImportChecked(str(path), None, error.problems))
            return
        self.post_message(self.ImportChecked(str(path), result, result.problems))

    def _show_progress(self, done: int, total: int) -> None:
        self.query_one("#training-progress", ProgressBar).update(progress=done, total=total)

    @on(ImportChecked)
    def _import_checked(self, message: ImportChecked) -> None:
        self.query_one("#training-progress", ProgressBar).remove_class("-busy")
        if message.result and message.result.cancelled:
            self.notify(f"{Path(message.file).name}: import stopped; nothing was recorded", severity="warning")
            return
        result = message.result
        recorded = self.apply(lambda draft: apply_import(draft, result)) if result else 0
        bad = len(message.problems)
        summary = f"{Path(message.file).name}: {recorded} recorded, {bad} row{'s' * (bad != 1)} not used"
        if message.result and message.result.notes:
            summary += "; " + "; ".join(message.result.notes)
        self.query_one("#training-last-import", Static).update("Last import: " + summary)
        if not message.problems:
            self.notify(summary)
            return
        rows = [(str(p.line) if p.line else "", p.message) for p in message.problems]
        self.app.push_screen(TableScreen(summary, ("Row", "Problem"), rows))

    def action_pending(self) -> None:
        if self.status is None:
            self.notify("Still counting; try again in a moment")
            return
        people = self.status.pending
        rows = [(p.employee.id, p.employee.name, p.employee.department, p.reason) for p in people]
        self.app.push_screen(TableScreen(f"{len(rows)} granted not yet trained", ("Id", "Name", "Department", "Needs"),
                                         rows, "The full list: policy-tui training pending DRAFT"))

    def action_completions(self) -> None:
        session = self._selected_session()
        if session is None:
            return
        title = session.title
        names = {e.id: e.name for e in self.document.roster.employees}
        done = [c for c in self.draft.training.completions if c.session == title]
        rows = [(c.employee_id, names.get(c.employee_id, "(not in the roster)"), c.date.isoformat()) for c in done]

        def remove(index: int) -> None:
            employee_id = done.pop(index).employee_id
            self.change(lambda draft: training.remove_completion(draft, employee_id, title))

        self.app.push_screen(TableScreen(f"{len(rows)} completed {session.title}", ("Id", "Name", "Completed on"),
                                         rows, delete_row=remove))


def _progress(completed: int, required: int, width: int = 6) -> str:
    """"12/14 █████░": how many of a session's granted audience completed it, as a small bar."""
    filled = round(width * completed / required) if required else 0
    return f"{completed}/{required} " + "█" * filled + "░" * (width - filled)
