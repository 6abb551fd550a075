"""The client load dialog, reached from step 1 with `l`, driven with Pilot on the real app at 80x24."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, Select, SelectionList, Static

from policy_model.document import open_document
from policy_model.roster import import_clients
from tui.app import PolicyApp
from tui.screens.clients_import import ClientsImportDialog
from tui.screens.import_report import ImportReportScreen
from tui.screens.main import MainScreen

from .test_roster_clients import BOOKS, crm_export, files_of, loads, write
from .test_tui_80x24 import screen_text
from .waiting import settle


async def open_dialog_on(app: PolicyApp, pilot, source: Path) -> ClientsImportDialog:  # type: ignore[no-untyped-def]
    """As a user would: `l` on step 1, the file's path typed, enter for the preview."""
    await pilot.pause()
    await pilot.press("l")
    dialog = app.screen
    assert isinstance(dialog, ClientsImportDialog)
    path = dialog.query_one("#import-path", Input)
    assert path.value == f"{source.parent}/"  # starts in the draft's folder
    path.value = str(source)
    await pilot.press("enter")
    await settle(pilot)
    return dialog


async def test_ticking_a_tier_and_importing_counts_each_persons_accounts(example_draft: Path) -> None:
    source = write(example_draft.parent, crm_export(BOOKS))
    document = open_document(example_draft)
    app = PolicyApp(document)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog_on(app, pilot, source)
        assert str(dialog.query_one("#import-format", Static).render()) == \
            "accounts.csv: UTF-8, comma-separated; 10 columns"
        assert dialog.query_one("#import-preview", DataTable).row_count == 5
        assert dialog.query_one("#map-owner", Select).value == "Owner Email"
        assert dialog.query_one("#map-tier", Select).value == "Customer Tier"
        assert dialog.query_one("#map-account", Select).value == "Account ID"
        tiers = dialog.query_one("#clients-high-touch", SelectionList)
        assert [str(tiers.get_option_at_index(i).prompt) for i in range(tiers.option_count)] == \
            ["Standard (44 accounts)", "Strategic (5 accounts)", "Key (2 accounts)"]
        assert tiers.selected == []

        await pilot.press("ctrl+r")  # no tier ticked: told what to do, nothing imported
        await settle(pilot)
        assert app.screen is dialog
        assert "tick the tiers whose accounts are high-touch" in str(dialog.query_one("#import-format",
                                                                                       Static).render())
        tiers.focus()
        await pilot.press("down", "down", "space")  # the first down highlights Standard, the second Strategic
        assert tiers.selected == ["Strategic"]
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert isinstance(app.screen, ImportReportScreen), "the report stays until closed"
        assert "3 people given a client count" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        assert app.sub_title.endswith("unsaved changes")
    assert loads(document.roster.employees)["E1022"] == (5, "high")
    assert loads(document.roster.employees)["E1018"] == (28, "low")
    assert document.draft.roster.clients is not None and document.draft.roster.clients.high_touch == ["Strategic"]
    assert document.can_undo


async def test_the_tier_column_can_be_changed_and_saved_tiers_come_ticked(example_draft: Path) -> None:
    source = write(example_draft.parent, crm_export(BOOKS))
    document = open_document(example_draft)
    import_clients(document, source, high_touch=["Key"])
    document.save()
    app = PolicyApp(document)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog_on(app, pilot, source)
        tiers = dialog.query_one("#clients-high-touch", SelectionList)
        assert tiers.selected == ["Key"]  # saved by the last client import
        dialog.query_one("#map-tier", Select).value = "Type"
        await settle(pilot)
        assert [str(tiers.get_option_at_index(i).prompt) for i in range(tiers.option_count)] == \
            ["Customer - Direct (51 accounts)"]
        dialog.query_one("#map-tier", Select).value = Select.NULL  # touch left unknown
        await settle(pilot)
        assert not tiers.display
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert isinstance(app.screen, ImportReportScreen)
    assert loads(document.roster.employees)["E1018"] == (28, None)
    assert document.draft.roster.clients is not None and "tier" not in document.draft.roster.clients.mapping


async def test_a_file_that_cannot_be_read_is_shown_and_nothing_changes(example_draft: Path) -> None:
    source = write(example_draft.parent, crm_export(BOOKS).replace("Account Owner,Owner Email", "Rep,Contact"))
    document = open_document(example_draft)
    before = files_of(example_draft.parent)
    app = PolicyApp(document)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_dialog_on(app, pilot, source)
        dialog.query_one("#clients-high-touch", SelectionList).select_all()
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert app.screen is dialog
        assert "no account owner column found" in str(dialog.query_one("#import-format", Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert not document.modified and document.draft.roster.clients is None
    assert files_of(example_draft.parent) == before


def test_every_key_of_the_dialog_has_an_id_and_a_tooltip() -> None:
    for binding in ClientsImportDialog.BINDINGS:
        assert binding.id and binding.tooltip, binding  # type: ignore[union-attr]


async def test_the_key_is_in_the_command_palette(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        commands = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert commands["Client load"].startswith("Count each person's accounts in a CRM export")
        assert commands["Client load"].endswith("(l)")
