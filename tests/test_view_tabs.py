"""A step's tabs: reached by keyboard and mouse, and the next-tab key skips what cannot be shown."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TabbedContent, Tabs

from tui.app import PolicyApp
from tui.launch import document_for
from tui.recent import RecentDrafts

from .waiting import settle


def roster_tabs(app: PolicyApp) -> TabbedContent:
    return app.screen.query_one("#roster-tabs", TabbedContent)


async def test_the_tabs_take_the_keyboard_and_left_right_switch_views(example_draft: Path) -> None:
    app = PolicyApp(document_for(example_draft), recent=RecentDrafts(None))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tabs = roster_tabs(app)
        assert tabs.active == "roster-people"
        tabs.query_one(Tabs).focus()
        await pilot.press("right")
        await settle(pilot)
        assert tabs.active == "roster-roles"
        assert app.screen.query_one("#role-table").display  # the lazily built tab is there
        await pilot.press("left", "left")
        await settle(pilot)
        assert tabs.active == "roster-rules"  # left from the first wraps to the last


async def test_a_click_on_a_tab_shows_its_view(example_draft: Path) -> None:
    app = PolicyApp(document_for(example_draft), recent=RecentDrafts(None))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tabs = roster_tabs(app)
        await pilot.click("#roster-tabs Tab#--content-tab-roster-chart")
        await settle(pilot)
        assert tabs.active == "roster-chart"
        assert tabs.active_pane is tabs.get_pane("roster-chart")


async def test_next_tab_skips_disabled_and_hidden_tabs(example_draft: Path) -> None:
    app = PolicyApp(document_for(example_draft), recent=RecentDrafts(None))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tabs = roster_tabs(app)
        tabs.disable_tab("roster-roles")
        tabs.hide_tab("roster-chart")
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert tabs.active == "roster-rules"
        assert app.focused is app.screen.query_one("#rule-list")
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert tabs.active == "roster-people"
