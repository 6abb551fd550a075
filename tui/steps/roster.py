"""Step 1: who needs social or mobile access to customers, decided by rules and by hand.

The step shows the roster through a `RosterIndex` (everyone decided once, searchable in a few
milliseconds) in a table that draws only the rows on screen, so a 200,000-person bank scrolls
and filters as freely as a 20-person agency. Every change goes through a model operation; the
step then re-renders from the draft, re-deciding only what the change can have touched.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, TypeVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Static, TabbedContent, TabPane
from textual.worker import Worker, WorkerState

from policy_model.document import Derived, Document
from policy_model.draft import STATUSES, Draft, Override, Status
from policy_model.eligibility import (
    Decision,
    clear_override,
    overrides_by_id,
    set_override,
)
from policy_model.law import places_line
from policy_model.roster_index import RosterIndex, parse_query
from policy_model.rule_edit import override_many
from policy_model.training import needs_training
from tui.background import BACKGROUND_FROM
from tui.steps.base import Step
from tui.widgets.access_chart import STYLES, AccessChart
from tui.widgets.lazy import Lazy
from tui.widgets.line_table import LineTable
from tui.widgets.roles_panel import RolesPanel
from tui.widgets.roster_table import RosterTable
from tui.widgets.rules_panel import RulesPanel

if TYPE_CHECKING:
    from policy_model.roster.report import Rejection
    from tui.screens.import_report import ShownReport
    from tui.screens.override import OverrideAnswer

PEOPLE, ROLES, CHART, RULES = "roster-people", "roster-roles", "roster-chart", "roster-rules"
T = TypeVar("T")


def same_basis(one: Derived | None, other: Derived | None) -> bool:
    """Whether an index decided for one revision holds for the other: the same roster (an
    import makes a new one) and equal rules (overrides are brought up to date in place)."""
    return (one is not None and other is not None and one.roster is other.roster
            and one.draft.eligibility.rules == other.draft.eligibility.rules)


class RosterStep(Step):
    KEY = "1"
    FOCUS = "#roster-table"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("i", "import_roster", "Import", id="roster.import",
                tooltip="Import the employee roster from a CSV or XLSX export (next month's file too)"),
        Binding("slash", "focus_filter", "Filter", id="roster.filter",
                tooltip="Narrow the roster by name, id, role, department or status:granted/review/denied"),
        Binding("o", "override", "Override", id="roster.override",
                tooltip="Decide the selected person's status by hand, with a reason"),
        Binding("x", "clear_override", "Undo override", id="roster.clear-override",
                tooltip="Hand the selected person back to the rules"),
        Binding("O", "override_shown", "Override all", id="roster.override-shown",
                tooltip="Override everyone the filter shows, each with the same status and reason"),
        Binding("p", "show_tab('roster-people')", "People", show=False, id="roster.people",
                tooltip="The roster table with each person's status and reason"),
        Binding("v", "show_tab('roster-roles')", "Roles", show=False, id="roster.roles",
                tooltip="Each role with its head count by status, most to review first: decide a role at once"),
        Binding("c", "show_tab('roster-chart')", "Chart", show=False, id="roster.chart",
                tooltip="Granted, review and denied by department, as bars"),
        Binding("r", "show_tab('roster-rules')", "Rules", show=False, id="roster.rules",
                tooltip="The rules that decide who needs access, in the order they are tried"),
        Binding("l", "import_clients", "Client load", id="roster.clients",
                tooltip="Count each person's accounts in a CRM export; touch from the accounts' tiers"),
        Binding("R", "show_report", "Import report", show=False, id="roster.report",
                tooltip="The last import's report again: its totals and every rejected row"),
    ]

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self.index: RosterIndex | None = None
        # The revision the index was built from, and the overrides it reflects: comparing these
        # with the document tells what a change touched.
        self._built: Derived | None = None
        self._overrides: dict[str, Override] = {}
        self._worker: Worker[RosterIndex] | None = None
        self._pending: Derived | None = None
        self._refocus: LineTable | None = None  # the table to give the keyboard back to
        self._problem = ""  # why the filter text matches no one, when it is not understood
        self._counts: dict[Status, int] = {}
        self._rule_counts: dict[str, int] = {}  # what the rules tab shows beside each rule
        # What the footer's person actions depend on: refreshing bindings redraws the footer,
        # too slow to do on every keystroke of a filter over a large roster.
        self._actionable: tuple[bool, bool] | None = None
        self._places = ""  # where people work, with counts, from the roster's location column
        # The last import's report, kept for the session: the draft records an import, not its report.
        self.last_report: ShownReport | None = None

    def compose_body(self) -> ComposeResult:
        yield Static(id="roster-summary", markup=False)
        # The tabs not shown first are built just after the first screen is up (`Lazy`): their
        # panels read the step's index and counts when they mount.
        with TabbedContent(id="roster-tabs"):
            with TabPane("People", id=PEOPLE):
                with Horizontal(id="roster-filter-row"):
                    yield Input(placeholder="filter: name, id, role, department, status:granted",
                                id="roster-filter", compact=True)
                    yield Static(id="roster-matches", markup=False)
                yield RosterTable(id="roster-table")
                yield Static(id="roster-detail", markup=False)
            with TabPane("Roles", id=ROLES):
                yield Lazy(RolesPanel(self.document, lambda: self.index, id="roles-panel"))
            with TabPane("Chart", id=CHART), VerticalScroll(id="chart-scroll"):
                yield AccessChart(id="access-chart")
            with TabPane("Rules", id=RULES):
                yield Lazy(RulesPanel(self.document, lambda: self._rule_counts, id="rules-panel"))

    # --- Rendering from the document ---

    def render_document(self) -> None:
        derived, draft = self.document.derived, self.document.draft
        if not derived.roster.employees:
            self.index, self._built = None, None
            self._show_people()
            self._show_rules()
            return
        overrides = overrides_by_id(draft)
        if not same_basis(derived, self._built):
            self._rebuild(derived)
        elif overrides != self._overrides and self.index is not None:
            changed = [k for k in overrides.keys() | self._overrides.keys()
                       if overrides.get(k) != self._overrides.get(k)]
            self.index.refresh(draft, changed)
            self._overrides = overrides
            self._show_people()
        else:
            self._show_detail(self._selected())  # what is shown of the selected person may have changed
        self._show_rules()  # with each rule's count, once the index has them

    def _rebuild(self, derived: Derived) -> None:
        """Decide everyone again for this revision: at once for a small roster, else in a
        worker given the revision (its draft never changes: a change makes a new one)."""
        employees, rules = derived.roster.employees, derived.draft.eligibility.rules
        overrides = overrides_by_id(derived.draft)
        if len(employees) < BACKGROUND_FROM:
            self._install(RosterIndex.build(employees, rules, overrides), derived)
            return
        if same_basis(derived, self._pending):
            return  # already being decided
        self._pending = derived
        for table in self.query(LineTable):
            # A loading widget gives up the keyboard; remember to hand it back when it is done.
            self._refocus = self._refocus or (table if table.has_focus else None)
            table.loading = True
        self._worker = self.run_worker(lambda: RosterIndex.build(employees, rules, overrides), thread=True,
                                       exclusive=True, group="roster-index", name="deciding who needs access")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker is not self._worker or self._pending is None:
            return
        if event.state == WorkerState.SUCCESS:
            derived, self._pending = self._pending, None
            self._install(event.worker.result, derived)  # type: ignore[arg-type]
            self.refresh_document()  # catch up with changes made while it was being decided
        elif event.state in (WorkerState.ERROR, WorkerState.CANCELLED):
            self._pending = None
            for table in self.query(LineTable):
                table.loading = False

    def focus_default(self) -> None:
        """The shown tab's table takes the keyboard, now or as soon as it has finished deciding."""
        pane = self.query_one(TabbedContent).active_pane
        tables = pane.query(LineTable) if pane is not None else None
        if tables and tables.first().loading:
            self._refocus = tables.first()
        else:
            super().focus_default()

    def _install(self, index: RosterIndex, derived: Derived) -> None:
        self.index, self._built, self._overrides = index, derived, overrides_by_id(derived.draft)
        self._places = places_line(derived.roster.employees)
        for table in self.query(LineTable):
            table.loading = False
        if self._refocus is not None:
            self._refocus.focus()
            self._refocus = None
        self._show_people()

    def _show_people(self) -> None:
        """Counts, chart and the filtered table, after the index or its decisions changed."""
        index = self.index
        self._counts = dict(index.counts_by_status()) if index else {}
        self.query_one(AccessChart).show(index.counts_by_department() if index else [])
        for panel in self.query(RolesPanel):
            panel.recount()
        self._apply_filter()

    def _apply_filter(self) -> None:
        text = self.query_one("#roster-filter", Input).value
        rows = self.index.filter(text) if self.index else []
        self._problem = parse_query(text).problem
        self.query_one("#roster-matches", Static).update(
            f"{len(rows):,} of {len(self.index):,}" if self.index else "", layout=False)
        self.query_one(RosterTable).show(self.index, rows)
        self._show_summary()

    def _show_summary(self) -> None:
        summary = Text(no_wrap=True, overflow="ellipsis")
        ref, roster, index = self.document.draft.roster, self.document.roster, self.index
        if index is None:
            if self._pending is not None:
                summary.append(f"Deciding who needs access for {len(roster.employees):,} people…")
            elif ref.snapshot:
                summary.append("The roster snapshot could not be read: re-import the roster.", style="bold red")
            else:
                summary.append("No roster yet: import one to decide who needs access.")
        else:
            for status in STATUSES:
                summary.append(f"{status} {self._counts[status]:,}  ", style=STYLES[status])
            if self._places:
                summary.append(f"works in {self._places}", style="dim")
        self.query_one("#roster-summary", Static).update(summary, layout=False)

    def _show_rules(self) -> None:
        index = self.index
        self._rule_counts = index.counts_by_rule() if index is not None and self._pending is None else {}
        for panel in self.query(RulesPanel):
            panel.refresh_document()

    @on(RosterTable.Highlighted)
    def _highlighted(self, event: RosterTable.Highlighted) -> None:
        self._show_detail(event.position)

    def _show_detail(self, position: int | None) -> None:
        """The selected person in full: status, the rule or override and why, training."""
        detail = Text()
        if self.index is not None and position is not None:
            person = self.index.employees[position]
            decision = self.index.decisions[position]
            detail.append(f"{person.id}  {person.name}  ·  {person.department or 'no department'}\n")
            detail.append(decision.status, style=STYLES[decision.status])
            detail.append(" — " if decision.overridden else f" — rule {decision.rule_id}: ")
            detail.append(decision.reason)
            # Granted and still to be trained (step 3's sessions): worked out for this person only.
            draft = self.document.draft
            if decision.status == "granted" and draft.training.sessions and needs_training(draft, person):
                detail.append("  · training pending", style="bold")
        elif self._problem:
            detail.append(self._problem, style="bold red")
        elif self.index is not None:
            detail.append("No one matches the filter.")
        self.query_one("#roster-detail", Static).update(detail, layout=False)
        selected = self._selected_decision()
        actionable = (selected is not None, selected is not None and selected.overridden)
        if actionable != self._actionable:
            self._actionable = actionable
            self.refresh_bindings()

    @on(Input.Changed, "#roster-filter")
    def _filter_changed(self) -> None:
        self._apply_filter()

    @on(Input.Submitted, "#roster-filter")
    def _filter_done(self) -> None:
        self.query_one(RosterTable).focus()

    def on_key(self, event: events.Key) -> None:
        """Down from the filter goes to the table below it, as it would in a list; the filter
        keeps every character it is typed ("/" included: "Sales/Trading" is a department)."""
        if event.key == "down" and self.query_one("#roster-filter", Input).has_focus:
            event.stop()
            self.query_one(RosterTable).focus()

    @on(TabbedContent.TabActivated)
    def _tab_changed(self) -> None:
        self.refresh_bindings()

    # --- Actions ---

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Person actions belong to the people tab (role and rule actions to their tabs' own
        panels); an action that cannot apply right now is shown dimmed."""
        tab = self.query_one(TabbedContent).active if self.is_mounted else PEOPLE
        if action in ("override", "clear_override", "override_shown"):
            if tab != PEOPLE:
                return False
            decision = self._selected_decision()
            if decision is None or (action == "clear_override" and not decision.overridden):
                return None
        return True

    def _selected(self) -> int | None:
        return self.query_one(RosterTable).highlighted if self.index is not None else None

    def _selected_decision(self) -> Decision | None:
        position = self._selected()
        return None if position is None or self.index is None else self.index.decisions[position]

    def action_focus_filter(self) -> None:
        self.query_one(TabbedContent).active = PEOPLE
        self.query_one("#roster-filter", Input).focus()

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        focus = {PEOPLE: "#roster-table", ROLES: "#role-table", CHART: "#chart-scroll", RULES: "#rule-list"}[tab]
        found = self.query(focus)
        if found:
            found.first().focus()
        else:
            # A tab built lazily is mounted after the first screen's refresh; a callback queued
            # now runs after that mount has finished.
            self.call_after_refresh(lambda: self.query_one(focus).focus())

    def action_import_roster(self) -> None:
        """Pick a file, check the preview and mapping, import; the report says what happened."""
        # Dialogs, and the importer with its readers, are loaded when first needed.
        from policy_model.roster.report import ImportReport, report_lines
        from tui.screens.roster_import import RosterImportDialog

        def imported(report: ImportReport | None) -> None:
            if report is None:
                return
            self.render_document()
            self.draft_changed()
            self._show_report("Roster imported", report.source, report_lines(report), report.rejected)

        folder = f"{self.document.path.parent}/"
        self.app.push_screen(RosterImportDialog(self.document, folder), imported)

    def action_override(self) -> None:
        from tui.screens.override import OverrideDialog

        position = self._selected()
        if position is None or self.index is None:
            return
        person, decision = self.index.employees[position], self.index.decisions[position]

        def answered(answer: OverrideAnswer | None) -> None:
            if answer is None:
                return
            self._change(lambda draft: set_override(draft, person.id, answer.status, answer.reason),
                         f"{person.name or person.id} is now {answer.status}, by override")

        name = f"{person.name} ({person.id})" if person.name else person.id
        self.app.push_screen(OverrideDialog(name, f"{decision.status} — {decision.reason}", decision.status),
                             answered)

    def action_clear_override(self) -> None:
        position = self._selected()
        if position is None or self.index is None:
            return
        person = self.index.employees[position]
        if self._change(lambda draft: clear_override(draft, person.id), "") is None:
            self.notify(f"{person.name or person.id} has no override", severity="warning")
            return
        self.render_document()  # the index now holds the rules' decision for this person
        decision = self.index.decisions[position]
        self.notify(f"{person.name or person.id} is back to the rules: {decision.status} ({decision.rule_id})")

    def action_override_shown(self) -> None:
        """Override everyone the filter shows (everyone, with no filter), asking with their number."""
        from tui.screens.override import ask_override_many

        index, rows, selected = self.index, self.query_one(RosterTable).rows, self._selected_decision()
        if index is None or not rows or selected is None:
            return
        ids = [index.employees[n].id for n in rows]
        people = f"{len(ids):,} {'person' if len(ids) == 1 else 'people'}"
        filtered = self.query_one("#roster-filter", Input).value.strip()
        whom = f"{people} shown by the filter" if filtered else f"all {people}"
        shown = Counter(index.statuses[n] for n in rows)
        counts = ", ".join(f"{shown[status]:,} {status}" for status in STATUSES if shown[status])

        def override(answer: OverrideAnswer) -> None:
            try:
                self._change(lambda draft: override_many(draft, ids, answer.status, answer.reason), "")
            except ValueError as error:
                self.notify(str(error), title="Not changed", severity="error", markup=False)
                return
            self.notify(f"{people} overridden as {answer.status}", markup=False)

        ask_override_many(self.app, whom, counts, selected.status, override)

    def _change(self, operation: Callable[[Draft], T], message: str) -> T:
        """Change the draft (every step re-renders from it), and say what happened."""
        result = self.apply(operation)
        if message:
            self.notify(message)
        return result

    def _show_report(self, title: str, source: str, lines: list[str], rejected: list[Rejection]) -> None:
        """An import's report on a screen of its own until closed, kept to be shown again (R)."""
        from tui.screens.import_report import ShownReport

        self.last_report = ShownReport(title, source, lines, rejected)
        self.action_show_report()

    def action_show_report(self) -> None:
        from tui.screens.import_report import ImportReportScreen

        if self.last_report is None:
            self.notify("No import yet in this session: import a roster (i) or a client load (l)", severity="warning")
            return
        self.app.push_screen(ImportReportScreen(self.last_report))

    def action_import_clients(self) -> None:
        """Read each person's client count and touch from a CRM account export; the report says what changed."""
        from policy_model.roster import ClientsReport, clients_report_lines
        from tui.screens.clients_import import ClientsImportDialog

        if not self.document.draft.roster.snapshot:
            self.notify("Import the roster first (i): the client counts go onto its people", severity="warning")
            return

        def imported(report: ClientsReport | None) -> None:
            if report is not None:
                self.render_document()
                self.draft_changed()
                self._show_report("Client load read", report.source, clients_report_lines(report),
                                  report.rejected)

        self.app.push_screen(ClientsImportDialog(self.document, f"{self.document.path.parent}/"), imported)
