"""At 80x24 nothing a new user needs is cut off: the roster's status stays in view."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable
from textual.widgets._footer import FooterKey

from policy_model import toml_io
from policy_model.access import Matrix, MatrixRow
from policy_model.document import new_draft, open_document
from policy_model.draft import Employee
from policy_model.roster_snapshot import snapshot_path, write_snapshot
from tui.app import PolicyApp
from tui.recent import RecentDrafts
from tui.widgets.access_matrix import AccessMatrix
from tui.widgets.footer import FittingFooter, key_width
from tui.widgets.roster_table import RosterTable, cut_middle

from .drafts import load_draft
from .test_tui_80x24 import screen_text
from .waiting import settle

LONG_IDS = [f"ACME-EMEA-CONTRACTOR-{n:04d}-TEMPORARY-2026" for n in range(6)]


def long_id_draft(path: Path) -> Path:
    """A roster whose made-up ids are longer than a third of the screen."""
    employees = [Employee(id=id_, name=f"Person {n}", role="Relationship Banker", department="Sales",
                          clients=3, touch="high", customer_facing=True) for n, id_ in enumerate(LONG_IDS)]
    draft = new_draft("Acme")
    write_snapshot(snapshot_path(path), employees, [], draft.roster)
    toml_io.save(draft, path)
    return path


def test_an_id_is_cut_from_the_middle() -> None:
    assert cut_middle("E1001", 8) == "E1001"
    assert cut_middle("ACME-EMEA-0001", 9) == "ACME…0001"


async def test_long_ids_leave_the_status_column_on_screen(tmp_path: Path) -> None:
    app = PolicyApp(open_document(long_id_draft(tmp_path / "acme.toml")))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(RosterTable)
        width = table.scrollable_content_region.width
        header = table.render_line(0).text
        assert "STATUS" in header[:width]
        first = table.render_line(1).text[:width]
        assert "granted" in first or "review" in first or "denied" in first
        assert first.startswith("ACME-") and "…" in first.split()[0] and first.split()[0].endswith("2026")


async def test_the_sidebar_folds_away_under_100_columns_and_ctrl_b_toggles_it(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        sidebar, step = app.screen.query_one("#steps"), app.screen.query_one("#step-1")
        assert not sidebar.display and step.region.x == 0 and step.region.width == 80
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert sidebar.display and step.region.x >= sidebar.region.right
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert not sidebar.display


async def test_the_sidebar_shows_on_a_wide_screen(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#steps").display
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert not app.screen.query_one("#steps").display


async def test_help_descriptions_wrap_inside_the_dialog(example_draft: Path) -> None:
    for size in ((80, 24), (160, 45)):
        app = PolicyApp(open_document(example_draft))
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("f1")
            await pilot.pause()
            table = app.screen.query_one(DataTable)
            assert table.virtual_size.width <= table.scrollable_content_region.width, size
            described = {" ".join(str(table.get_row_at(n)[2]).split()) for n in range(table.row_count)}
            assert "Narrow the roster by name, id, role, department or status:granted/review/denied" in described


async def test_the_footer_shows_only_whole_keys_and_keeps_help(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for step in "1234":
            await pilot.press(step)
            await settle(pilot)
            footer = app.screen.query_one(FittingFooter)
            keys = list(footer.query(FooterKey))
            assert any(key.action == "help" for key in keys), step
            assert all(key.region.right <= 80 and key.region.width >= key_width(key) - 1 for key in keys), step
            palette = next(key for key in keys if key.has_class("-command-palette"))
            assert all(key.region.right <= palette.region.x for key in keys if key is not palette), step


async def test_a_question_s_words_and_buttons_fit_at_80_columns(example_draft: Path) -> None:
    from textual.widgets import Button, Label

    from tui.screens.answer import Answer
    from tui.screens.choice import ChoiceScreen, unsaved_question

    detail = ("The recovery file .regional-bank.toml.recovery was written 2026-12-02 14:05 "
              "and is newer than the draft.")
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(ChoiceScreen("Unsaved changes to this draft were recovered.", [
            Answer("recover", "Recover them", "r", "primary"), Answer("discard", "Discard them", "d", "error"),
            Answer("cancel", "Decide later", "l")], detail))
        await pilot.pause()
        dialog = app.screen.query_one(".dialog").content_region
        label = next(label for label in app.screen.query(Label) if "recovery file" in str(label.render()))
        assert label.region.right <= dialog.right and label.region.height >= 2  # wrapped, not cut
        for button in app.screen.query(Button):
            assert button.region.right <= dialog.right, str(button.label)
        app.pop_screen()
        app.push_screen(unsaved_question("Open another draft"))
        await pilot.pause()
        dialog = app.screen.query_one(".dialog").content_region
        for button in app.screen.query(Button):
            assert button.region.right <= dialog.right and button.region.width >= len(str(button.label)), \
                str(button.label)


async def test_a_channel_s_recommendation_is_shown_whole(example_draft: Path) -> None:
    from textual.widgets import Static

    from policy_model.channels import recommendations
    from tui.widgets.channel_list import ChannelList

    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        why = app.screen.query_one("#channel-why", Static)
        lines = why.render_lines(why.region.reset_offset)  # every line the widget draws
        drawn = " ".join(" ".join(segment.text for segment in line).strip() for line in lines)
        assert "…" not in drawn and why.region.bottom <= 24
        channel = app.screen.query_one(ChannelList).highlighted_id
        assert channel is not None
        reason = recommendations(app.document.draft)[channel].reason  # type: ignore[union-attr]
        assert " ".join(drawn.split()).endswith(" ".join(reason.split()))


async def test_the_matrix_header_is_whole_beside_short_department_names(example_draft: Path) -> None:
    draft = load_draft(example_draft)
    app = PolicyApp(open_document(example_draft), recent=RecentDrafts(None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2")
        await settle(pilot)
        table = app.screen.query_one(AccessMatrix)
        channels = tuple(c.id for c in draft.channels[:2])
        row = MatrixRow("IT", 2, (2, 1))
        table.show(Matrix("department", channels, channels, ("A", "B"), (row,), MatrixRow("Total", 2, (2, 1))))
        await pilot.pause()
        assert "│ Department  Granted" in screen_text(app)


async def test_every_field_of_the_details_form_is_on_screen_with_its_label_whole(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft), recent=RecentDrafts(None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "e")
        await pilot.pause()
        text = screen_text(app)
        for label in ("Company", "Effective date", "Review every (months)", "Kind of firm", "Law of (ISO codes)"):
            assert label in text


async def test_the_chosen_status_of_an_override_shows_by_its_dot(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft), recent=RecentDrafts(None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "o")
        await pilot.pause()
        assert "( ) granted" in screen_text(app) and "(●) review" in screen_text(app)
        app.screen.query_one("#override-status").focus()
        await pilot.press("left", "space")
        await pilot.pause()
        line = next(line for line in screen_text(app).splitlines() if "granted" in line)
        assert "( ) review" in line and line.count("(●)") == 1, "the dot moved with the choice"
