"""Step 1 on screen, driven by keys: filter, override with a reason, save, reload, undo, rules."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from policy_model import toml_io
from policy_model.document import new_draft, open_document
from policy_model.draft import Completion, Employee
from policy_model.eligibility import current_user, set_override
from policy_model.roster_index import RosterIndex
from policy_model.roster_snapshot import Roster, snapshot_path, write_snapshot
from tui.app import PolicyApp
from tui.screens.form import FormScreen
from tui.screens.main import MainScreen
from tui.screens.override import OverrideDialog
from tui.steps.base import Step
from tui.steps.roster import RosterStep
from tui.widgets.access_chart import AccessChart, stacked_bar
from tui.widgets.role_table import RoleTable
from tui.widgets.roles_panel import RolesPanel
from tui.widgets.roster_table import Columns, RosterTable
from tui.widgets.rules_panel import RulesPanel

from .keys import import_roster_by_keys, type_text
from .waiting import settle


def shown_lines(table: RosterTable) -> list[str]:
    """The table's rows as drawn on screen (header excluded), trailing blanks dropped."""
    lines = [table.render_line(y).text.rstrip() for y in range(1, table.scrollable_content_region.height)]
    return [line for line in lines if line]


def shown_ids(table: RosterTable) -> list[str]:
    return [line.split()[0] for line in shown_lines(table)]


async def into_filter(pilot: Pilot[None]) -> Input:
    """As a new user would: the table has the keyboard when the step opens; / goes to the filter."""
    await pilot.pause()
    await pilot.press("slash")
    box = pilot.app.screen.query_one("#roster-filter", Input)
    assert box.has_focus
    return box


