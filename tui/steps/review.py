"""Step 4: what still blocks a FINAL document, the Word export, and the changes since an older draft."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static, TabbedContent, TabPane

from policy_model.problems import Problem
from policy_model.review_cycle import review_note
from tui.redraw import RendersWhenShown
from tui.steps.base import Step
from tui.widgets.ack_panel import AckPanel
from tui.widgets.approvers_panel import ApproversPanel
from tui.widgets.details_panel import DetailsPanel
from tui.widgets.diff_view import DiffView
from tui.widgets.export_panel import ExportPanel
from tui.widgets.lazy import Lazy


class ReviewStep(Step):
    KEY = "4"
    FOCUS = "#details-table"
    DONE = "Ready for a FINAL export: every approver approved and check found nothing to fix."

    def compose_body(self) -> ComposeResult:
        yield Static(id="review-summary", markup=False)
        with TabbedContent(id="review-tabs"):
            with TabPane("Details", id="review-details"):
                yield DetailsPanel(self.document)
            with TabPane("Sign-off", id="review-signoff"):
                yield Lazy(ApproversPanel(self.document))
            with TabPane("Export", id="review-export"):
                # Not lazy: its problems come from the screen's check, which may come first.
                yield ExportPanel(self.document)
            with TabPane("Acknowledgments", id="review-acks"):
                yield AckPanel(self.document)
            with TabPane("Changes since an older draft", id="review-changes"):
                yield Lazy(DiffView(self.document))

    def render_document(self) -> None:
        policy = self.document.draft.policy
        review = review_note(self.document.draft)
        self.query_one("#review-summary", Static).update(
            f"{policy.company or '(company not set)'} — {policy.title}, version {policy.version}"
            + (f" · {review}" if review else ""))
        # Sign-off and changes are built a moment after the step (`Lazy`) and draw themselves
        # from the document when they mount.
        for panel in self.query("DetailsPanel, ApproversPanel, AckPanel, DiffView").results(RendersWhenShown):
            panel.refresh_document()
        self.query_one(ExportPanel).render_document()

    def show_problems(self, problems: list[Problem]) -> None:
        self.query_one(ExportPanel).show_problems(problems)
