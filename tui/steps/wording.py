"""Step 3: put the policy in writing, train people, and say what happens on a bad habit.

The "Clauses" tab is the clause list and the editor of the selected clause; the "Preview"
tab is the whole policy as it will read, filled in; the lint panel stays in view under
both. Further tabs (training, discipline, approvals) go into the same tabs, after
"Clauses": a panel there changes the draft through `Document.apply` and posts `Step.Changed`,
and this step re-renders lint with the rest.

Every edit goes straight into the draft (so a save never misses a keystroke), the keystrokes
of one pause-free run into one field making one undo point; re-rendering the preview and
re-running lint wait until typing pauses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.timer import Timer
from textual.widgets import Input, Markdown, TabbedContent, TabPane, TextArea

from policy_model import clauses
from policy_model.accepted import accept_warning
from policy_model.clauses import VARIABLES, Audience, audience, policy_markdown, render_policy, variable_values
from policy_model.document import Document
from policy_model.draft import Draft
from policy_model.eligibility import Decision
from policy_model.lint import Finding, lint_findings
from policy_model.user_input import visible
from tui.screens.table_view import TableScreen
from tui.screens.text_prompt import TextPrompt
from tui.screens.yes_no import YesNoScreen
from tui.steps.base import Step
from tui.widgets.clause_editor import ClauseEditor
from tui.widgets.clause_list import ClauseList, clause_tooltip
from tui.widgets.discipline_panel import DisciplinePanel
from tui.widgets.draft_panel import DraftPanel
from tui.widgets.lazy import Lazy
from tui.widgets.lint_panel import LintPanel
from tui.widgets.training_panel import TrainingPanel

# Seconds of quiet after a keystroke before the preview and lint catch up.
SETTLE = 0.3

def heading_anchor(heading: str) -> str:
    """The anchor Markdown gives a heading: lower case, punctuation dropped, spaces as dashes."""
    return re.sub(r"\s", "-", re.sub(r"[^\w\s-]", "", heading.strip().lower()))


# Keys that act on the highlighted clause: only while the clause list has the focus.
LIST_ACTIONS = frozenset({"toggle_clause", "move", "add", "reset", "remove", "edit", "preview"})


class WordingStep(Step):
    KEY = "3"
    FOCUS = "#clause-list"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_clause", "On/off", id="wording.toggle",
                tooltip="Switch the selected clause on or off in the policy"),
        Binding("shift+up", "move(-1)", "Up", id="wording.up", show=False, tooltip="Move the selected clause up"),
        Binding("shift+down", "move(1)", "Down", id="wording.down", show=False,
                tooltip="Move the selected clause down"),
        Binding("w", "switch_tier", "Who", id="wording.tier",
                tooltip="Switch whom the selected clause binds: every employee, or employees granted access"),
        Binding("e", "edit", "Edit", id="wording.edit", tooltip="Edit the selected clause (or press enter)"),
        Binding("a", "add", "Add", id="wording.add", tooltip="Add your own clause after the selected one"),
        Binding("r", "reset", "Reset", id="wording.reset",
                tooltip="Put the selected library clause back to the library's words"),
        Binding("delete", "remove", "Delete", id="wording.remove", tooltip="Delete a clause you added"),
        Binding("p", "preview", "Preview", id="wording.preview", tooltip="Read the whole policy, filled in"),
        Binding("escape", "back", "Clauses", id="wording.back", tooltip="Back to the clause list"),
        Binding("f2", "variables", "Variables", id="wording.variables",
                tooltip="The {variables} a clause may use, and what each says now"),
    ]

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self._settle: Timer | None = None
        self._preview_headings: dict[int, str] = {}
        # The audience and the decisions it was counted from (kept while the rules and the
        # roster stay as they are, see `Derived.following`).
        self._audience: tuple[Sequence[Decision], Audience] | None = None
        self._typed = 0  # counts pauses in typing: each run of keystrokes is one undo point
        self.findings: list[Finding] = []

    def compose_body(self) -> ComposeResult:
        with TabbedContent(id="wording-tabs"):
            with TabPane("Clauses", id="tab-clauses"), Horizontal(id="clauses-pane"):
                yield ClauseList(id="clause-list")
                yield ClauseEditor(id="clause-editor")
            with TabPane("Preview", id="tab-preview"), VerticalScroll(id="preview-scroll"):
                yield Markdown(id="policy-preview")
            with TabPane("Training", id="tab-training"):
                yield Lazy(TrainingPanel(self.document))
            with TabPane("Discipline", id="tab-discipline"):
                yield Lazy(DisciplinePanel(self.document))
        # Lint stays in view whichever tab is open.
        yield LintPanel(id="lint-panel")

    # --- rendering from the model -------------------------------------------------------------

    @property
    def draft(self) -> Draft:
        return self.document.draft

    @property
    def selected(self) -> int | None:
        return self.query_one(ClauseList).highlighted

    def people(self) -> Audience:
        """The granted employees, counted again only when the decisions changed."""
        decisions = self.document.decisions()
        if self._audience is None or self._audience[0] is not decisions:
            self._audience = (decisions, audience(self.draft, self.document.roster.employees, decisions))
        return self._audience[1]

    def render_document(self) -> None:
        # Where the policy applies decides which addenda are in it: counted with the audience,
        # once per revision.
        self.query_one(ClauseList).show(self.draft, self.people().places)
        self._load_editor()
        self._render_outputs()
        for panel in self.query(DraftPanel):
            panel.refresh_document()

    def _load_editor(self) -> None:
        index = self.selected
        self.query_one(ClauseEditor).load(self.draft.clauses[index] if index is not None else None, index)

    def _render_outputs(self) -> None:
        """The preview and lint, from the draft as it is now."""
        self.findings = lint_findings(self.draft, self.people(), str(self.document.path), places=self.people().places)
        self.query_one(LintPanel).show(self.findings, frozenset(a.id for a in self.draft.accepted))
        self._render_preview()

    def _render_preview(self) -> AwaitComplete | None:
        """Fill in the policy, when the preview is in view.

        Laying out the whole policy as Markdown takes a noticeable moment, so a hidden preview
        waits until its tab is opened; while it is open it follows every change.
        """
        if self.query_one(TabbedContent).active != "tab-preview":
            return None
        rendered = render_policy(self.draft, self.document.roster.employees, self.people())
        self._preview_headings = {r.index: f"{n}. {r.title}" for n, r in enumerate(rendered, start=1)}
        return self.query_one("#policy-preview", Markdown).update(policy_markdown(self.draft, rendered))

    @on(TabbedContent.TabActivated, "#wording-tabs")
    async def _tab_opened(self) -> None:
        """Opening the preview shows the policy as it is now, at the clause being worked on."""
        laid_out = self._render_preview()
        if laid_out is None:
            return
        await laid_out
        heading = self._preview_headings.get(self.selected) if self.selected is not None else None
        if heading:
            # After the next refresh: the preview was hidden until now, and only a laid-out
            # heading can be scrolled to.
            self.call_after_refresh(self.query_one("#policy-preview", Markdown).goto_anchor, heading_anchor(heading))

    # --- editing --------------------------------------------------------------------------------

    @on(ClauseList.OptionHighlighted, "#clause-list")
    def _clause_highlighted(self) -> None:
        self._load_editor()
        index = self.selected
        if index is not None:
            clause = self.draft.clauses[index]
            self.query_one(ClauseList).tooltip = clause_tooltip(clause, self.draft, self.people().places)

    @on(ClauseList.OptionSelected, "#clause-list")
    def _clause_chosen(self) -> None:
        self.action_edit()

    @on(TextArea.Changed, "#clause-text")
    def _text_edited(self, event: TextArea.Changed) -> None:
        index = self.query_one(ClauseEditor).index
        if index is None or event.text_area.text == self.draft.clauses[index].text:
            return
        text = event.text_area.text
        self._type(lambda draft: clauses.rewrite(draft, index, text), f"clauses[{index}].text")

    @on(Input.Changed, "#clause-title")
    def _title_edited(self, event: Input.Changed) -> None:
        index = self.query_one(ClauseEditor).index
        if index is None or event.value == self.draft.clauses[index].title:
            return
        title = event.value
        self._type(lambda draft: clauses.retitle(draft, index, title), f"clauses[{index}].title")

    @on(Input.Submitted, "#clause-title")
    def _title_done(self) -> None:
        self.query_one(ClauseEditor).text_area.focus()

    def _type(self, operation: Callable[[Draft], object], field: str) -> None:
        """A keystroke's change, joined to the others of this run into the same field; the
        screen catches up once typing pauses."""
        self.document.apply(operation, typing=f"{field} #{self._typed}")
        self._soon()

    def _soon(self) -> None:
        """Catch up once typing pauses: restart the quiet period on every keystroke."""
        if self._settle is not None:
            self._settle.stop()
        self._settle = self.set_timer(SETTLE, self._settled)

    def _settled(self) -> None:
        self._settle = None
        self._typed += 1
        self.draft_changed()

    def _flush(self) -> None:
        """Catch up now (leaving the editor): nothing typed waits on a timer."""
        if self._settle is not None:
            self._settle.stop()
            self._settled()

    @on(LintPanel.AcceptAsked)
    def _accept_asked(self, event: LintPanel.AcceptAsked) -> None:
        """Ask why, then record the warning as accepted (FINAL needs each one fixed or accepted)."""
        problem = event.finding.problem

        def answered(reason: str | None) -> None:
            if reason:
                self.apply(lambda draft: accept_warning(draft, [problem], problem.id, reason))
                self.notify(f"Warning {problem.id} accepted; the reason goes into legal's note", markup=False)

        self.app.push_screen(TextPrompt("Why is this warning accepted?", "the reason, for legal's note"), answered)

    @on(LintPanel.Picked)
    def _lint_picked(self, event: LintPanel.Picked) -> None:
        finding = event.finding
        if finding.clause is None:
            return
        self._flush()
        self.query_one(TabbedContent).active = "tab-clauses"
        self.query_one(ClauseList).highlighted = finding.clause
        self._load_editor()
        editor = self.query_one(ClauseEditor)
        if finding.start is not None and finding.end is not None and finding.problem.field.endswith(".text"):
            editor.select_range(finding.start, finding.end)
        else:
            self.query_one(ClauseList).focus()

    # --- keys -----------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        focused = self.app.focused
        in_list = isinstance(focused, ClauseList)
        if action in LIST_ACTIONS:
            if not in_list:
                return False
            index = self.selected
            clause = self.draft.clauses[index] if index is not None else None
            if action == "reset":
                return clause is not None and clauses.library_clause(clause) is not None and clause.customised
            if action == "remove":
                return clause is not None and clauses.library_clause(clause) is None
            return action == "add" or clause is not None
        if action == "back":
            return focused is not None and not in_list and self in focused.ancestors
        return True

    def _after(self, index: int | None) -> None:
        """Highlight the clause a change moved or added: the list shows the change now, the
        rest of the step when the screen re-renders it."""
        if index is not None:
            self.query_one(ClauseList).show(self.draft, self.people().places)
            self.query_one(ClauseList).highlighted = index

    def action_toggle_clause(self) -> None:
        if (index := self.selected) is not None:
            self.apply(lambda draft: clauses.toggle(draft, index))

    def action_switch_tier(self) -> None:
        if (index := self.selected) is not None:
            now = self.apply(lambda draft: clauses.switch_tier(draft, index))
            title = visible(self.draft.clauses[index].title or "The clause")
            self.notify(f"{title} now applies to {clauses.TIER_WORDS[now]}", markup=False)

    def action_move(self, delta: int) -> None:
        if (index := self.selected) is not None:
            self._after(self.apply(lambda draft: clauses.move(draft, index, delta)))

    def action_add(self) -> None:
        after = self.selected
        index = self.apply(lambda draft: clauses.add(draft, "New clause", after=after))
        self._after(index)
        self._load_editor()
        title = self.query_one(ClauseEditor).title_input
        title.focus()
        title.select_all()

    def action_reset(self) -> None:
        if (index := self.selected) is not None:
            self.apply(lambda draft: clauses.reset(draft, index))
            self.notify(f'"{self.draft.clauses[index].title}" is back to the library\'s words')

    def action_remove(self) -> None:
        index = self.selected
        if index is None:
            return
        title = self.draft.clauses[index].title

        def answered(yes: bool | None) -> None:
            if yes:
                self.apply(lambda draft: clauses.remove(draft, index))
                self._after(min(index, len(self.draft.clauses) - 1) if self.draft.clauses else None)

        self.app.push_screen(YesNoScreen(f'Delete your clause "{title}"? Its words will be lost.', "Delete"),
                             answered)

    def action_edit(self) -> None:
        if self.selected is not None:
            self.query_one(ClauseEditor).text_area.focus()

    def action_preview(self) -> None:
        self.query_one(TabbedContent).active = "tab-preview"
        self.query_one("#preview-scroll").focus()

    def action_variables(self) -> None:
        values = variable_values(self.draft, self.people())
        rows = [(f"{{{name}}}", values[name] or f"(not set: {v.fix})", v.meaning) for name, v in VARIABLES.items()]
        self.app.push_screen(TableScreen("Variables a clause can use", ("Variable", "Now", "Means"), rows,
                                         note="Write {{ or }} for a literal brace. Values come from the draft "
                                              "and the roster, and are filled in the preview and the export."))

    def action_back(self) -> None:
        self._flush()
        self.query_one(TabbedContent).active = "tab-clauses"
        self.query_one(ClauseList).focus()
