"""The discipline ladder: the steps taken when a bad habit develops, mildest first."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from policy_model import discipline
from tui.screens.form import FormField, FormScreen, Values
from tui.widgets.draft_panel import DraftPanel, fill_table, selected


class DisciplinePanel(DraftPanel):
    """The ladder as a table; add, rename and describe, move up and down, remove, by key."""

    DEFAULT_CSS = """
    DisciplinePanel #discipline-ladder { height: 1fr; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add step", id="discipline.add", tooltip="Add a step below the selected one"),
        Binding("e", "edit", "Rename", id="discipline.edit", tooltip="Rename the selected step and say what it means"),
        Binding("shift+up,minus", "move(-1)", "Move up", id="discipline.up",
                tooltip="Move the selected step up the ladder (milder)"),
        Binding("shift+down,plus", "move(1)", "Move down", id="discipline.down",
                tooltip="Move the selected step down the ladder (stronger)"),
        Binding("delete", "remove", "Remove", id="discipline.remove", tooltip="Remove the selected step"),
    ]

    def compose(self) -> ComposeResult:
        yield Static("", classes="panel-summary", markup=False, id="discipline-summary")
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="discipline-ladder")
        table.add_columns("#", "Step", "What happens")
        yield table

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#discipline-ladder", DataTable)

    def render_document(self) -> None:
        ladder = self.draft.discipline
        self.query_one("#discipline-summary", Static).update(
            f"{len(ladder)} steps, mildest first; the policy lists them in this order."
            if ladder else "No steps yet: press a to add the first (for example a reminder).")
        fill_table(self.table, [(str(n), s.name, s.description) for n, s in enumerate(ladder, 1)])

    def _form(self, title: str, name: str, description: str, apply: Callable[[Values], None]) -> None:
        fields = [FormField("name", "Step", name, placeholder="for example Written warning"),
                  FormField("description", "What happens", description,
                            placeholder="for example HR writes to the employee")]
        self.app.push_screen(FormScreen(title, fields, apply))

    def action_add(self) -> None:
        current = selected(self.table)
        at = len(self.draft.discipline) if current is None else current + 1

        def apply(values: Values) -> None:
            index = self.apply(lambda draft: discipline.add_step(draft, values["name"], values["description"], at=at))
            self.table.move_cursor(row=index)

        self._form("Add a discipline step", "", "", apply)

    def action_edit(self) -> None:
        index = selected(self.table)
        if index is None:
            return
        step = self.draft.discipline[index]

        def apply(values: Values) -> None:
            self.apply(lambda draft: discipline.edit_step(draft, index, values["name"], values["description"]))

        self._form(f"Step {index + 1}: {step.name}", step.name, step.description, apply)

    @on(DataTable.RowSelected, "#discipline-ladder")
    def _row_chosen(self) -> None:
        self.action_edit()

    def action_move(self, by: int) -> None:
        index = selected(self.table)
        if index is None:
            return
        target = self.apply(lambda draft: discipline.move_step(draft, index, by))
        self.table.move_cursor(row=target)

    def action_remove(self) -> None:
        index = selected(self.table)
        if index is None:
            return
        step = self.draft.discipline[index]
        self.change_if_confirmed(f'Remove the step "{step.name}" from the ladder?',
                                 lambda draft: discipline.remove_step(draft, index))
