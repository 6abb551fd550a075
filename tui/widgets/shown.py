"""Parts drawn from the document that draw only while on screen, and catch up when shown.

Other steps change the draft often (every override in step 1), and drawing a step or a tab
can mean deciding every employee, counting training or comparing drafts. A step or tab that
is not shown need not pay for that: it remembers it is out of date and draws when shown.
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

    def on_show(self) -> None:
        if self._stale:
            self.refresh_document()
