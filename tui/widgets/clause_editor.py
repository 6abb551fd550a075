"""The selected clause's title and text, editable; the step writes every edit to the model."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, TextArea
from textual.widgets.text_area import Selection

from policy_model.clauses import TIER_WORDS, describe_conditions, library_clause, tier
from policy_model.draft import Clause


class ClauseEditor(Vertical):
    """A title line and a soft-wrapped text area for one clause.

    It only shows the clause it is given; `load` skips a widget whose text already matches,
    so re-rendering after the user's own edit never moves their cursor.
    """

    def compose(self) -> ComposeResult:
        yield Input(placeholder="clause title", id="clause-title")
        yield TextArea(id="clause-text", soft_wrap=True, show_line_numbers=False)

    @property
    def title_input(self) -> Input:
        return self.query_one("#clause-title", Input)

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#clause-text", TextArea)

    # The position in the draft of the clause shown; edits go to this clause, whatever the
    # list's highlight does meanwhile.
    index: int | None = None

    def load(self, clause: Clause | None, index: int | None) -> None:
        """Show a clause. The field the user is typing in keeps its words: its latest
        keystrokes may not have reached the model yet, and reloading would drop them."""
        same = index == self.index and clause is not None
        self.index = index if clause is not None else None
        title = clause.title if clause else ""
        text = clause.text if clause else ""
        if self.title_input.value != title and not (same and self.title_input.has_focus):
            with self.title_input.prevent(Input.Changed):
                self.title_input.value = title
        if self.text_area.text != text and not (same and self.text_area.has_focus):
            with self.text_area.prevent(TextArea.Changed):
                self.text_area.load_text(text)
        self.disabled = clause is None
        self.border_title = Text(self._describe(clause))  # conditions are the user's text, not markup

    @staticmethod
    def _describe(clause: Clause | None) -> str:
        if clause is None:
            return "No clause"
        origin = "your own" if library_clause(clause) is None else (
            "library, rewritten" if clause.customised else "library")
        parts = [origin, f"for {TIER_WORDS[tier(clause)]}", describe_conditions(clause)]
        return "; ".join(part for part in parts if part)

    def select_range(self, start: int, end: int) -> None:
        """Select characters [start, end) of the text, e.g. a phrase lint complained about."""
        self.text_area.selection = Selection(self._location(start), self._location(end))
        self.text_area.focus()

    def _location(self, offset: int) -> tuple[int, int]:
        before = self.text_area.text[:offset].split("\n")
        return len(before) - 1, len(before[-1])
