"""The roster import dialog, driven with Pilot on the real app at 80x24."""

from __future__ import annotations

import html
from pathlib import Path

from textual.widgets import DataTable, Input, Select, SelectionList, Static

from policy_model.document import open_document
from policy_model.roster import ImportReport
from tui.app import PolicyApp
from tui.screens.roster_import import RosterImportDialog

from .waiting import settle

HR_EXPORT = (
    "Staff No;Full Name;Position;Grade;Dept;Book Size;Touch;Client-facing\r\n"
    "S1;Okafor, Grace [b];Account Manager;Senior;Sales;5;High;Y\r\n"
    "S2;Brennan, Liam;Mailroom Clerk;Junior;Operations;;;N\r\n"
    "S2;Twice, Again;Teller;Junior;Retail;;;Y\r\n"
)


async def test_preview_remap_and_import(example_draft: Path, tmp_path: Path) -> None:
    source = tmp_path / "hr.csv"
    source.write_bytes(HR_EXPORT.encode("cp1252"))
    document = open_document(example_draft)
    app = PolicyApp(document)
    results: list[ImportReport | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RosterImportDialog(document), results.append)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RosterImportDialog)
        dialog.query_one("#import-path", Input).value = str(source)
        dialog.query_one("#import-path", Input).focus()
        await pilot.press("enter")
        await settle(pilot)
        assert str(dialog.query_one("#import-format", Static).render()) == \
            "hr.csv: UTF-8, semicolon-separated; 8 columns"
        preview = dialog.query_one("#import-preview", DataTable)
        assert preview.row_count == 3
        screen_text = html.unescape(app.export_screenshot()).replace("\xa0", " ")
        assert "Okafor, Grace [b]" in screen_text  # shown as written, not read as markup
        role = dialog.query_one("#map-role", Select)
        assert role.value == "Position"  # matched by synonym
        assert dialog.query_one("#map-email", Select).value == Select.NULL
        role.value = "Grade"  # the user maps role to another column
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert not isinstance(app.screen, RosterImportDialog)
    report = results[0]
    assert report is not None and report.imported == 2
    assert [(r.row, r.reason) for r in report.rejected] == [(4, "duplicate employee id S2 (first on row 3)")]
    assert report.mapping["role"] == "Grade" and report.origins["role"] == "given"
    assert document.draft.roster.source == "hr.csv"
    assert [e.role for e in document.roster.employees if not e.revoke] == ["Senior", "Junior"]
    assert document.modified and document.can_undo


async def test_a_file_that_is_not_a_table_is_shown_and_nothing_changes(example_draft: Path, tmp_path: Path) -> None:
    source = tmp_path / "photo.csv"
    source.write_bytes(bytes(range(256)))
    document = open_document(example_draft)
    snapshot = example_draft.with_name("regional-bank.roster.csv").read_bytes()
    app = PolicyApp(document)
    results: list[ImportReport | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RosterImportDialog(document, str(source)), results.append)
        await settle(pilot)
        dialog = app.screen
        assert "not a text file" in str(dialog.query_one("#import-format", Static).render())
        await pilot.press("ctrl+r")  # nothing to import: the key does nothing
        await pilot.press("escape")
        await pilot.pause()
    assert results == [None]
    assert not document.modified
    assert example_draft.with_name("regional-bank.roster.csv").read_bytes() == snapshot


async def test_workbook_sheets_can_be_chosen(example_draft: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "Notes"
    workbook.active.append(["Exported", "today"])
    staff = workbook.create_sheet("Staff")
    staff.append(["EmpID", "Name", "Job Title"])
    staff.append(["7", "Lee, Ann", "Teller"])
    source = tmp_path / "hr.xlsx"
    workbook.save(source)
    document = open_document(example_draft)
    app = PolicyApp(document)
    results: list[ImportReport | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RosterImportDialog(document, str(source)), results.append)
        await settle(pilot)
        dialog = app.screen
        sheet = dialog.query_one("#import-sheet", Select)
        assert sheet.display and sheet.value == "Notes"
        sheet.value = "Staff"
        await pilot.pause()
        await settle(pilot)
        assert dialog.query_one("#map-role", Select).value == "Job Title"
        await pilot.click("#import-run")
        await settle(pilot)
    assert results[0] is not None and results[0].sheet == "Staff"
    assert [e.id for e in document.roster.employees if not e.revoke] == ["7"]


async def test_escape_cancels_a_running_import(example_draft: Path, tmp_path: Path, monkeypatch) -> None:
    import time

    import tui.screens.roster_import as dialog_module

    def slow_import(document, source, *, mapping, sheet, keep, progress):  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + 10
        while not progress(1, 10) and time.monotonic() < deadline:
            time.sleep(0.01)  # a large file being read, until the user cancels
        return ImportReport(source=source.name, kind="", sheet=None, mapping={}, origins={}, cancelled=True)

    monkeypatch.setattr(dialog_module, "stage_roster", slow_import)
    source = tmp_path / "hr.csv"
    source.write_text(HR_EXPORT, encoding="utf-8")
    document = open_document(example_draft)
    app = PolicyApp(document)
    results: list[ImportReport | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RosterImportDialog(document, str(source)), results.append)
        await settle(pilot)
        await pilot.press("ctrl+r")
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#import-progress").display
        await pilot.press("escape")  # cancels the import, does not close the dialog
        await settle(pilot)
        assert app.screen is dialog and not dialog.query_one("#import-progress").display
        await pilot.press("escape")  # now closes it
        await pilot.pause()
    assert results == [None] and not document.modified


async def test_unrecognised_headers_are_mapped_in_the_dialog_and_columns_chosen_to_keep(
        example_draft: Path, tmp_path: Path) -> None:
    """A file whose role header matches nothing asks for the column, not for --map; the
    columns to keep are ticked there, sensitive ones marked, none ticked by default."""
    source = tmp_path / "hr.csv"
    source.write_text("Emp_ID,First Name,Last Name,Duty,Salary,Site Code\n"
                      "7,Grace,Okafor,Account Manager,61000,B12\n", encoding="utf-8")
    document = open_document(example_draft)
    app = PolicyApp(document)
    results: list[ImportReport | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RosterImportDialog(document, str(source)), results.append)
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, RosterImportDialog)
        message = str(dialog.query_one("#import-format", Static).render())
        assert message == "No column was recognised for Role (job title): choose it below, then import."
        assert "--map" not in message
        role = dialog.query_one("#map-role", Select)
        assert role.has_focus
        assert dialog.query_one("#map-name", Select).value == "First Name + Last Name"
        keep = dialog.query_one("#import-keep", SelectionList)
        labels = [str(keep.get_option_at_index(n).prompt) for n in range(keep.option_count)]
        assert labels == ["Duty", "Salary  (sensitive: salary or pay)", "Site Code"]
        assert keep.selected == []
        await pilot.press("ctrl+r")  # still no role: the dialog stays and says so
        await settle(pilot)
        assert app.screen is dialog and role.has_focus
        role.value = "Duty"
        keep.select("Site Code")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert not isinstance(app.screen, RosterImportDialog)
    report = results[0]
    assert report is not None and report.imported == 1
    person = document.roster.by_id()["7"]
    assert (person.name, person.role, person.extra) == ("Grace Okafor", "Account Manager", {"Site Code": "B12"})
    assert document.draft.roster.keep == ["Site Code"]
