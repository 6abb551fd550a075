"""Step 1: who needs social or mobile access to customers."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from tui.steps.base import Step


class RosterStep(Step):
    KEY = "1"
    TITLE = "Who needs access"
    PURPOSE = "decide which employees need social or mobile access to customers"

    def compose_body(self) -> ComposeResult:
        yield Static(id="roster-summary", markup=False)
        yield Static("Importing a roster file, the access rules and per-person overrides are built here next.",
                     classes="placeholder")

    def render_document(self) -> None:
        ref = self.document.draft.roster
        roster = self.document.roster
        if not ref.snapshot:
            text = "No roster yet."
        else:
            departments = len({e.department for e in roster.employees})
            text = (f"{len(roster.employees)} employees in {departments} departments, "
                    f"from {ref.source or ref.snapshot}")
        self.query_one("#roster-summary", Static).update(text)
