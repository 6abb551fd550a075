"""The app shell, driven like a user: steps, save, quit with a confirm, help, palette, open."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import ContentSwitcher, Input

from policy_model.document import create_document, open_document
from policy_model.draft import Draft
from tui.app import PolicyApp
from tui.recent import RecentDrafts
from tui.screens.choice import ChoiceScreen
from tui.screens.help import HelpScreen
from tui.screens.main import MainScreen
from tui.screens.start import StartScreen
from tui.steps.base import Step

from .drafts import load_draft


def app_for(path: Path, tmp_path: Path) -> PolicyApp:
    return PolicyApp(open_document(path), recent=RecentDrafts.load(tmp_path / "recent.json"))


def set_company(draft: Draft, name: str) -> None:
    draft.policy.company = name


def change_company(app: PolicyApp, name: str) -> None:
    """A model operation, as a step would make it, announced the way steps announce it."""
    assert app.document is not None
    app.document.apply(lambda draft: set_company(draft, name))
    app.screen.query_one("#step-1", Step).draft_changed()


async def test_header_shows_the_file_and_unsaved_changes(example_draft: Path, tmp_path: Path) -> None:
    app = app_for(example_draft, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, MainScreen)
        assert app.sub_title == str(example_draft)
        change_company(app, "Harbour Bank")
        await pilot.pause()
        assert app.sub_title.endswith("unsaved changes")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.sub_title == str(example_draft)
    assert load_draft(example_draft).policy.company == "Harbour Bank"
    assert RecentDrafts.load(tmp_path / "recent.json").paths == [example_draft.resolve()]


async def test_number_keys_switch_steps(example_draft: Path, tmp_path: Path) -> None:
    app = app_for(example_draft, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        switcher = app.screen.query_one(ContentSwitcher)
        for key in "4231":
            await pilot.press(key)
            assert switcher.current == f"step-{key}"


async def test_quit_asks_when_there_are_unsaved_changes(example_draft: Path, tmp_path: Path) -> None:
    before = example_draft.read_bytes()
    app = app_for(example_draft, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        change_company(app, "Unsaved Bank")
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen) and app.is_running
        await pilot.press("ctrl+q", "d")
        await pilot.pause()
        assert not app.is_running
    assert example_draft.read_bytes() == before


async def test_quit_can_save_first(example_draft: Path, tmp_path: Path) -> None:
    app = app_for(example_draft, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        change_company(app, "Saved On Quit Bank")
        await pilot.press("ctrl+q", "s")
        await pilot.pause()
        assert not app.is_running
    assert load_draft(example_draft).policy.company == "Saved On Quit Bank"


async def test_quit_without_changes_does_not_ask(example_draft: Path, tmp_path: Path) -> None:
    app = app_for(example_draft, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


async def test_help_lists_every_binding(example_draft: Path, tmp_path: Path) -> None:
    app = app_for(example_draft, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("DataTable")
        actions = {table.get_row_at(i)[1] for i in range(table.row_count)}  # type: ignore[attr-defined]
        assert {"Save", "Open", "Quit", "Help", "Who needs access", "Channels", "Policy wording",
                "Review and export"} <= actions
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_command_palette_offers_the_apps_commands(example_draft: Path, tmp_path: Path) -> None:
    app = app_for(example_draft, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Save", "Open", "Help", "Channels", "Review and export"} <= set(titles)
        await pilot.press("ctrl+p")
        await pilot.press(*"Review and export")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(ContentSwitcher).current == "step-4"


async def test_open_another_draft_asks_about_unsaved_changes(example_draft: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    create_document(other, company="Other Co").save()
    app = app_for(example_draft, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        change_company(app, "Changed")
        await pilot.press("ctrl+o")
        app.screen.query_one(Input).value = str(other)
        await pilot.press("enter")
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("d")
        await pilot.pause()
        assert app.document is not None and app.document.draft.policy.company == "Other Co"
        assert app.sub_title == str(other)


async def test_a_broken_draft_is_reported_and_nothing_changes(example_draft: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("schema_version = 1\n[policy]\ncompany = 3\n", encoding="utf-8")
    app = app_for(example_draft, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_path(broken)
        await pilot.pause()
        assert app.document is not None and app.document.path == example_draft
        assert any("policy.company" in str(n.message) for n in app._notifications)


async def test_start_screen_without_a_draft_creates_a_new_one(tmp_path: Path) -> None:
    app = PolicyApp(None, recent=RecentDrafts.load(tmp_path / "recent.json"))
    target = tmp_path / "new-policy.toml"
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, StartScreen)
        await pilot.press("n")
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.sub_title == str(target)  # written when created, as `policy-tui new` does
    assert load_draft(target).eligibility.rules


def test_undo_and_redo_walk_the_model_history(example_draft: Path) -> None:
    document = open_document(example_draft)
    for name in ("A Bank", "B Bank"):
        document.apply(lambda draft: set_company(draft, name))  # noqa: B023 (applied at once)
    assert document.undo() and document.draft.policy.company == "A Bank"
    assert document.undo() and not document.modified
    assert not document.undo()
    assert document.redo() and document.draft.policy.company == "A Bank"
    document.apply(lambda draft: set_company(draft, "C Bank"))
    assert not document.redo(), "a new change drops the redo branch"


def test_launch_opens_the_draft_and_leaves_the_collector_on(example_draft: Path, tmp_path: Path) -> None:
    """The command's own way in: the draft's main screen, the recent list updated, and garbage
    collection running again once start-up is over (it is paused only while the app loads)."""
    import gc

    from tui.launch import launch

    seen: dict[str, object] = {}

    async def look(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.pause()
        seen["screen"], seen["collecting"] = pilot.app.screen, gc.isenabled()
        pilot.app.exit()

    recent = RecentDrafts.load(tmp_path / "recent.json")
    try:
        assert launch(example_draft, recent, headless=True, size=(80, 24), auto_pilot=look) == 0
    finally:
        gc.unfreeze()  # the rest of the test run keeps collecting what this app left behind
    assert isinstance(seen["screen"], MainScreen)
    assert seen["collecting"] is True
    assert RecentDrafts.load(tmp_path / "recent.json").paths == [example_draft]
