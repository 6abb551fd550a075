"""Textual's `Lazy`, safe when the app closes before the deferred widget is mounted.

Views not shown first are built just after the first screen is up (as Toolong builds its
tabs). Textual's `Lazy` mounts its widget after the next refresh even when the screen has been
taken down meanwhile (a quit in the first moments), which raises a MountError on the way out;
this one then leaves it unmounted.
"""

from __future__ import annotations

from textual import lazy
from textual.widget import Widget


class Lazy(lazy.Lazy):
    async def mount_composed_widgets(self, widgets: list[Widget]) -> None:
        parent = self.parent
        if not isinstance(parent, Widget):
            return

        async def mount() -> None:
            if not (parent.is_attached and self.is_attached) or parent._closing or parent._pruning:
                return
            await parent.mount(self._replace_widget, after=self)
            await self.remove()

        self.call_after_refresh(mount)
