"""The light tabs every step uses: a click on a name shows its view and says so."""

from __future__ import annotations

from textual import on
from textual.app import App, ComposeResult
from textual.widgets import ContentSwitcher, Static

from tui.widgets.view_tabs import TabStrip, View, ViewTabs


class ThreeViews(App[None]):
    def __init__(self, start: str = "") -> None:
        super().__init__()
        self.start = start
        self.activated: list[str] = []

    def compose(self) -> ComposeResult:
        with ViewTabs(id="tabs") as tabs:
            if self.start:
                tabs.active = self.start
            with View("People", id="people"):
                yield Static("the table")
            with View("Chart", id="chart"):
                yield Static("the bars")
            with View("Rules", id="rules"):
                yield Static("the rules")

    @on(ViewTabs.TabActivated)
    def _activated(self, event: ViewTabs.TabActivated) -> None:
        self.activated.append(event.view.id or "")


def strip_text(app: App[None]) -> str:
    return str(app.query_one(TabStrip).render())


async def test_a_click_on_a_name_shows_its_view_and_marks_it() -> None:
    app = ThreeViews()
    async with app.run_test(size=(60, 10)) as pilot:
        tabs = app.query_one(ViewTabs)
        assert tabs.active == "people" and app.query_one(ContentSwitcher).current == "people"
        assert strip_text(app).splitlines()[0] == " People  Chart  Rules "
        await pilot.click(TabStrip, offset=(len(" People ") + 2, 0))  # on "Chart"
        await pilot.pause()
        assert tabs.active == "chart"
        assert app.query_one(ContentSwitcher).current == "chart"
        assert app.activated == ["chart"]
        assert tabs.active_pane is tabs.get_pane("chart")


async def test_setting_active_switches_and_a_view_chosen_before_mounting_stays() -> None:
    app = ThreeViews(start="rules")
    async with app.run_test(size=(60, 10)) as pilot:
        tabs = app.query_one(ViewTabs)
        assert tabs.active == "rules" and app.query_one(ContentSwitcher).current == "rules"
        tabs.active = "people"
        await pilot.pause()
        assert app.query_one(ContentSwitcher).current == "people"
        assert app.activated[-1] == "people"
        assert [v.id for v in tabs.views] == ["people", "chart", "rules"]
