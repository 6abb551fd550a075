"""The review step's export: what is wrong first, then where to write, then the document.

The format (Word, PDF, intranet page, Markdown) follows the path's extension; choosing one in
the list changes the extension, and typing one changes the list. The access schedule, which
names employees, is written beside a .docx or .pdf only.

The problems come from `check_document`, the same list `policy-tui check` prints, which the
main screen runs once after every change and hands to this panel. They do not block the
export; they keep it a DRAFT, and the panel says so. The export runs in a thread worker on a
snapshot of the draft taken when it starts, so the app stays responsive for a large roster and
later edits do not leak into a half-built document. An existing file is only replaced after
the user says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, ProgressBar, Select, Static
from textual.worker import Worker, WorkerState

from exporters.formats import DESCRIPTIONS, FORMATS, WITH_SCHEDULE, Format, check_companions, format_named, format_of
from policy_model.checks import check_document
from policy_model.document import Document
from policy_model.plural import counted
from policy_model.policy_view import build_view
from policy_model.problems import Problem, ProblemsError, errors_in
from policy_model.user_input import visible
from tui.screens.yes_no import YesNoScreen


@dataclass(frozen=True)
class ExportResult:
    path: Path
    status: str
    reasons: tuple[str, ...]
    schedule: Path | None
    granted: int
    # What the export left out of the company template (its macros, a remote link).
    template_notes: tuple[str, ...] = ()


def default_target(document: Document) -> Path:
    """`policy.toml` -> `policy.docx`, beside the draft."""
    return document.path.with_suffix(".docx")


def schedule_target(target: Path) -> Path:
    """`policy.docx` -> `policy.access-schedule.docx`: the confidential list of who is granted,
    written with the policy, which names no one."""
    return target.with_name(target.stem + ".access-schedule.docx")


def problem_lines(problems: list[Problem]) -> str:
    if not problems:
        return "No problems found: the export can be final once every approver has approved."
    errors = len(errors_in(problems))
    marks = {"error": "✗", "warning": "!", "todo": "○"}
    lines = [f"{marks[p.severity]} {p}" for p in problems]
    if errors:
        lines.append(f"{errors} error{'s' * (errors != 1)}: the export is marked DRAFT until "
                     f"{'they are' if errors != 1 else 'it is'} fixed.")
    todo = sum(p.severity == "todo" for p in problems)
    if todo:
        lines.append(f"{counted(todo, 'thing')} still to do: the export is marked DRAFT until "
                     f"{'they are' if todo != 1 else 'it is'} done.")
    return "\n".join(lines)


class ExportPanel(VerticalScroll):
    """Problems, the output path, an optional company template, and the export with progress."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "export", "Export", id="export.run",
                tooltip="Write the document in the chosen format (asks before replacing a file)"),
    ]
    # Compact inputs and a panel that scrolls, so everything is reachable at 80x24 under the step's summary.
    DEFAULT_CSS = """
    ExportPanel { height: 1fr; }
    ExportPanel .export-title { text-style: bold; }
    ExportPanel #export-problems { margin-bottom: 1; }
    ExportPanel Input, ExportPanel Select { margin-bottom: 1; }
    ExportPanel #export-actions { height: auto; }
    ExportPanel #export-progress { margin-left: 2; }
    """

    def __init__(self, document: Document, *, id: str | None = "export-panel") -> None:
        super().__init__(id=id)
        self.document = document
        self._default = default_target(document)

    def compose(self) -> ComposeResult:
        yield Label("Problems (from check)", classes="export-title")
        yield Static(id="export-problems", markup=False)
        yield Label("Export to (relative to the draft's folder):", classes="export-title")
        yield Input(str(self._default), id="export-path", compact=True)
        yield Label("Format:")
        yield Select([(f"{DESCRIPTIONS[fmt]} (.{fmt})", fmt) for fmt in FORMATS], value="docx", allow_blank=False,
                     id="export-format", compact=True)
        yield Label("Company template .docx (letterhead, styles), optional:")
        yield Input(placeholder="empty: a plain document", id="export-template", compact=True)
        with Horizontal(id="export-actions"):
            yield Button("Export (ctrl+r)", id="export-run", variant="primary", compact=True)
            yield ProgressBar(total=1, show_eta=False, id="export-progress")
        yield Static(id="export-result", markup=False)

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False
        self.render_document()

    def render_document(self) -> None:
        """The default path follows a save-as unless changed by hand; the problems come from the
        screen's check after every change (`show_problems`)."""
        path_input = self.query_one("#export-path", Input)
        default = default_target(self.document).with_suffix(f".{self._format()}")
        if path_input.value == str(self._default):
            path_input.value = str(default)
        self._default = default

    def _format(self) -> Format:
        value = self.query_one("#export-format", Select).value
        return next((fmt for fmt in FORMATS if fmt == value), "docx")

    @on(Select.Changed, "#export-format")
    def _format_chosen(self) -> None:
        """The path's extension follows the format chosen."""
        path_input = self.query_one("#export-path", Input)
        fmt = self._format()
        text = path_input.value.strip()
        if text and format_named(Path(text)) != fmt:
            path = Path(text)
            new = str(path.with_suffix(f".{fmt}") if path.suffix else path.with_name(f"{path.name}.{fmt}"))
            if path_input.value == str(self._default):
                self._default = Path(new)
            path_input.value = new

    @on(Input.Changed, "#export-path")
    def _path_typed(self, event: Input.Changed) -> None:
        """The format follows an extension typed."""
        named = format_named(Path(event.value.strip()))
        if named is not None and named != self._format():
            self.query_one("#export-format", Select).value = named

    def show_problems(self, problems: list[Problem]) -> None:
        self.query_one("#export-problems", Static).update(problem_lines(problems))

    def _resolve(self, text: str) -> Path:
        path = Path(text.strip()).expanduser()
        return path if path.is_absolute() else self.document.path.parent / path

    def _show_result(self, text: str) -> None:
        result = self.query_one("#export-result", Static)
        result.update(text)
        self.call_after_refresh(result.scroll_visible)

    @on(Button.Pressed, "#export-run")
    @on(Input.Submitted, "#export-path, #export-template")
    def _export_requested(self) -> None:
        self.action_export()

    def action_export(self) -> None:
        text = self.query_one("#export-path", Input).value
        if not text.strip():
            self._show_result("Type where to write the document first.")
            return
        target = self._resolve(text)
        template_text = self.query_one("#export-template", Input).value.strip()
        template = self._resolve(template_text) if template_text else None
        if target.is_dir() or not target.parent.is_dir():
            self._show_result(f"{target}: " + ("is a folder; give a file name" if target.is_dir()
                                              else f"the folder {target.parent} does not exist"))
            return
        try:
            fmt = format_of(target, self._format())
            check_companions(fmt, None, template)
            if fmt == "pdf":
                from exporters.pdf import require_converter

                require_converter(target)
        except ProblemsError as error:
            self._show_result("Not exported:\n" + "\n".join(str(p) for p in error.problems))
            return
        schedule = schedule_target(target) if fmt in WITH_SCHEDULE else None
        if not target.exists() and not (schedule and schedule.exists()):
            self._start(target, fmt, template)
            return

        def answered(replace: bool | None) -> None:
            if replace:
                self._start(target, fmt, template)
            else:
                self._show_result(f"Not exported: {target} was kept as it is.")

        what = f"{target} or its access schedule already exists. Replace them?" if schedule else \
            f"{target} already exists. Replace it?"
        self.app.push_screen(YesNoScreen(what, "Replace", "Keep them" if schedule else "Keep it"), answered)

    def _start(self, target: Path, fmt: Format, template: Path | None) -> None:
        """Snapshot the draft on this thread, then check it, build and write the document in a
        worker (the check decides the whole roster)."""
        snapshot = self.document.at_revision()
        bar = self.query_one(ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True
        self.query_one("#export-run", Button).disabled = True
        self._show_result(f"Exporting to {target} ...")

        def work() -> ExportResult:
            from exporters.docx import export_schedule
            from exporters.docx.base import template_notes
            from exporters.formats import export

            view = build_view(snapshot, check_document(snapshot))
            notes = tuple(template_notes(template)) if template else ()
            export(view, fmt, target, template,
                   progress=lambda done, total: self.app.call_from_thread(bar.update, total=total, progress=done))
            schedule = schedule_target(target) if fmt in WITH_SCHEDULE else None
            if schedule:
                export_schedule(view, schedule, template)
            return ExportResult(target, view.status, view.draft_reasons, schedule, len(view.granted), notes)

        self.run_worker(work, name="export", group="export", thread=True, exclusive=True, exit_on_error=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "export" or event.state not in (WorkerState.SUCCESS, WorkerState.ERROR):
            return
        self.query_one(ProgressBar).display = False
        self.query_one("#export-run", Button).disabled = False
        if event.state == WorkerState.SUCCESS:
            result: ExportResult = event.worker.result  # type: ignore[assignment]
            why = f" ({'; '.join(result.reasons)})" if result.reasons else ""
            granted = counted(result.granted, "granted employee")
            self._show_result(f"Wrote {result.path}: {result.status}{why}\n" + (
                f"and the access schedule {result.schedule.name}: {granted}, confidential (the policy names no one)"
                if result.schedule else "It names no one; the access schedule goes only with a .docx or .pdf.")
                + "".join(f"\nFrom the template, {visible(note)}" for note in result.template_notes))
            return
        error = event.worker.error
        if isinstance(error, ProblemsError):
            self._show_result("Not exported:\n" + "\n".join(str(p) for p in error.problems))
        elif isinstance(error, OSError):
            self._show_result(f"Not exported: {error.filename or ''}: {error.strerror}")
        else:
            self._show_result(f"Not exported: unexpected error: {error!r}")
            self.app.log.error(error)
