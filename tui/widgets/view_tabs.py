"""Tabs for a step's views: a strip of names over the view shown, switched by key or click.

Textual's TabbedContent builds a widget per tab, an animated underline and their styles: on the
first screen that cost about 25 ms to build and as long again of work after the first paint, a
fifth of the app's start-up. A step needs less: names that show which view is up and switch on
a click, the view below, and a message when the view changes. The strip draws the names and the
underline in one widget, in the same look.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Static

from tui.redraw import bring_up_to_date

BAR = "━"


def first_focusable(widget: Widget) -> Widget | None:
    """The first widget below `widget` that can take the keyboard, in document order."""
    return next((w for w in widget.query("*") if w.focusable), None)


class View(Vertical):
    """One view: its name in the strip, its widgets below it when shown."""

    def __init__(self, title: str, *children: Widget, id: str) -> None:
        super().__init__(*children, id=id, classes="view")
        self.title = title


class TabStrip(Static):
    """The views' names on one line and the underline on the next, the shown view's marked."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"tab-strip--active", "tab-strip--bar", "tab-strip--bar-active"}

    def show(self, views: list[View], active: str) -> None:
        names, bar = [], []
        for view in views:
            label = Content(f" {view.title} ").stylize(f"@click=pick('{view.id}')")
            shown = view.id == active
            names.append(label.stylize(self.get_visual_style("tab-strip--active")) if shown else label)
            bar.append(Content(BAR * len(label)).stylize(
                self.get_visual_style("tab-strip--bar-active" if shown else "tab-strip--bar")))
        self.update(Content("\n").join([Content("").join(names), Content("").join(bar)]))

    def action_pick(self, view_id: str) -> None:
        self.query_ancestor(ViewTabs).active = view_id


class ViewTabs(Vertical):
    """Compose with `with ViewTabs(id=...):` and one `with View(title, id=...):` per view."""

    active: reactive[str] = reactive("", init=False)

    class TabActivated(Message):
        """Another view is shown (by key, click or `active`)."""

        def __init__(self, tabs: ViewTabs, view: View) -> None:
            super().__init__()
            self.tabs = tabs
            self.view = view

        @property
        def control(self) -> ViewTabs:
            return self.tabs

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="view-tabs")
        self._views: list[View] = []

    def compose_add_child(self, widget: Widget) -> None:
        assert isinstance(widget, View), "ViewTabs holds View widgets"
        self._views.append(widget)

    def compose(self) -> ComposeResult:
        yield TabStrip()
        yield ContentSwitcher(*self._views, initial=self._views[0].id)

    def on_mount(self) -> None:
        # A view chosen before mounting (a step restoring where the user was) stays chosen.
        self.set_reactive(ViewTabs.active, self.active or self._views[0].id or "")
        self.query_one(ContentSwitcher).current = self.active
        self.query_one(TabStrip).show(self._views, self.active)

    @property
    def views(self) -> list[View]:
        return list(self._views)

    def get_pane(self, view_id: str) -> View:
        return next(v for v in self._views if v.id == view_id)

    @property
    def active_pane(self) -> View:
        return self.get_pane(self.active)

    def watch_active(self, view_id: str) -> None:
        if not self.query_children(ContentSwitcher):
            return  # chosen before the views are built: on_mount shows it
        self.query_one(ContentSwitcher).current = view_id
        bring_up_to_date(self.get_pane(view_id))
        self.query_one(TabStrip).show(self._views, view_id)
        self.post_message(self.TabActivated(self, self.get_pane(view_id)))
