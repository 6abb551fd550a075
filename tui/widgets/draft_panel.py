"""What the step 3 panels share: render from the document, change it only through the model.

A panel keeps no state of its own. `change` runs a model operation through `Document.apply`;
a refusal (ProblemsError) is shown to the person and changes nothing; a success re-renders
the panel at once (what follows, such as moving the cursor to a row just added, sees it) and
posts `Step.Changed`, which bubbles to the main screen so the title and the other steps follow.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import DataTable

from policy_model.document import Document
from policy_model.draft import Draft
from policy_model.problems import ProblemsError
from tui.redraw import RendersWhenShown
from tui.screens.yes_no import YesNoScreen
from tui.steps.base import Step

T = TypeVar("T")


class DraftPanel(RendersWhenShown, Vertical):
    """A panel over one part of the draft; subclasses compose it and fill `render_document`
    (drawn when on screen: a panel in a tab not shown catches up when shown)."""

    # The one-line summary every panel opens with.
    DEFAULT_CSS = """
    DraftPanel .panel-summary { color: $text-muted; }
    """

    def __init__(self, document: Document, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="draft-panel")
        self.document = document

    @property
    def draft(self) -> Draft:
        """Always the document's current draft: undo replaces it, so it is never kept."""
        return self.document.draft

    def change(self, operation: Callable[[Draft], object]) -> bool:
        """Run a model operation on the draft; True if it was accepted and recorded (a refusal,
        ProblemsError or ValueError in words, is shown)."""
        try:
            self.apply(operation)
        except ProblemsError as error:
            self.notify("\n".join(p.message for p in error.problems), title="Not changed", severity="error")
            return False
        except ValueError as error:
            self.notify(str(error), title="Not changed", severity="error", markup=False)
            return False
        return True

    def apply(self, operation: Callable[[Draft], T]) -> T:
        """Run a model operation through the document's one door, then tell the screen (a form
        that shows refusals itself calls this rather than `change`)."""
        result = self.document.apply(operation)
        self.render_document()
        self.post_message(Step.Changed())
        return result

    def change_if_confirmed(self, question: str, operation: Callable[[Draft], object]) -> None:
        """Ask first (a removal), then run the model operation only if the answer is yes."""

        def answered(yes: bool | None) -> None:
            if yes:
                self.change(operation)

        self.app.push_screen(YesNoScreen(question, "Remove"), answered)


def fill_table(table: DataTable[Text], rows: list[tuple[str, ...]]) -> None:
    """Replace a small table's rows, keeping the cursor on the same row number.

    Cells are Text so that a name like "[red]" stays a name and is never read as markup.
    """
    row = table.cursor_row
    table.clear()
    for values in rows:
        table.add_row(*(Text(v) for v in values))
    if rows:
        table.move_cursor(row=max(0, min(row, len(rows) - 1)))


def selected(table: DataTable[Text]) -> int | None:
    """The row under the cursor, or None when the table is empty."""
    return table.cursor_row if table.row_count else None
