"""What changed since an older draft, shown in the review step before export.

The comparison is the same `DraftDiff` that `policy-tui diff` prints, so the screen and the
command line tell the same story. The older side is a draft file the user picks (typically
the version legal signed, kept in git or beside the draft): a draft's `revisions` record only
a version, date, author and summary, not the text that was approved, so there is no stored
"last approved revision" to compare with.

Loading the older draft's roster and evaluating every person under both drafts is slow for a
large roster, so it runs in a thread worker; the widget shows the last result until the new
one is ready.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static
from textual.worker import get_current_worker

from policy_model.compare import Side, compare, load_side, roster_or_none
from policy_model.diff import Line, render_lines
from policy_model.document import Document
from policy_model.problems import ProblemsError
from tui.redraw import RendersWhenShown
from tui.screens.path_prompt import PathPrompt

STYLES = {"heading": "bold", "added": "green", "removed": "red", "changed": "yellow", "note": "dim"}
# A Static holding hundreds of thousands of lines would stall the screen; the command line has them all.
LINES_SHOWN = 2000


def as_text(lines: list[Line], limit: int = LINES_SHOWN) -> Text:
    """The diff's lines coloured by kind; user text is never read as markup."""
    text = Text()
    for line in lines[:limit]:
        text.append("  " * line.indent + line.text + "\n", style=STYLES[line.style])
    if len(lines) > limit:
        text.append(f"... and {len(lines) - limit} more lines: run 'policy-tui diff' for all of them\n", style="dim")
    return text


class DiffView(RendersWhenShown, Vertical):
    """The open draft compared with an older one; `c` picks the older draft."""

    DEFAULT_CSS = """
    DiffView { height: 1fr; }
    DiffView #diff-source { color: $text-muted; }
    DiffView #diff-scroll { height: 1fr; border: round $primary 50%; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "compare", "Compare", id="diff.compare",
                tooltip="Compare this draft with an older one (for instance the version legal signed)"),
    ]

    def __init__(self, document: Document, *, id: str | None = "diff-view") -> None:
        super().__init__(id=id)
        self.document = document
        self.older: Side | None = None

    def compose(self) -> ComposeResult:
        yield Static("Not compared yet: press c to pick an older draft (for instance the signed version).",
                     id="diff-source", markup=False)
        with VerticalScroll(id="diff-scroll", can_focus=True):
            yield Static(id="diff-body", markup=False)

    def action_compare(self) -> None:
        start = str(self.older.path if self.older else self.document.path.parent) + ("" if self.older else "/")

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.compare_with(path)

        self.app.push_screen(PathPrompt("Compare with an older draft", "path of the older .toml draft", start),
                             chosen)

    def compare_with(self, path: Path) -> None:
        """Load the older draft (in a worker) and show what changed since it."""
        self.query_one("#diff-source", Static).update(f"Reading {path}...")
        self._load(Path(path))

    def render_document(self) -> None:
        """Compare again with the draft as it is now (after every change, while shown)."""
        if self.older is not None:
            self._compare(self.older, self._current())

    def _current(self) -> Side:
        document = self.document
        # The draft itself: an edit made while the worker reads makes a new draft, not a change to this one.
        return Side(document.draft, document.path,
                    roster_or_none(document.path, document.draft, document.roster))

    # Loading a new older draft and refreshing against the current one are separate groups, so
    # an edit made while a large roster loads does not cancel the load.
    @work(thread=True, exclusive=True, group="diff-load", description="reading the older draft")
    def _load(self, path: Path) -> None:
        try:
            older = load_side(path)
        except ProblemsError as error:
            self.app.call_from_thread(self._failed, path, error)
            return
        self._diff_and_show(older, self.app.call_from_thread(self._current), loaded=True)

    def _failed(self, path: Path, error: ProblemsError) -> None:
        self.query_one("#diff-source", Static).update(
            f"Could not compare with {path}." if self.older is None else f"Still comparing with {self.older.path}.")
        self.notify("\n".join(str(p) for p in error.problems[:8]), title="This draft cannot be compared",
                    severity="error", timeout=15)

    @work(thread=True, exclusive=True, group="diff-compare", description="comparing the drafts")
    def _compare(self, older: Side, current: Side) -> None:
        self._diff_and_show(older, current, loaded=False)

    def _diff_and_show(self, older: Side, current: Side, *, loaded: bool) -> None:
        """Runs in a worker thread: compute, then hand the lines to the UI thread."""
        lines = render_lines(compare(older, current), old_name=str(older.path), new_name="this draft")
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, older, lines, loaded)

    def _show(self, older: Side, lines: list[Line], loaded: bool) -> None:
        if loaded:
            self.older = older
        elif older is not self.older:
            return  # a refresh against a draft that has since been replaced
        version = older.draft.policy.version
        self.query_one("#diff-source", Static).update(f"Changes since {older.path} (version {version}):")
        self.query_one("#diff-body", Static).update(as_text(lines))