async def test_typing_a_filter_narrows_the_rows(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(RosterTable)
        assert len(table.rows) == 42 and shown_ids(table)[:2] == ["E1001", "E1002"]
        await into_filter(pilot)
        await type_text(pilot, "acc")
        assert len(table.rows) == 7
        await type_text(pilot, "ount status:d")
        assert shown_ids(table) == ["E1019", "E1020"]
        assert all("denied" in line for line in shown_lines(table))
        assert str(app.screen.query_one("#roster-matches", Static).render()).strip() == "2 of 42"
        assert str(app.screen.query_one("#roster-summary", Static).render()).startswith("granted 14  review 8")
        await pilot.press("ctrl+w")  # deletes "status:d"
        assert len(table.rows) == 7
        await type_text(pilot, "status:x")
        assert table.rows == []
        assert "expected granted, review or denied" in str(app.screen.query_one("#roster-detail", Static).render())


async def test_override_with_a_reason_is_saved_and_reloaded_then_undone(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(RosterTable)
        await into_filter(pilot)
        await type_text(pilot, "brennan")
        await pilot.press("enter")  # to the table
        assert table.has_focus and shown_ids(table) == ["E1002"]
        await pilot.press("o")
        assert isinstance(app.screen, OverrideDialog)
        await pilot.press("right", "space", "tab")  # granted -> review, then to the reason
        await type_text(pilot, "on leave")
        await pilot.press("enter")
        assert not isinstance(app.screen, OverrideDialog)
        assert "review*" in shown_lines(table)[0]
        detail = str(app.screen.query_one("#roster-detail", Static).render())
        assert "review — override by" in detail and "on leave" in detail
        assert app.document is not None and app.document.modified
        await pilot.press("ctrl+s")
        assert not app.document.modified

    reloaded = open_document(example_draft)
    (override,) = reloaded.draft.eligibility.overrides
    assert (override.employee_id, override.status, override.reason) == ("E1002", "review", "on leave")
    assert override.by == current_user() and override.at is not None

    app = PolicyApp(reloaded)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(RosterTable)
        table.focus()
        await pilot.press("down")
        assert table.highlighted == 1 and "review*" in shown_lines(table)[1]
        await pilot.press("x")
        assert reloaded.draft.eligibility.overrides == []
        assert "granted" in shown_lines(table)[1] and "*" not in shown_lines(table)[1]
        await pilot.press("ctrl+s")
    assert open_document(example_draft).draft.eligibility.overrides == []


async def test_an_override_needs_a_reason_and_escape_changes_nothing(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(RosterTable).focus()
        await pilot.press("o", "tab")
        await type_text(pilot, "   ")
        await pilot.press("enter")
        assert isinstance(app.screen, OverrideDialog)
        assert "needs a reason" in str(app.screen.query_one("#override-problem", Static).render())
        await pilot.press("escape")
        assert not isinstance(app.screen, OverrideDialog)
        assert app.document is not None
        assert app.document.draft.eligibility.overrides == [] and not app.document.modified


async def test_editing_a_threshold_and_moving_a_rule_re_decide_people(example_draft: Path) -> None:
    document = open_document(example_draft)
    app = PolicyApp(document)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(RosterTable).focus()
        await pilot.press("r")
        rules = app.screen.query_one("#rule-list", OptionList)
        assert rules.has_focus
        await pilot.press("down", "e")  # small-book
        assert isinstance(app.screen, FormScreen)
        await pilot.press(*TO_AT_MOST, "5", "enter")
        assert not isinstance(app.screen, FormScreen)
        assert document.draft.eligibility.rules[1].max_clients == 5
        assert "at most 5 clients" in str(rules.get_option_at_index(1).prompt)
        people = {e.id: n for n, e in enumerate(document.roster.employees)}
        step_index: RosterIndex = app.screen.query_one("#step-1").index  # type: ignore[attr-defined]
        assert step_index.decisions[people["E1002"]].rule_id == "high-touch"  # 6 clients, high touch
        await pilot.press("down", "shift+up")  # high-touch before small-book
        assert [r.id for r in document.draft.eligibility.rules][1:3] == ["high-touch", "small-book"]
        assert rules.highlighted == 1
        document.undo()
        document.undo()
        app.screen.query_one("#step-1").render_document()  # type: ignore[attr-defined]
        step_index = app.screen.query_one("#step-1").index  # type: ignore[attr-defined]
        assert step_index.decisions[people["E1002"]].rule_id == "small-book"


# From the rule form's first field (its id) to "at most this many clients", where typing
# replaces the number shown.
TO_AT_MOST = ["tab"] * 8


def big_roster(path: Path, count: int) -> Path:
    """A generated roster of `count` people saved as a draft with its snapshot."""
    rng = random.Random(7)
    roles = ["Relationship Banker", "Account Manager", "Teller", "Mailroom Clerk", "Analyst", "Loan Officer"]
    departments = ["Sales", "Retail", "Operations", "Commercial", "IT", "Risk", "Wealth Management"]
    employees = [
        Employee(id=f"E{n:06d}", name=f"Person {n:06d}", email=f"p{n}@bank.example", role=rng.choice(roles),
                 department=rng.choice(departments), clients=rng.choice([None, 3, 8, 15, 30]),
                 touch=rng.choice([None, "high", "low"]), customer_facing=rng.choice([None, True, False]))
        for n in range(count)
    ]
    draft = new_draft("Big Bank")
    write_snapshot(snapshot_path(path), employees, [], draft.roster)
    toml_io.save(draft, path)
    return path


async def test_twenty_thousand_people_filter_and_scroll(tmp_path: Path) -> None:
    document = open_document(big_roster(tmp_path / "big.toml", 20_000))
    app = PolicyApp(document)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(RosterTable)
        assert len(table.rows) == 20_000
        expected = RosterIndex.of_draft(document.draft, document.roster.employees)
        await into_filter(pilot)
        await type_text(pilot, "teller status:d")
        assert table.rows == expected.filter("teller status:denied") and 0 < len(table.rows) < 20_000
        assert all("Teller" in line and "denied" in line for line in shown_lines(table))
        await pilot.press("ctrl+u")
        assert len(table.rows) == 20_000
        await pilot.press("enter", "end")
        assert table.highlighted == 19_999 and shown_ids(table)[-1] == "E019999"
        await pilot.press("pageup")
        visible = table.scrollable_content_region.height - 1
        assert table.highlighted == 19_999 - visible
        await pilot.press("home", "pagedown", "down")
        assert table.highlighted == visible + 1
        assert shown_ids(table)[-1] == f"E{visible + 1:06d}"
        await pilot.press("right", "right", "right")
        assert table.scroll_x > 0

        # A changed rule re-decides everyone in the background, then the table follows.
        await pilot.press("r", "down", "e", *TO_AT_MOST, "2", "0", "enter")
        await settle(pilot)
        expected = RosterIndex.of_draft(document.draft, document.roster.employees)
        assert document.draft.eligibility.rules[1].max_clients == 20
        step_index = app.screen.query_one("#step-1").index  # type: ignore[attr-defined]
        assert step_index.statuses == expected.statuses
        assert step_index.counts_by_rule()["small-book"] > 0


def test_stacked_bar_parts_add_up_to_the_rounded_total() -> None:
    assert stacked_bar([5, 2, 2], 2.0) == [10, 4, 4]
    assert sum(stacked_bar([1, 1, 1], 10 / 3)) == 10
    assert stacked_bar([0, 0, 4], 0.5) == [0, 0, 2]


async def test_chart_shows_each_department_as_bars_and_follows_overrides(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one(RosterTable).focus()
        await pilot.press("c")
        chart = app.screen.query_one(AccessChart)
        lines = chart.render().plain.splitlines()
        assert lines[0].split()[:6] == ["█", "granted", "14", "▓", "review", "8"]
        it = next(line for line in lines if line.startswith("IT "))
        assert it.split()[1] == "4" and set(it.split()[2]) == {"░"}
        sales = next(line for line in lines if line.startswith("Sales "))
        assert "█" in sales and "▓" in sales and "░" in sales
        await pilot.press("p", "end", "o", "right", "right", "space", "tab")  # E1042: granted -> denied
        await type_text(pilot, "left the bank")
        await pilot.press("enter", "c")
        legend = chart.render().plain.splitlines()[0].split()
        assert (legend[2], legend[8]) == ("13", "21")


async def test_a_new_roster_is_decided_again(example_draft: Path) -> None:
    document = open_document(example_draft)
    app = PolicyApp(document)
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(RosterTable)
        assert len(table.rows) == 42
        document.use_roster(Roster(employees=document.roster.employees[:10]))  # as a re-import does
        app.screen.post_message(Step.Changed())
        await pilot.pause()
        assert len(table.rows) == 10
        assert str(app.screen.query_one("#roster-matches", Static).render()) == "10 of 10"


def test_every_key_of_step_1_has_an_id_and_a_tooltip() -> None:
    for owner in (RosterStep, RosterTable, OverrideDialog, RoleTable, RolesPanel, RulesPanel):
        for binding in owner.BINDINGS:
            assert binding.id and binding.tooltip, (owner.__name__, binding)  # type: ignore[union-attr]


def test_columns_fill_a_wide_table_and_keep_status_in_view_on_a_narrow_one() -> None:
    wide = Columns.fit(160, 6)
    assert wide.total == 160 and wide.widths[1:4] == (22, 22, 16)
    narrow = Columns.fit(54, 5)
    status_ends = sum(narrow.widths[:5]) + 4
    assert status_ends <= 54 and narrow.widths[5] >= 40  # the reason scrolls into view


async def test_import_from_step_1_by_key_updates_the_table_and_saves(example_draft: Path, tmp_path: Path) -> None:
    source = tmp_path / "next-month.csv"
    source.write_text("Employee ID,Full Name,Job Title,Department,Client Count,Touch Level,Customer Facing\n"
                      "E1002,\"Brennan, Liam\",Relationship Banker,Sales,6,high,yes\n"
                      "E2001,\"Ng, Ada\",Account Manager,Account Management,4,high,yes\n", encoding="utf-8")
    document = open_document(example_draft)
    set_override(document.draft, "E1002", "denied", "on leave until March", by="hr")
    document.save()
    app = PolicyApp(document)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await import_roster_by_keys(pilot, source)
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        # Everyone granted before and missing from next month's file stays listed, to revoke.
        revoked = [e.id for e in document.roster.employees if e.revoke]
        table = app.screen.query_one(RosterTable)
        assert revoked and [table.index.employees[n].id for n in table.rows] == ["E1002", "E2001", *revoked]
        assert app.sub_title.endswith("unsaved changes")
        await pilot.press("ctrl+s")
        await pilot.pause()
    reloaded = open_document(example_draft)
    assert [e.id for e in reloaded.roster.employees] == ["E1002", "E2001", *revoked]
    assert reloaded.roster.problems == []
    assert [o.employee_id for o in reloaded.draft.eligibility.overrides] == ["E1002"]


async def test_a_granted_person_not_yet_trained_is_flagged(example_draft: Path) -> None:
    document = open_document(example_draft)
    assert document.draft.training.sessions, "the example plans a session"
    app = PolicyApp(document)
    async with app.run_test(size=(80, 24)) as pilot:
        await into_filter(pilot)
        await type_text(pilot, "brennan")
        await pilot.press("enter")
        detail = str(app.screen.query_one("#roster-detail", Static).render())
        assert "granted" in detail and "training pending" in detail
        session = document.draft.training.sessions[0].title
        document.apply(lambda d: d.training.completions.append(Completion("E1002", session, date(2026, 12, 8))))
        app.screen.query_one(RosterStep).draft_changed()
        await pilot.pause()
        await pilot.press("down", "up")
        detail = str(app.screen.query_one("#roster-detail", Static).render())
        assert "granted" in detail and "training pending" not in detail
