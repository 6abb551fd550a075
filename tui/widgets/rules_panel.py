"""Step 1's rules tab: the rules in the order they are tried, each with how many it decides.

Rules are added, edited in full, deleted and moved here, each through a model operation
(`rule_edit`, `eligibility.move_rule`). The counts come from the step, which decides the
roster: the panel reads them through the function it is given, so a panel mounted late (its
tab is built after the first screen) starts from the counts as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from policy_model.document import Document
from policy_model.draft import Draft, Rule
from policy_model.eligibility import LEAVER, describe_rule, find_rule, move_rule
from policy_model.plural import counted
from policy_model.rule_edit import add_rule, delete_rule, replace_rule
from policy_model.user_input import printable_line
from tui.screens.rule_form import rule_form
from tui.widgets.access_chart import STYLES
from tui.widgets.draft_panel import DraftPanel

HINT = "Tried in order; the first rule that matches decides."


class RulesPanel(DraftPanel):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add rule", id="roster.add-rule",
                tooltip="Add a rule, tried just before the highlighted one"),
        Binding("e", "edit", "Edit rule", id="roster.edit-rule",
                tooltip="Change the highlighted rule: outcome, reason, roles, departments, load (or press enter)"),
        Binding("delete", "delete", "Delete", id="roster.delete-rule",
                tooltip="Delete the highlighted rule (asks first); its people fall to the next rule"),
        Binding("shift+up,left_square_bracket", "move(-1)", "Rule up", id="roster.rule-up",
                tooltip="Try the highlighted rule earlier (first match wins)"),
        Binding("shift+down,right_square_bracket", "move(1)", "Rule down", id="roster.rule-down",
                tooltip="Try the highlighted rule later (first match wins)"),
    ]

    def __init__(self, document: Document, counts_of: Callable[[], dict[str, int]], *,
                 id: str | None = None) -> None:  # noqa: A002 - Textual's own name
        super().__init__(document, id=id)
        self._counts_of = counts_of
        self._wanted: str | None = None  # the rule to highlight at the next drawing

    def compose(self) -> ComposeResult:
        yield Static(HINT, id="rules-hint", classes="roster-hint", markup=False)
        yield OptionList(id="rule-list")

    @property
    def counts(self) -> dict[str, int]:
        """How many people each rule decides now (empty while the roster is being decided)."""
        return self._counts_of()

    def render_document(self) -> None:
        # Leavers and overrides are decided before any rule: say how many, so the counts add up.
        before = [f"{counted(self.counts[key], 'person', 'people')} {what}"
                  for key, what in ((LEAVER, "who have left (never granted)"), ("override", "by override"))
                  if self.counts.get(key)]
        self.query_one("#rules-hint", Static).update(HINT + (f" Before them: {'; '.join(before)}." if before else ""))
        rules = self.draft.eligibility.rules
        options = self.query_one(OptionList)
        highlighted = self._wanted or self.highlighted_rule()
        self._wanted = None
        options.clear_options()
        for n, rule in enumerate(rules, start=1):
            prompt = Text(no_wrap=False)
            prompt.append(printable_line(f"{n}. {rule.id} → "))
            prompt.append(rule.outcome, style=STYLES[rule.outcome])
            if self.counts:
                decided = self.counts.get(rule.id, 0)
                prompt.append(f"  {decided:,} {'person' if decided == 1 else 'people'}", style="dim")
            prompt.append(f"\n   {printable_line(describe_rule(rule))}", style="dim")
            options.add_option(Option(prompt, id=rule.id))
        if rules:
            ids = [r.id for r in rules]
            options.highlighted = ids.index(highlighted) if highlighted in ids else 0

    def highlighted_rule(self) -> str | None:
        option = self.query_one(OptionList).highlighted_option if self.is_mounted else None
        return option.id if option else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Editing, deleting and moving need a highlighted rule; without one they are dimmed."""
        if action in ("edit", "delete", "move") and self.highlighted_rule() is None:
            return None
        return True

    def action_add(self) -> None:
        rule_id = self.highlighted_rule()
        position = self.draft.eligibility.rules.index(find_rule(self.draft, rule_id)) if rule_id else None

        def apply(rule: Rule) -> None:
            self._done(lambda draft: add_rule(draft, rule, position), "added")

        self.app.push_screen(rule_form("Add a rule (tried before the highlighted one)", None, apply))

    @on(OptionList.OptionSelected, "#rule-list")
    def action_edit(self) -> None:
        rule_id = self.highlighted_rule()
        if rule_id is None:
            return

        def apply(rule: Rule) -> None:
            self._done(lambda draft: replace_rule(draft, rule_id, rule), "changed")

        self.app.push_screen(rule_form(f"Edit rule {printable_line(rule_id)}", find_rule(self.draft, rule_id), apply))

    def _done(self, operation: Callable[[Draft], Rule], what: str) -> None:
        """Run the form's operation, highlight the rule it kept, and say what it now says (a
        form shows a refusal itself, so `change` is not used)."""

        def kept(draft: Draft) -> Rule:
            rule = operation(draft)
            self._wanted = rule.id  # highlighted when the panel draws the change
            return rule

        rule = self.apply(kept)
        self.notify(printable_line(f"Rule {rule.id} {what}: {describe_rule(rule)} → {rule.outcome}"), markup=False)

    def action_delete(self) -> None:
        rule_id = self.highlighted_rule()
        if rule_id is None:
            return
        decided = self.counts.get(rule_id)
        now = f" It decides {decided:,} {'person' if decided == 1 else 'people'} now." if decided is not None else ""
        self.change_if_confirmed(printable_line(f"Delete rule {rule_id}?{now} Its people fall to the next rule "
                                                "that matches them."), lambda draft: delete_rule(draft, rule_id))

    def action_move(self, offset: int) -> None:
        rule_id = self.highlighted_rule()
        if rule_id is None:
            return
        self._wanted = rule_id
        self.change(lambda draft: move_rule(draft, rule_id, offset))
