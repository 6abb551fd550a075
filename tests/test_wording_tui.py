"""Step 3 driven by the keyboard in the real app at 80x24: edit, preview, lint, save."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Markdown, TextArea

from policy_model.document import open_document
from tui.app import PolicyApp
from tui.screens.table_view import TableScreen
from tui.screens.yes_no import YesNoScreen
from tui.steps.wording import SETTLE, WordingStep
from tui.widgets.clause_list import ClauseList
from tui.widgets.lint_panel import LintPanel

from .keys import type_text
from .waiting import until

OVERBROAD = "Never disparage. "


async def open_clauses(pilot: Pilot[None]) -> None:
    """Step 3, with the clause list focused, reached by keys alone."""
    await pilot.press("3")
    assert isinstance(pilot.app.focused, ClauseList)


async def settle(pilot: Pilot[None]) -> None:
    """Wait for typing to count as paused, so preview and lint catch up."""
    await pilot.pause(SETTLE + 0.2)


def lint_messages(app: PolicyApp) -> list[str]:
    return [f.problem.message for f in app.screen.query_one(LintPanel).findings]


def preview(app: PolicyApp) -> str:
    return app.screen.query_one("#policy-preview", Markdown).source


async def test_editing_a_clause_updates_the_preview(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_clauses(pilot)
        await pilot.press("p")
        assert "Harbor Community Bank wants its people" in preview(app)
        await pilot.press("escape", "enter")
        assert isinstance(app.focused, TextArea)
        await type_text(pilot, "Hi {company}. ")
        assert app.document.draft.clauses[0].text.startswith("Hi {company}. ")  # in the model at once
        await settle(pilot)
        assert app.document.draft.clauses[0].customised
        assert app.document.can_undo and app.document.modified
        await pilot.press("escape", "p")
        assert "Hi Harbor Community Bank. Harbor Community Bank wants" in preview(app)
        # Each time it opens, the preview shows the draft as it is now.
        await pilot.press("escape", "space", "p")
        assert "Hi Harbor Community Bank." not in preview(app)


async def test_an_overbroad_phrase_raises_a_warning_that_goes_when_removed(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_clauses(pilot)
        assert not any("overbroad" in m for m in lint_messages(app))
        await pilot.press("enter")
        await type_text(pilot, OVERBROAD)
        await settle(pilot)
        warnings = [m for m in lint_messages(app) if "overbroad" in m]
        assert len(warnings) == 1 and "\"disparage\"" in warnings[0] and "Narrower:" in warnings[0]
        assert "warning" in app.screen.query_one(LintPanel).border_title  # type: ignore[operator]
        await pilot.press(*["backspace"] * len(OVERBROAD))
        await settle(pilot)
        assert not any("overbroad" in m for m in lint_messages(app))


async def test_choosing_a_lint_problem_selects_the_phrase(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_clauses(pilot)
        await pilot.press("down", "enter")  # the scope clause
        await type_text(pilot, OVERBROAD)
        await pilot.press("escape")  # leaving the editor catches up at once
        assert isinstance(app.focused, ClauseList)
        await pilot.press("up")  # another clause is in the editor now
        panel = app.screen.query_one(LintPanel)
        panel.focus()
        warning = next(n for n, f in enumerate(panel.findings) if f.problem.severity == "warning")
        panel.highlighted = warning
        await pilot.press("enter")
        text_area = app.screen.query_one("#clause-text", TextArea)
        assert app.focused is text_area
        assert app.screen.query_one(ClauseList).highlighted == 1
        assert text_area.selected_text == "disparage"


async def test_keys_toggle_move_add_and_delete_clauses(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        document = app.document  # each change makes a new draft: read the current one
        await open_clauses(pilot)
        await pilot.press("space")
        assert not document.draft.clauses[0].enabled
        await pilot.press("shift+down")
        assert [c.id for c in document.draft.clauses[:2]] == ["definitions", "purpose"]
        assert app.screen.query_one(ClauseList).highlighted == 1
        await pilot.press("a")
        assert isinstance(app.focused, Input) and document.draft.clauses[2].title == "New clause"
        await type_text(pilot, "Listening")
        await pilot.press("enter")
        assert isinstance(app.focused, TextArea)
        await type_text(pilot, "About {company}.")
        await pilot.press("escape")
        assert document.draft.clauses[2].title == "Listening"
        await pilot.press("p")
        source = preview(app)
        expected = "## 2. Listening\n\n*Applies to every employee.*\n\nAbout Harbor Community Bank."
        assert expected in source, source[source.find("## 2."):][:200]
        await pilot.press("escape")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, TableScreen)
        values = {row[0]: row[1] for row in app.screen.rows}
        assert values["{company}"] == "Harbor Community Bank" and values["{channels}"].startswith("LinkedIn")
        await pilot.press("escape")
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, YesNoScreen)
        await pilot.press("y")
        await pilot.pause()
        assert "listening" not in [c.id for c in document.draft.clauses]


async def test_reset_puts_back_the_library_words(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        draft = app.document.draft
        original = draft.clauses[0].text
        await open_clauses(pilot)
        assert not app.screen.query_one(WordingStep).check_action("reset", ())  # nothing to reset yet
        await pilot.press("enter")
        await type_text(pilot, "Edited. ")
        await pilot.press("escape", "r")
        assert draft.clauses[0].text == original and not draft.clauses[0].customised
        assert app.screen.query_one("#clause-text", TextArea).text == original


async def test_a_rewritten_clause_is_saved_and_reloads_customised(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_clauses(pilot)
        await pilot.press("enter")
        await type_text(pilot, "Our words. ")
        await pilot.press("ctrl+s")
        await pilot.pause()
    reloaded = open_document(example_draft)
    assert reloaded.draft.clauses[0].text.startswith("Our words. ")
    assert reloaded.draft.clauses[0].customised
    app = PolicyApp(reloaded)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_clauses(pilot)
        assert "✎" in str(app.screen.query_one(ClauseList).get_option_at_index(0).prompt)


async def test_the_preview_opens_at_the_selected_clause(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_clauses(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert app.screen.query_one("#preview-scroll").scroll_y < 10  # the first clause, near the top
        await pilot.press("escape", *["down"] * 12, "p")  # "Personal use at work", far down the policy
        assert await until(pilot, lambda: app.screen.query_one("#preview-scroll").scroll_y > 50)


async def test_a_warning_is_accepted_with_a_reason_from_the_lint_panel(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_clauses(pilot)
        await pilot.press("down", "enter")
        await type_text(pilot, OVERBROAD)
        await pilot.press("escape")
        panel = app.screen.query_one(LintPanel)
        panel.focus()
        warning = next(n for n, f in enumerate(panel.findings) if f.problem.severity == "warning")
        panel.highlighted = warning
        problem = panel.findings[warning].problem
        await pilot.press("A")
        await pilot.pause()
        await type_text(pilot, "Counsel: the clause names the lawful exceptions")
        await pilot.press("enter")
        await pilot.pause()
        document = app.document
        assert document is not None
        (accepted,) = document.draft.accepted
        assert (accepted.id, accepted.reason) == (problem.id, "Counsel: the clause names the lawful exceptions")
        await pilot.pause()
        shown = app.screen.query_one(LintPanel)
        assert str(shown.get_option_at_index(warning).prompt).startswith("✓ accepted: ")
        await pilot.press("ctrl+z")
        assert document.draft.accepted == []
