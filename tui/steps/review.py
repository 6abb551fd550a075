"""Step 4: what still blocks a FINAL document, the Word export, and the changes since an older draft."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static, TabbedContent, TabPane

from policy_model.checks import check_document
from policy_model.policy_view import document_status
from tui.steps.base import Step
from tui.widgets.approvers_panel import ApproversPanel
from tui.widgets.diff_view import DiffView
from tui.widgets.export_panel import ExportPanel


class ReviewStep(Step):
    KEY = "4"
    TITLE = "Review and export"
    SHORT = "Review"
    FOCUS = "#export-run"
    PURPOSE = "see what blocks sign-off and export the Word document for legal"

    def compose_body(self) -> ComposeResult:
        yield Static(id="review-summary", markup=False)
        with TabbedContent(id="review-tabs"):
            with TabPane("Sign-off", id="review-signoff"):
                yield ApproversPanel(self.document)
            with TabPane("Export", id="review-export"):
                yield ExportPanel(self.document)
            with TabPane("Changes since an older draft", id="review-changes"):
                yield DiffView(self.document)

    def render_document(self) -> None:
        policy = self.document.draft.policy
        _, blockers = document_status(self.document.draft.approvers, check_document(self.document))
        lines = [f"{policy.company or '(company not set)'} — {policy.title}, version {policy.version}"]
        lines.append("Ready for a FINAL export." if not blockers else "Blocks a FINAL export: " + "; ".join(blockers))
        self.query_one("#review-summary", Static).update("\n".join(lines))
        self.query_one(ApproversPanel).render_document()
        self.query_one(ExportPanel).render_document()
        self.query_one(DiffView).refresh_diff()
