"""The draft's clauses as a list: on or off, customised or not, and whether they apply."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from policy_model.clauses import TIER_WORDS, applies, describe_conditions, tier
from policy_model.draft import Clause, Draft


def clause_row(clause: Clause, draft: Draft, places: Sequence[str]) -> Text:
    """One row: ✓ (in the policy) or · (off), ✎ when rewritten, dimmed when it does not apply
    (`places`: where the policy applies, which decides the addenda; see `law.draft_places`).

    Built as `Text` so a title with brackets is shown as written, never read as markup.
    """
    applicable = applies(clause, draft, places)
    mark = Text("✓", style="bold green") if clause.enabled else Text("·", style="red")
    custom = Text("✎", style="yellow") if clause.customised else Text(" ")
    title = Text(clause.title or clause.id, style="" if applicable and clause.enabled else "dim")
    if not applicable:
        title.stylize("italic")
    row = Text.assemble(mark, custom, " ", title, no_wrap=True, overflow="ellipsis")
    return row


def clause_tooltip(clause: Clause, draft: Draft, places: Sequence[str]) -> str:
    state = "in the policy" if clause.enabled and applies(clause, draft, places) else (
        "switched off" if not clause.enabled else f"does not apply here ({describe_conditions(clause)})")
    return f"{clause.title}: {state}, for {TIER_WORDS[tier(clause)]}{'; rewritten' if clause.customised else ''}"


class ClauseList(OptionList):
    """The clauses in policy order; the step's keys act on the highlighted one."""

    def show(self, draft: Draft, places: Sequence[str]) -> None:
        """Re-render every row from the draft, keeping the highlighted position."""
        highlighted = self.highlighted
        self.set_options(Option(clause_row(c, draft, places), id=f"clause-{n}") for n, c in enumerate(draft.clauses))
        if draft.clauses:
            self.highlighted = min(highlighted or 0, len(draft.clauses) - 1)
        in_policy = sum(1 for c in draft.clauses if c.enabled and applies(c, draft, places))
        self.border_title = f"Clauses {in_policy}/{len(draft.clauses)}"
        if self.highlighted is not None:
            self.tooltip = clause_tooltip(draft.clauses[self.highlighted], draft, places)
