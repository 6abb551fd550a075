"""A footer that shows the keys that fit on one line, and leaves the rest to F1 help.

Textual's footer lays every key out in a row and cuts the row at the screen's edge, so at
80 columns the last key read "del Remo". This one keeps keys, in their order, while they
fit whole beside the palette key (help's key first, so F1 is always there to list the rest),
and lays itself out again when the screen's width changes.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

HELP_ACTION = "app.help"


def key_width(key: FooterKey) -> int:
    """Cells a key takes in our compact footer (app.tcss): key, a space, its name, a margin."""
    return cell_len(key.key_display) + (1 + cell_len(key.description) if key.description else 0) + 1


class FittingFooter(Footer):
    _laid_out_for = 0  # the screen width the keys were chosen for

    def compose(self) -> ComposeResult:
        self._laid_out_for = self.app.size.width
        widgets = list(super().compose())
        keys = [w for w in widgets if isinstance(w, FooterKey) and not w.has_class("-command-palette")]
        room = self.app.size.width - sum(key_width(w) for w in widgets if w not in keys and isinstance(w, FooterKey))
        # Help first, so the key that lists every other one is never the one left out.
        kept: set[int] = set()
        for key in sorted(keys, key=lambda k: k.action not in (HELP_ACTION, "help")):
            if key_width(key) <= room:
                room -= key_width(key)
                kept.add(id(key))
        self.styles.grid_size_columns = len(kept) + (len(widgets) - len(keys))
        yield from (w for w in widgets if w not in keys or id(w) in kept)

    def on_resize(self, event: events.Resize) -> None:
        if self.app.size.width != self._laid_out_for:
            self.refresh(recompose=True)
