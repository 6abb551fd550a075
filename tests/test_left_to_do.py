"""What is left to do in each step, and the policy details a new user fills in."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable

from policy_model.checks import check_document
from policy_model.details import details_of, set_details
from policy_model.document import create_document, open_document
from policy_model.draft import Draft, Employee
from policy_model.eligibility import set_override
from policy_model.left_to_do import outstanding
from policy_model.problems import ProblemsError
from policy_model.roster_snapshot import snapshot_path, write_snapshot
from policy_model.signoff import add_approver, set_status
from policy_model.user_input import parse_day
from tui.app import PolicyApp
from tui.background import BACKGROUND_FROM
from tui.screens.form import FormScreen
from tui.steps.base import Step

from .waiting import settle, until


def test_a_new_draft_says_what_each_step_still_needs(tmp_path: Path) -> None:
    document = create_document(tmp_path / "new.toml", company="Acme")
    left = outstanding(document, check_document(document))
    assert left["1"][0] == "no roster imported yet"
    assert left["2"][0] == "no channel enabled yet"
    assert "no training session yet" in left["3"]
    assert left["4"][0] == "no approver is named"
    assert any("still to do" in item for item in left["4"])


def test_the_example_needs_only_its_review_cases_and_approvals(example_draft: Path) -> None:
    document = open_document(example_draft)
    left = outstanding(document, check_document(document))
    assert left == {"1": ["8 people need review"], "2": [], "3": [],
                    "4": ["3 of 3 approvals outstanding", "8 people are still in review"]}

    def everyone_decided_and_approved(draft: Draft) -> None:
        for employee in document.roster.employees:
            set_override(draft, employee.id, "granted", "pilot group", by="hr")
        for n in range(len(draft.approvers)):
            set_status(draft, n, "approved")

    document.apply(everyone_decided_and_approved)
    assert outstanding(document, check_document(document)) == {"1": [], "2": [], "3": [], "4": []}


def test_an_error_is_counted_in_the_step_that_fixes_it(example_draft: Path) -> None:
    document = open_document(example_draft)
    document.draft.clauses[0].text += " Contact {nobody}."
    left = outstanding(document, check_document(document))
    assert "1 error" in left["3"]
    assert "1 problem found by check" in left["4"]


def test_details_are_checked_and_set_together(tmp_path: Path) -> None:
    draft = create_document(tmp_path / "d.toml").draft
    set_details(draft, replace(details_of(draft), company=" Acme ", effective_date="2027-01-01", market="both",
                               industry="healthcare", review_months="6"))
    assert (draft.policy.company, draft.policy.effective_date, draft.policy.market, draft.policy.review_months) == (
        "Acme", date(2027, 1, 1), "both", 6)
    before = details_of(draft)
    for bad, message in [({"effective_date": "1/1/2027"}, "not a date"), ({"company": ""}, "must not be empty"),
                         ({"market": "b2x"}, "b2b, b2c or both"), ({"review_months": "0"}, "from 1 to 60"),
                         ({"owner": "Ann\x07"}, "control character")]:
        with pytest.raises(ProblemsError, match=message):
            set_details(draft, replace(before, **bad))
        assert details_of(draft) == before, "a refused form changes nothing"


@pytest.mark.parametrize("typed", ["2027-03-01", "1 Mar 2027", " 1 March 2027 ", "Mar 1, 2027", "2027/03/01"])
def test_the_effective_date_takes_every_form_any_other_typed_date_takes(tmp_path: Path, typed: str) -> None:
    """The same parser as a training date or a completion typed by hand: no form of its own."""
    draft = create_document(tmp_path / "d.toml", company="Acme").draft
    set_details(draft, replace(details_of(draft), effective_date=typed))
    assert draft.policy.effective_date == parse_day(typed) == date(2027, 3, 1)
    assert details_of(draft).effective_date == "2027-03-01"


def test_an_unreadable_effective_date_says_so_as_other_dates_do(tmp_path: Path) -> None:
    draft = create_document(tmp_path / "d.toml", company="Acme").draft
    with pytest.raises(ProblemsError) as refused:
        set_details(draft, replace(details_of(draft), effective_date="1/3/2027"))
    assert str(refused.value) == ('policy: effective date: "1/3/2027" is not a date; write it as YYYY-MM-DD '
                                  "(for example 2026-11-05)")


async def test_the_details_form_takes_1_mar_2027(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "e")
        assert isinstance(app.screen, FormScreen)
        await pilot.press("tab", "tab", "tab", "ctrl+u", *"1 Mar 2027", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen), "the form closed: the date was taken"
        assert app.document is not None and app.document.draft.policy.effective_date == date(2027, 3, 1)
        table = app.screen.query_one("#details-table", DataTable)
        assert ["Effective date", "2027-03-01"] in [[str(cell) for cell in table.get_row_at(n)]
                                                    for n in range(table.row_count)]


async def test_details_form_in_step_4_and_tabs_by_key(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "e")
        assert isinstance(app.screen, FormScreen)
        await pilot.press("tab", "tab", "tab", "ctrl+u", *"2027-02-30", "enter")
        assert isinstance(app.screen, FormScreen), "a bad date keeps the form open"
        await pilot.press("ctrl+u", *"2027-03-01", "enter")
        assert app.document is not None and app.document.draft.policy.effective_date == date(2027, 3, 1)
        assert app.sub_title.endswith("unsaved changes")
        tabs = app.screen.query_one("#review-tabs")
        for expected in ("review-signoff", "review-export", "review-acks", "review-changes", "review-details"):
            await pilot.press("ctrl+t")
            assert tabs.active == expected  # type: ignore[attr-defined]


def test_approvers_named_but_pending_block_final(tmp_path: Path) -> None:
    document = create_document(tmp_path / "d.toml", company="Acme")
    for name in ("Dana", "Wei"):
        document.apply(lambda draft: add_approver(draft, name))  # noqa: B023 (applied at once)
    document.apply(lambda draft: set_status(draft, 0, "approved"))
    assert "1 of 2 approvals outstanding" in outstanding(document, check_document(document))["4"]


async def test_a_large_roster_is_checked_in_the_background_and_the_marks_follow(tmp_path: Path) -> None:
    """From BACKGROUND_FROM people on, the checks after a change run in workers on a copy of the
    draft; what is left to do, and the export panel's problems, still follow each change."""
    path = tmp_path / "large.toml"
    document = create_document(path, company="Large Bank")
    people = [Employee(f"E{n:05d}", f"Person {n}", role="Account Manager", customer_facing=True)
              for n in range(BACKGROUND_FROM + 10)]  # client load unknown: every one is a review case
    write_snapshot(snapshot_path(path), people, [], document.draft.roster)
    document.save()
    app = PolicyApp(open_document(path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        left = app.screen.query_one(".step-left")
        assert f"{len(people):,} people need review" in str(left.render())
        assert app.document is not None
        app.document.apply(lambda d: set_override(d, "E00000", "granted", "Signed off by the CCO", by="HR"))
        app.screen.query_one("#step-1", Step).draft_changed()
        assert await until(pilot, lambda: f"{len(people) - 1:,} people need review" in str(left.render()))
        await pilot.press("4")  # the export panel's list of problems comes from a worker too
        problems = app.screen.query_one("#export-problems")
        assert await until(pilot, lambda: "no approver yet" in str(problems.render()))
