"""Issue 18 at 80x24, driven by keys: undo says what it undid, a small department has a bar."""

from __future__ import annotations

from pathlib import Path

from policy_model import signoff
from policy_model.document import open_document
from policy_model.roster_index import DepartmentCount
from tui.app import PolicyApp
from tui.recent import RecentDrafts
from tui.steps.base import Step
from tui.widgets.access_chart import AccessChart, stacked_bar
from tui.widgets.roster_table import RosterTable


def app_for(path: Path) -> PolicyApp:
    return PolicyApp(open_document(path), recent=RecentDrafts(None))


def messages(app: PolicyApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_undo_and_redo_say_what_they_undid(example_draft: Path) -> None:
    app = app_for(example_draft)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.document is not None
        app.document.apply(lambda draft: signoff.add_approver(draft, "Sam Okafor", "General Counsel"))
        app.screen.query_one("#step-1", Step).draft_changed()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not any(a.name == "Sam Okafor" for a in app.document.draft.approvers)
        assert "undid: approver 'Sam Okafor' added" in messages(app)
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert any(a.name == "Sam Okafor" for a in app.document.draft.approvers)
        assert "redid: approver 'Sam Okafor' added" in messages(app)


def test_a_label_given_with_the_change_is_what_undo_names(example_draft: Path) -> None:
    document = open_document(example_draft)
    document.apply(lambda draft: setattr(draft.policy, "company", "Renamed"), label="company renamed")
    assert document.undo() == "company renamed"
    assert document.redo() == "company renamed"


def test_a_part_of_one_person_gets_a_cell_taken_from_the_longest() -> None:
    assert stacked_bar([1, 0, 400], 0.1) == [1, 0, 39]


async def test_a_department_of_one_person_has_a_bar_beside_one_of_hundreds(example_draft: Path) -> None:
    app = app_for(example_draft)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(RosterTable).focus()
        await pilot.press("c")
        chart = app.screen.query_one(AccessChart)
        chart.show([DepartmentCount("Branches", 700, 100, 200), DepartmentCount("Legal", 1, 0, 0)])
        legal = next(line for line in chart.render().plain.splitlines() if line.startswith("Legal "))
        assert legal.split()[-1] == "█"
