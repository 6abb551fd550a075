"""Enter in a dialog submits it, from a closed choice as from a text field.

Textual's Select opens its list on enter, space, up and down alike, so a form that says
"enter to accept" opened a list instead whenever a choice had the keyboard. A dialog calls
`submits_on_enter` from its key handler (which sees the key before the Select's binding):
on a closed Select, enter submits, and space or down still open the list; in an open list,
enter picks the line as before.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.widget import Widget
from textual.widgets import Select


def submits_on_enter(event: events.Key, focused: Widget | None, submit: Callable[[], object]) -> None:
    """Submit, and keep the key from the Select, when enter is pressed on a closed Select."""
    if event.key == "enter" and isinstance(focused, Select) and not focused.expanded:
        event.stop()
        event.prevent_default()
        submit()
