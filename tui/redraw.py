"""Parts drawn from the document that draw only while on screen, and catch up when shown.

Other steps change the draft often (every override in step 1), and drawing a step or a tab
can mean deciding every employee, counting training or comparing drafts. A step or tab that
is not shown need not pay for that: it remembers it is out of date and draws when shown.
What switches a step or a tab calls `bring_up_to_date` at once, so the first frame shown is already
current; Textual's Show event, a frame later, covers any other way of being shown.
"""

from __future__ import annotations

from textual.widget import Widget


def on_screen(widget: Widget) -> bool:
    """Whether the widget and every container above it are displayed (not a hidden step or tab)."""
    return all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))


class RendersWhenShown(Widget):
    """Call `refresh_document` after a change; subclasses draw in `render_document`."""

    _stale = True

    def render_document(self) -> None:
        """Show the document as it is now."""

    def refresh_document(self) -> None:
        """Draw now if on screen; otherwise draw when next shown."""
        self._stale = not on_screen(self)
        if not self._stale:
            self.render_document()

    def on_mount(self) -> None:
        self.refresh_document()

    def catch_up(self) -> None:
        """Draw now if a change came while it was hidden."""
        if self._stale:
            self.refresh_document()

    def on_show(self) -> None:
        self.catch_up()


def bring_up_to_date(shown: Widget) -> None:
    """Just shown (a step, a tab): draw it, and what is below it, if a change came meanwhile."""
    for node in [shown, *shown.query(RendersWhenShown)]:
        if isinstance(node, RendersWhenShown):
            node.catch_up()
