"""Step 4: what still blocks a FINAL document, the Word export, and the changes since an older draft."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from policy_model.problems import Problem
from policy_model.review_cycle import review_note
from tui.steps.base import Step
from tui.widgets.ack_panel import AckPanel
from tui.widgets.approvers_panel import ApproversPanel
from tui.widgets.details_panel import DetailsPanel
from tui.widgets.diff_view import DiffView
from tui.widgets.export_panel import ExportPanel
from tui.widgets.view_tabs import View, ViewTabs


class ReviewStep(Step):
    KEY = "4"
    FOCUS = "#details-table"
    DONE = "Ready for a FINAL export: every approver approved and check found nothing to fix."

    def compose_body(self) -> ComposeResult:
        yield Static(id="review-summary", markup=False)
        with ViewTabs(id="review-tabs"):
            with View("Details", id="review-details"):
                yield DetailsPanel(self.document)
            with View("Sign-off", id="review-signoff"):
                yield ApproversPanel(self.document)
            with View("Export", id="review-export"):
                yield ExportPanel(self.document)
            with View("Acknowledgments", id="review-acks"):
                yield AckPanel(self.document)
            with View("Changes since an older draft", id="review-changes"):
                yield DiffView(self.document)

    def render_document(self) -> None:
        policy = self.document.draft.policy
        review = review_note(self.document.draft)
        self.query_one("#review-summary", Static).update(
            f"{policy.company or '(company not set)'} — {policy.title}, version {policy.version}"
            + (f" · {review}" if review else ""))
        self.query_one(DetailsPanel).refresh_document()
        self.query_one(ApproversPanel).refresh_document()
        self.query_one(AckPanel).refresh_document()
        self.query_one(ExportPanel).render_document()
        self.query_one(DiffView).refresh_document()

    def show_problems(self, problems: list[Problem]) -> None:
        self.query_one(ExportPanel).show_problems(problems)
