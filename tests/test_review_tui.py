"""Step 4 after sign-off: the review date in the header, acknowledgments counted, listed, imported."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import DataTable, Static

from policy_model.document import open_document
from policy_model.review_cycle import add_months
from policy_model.signoff import set_status
from tui.app import PolicyApp
from tui.screens.path_prompt import PathPrompt
from tui.screens.table_view import TableScreen

from .test_acknowledgments import LMS
from .waiting import settle, until


def approved_on(path: Path, on: date) -> None:
    document = open_document(path)

    def approve(draft):  # type: ignore[no-untyped-def]
        for n in range(len(draft.approvers)):
            set_status(draft, n, "approved", today=on, by="tester")

    document.apply(approve)
    document.save()


async def test_a_policy_approved_13_months_ago_says_review_due(example_draft: Path) -> None:
    approved = add_months(date.today(), -13)
    approved_on(example_draft, approved)
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        due = add_months(approved, 12).isoformat()
        assert app.sub_title.endswith(f"review due since {due}")
        await pilot.press("4")
        await settle(pilot)
        summary = str(app.screen.query_one("#review-summary", Static).render())
        assert summary.endswith(f"review due since {due}")


async def test_step_4_counts_lists_and_imports_acknowledgments(example_draft: Path, tmp_path: Path) -> None:
    approved_on(example_draft, date(2026, 11, 2))
    source = tmp_path / "lms.csv"
    source.write_text(LMS.replace("1.0", "0.1"), encoding="utf-8")
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "ctrl+t", "ctrl+t", "ctrl+t")
        await settle(pilot)
        text = app.screen.query_one("#ack-summary", Static)
        assert await until(pilot, lambda: "version 0.1: 42 of 42 owe the all-staff form" in str(text.render()))
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, TableScreen)
        assert app.screen.query_one(DataTable).row_count == 42
        await pilot.press("escape", "i")
        await settle(pilot)
        assert isinstance(app.screen, PathPrompt)
        await pilot.press(*str(source), "enter")
        assert await until(pilot, lambda: isinstance(app.screen, TableScreen))  # the rows not used
        assert app.document is not None
        assert {e for r in app.document.draft.acknowledgments for e in r.employees} == {"E1002", "E1003", "E1004"}
        await pilot.press("escape")
        assert await until(pilot, lambda: "version 0.1: 39 of 42 owe the all-staff form" in str(text.render()))
