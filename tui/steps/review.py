"""Step 4: review what is left to do, and export the document for sign-off."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from tui.steps.base import Step


class ReviewStep(Step):
    KEY = "4"
    TITLE = "Review and export"
    PURPOSE = "see what blocks sign-off and export the Word document for legal"

    def compose_body(self) -> ComposeResult:
        yield Static(id="review-header", markup=False)
        yield Static("The Word export and the sign-off checklist are built here next.", classes="placeholder")

    def render_document(self) -> None:
        policy = self.document.draft.policy
        lines = [
            f"Company: {policy.company or '(not set)'}",
            f"Policy: {policy.title}, version {policy.version}",
            f"Market: {policy.market}   Industry: {policy.industry}",
            f"Effective: {policy.effective_date or '(not set)'}   Owner: {policy.owner or '(not set)'}",
        ]
        self.query_one("#review-header", Static).update("\n".join(lines))
