"""Step 1's roles tab: every role with its head count by status, most undecided first.

A public employer has over a thousand job titles, of which a few dozen cover most people: one
key decides everyone in the highlighted role with one exact rule (`decide_role`), another
overrides each of them with one reason. The panel reads the step's index (everyone decided)
through the function it is given, so a panel mounted late (its tab is built after the first
screen) starts from the index as it is; counting by role happens only while the tab is shown.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from policy_model.document import Document
from policy_model.draft import STATUSES, Status
from policy_model.role_view import Grouping, RoleRow, RosterNames, by_role, status_changes
from policy_model.roster_index import RosterIndex
from policy_model.rule_edit import RULE_REASON_MISSING, decide_role, override_many
from policy_model.user_input import printable_line
from tui.screens.override import OverrideAnswer, OverrideDialog, Wording, ask_override_many
from tui.widgets.access_chart import STYLES
from tui.widgets.draft_panel import DraftPanel
from tui.widgets.role_table import NO_DEPARTMENT, NO_ROLE, RoleTable

DECIDING = Wording(verb="Decide", why="why does this role need access, or not?", missing=RULE_REASON_MISSING)


def _people(count: int) -> str:
    return f"{count:,} {'person' if count == 1 else 'people'}"


def _name(row: RoleRow) -> str:
    """The row's role (in its department) in words, for titles and notifications."""
    role = row.role or NO_ROLE
    return role if row.department is None else f"{role} in {row.department or NO_DEPARTMENT}"


class RolesPanel(DraftPanel):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "decide", "Decide role", id="roster.decide-role",
                tooltip="Decide everyone in the highlighted role at once, by a rule (or press enter)"),
        Binding("O", "override_role", "Override all", id="roster.override-role",
                tooltip="Override each person in the highlighted role, with one reason"),
        Binding("g", "group", "By department", id="roster.group-roles",
                tooltip="List each role within each department, or each role once"),
    ]

    def __init__(self, document: Document, index_of: Callable[[], RosterIndex | None], *,
                 id: str | None = None) -> None:  # noqa: A002 - Textual's own name
        super().__init__(document, id=id)
        self._index_of = index_of
        self.group: Grouping = "role"
        self._names: RosterNames | None = None  # built once per roster: see RosterNames
        self._recount = True
        self._actionable = False  # whether a role is highlighted, as the footer last showed it

    def compose(self) -> ComposeResult:
        yield Static(id="roles-summary", classes="roster-hint", markup=False)
        yield RoleTable(id="role-table")
        yield Static(id="roles-detail", markup=False)

    @property
    def index(self) -> RosterIndex | None:
        return self._index_of()

    def recount(self) -> None:
        """The step's index (or a decision in it) changed: counted again when drawn."""
        self._recount = True
        self.refresh_document()

    def render_document(self) -> None:
        table = self.query_one(RoleTable)
        if self._recount:
            self._recount = False
            table.show(self._rows(), self.group)
        rows = len(table.rows)
        grouped = " by department" if self.group == "department" else ""
        summary = (f"{rows:,} role{'s' * (rows != 1)}{grouped}, most to review first" if self.index is not None
                   else "No roster yet.")
        self.query_one("#roles-summary", Static).update(summary, layout=False)

    def _rows(self) -> list[RoleRow]:
        index = self.index
        if index is None:
            return []
        if self._names is None or self._names.employees is not index.employees:
            self._names = RosterNames.of(index.employees)
        return by_role(index, self.group, self._names)

    @on(RoleTable.Highlighted)
    def _show_detail(self, event: RoleTable.Highlighted) -> None:
        """The highlighted role in full (its name may be cut off in the table)."""
        detail = Text(no_wrap=True, overflow="ellipsis")
        row = event.row
        if row is not None:
            detail.append(printable_line(_name(row)), style="bold")
            if row.department is None:
                detail.append(f"  ·  {row.departments:,} department{'s' * (row.departments != 1)}")
            detail.append("\n")
            for status in STATUSES:
                detail.append(f"{status} {getattr(row, status):,}  ", style=STYLES[status])
        self.query_one("#roles-detail", Static).update(detail, layout=False)
        if (row is not None) != self._actionable:  # redrawing the footer on every move would be slow
            self._actionable = row is not None
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Deciding and overriding need a highlighted role; without one they are dimmed."""
        if action in ("decide", "override_role") and self._highlighted() is None:
            return None
        return True

    def _highlighted(self) -> RoleRow | None:
        return self.query_one(RoleTable).highlighted if self.is_mounted else None

    def _holders(self, row: RoleRow) -> tuple[RosterIndex, list[int]] | None:
        if self.index is None or self._names is None:
            return None
        return self.index, self._names.holders(row)

    def _now(self, index: RosterIndex, row: RoleRow, positions: list[int]) -> str:
        """How the role's holders are decided now, and by which rules (the largest first)."""
        by_rule = Counter(index.decisions[n].rule_id for n in positions).most_common(4)
        rules = ", ".join(f"{rule} {count:,}" for rule, count in by_rule)
        return (f"{_people(row.total)}: {row.granted:,} granted, {row.review:,} review, {row.denied:,} denied "
                f"(by {rules})")

    @staticmethod
    def _usual(row: RoleRow) -> Status:
        """The status most of the role's holders have: where the dialog's choice starts."""
        return max(STATUSES, key=lambda status: getattr(row, status))

    @on(RoleTable.Selected)
    def action_decide(self) -> None:
        row = self._highlighted()
        found = self._holders(row) if row is not None else None
        if row is None or found is None:
            return
        index, positions = found

        def answered(answer: OverrideAnswer | None) -> None:
            if answer is None or not self.change(lambda draft: decide_role(
                    draft, row.role, answer.status, answer.reason, department=row.department)):
                return
            moved = status_changes(index, positions, self.draft)
            self.notify(printable_line(f"{_name(row)}: {_people(moved) if moved else 'no one'} changed; everyone "
                                       f"in it is now {answer.status}, but for anyone overridden"),
                        title="Role decided", markup=False)

        self.app.push_screen(OverrideDialog(f"everyone who is {_name(row)}", self._now(index, row, positions),
                                            self._usual(row), DECIDING), answered)

    def action_override_role(self) -> None:
        row = self._highlighted()
        found = self._holders(row) if row is not None else None
        if row is None or found is None:
            return
        index, positions = found
        ids = [index.employees[n].id for n in positions]

        def override(answer: OverrideAnswer) -> None:
            if self.change(lambda draft: override_many(draft, ids, answer.status, answer.reason)):
                self.notify(f"{_people(len(ids))} overridden as {answer.status}", markup=False)

        ask_override_many(self.app, f"{_people(len(ids))} who are {_name(row)}", self._now(index, row, positions),
                          self._usual(row), override)

    def action_group(self) -> None:
        self.group = "department" if self.group == "role" else "role"
        self._recount = True
        self.render_document()
