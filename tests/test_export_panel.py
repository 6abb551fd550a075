"""The export panel inside the app at 80x24: problems first, asks before replacing, writes in a worker."""

from __future__ import annotations

from pathlib import Path

import docx
from textual.widgets import Input, Select, Static

from policy_model.document import open_document
from tui.app import PolicyApp
from tui.screens.yes_no import YesNoScreen
from tui.steps.review import ReviewStep
from tui.widgets.export_panel import ExportPanel

from .waiting import settle


def break_roster(draft: Path) -> None:
    """A duplicate employee in the snapshot: an error check reports."""
    roster = draft.with_name("policy.roster.csv")
    lines = roster.read_text().splitlines()
    roster.write_text("\n".join([*lines, lines[1]]) + "\n")


async def mounted(app: PolicyApp, pilot) -> ExportPanel:  # type: ignore[no-untyped-def]
    """Show step 4, where the export panel is the first tab."""
    await pilot.press("4")
    await pilot.pause()
    return app.screen.query_one(ReviewStep).query_one(ExportPanel)


def text_of(panel: ExportPanel, selector: str) -> str:
    return str(panel.query_one(selector, Static).render())


async def test_problems_first_then_export_writes_the_default_path(export_draft: Path) -> None:
    break_roster(export_draft)
    app = PolicyApp(open_document(export_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await mounted(app, pilot)
        problems = text_of(panel, "#export-problems")
        assert "✗" in problems and "duplicate employee id E1001" in problems
        assert "5 errors: the export is marked DRAFT until they are fixed" in problems
        assert panel.query_one("#export-path", Input).value == str(export_draft.with_suffix(".docx"))

        panel.query_one("#export-path", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        target = export_draft.with_suffix(".docx")
        assert text_of(panel, "#export-result") == (f"Wrote {target}: DRAFT (3 of 3 approvals outstanding; "
                                                     "5 problems found by check; "
                                                     "8 people are still in review; "
                                                     "4 warnings neither fixed nor accepted)\n"
                                                     "and the access schedule policy.access-schedule.docx: "
                                                     "14 granted employees, confidential (the policy names no one)")
        assert docx.Document(str(target)).paragraphs[0].text == "Social Media and Mobile Communication Policy"


async def test_an_existing_file_is_replaced_only_when_the_user_says_so(export_draft: Path) -> None:
    target = export_draft.with_name("signed.docx")
    target.write_bytes(b"signed copy")
    app = PolicyApp(open_document(export_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await mounted(app, pilot)
        path_input = panel.query_one("#export-path", Input)
        path_input.value = "signed.docx"  # relative to the draft's folder
        path_input.focus()
        await pilot.press("ctrl+r")
        assert isinstance(app.screen, YesNoScreen)
        await pilot.press("n")
        assert target.read_bytes() == b"signed copy"
        assert text_of(panel, "#export-result") == f"Not exported: {target} was kept as it is."

        path_input.focus()
        await pilot.press("ctrl+r")
        await pilot.press("y")
        await settle(pilot)
        assert text_of(panel, "#export-result").startswith(f"Wrote {target}: DRAFT")
        assert docx.Document(str(target)).core_properties.version == "0.1"


async def test_a_bad_template_is_reported_and_nothing_is_written(export_draft: Path) -> None:
    app = PolicyApp(open_document(export_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await mounted(app, pilot)
        panel.query_one("#export-template", Input).value = "policy.toml"
        panel.query_one("#export-template", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(panel, "#export-result") == (f"Not exported:\n{export_draft}: --template: not a Word .docx "
                                                     "file that can be used as a template")
        assert not export_draft.with_suffix(".docx").exists()


async def test_the_format_is_chosen_in_the_panel_and_the_page_goes_without_a_schedule(export_draft: Path) -> None:
    app = PolicyApp(open_document(export_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        panel = await mounted(app, pilot)
        choice = panel.query_one("#export-format", Select)
        path_input = panel.query_one("#export-path", Input)
        choice.focus()
        await pilot.press("enter", "down", "down", "enter")  # Word document -> PDF -> intranet page
        await pilot.pause()
        target = export_draft.with_suffix(".html")
        assert (choice.value, path_input.value) == ("html", str(target))

        await pilot.press("ctrl+r")
        await settle(pilot)
        assert text_of(panel, "#export-result") == (f"Wrote {target}: DRAFT (3 of 3 approvals outstanding; "
                                                     "4 problems found by check; 8 people are still in review; "
                                                     "3 warnings neither fixed nor accepted)\n"
                                                     "It names no one; the access schedule goes only with a .docx "
                                                     "or .pdf.")
        assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        assert not export_draft.with_name("policy.access-schedule.docx").exists()

        path_input.value = "wiki.md"  # typing an extension chooses its format
        await pilot.pause()
        assert choice.value == "md"
        path_input.value = "policy.txt"
        path_input.focus()
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert text_of(panel, "#export-result") == (f"Not exported:\n{export_draft.with_suffix('.txt')}: .txt is not "
                                                     "a format policy-tui writes; name the file .docx, .pdf, .html "
                                                     "or .md")
