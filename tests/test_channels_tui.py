"""Step 2 driven by keys in the real app at 80x24: toggle, settings, restriction, save, reload."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import SelectionList, Static

from policy_model.document import open_document
from policy_model.draft import Channel
from tui.app import PolicyApp
from tui.screens.channel_settings import ChannelSettingsScreen
from tui.widgets.access_matrix import AccessMatrix
from tui.widgets.channel_list import ChannelList

from .keys import type_text
from .test_tui_80x24 import screen_text
from .waiting import settle


async def open_channels(app: PolicyApp, pilot) -> ChannelList:  # type: ignore[no-untyped-def]
    await pilot.press("2")
    channels = app.screen.query_one(ChannelList)
    assert channels.has_focus
    await settle(pilot)
    return channels


async def highlight(pilot, channels: ChannelList, channel_id: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("home")
    for _ in range(channels.option_count):
        if channels.highlighted_id == channel_id:
            return
        await pilot.press("down")
    raise AssertionError(f"{channel_id} not in the list")


async def open_settings(app: PolicyApp, pilot, channel_id: str) -> None:  # type: ignore[no-untyped-def]
    """Step 2 with the settings of one channel open."""
    await highlight(pilot, await open_channels(app, pilot), channel_id)
    await pilot.press("enter")


def matrix_column(table: AccessMatrix, channel_id: str) -> dict[str, str]:
    """Group -> cell text for one channel's column of the matrix on screen."""
    return {str(table.get_row_at(n)[0]): str(table.get_cell_at((n, table.get_column_index(channel_id))))
            for n in range(table.row_count)}


async def test_enable_restrict_to_a_department_save_and_reload(example_draft: Path):
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        channels = await open_channels(app, pilot)
        await highlight(pilot, channels, "x")
        await pilot.press("space")
        await settle(pilot)
        assert app.document.draft.channels[1].enabled
        assert matrix_column(app.screen.query_one(AccessMatrix), "x")["Total"] == "all 14"

        await pilot.press("enter")
        dialog = app.screen
        assert isinstance(dialog, ChannelSettingsScreen)
        await pilot.press("tab")  # terms -> groups, the list beside them
        groups = dialog.query_one("#channel-groups", SelectionList)
        assert groups.has_focus
        for _ in range(groups.option_count):
            if groups.get_option_at_index(groups.highlighted or 0).value == "department:Sales":
                break
            await pilot.press("down")
        await pilot.press("space")
        effect = str(dialog.query_one("#channel-effect", Static).content)
        assert effect.startswith("This change took X (Twitter) from 9 people: ")
        assert effect.endswith(" and 5 more")
        assert "5 of 14 granted get it" in str(dialog.query_one("#channel-reach", Static).content)
        await pilot.press("escape", "ctrl+s")
        await settle(pilot)
        assert not app.document.modified
        column = matrix_column(app.screen.query_one(AccessMatrix), "x")
        assert column["Sales"] == "all 5" and column["Wealth Management"] == "0"

    reloaded = open_document(example_draft)
    x = next(c for c in reloaded.draft.channels if c.id == "x")
    assert x.enabled and x.groups == ["department:Sales"]
    assert x.archiving_required  # a bank's channel keeps its financial default


async def test_disabling_a_channel_says_who_loses_it_and_undo_state_follows(example_draft: Path):
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        channels = await open_channels(app, pilot)
        await highlight(pilot, channels, "linkedin")
        await pilot.press("space")
        await settle(pilot)
        assert not app.document.draft.channels[0].enabled
        assert app.document.modified and "unsaved changes" in app.sub_title
        messages = [n.message for n in app._notifications]
        assert any(m.startswith("LinkedIn disabled: 14 people: ") for m in messages)
        assert "linkedin" not in app.screen.query_one(AccessMatrix).columns


