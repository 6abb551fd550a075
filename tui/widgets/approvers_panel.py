"""Sign-off: the approvers and their decisions, the version, and the revision history."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from policy_model import signoff
from policy_model.draft import APPROVER_ROLES
from policy_model.problems import ProblemsError
from tui.screens.form import FormField, FormScreen, Values
from tui.widgets.draft_panel import DraftPanel, fill_table, selected

ROLE_CHOICES = tuple((role, role) for role in APPROVER_ROLES)


class ApproversPanel(DraftPanel):
    """Approvers with their status by key; a version bump records a revision and resets them."""

    DEFAULT_CSS = """
    ApproversPanel #approvers { height: 1fr; min-height: 4; }
    ApproversPanel #revisions { height: 1fr; min-height: 3; }
    ApproversPanel .panel-heading { text-style: bold; margin-top: 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", id="approvers.add", tooltip="Add an approver (legal, HR, executive, ...)"),
        Binding("e", "edit", "Edit", id="approvers.edit",
                tooltip="Correct the selected approver's name, title or role"),
        Binding("y", "status('approved')", "Approved", id="approvers.approved",
                tooltip="Record that the selected approver approved this version, dated today"),
        Binding("c", "status('changes requested')", "Changes", id="approvers.changes",
                tooltip="Record that the selected approver asked for changes, dated today"),
        Binding("p", "status('pending')", "Pending", id="approvers.pending",
                tooltip="Put the selected approver back to pending"),
        Binding("v", "bump", "New version", id="approvers.bump",
                tooltip="Start a new version: add it to the history and reset every approval to pending"),
        Binding("delete", "remove", "Remove", id="approvers.remove", tooltip="Remove the selected approver"),
    ]

    def compose(self) -> ComposeResult:
        yield Static("", classes="panel-summary", markup=False, id="approvers-summary")
        approvers: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="approvers")
        approvers.add_columns("Name", "Status", "Date", "Role", "Title")  # what matters first: narrow at 80x24
        yield approvers
        yield Static("Revision history", classes="panel-heading")
        revisions: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="revisions")
        revisions.add_columns("Version", "Date", "Author", "Summary")
        yield revisions

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#approvers", DataTable)

    def render_document(self) -> None:
        draft = self.draft
        self.query_one("#approvers-summary", Static).update(
            f"Version {draft.policy.version}: {signoff.approval_summary(draft)} · a new version (v) resets approvals")
        stale = set(signoff.stale_approvers(draft))
        fill_table(self.table, [(a.name, f"{a.status} (earlier text)" if n in stale else a.status,
                                 a.date.isoformat() if a.date else "", a.role, a.title)
                                for n, a in enumerate(draft.approvers)])
        revisions = self.query_one("#revisions", DataTable)
        fill_table(revisions, [(r.version, r.date.isoformat(), r.author, r.summary) for r in reversed(draft.revisions)])

    def _form(self, title: str, name: str, job: str, role: str, apply: Callable[[Values], None]) -> None:
        fields = [FormField("name", "Name", name, placeholder="for example Dana Whitfield"),
                  FormField("title", "Title", job, placeholder="for example General Counsel"),
                  FormField("role", "Role", role, choices=ROLE_CHOICES)]
        self.app.push_screen(FormScreen(title, fields, apply))

    def action_add(self) -> None:
        def apply(values: Values) -> None:
            index = self.apply(lambda draft: signoff.add_approver(draft, values["name"], values["title"],
                                                                  values["role"]))
            self.table.move_cursor(row=index)

        self._form("Add an approver", "", "", "legal", apply)

    def action_edit(self) -> None:
        index = selected(self.table)
        if index is None:
            return
        approver = self.draft.approvers[index]

        def apply(values: Values) -> None:
            self.apply(lambda draft: signoff.edit_approver(draft, index, values["name"], values["title"],
                                                           values["role"]))

        self._form(f"Approver: {approver.name}", approver.name, approver.title, approver.role, apply)

    @on(DataTable.RowSelected, "#approvers")
    def _row_chosen(self) -> None:
        self.action_edit()

    def action_status(self, status: str) -> None:
        """Record a decision, with who entered it: the name is asked once, then kept while the
        app runs (legal needs to know who typed an approval in, not only whose it is)."""
        index = selected(self.table)
        if index is None:
            return
        name = getattr(self.app, "recorder", "")  # the app keeps it (PolicyApp.recorder)
        if name:
            self.change(lambda draft: signoff.set_status(draft, index, status, by=signoff.recorder(name)))
            return

        def apply(values: Values) -> None:
            self.app.recorder = values["name"]  # type: ignore[attr-defined]
            self.action_status(status)

        self.app.push_screen(FormScreen("Who is recording this decision?", [
            FormField("name", "Your name", placeholder="kept with each decision you record: Dana Whitfield"),
        ], apply))

    def action_remove(self) -> None:
        index = selected(self.table)
        if index is None:
            return
        name = self.draft.approvers[index].name
        self.change_if_confirmed(f"Remove {name} from the approvers?",
                                 lambda draft: signoff.remove_approver(draft, index))

    def action_bump(self) -> None:
        current = self.draft.policy.version
        choices: tuple[tuple[str, str], ...]
        try:
            choices = (("minor", f"{signoff.next_version(current)} (a revision)"),
                       ("major", f"{signoff.next_version(current, major=True)} (a new major version)"))
        except ProblemsError:  # a version written by hand, such as "draft": ask for the new one
            choices = ()
        fields = [FormField("kind", "New version", "minor", choices=tuple((label, kind) for kind, label in choices))
                  if choices else FormField("version", "New version", placeholder="for example 1.0"),
                  FormField("author", "Author", self.draft.policy.owner),
                  FormField("summary", "What changed", placeholder="for example Added texting rules for bankers")]

        def apply(values: Values) -> None:
            self.apply(lambda draft: signoff.bump_version(draft, values["author"], values["summary"],
                                                          major=values.get("kind") == "major",
                                                          version=values.get("version")))
            self.notify(f"Version {self.draft.policy.version} started; every approval is pending again")

        self.app.push_screen(FormScreen(f"New version after {current}", fields, apply))
