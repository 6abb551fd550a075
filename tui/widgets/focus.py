"""Where the keyboard goes when a step or one of its tabs is shown."""

from __future__ import annotations

from textual.widget import Widget


def first_focusable(widget: Widget) -> Widget | None:
    """The first widget below `widget` that can take the keyboard, in document order."""
    return next((w for w in widget.query("*") if w.focusable), None)
