"""The policy's details in the review step: what the title block of the document will say."""

from __future__ import annotations

from dataclasses import fields
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable

from policy_model.details import INDUSTRIES, Details, details_of, set_details
from policy_model.draft import MARKETS
from policy_model.law import FIRM_KINDS
from tui.screens.form import FormField, FormScreen, Values
from tui.widgets.draft_panel import DraftPanel, fill_table

LABELS = {
    "company": "Company", "title": "Policy title", "owner": "Owner", "effective_date": "Effective date",
    "market": "Market", "industry": "Industry", "jurisdiction": "Jurisdiction",
    "review_months": "Review every (months)", "firm": "Kind of firm", "jurisdictions": "Law of (ISO codes)",
}


class DetailsPanel(DraftPanel):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit", "Edit details", id="details.edit",
                tooltip="Company, title, owner, effective date, market, industry, jurisdiction, "
                        "kind of firm, law of"),
    ]

    def compose(self) -> ComposeResult:
        table: DataTable[Text] = DataTable(cursor_type="row", id="details-table")
        table.add_columns("Detail", "Value")
        yield table

    def render_document(self) -> None:
        details = details_of(self.draft)
        rows: list[tuple[str, ...]] = [(LABELS[f.name], str(getattr(details, f.name) or "(not set)"))
                                       for f in fields(Details)]
        rows.insert(2, ("Version", self.draft.policy.version))
        fill_table(self.query_one(DataTable), rows)

    def action_edit(self) -> None:
        details = details_of(self.draft)
        choices = {"market": MARKETS, "industry": tuple(dict.fromkeys((*INDUSTRIES, details.industry))),
                   "firm": FIRM_KINDS}
        placeholders = {"effective_date": "YYYY-MM-DD", "jurisdictions": "US-CA, GB, EU"}
        form = [
            FormField(f.name, LABELS[f.name], getattr(details, f.name),
                      choices=tuple((c, c) for c in choices.get(f.name, ())),
                      placeholder=placeholders.get(f.name, ""))
            for f in fields(Details)
        ]

        self.app.push_screen(FormScreen("Policy details", form, self._apply))

    def _apply(self, values: Values) -> None:
        """The form shows a refusal itself, so the operation runs here, not through `change`."""
        self.apply(lambda draft: set_details(draft, Details(**values)))