async def test_settings_dialog_changes_terms_and_response_time(example_draft: Path):
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings(app, pilot, "sms")
        await pilot.press("down", "down", "space")  # third line: personal account allowed
        await pilot.press("tab", "tab", *"2 hours", "enter")  # tab selects the old text; typing replaces it
        assert not isinstance(app.screen, ChannelSettingsScreen), "enter in the reply time is done"
        sms = next(c for c in app.document.draft.channels if c.id == "sms")
        assert sms.personal_account and sms.response_time == "2 hours"
        await pilot.pause()
        terms = str(app.screen.query_one("#channel-terms", Static).content)
        assert terms.startswith("business account; personal account; company phone; reply within 2 hours")


async def test_add_a_custom_channel_and_enable_the_recommended_ones(example_draft: Path):
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        channels = await open_channels(app, pilot)
        await pilot.press("n", *"Client Portal", "enter")
        await settle(pilot)
        custom = app.document.draft.channels[-1]
        assert (custom.id, custom.name, custom.custom, custom.enabled) == ("client-portal", "Client Portal", True, True)
        assert channels.highlighted_id == "client-portal"
        await pilot.press("a")
        enabled = {c.id for c in app.document.draft.channels if c.enabled}
        assert {"x", "instagram", "whatsapp"} <= enabled and "push-to-talk" not in enabled
        await pilot.press("delete")
        await settle(pilot)
        assert "client-portal" not in [c.id for c in app.document.draft.channels]


async def test_matrix_counts_by_role_on_g_and_the_help_lists_the_step_keys(example_draft: Path):
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_channels(app, pilot)
        await pilot.press("g")
        await settle(pilot)
        table = app.screen.query_one(AccessMatrix)
        assert str(table.ordered_columns[0].label) == "Role"
        assert matrix_column(table, "sms")["Relationship Banker"] == "all 2"
        assert table.border_title == "Who gets which, by role"
        from tui.screens.help import binding_rows

        described = {row[1] for row in binding_rows(app.screen)}
        assert {"Enable/disable", "Settings", "Recommended", "New channel", "By role/dept"} <= described


def channel(app: PolicyApp, channel_id: str) -> Channel:
    assert app.document is not None
    return next(c for c in app.document.draft.channels if c.id == channel_id)


async def test_settings_ticks_read_x_or_blank_and_every_term_is_on_screen(example_draft: Path):
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings(app, pilot, "linkedin")
        await pilot.pause()
        text = screen_text(app)
        linkedin = channel(app, "linkedin")
        assert linkedin.archiving_required and not linkedin.personal_account
        assert "[x] Messages must be archived" in text and "[ ] Personal account allowed" in text
        assert "Reply within 1 business day" in text and "Add group" in text


async def test_words_typed_into_a_tick_list_tick_nothing_until_the_highlight_moves(example_draft: Path):
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings(app, pilot, "linkedin")
        before = channel(app, "linkedin")
        await pilot.press("tab")  # the department list, where typing once ticked "Admin Offices"
        await type_text(pilot, "within 2 business hours")
        assert channel(app, "linkedin") == before, "neither letters nor the spaces between them ticked"
        assert any("list to tick" in str(n.message) for n in app._notifications)
        await pilot.press("down", "up", "space")
        assert channel(app, "linkedin").groups == ["department:Account Management"], "space after a move ticks"


async def test_settings_tab_goes_top_to_bottom_and_one_escape_closes(example_draft: Path):
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings(app, pilot, "linkedin")
        visited = []
        for _ in range(4):
            assert app.focused is not None
            visited.append(app.focused.id)
            await pilot.press("tab")
        assert visited == ["channel-switches", "channel-groups", "channel-response-time", "channel-add-group"]
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "escape")
        assert not isinstance(app.screen, ChannelSettingsScreen)


async def test_enter_in_a_tick_list_is_done_and_ticks_nothing(example_draft: Path):
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings(app, pilot, "linkedin")
        before = channel(app, "linkedin")
        await pilot.press("enter")
        assert not isinstance(app.screen, ChannelSettingsScreen)
        assert channel(app, "linkedin") == before
