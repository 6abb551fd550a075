"""Issue 18 at 80x24, driven by keys: a new draft that asks, undo that says what it undid."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Select

from policy_model import signoff
from policy_model.document import open_document
from policy_model.roster_index import DepartmentCount
from tui.app import PolicyApp
from tui.keymap import Keymap, keymap_path, load_keymap
from tui.recent import RecentDrafts
from tui.screens.form import FormScreen
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.override import OverrideDialog
from tui.screens.path_prompt import PathPrompt
from tui.steps.base import Step
from tui.widgets.access_chart import AccessChart, stacked_bar
from tui.widgets.roster_table import RosterTable

from .drafts import load_draft
from .keys import type_text


def app_for(path: Path) -> PolicyApp:
    return PolicyApp(open_document(path), recent=RecentDrafts(None))


def screen_text(app: PolicyApp) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


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


async def test_new_draft_asks_company_market_and_industry_then_shows_step_1(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = PolicyApp(None, recent=RecentDrafts(None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n")
        assert isinstance(app.screen, FormScreen)
        assert "Company" in screen_text(app) and "Industry" in screen_text(app)
        await pilot.press("tab")
        await type_text(pilot, "Harbor Bank")
        await pilot.press("tab", "space", "down", "enter")  # market: open the list, b2c
        await pilot.press("shift+tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.current_step == "1"
    draft = load_draft(tmp_path / "policy.toml")
    assert (draft.policy.company, draft.policy.market, draft.policy.industry) == ("Harbor Bank", "b2c", "general")


async def test_new_draft_asks_the_kind_of_firm_and_where_its_law_applies(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = PolicyApp(None, recent=RecentDrafts(None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n")
        await pilot.press("tab", "tab", "tab", "tab")  # to the kind of firm
        await pilot.press("space", "down", "enter")  # from general, the last, down wraps to the first
        await pilot.press("tab")
        await type_text(pilot, "us-ca GB")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    draft = load_draft(tmp_path / "policy.toml")
    assert (draft.policy.firm, draft.policy.jurisdictions) == ("broker-dealer", ["US-CA", "GB"])


async def test_enter_on_a_closed_choice_accepts_the_form_and_space_opens_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = PolicyApp(None, recent=RecentDrafts(None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n", "tab")
        await type_text(pilot, "Harbor Bank")
        await pilot.press("tab", "space")
        market = app.screen.query_one("#field-market", Select)
        assert market.expanded, "space opens the choice"
        await pilot.press("down", "enter")
        assert not market.expanded and market.value == "b2c" and isinstance(app.screen, FormScreen)
        assert "enter accepts · space opens a choice" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen), "enter on the closed choice accepted the form"
    draft = load_draft(tmp_path / "policy.toml")
    assert (draft.policy.company, draft.policy.market) == ("Harbor Bank", "b2c")


async def test_enter_on_the_status_choice_chooses_it_and_accepts_the_override(example_draft: Path) -> None:
    app = app_for(example_draft)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "o")
        await pilot.pause()
        assert isinstance(app.screen, OverrideDialog)
        person = app.screen.person
        app.screen.query_one("#override-reason", Input).value = "Signed the book over to a colleague"
        app.screen.query_one("#override-status").focus()
        await pilot.press("left", "enter")  # from review to granted, then enter
        await pilot.pause()
        assert isinstance(app.screen, MainScreen), "enter in the status choice accepted the dialog"
    overrides = app.document.draft.eligibility.overrides
    override = next(o for o in overrides if o.reason == "Signed the book over to a colleague")
    assert override.status == "granted" and override.employee_id in person


async def test_enter_on_the_status_choice_without_a_reason_asks_for_one(example_draft: Path) -> None:
    app = app_for(example_draft)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "o")
        await pilot.pause()
        app.screen.query_one("#override-status").focus()
        await pilot.press("left", "enter")
        await pilot.pause()
        assert isinstance(app.screen, OverrideDialog), "a reason is still required"
        assert app.screen.query_one("#override-reason", Input).has_focus
    assert not app.document.draft.eligibility.overrides


async def test_the_palette_finds_new_draft(example_draft: Path) -> None:
    app = app_for(example_draft)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "new draft")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen) and app.screen.form_title == "New draft"


def keymap_in(config: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> Keymap:
    """A keymap.toml where the user's config folder is on Linux, read as the app's launch reads it."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    (config / "policy-tui").mkdir(parents=True)
    (config / "policy-tui" / "keymap.toml").write_text(text, encoding="utf-8")
    return load_keymap(keymap_path())


async def test_a_keymap_remaps_help_and_help_shows_the_key_in_force(
        example_draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keymap = keymap_in(tmp_path / "config", monkeypatch, 'help = "f2"\n')
    app = PolicyApp(open_document(example_draft), recent=RecentDrafts(None), keymap=keymap)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        assert ["f2", "Help"] == [str(cell) for cell in next(r for r in rows if r[1] == "Help")[:2]]


async def test_a_wrong_keymap_is_a_message_at_start_and_the_rest_applies(
        example_draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keymap = keymap_in(tmp_path / "config", monkeypatch, 'hlep = "f2"\nsave = "ctrl+nope"\nopen = "f3"\n')
    app = PolicyApp(open_document(example_draft), recent=RecentDrafts(None), keymap=keymap)
    async with app.run_test(size=(80, 24)) as pilot:
        said = messages(app)
        assert any("keymap.toml:1: hlep: no key has this id; did you mean 'help'?" in m for m in said)
        assert any("keymap.toml:2: save: 'ctrl+nope' is not a key" in m for m in said)
        await pilot.press("f3")
        assert isinstance(app.screen, PathPrompt)


def test_a_keymap_that_is_not_toml_is_one_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    keymap = keymap_in(tmp_path / "config", monkeypatch, 'help = \n')
    assert keymap.keys == {}
    assert len(keymap.problems) == 1 and "not valid TOML" in keymap.problems[0]


async def test_one_escape_leaves_the_clause_editor_from_its_title_or_its_text(example_draft: Path) -> None:
    from textual.widgets import Input, TextArea

    from tui.widgets.clause_list import ClauseList

    app = app_for(example_draft)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        for key, editor in (("enter", TextArea), ("a", Input)):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.focused, editor)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.focused, ClauseList)


async def test_down_from_the_roster_filter_reaches_the_table_and_slash_is_typed(example_draft: Path) -> None:
    from textual.widgets import Input

    from tui.widgets.roster_table import RosterTable

    app = app_for(example_draft)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "slash")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        await type_text(pilot, "Sales/")
        assert app.focused.value == "Sales/"  # a filter may hold a "/" ("Sales/Trading")
        await pilot.press("down")
        await pilot.pause()
        assert isinstance(app.focused, RosterTable)
