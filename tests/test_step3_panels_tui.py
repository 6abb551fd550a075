"""The training, discipline and sign-off panels, driven by keys at 80x24.

Each panel is mounted the way step 3 mounts it; the tests press keys and assert on the draft
and on what the screen shows. The last test mounts all three inside the real app.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console
from textual import on
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, TabbedContent, TabPane

from policy_model import signoff, training
from policy_model.clauses import retitle
from policy_model.document import Document, open_document
from policy_model.draft import Override
from tui.app import PolicyApp
from tui.screens.form import FormScreen
from tui.screens.table_view import LIMIT, TableScreen
from tui.steps.base import Step
from tui.steps.wording import WordingStep
from tui.widgets.approvers_panel import ApproversPanel
from tui.widgets.discipline_panel import DisciplinePanel
from tui.widgets.draft_panel import DraftPanel
from tui.widgets.training_panel import TrainingPanel

from .conftest import without_training
from .waiting import settle, until


@pytest.fixture
def example_draft(example_draft: Path) -> Path:
    """These tests plan the training themselves, so they start from none."""
    return without_training(example_draft)

DATA = Path(__file__).parent / "data" / "training"
APP_CSS = Path(__file__).resolve().parent.parent / "tui" / "styles" / "app.tcss"


class PanelApp(App[None]):
    """One panel and a footer, with the app's dialog styles; counts the changes it posts."""

    CSS_PATH = str(APP_CSS)

    def __init__(self, document: Document, panel: type[DraftPanel]) -> None:
        super().__init__()
        self.document = document
        self.panel_class = panel
        self.changes = 0

    def compose(self) -> ComposeResult:
        yield self.panel_class(self.document)
        yield Footer()

    @on(Step.Changed)
    def _changed(self) -> None:
        self.changes += 1


def screen_text(app: App[None]) -> str:
    """What the terminal shows, as plain text."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def has_row(text: str, *cells: str) -> bool:
    """Whether one line of the screen shows these cells in this order (any spacing between)."""
    pattern = re.compile(r"\s+".join(re.escape(cell) for cell in cells))
    return any(pattern.search(line) for line in text.splitlines())


async def test_training_add_session_import_and_pending(example_draft: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(DATA)  # the path typed in the dialog is relative, as people type it
    document = open_document(example_draft)
    app = PanelApp(document, TrainingPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "No session yet" in screen_text(app)
        await pilot.press("a", *"Launch", "tab", *"2026-12-01", "enter")
        await settle(pilot)
        (session,) = document.draft.training.sessions
        assert (session.title, session.date, session.format) == ("Launch", date(2026, 12, 1), "online")
        text = screen_text(app)
        assert has_row(text, "Launch", "0/14 ░░░░░░", "2026-12-01", "online", "every granted employee")
        assert "14 of 14 granted not yet trained" in text

        await pilot.press("i", *"mixed.csv", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TableScreen)
        text = screen_text(app)
        assert "mixed.csv: 2 recorded, 5 rows not used" in text
        assert has_row(text, "3", "unknown employee id E9999: not in the roster")
        assert has_row(text, "6", 'unknown session "nope"')
        assert [c.employee_id for c in document.draft.training.completions] == ["E1002", "E1006"]
        assert "13 of 14 granted not yet trained" in screen_text(app)
        await pilot.press("escape")

        await pilot.press("c", *"E1003", "enter")
        await settle(pilot)
        assert [c.employee_id for c in document.draft.training.completions] == ["E1002", "E1006", "E1003"]
        assert "12 of 14 granted not yet trained" in screen_text(app)
        assert has_row(screen_text(app), "Launch", "2/14 █░░░░░", "2026-12-01")
        await pilot.press("p")
        await pilot.pause()
        text = screen_text(app)
        assert has_row(text, "E1004", "Schultz, Daniel") and "E1002" not in text and "E1003" not in text
        await pilot.press("escape", "l")
        await pilot.pause()
        assert has_row(screen_text(app), "E1003", "Nguyen, Thi Mai", date.today().isoformat())
        await pilot.press("down", "down", "delete", "y")
        await settle(pilot)
        assert [c.employee_id for c in document.draft.training.completions] == ["E1002", "E1006"]
        assert "E1003" not in screen_text(app)
        await pilot.press("escape", "delete", "y")
        await settle(pilot)
        assert document.draft.training.sessions == [] and document.draft.training.completions == []
    assert app.changes == 5
    assert not document.modified  # removing the session brought the draft back to its saved text


async def test_a_refused_form_keeps_what_was_typed(example_draft: Path) -> None:
    document = open_document(example_draft)
    app = PanelApp(document, TrainingPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", *"Launch", "tab", *"1/2/2026", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert '"1/2/2026" is not a date' in screen_text(app)
        assert document.draft.training.sessions == []
        await pilot.press("ctrl+u", *"2026-11-20", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen)
        assert document.draft.training.sessions[0].date == date(2026, 11, 20)


async def test_discipline_ladder_reorder_add_rename_remove(example_draft: Path) -> None:
    document = open_document(example_draft)
    app = PanelApp(document, DisciplinePanel)

    def names() -> list[str]:
        return [s.name for s in document.draft.discipline]

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "shift+down")
        assert names() == ["Reminder", "Suspension of access", "Re-education", "Revocation"]
        assert has_row(screen_text(app), "3", "Re-education")
        await pilot.press("shift+up", "shift+up")
        assert names()[0] == "Re-education"
        await pilot.press("a", *"Warning", "tab", *"HR writes.", "enter")
        await pilot.pause()
        assert names() == ["Re-education", "Warning", "Reminder", "Suspension of access", "Revocation"]
        await pilot.press("e", "end", "ctrl+u", *"Final", "enter")
        await pilot.pause()
        assert document.draft.discipline[1].name == "Final"
        assert document.draft.discipline[1].description == "HR writes."
        assert has_row(screen_text(app), "2", "Final", "HR writes.")
        await pilot.press("delete", "n")
        assert len(names()) == 5
        await pilot.press("delete", "y")
        await pilot.pause()
        assert names() == ["Re-education", "Reminder", "Suspension of access", "Revocation"]


async def test_approvers_add_approve_and_bump_the_version(example_draft: Path) -> None:
    document = open_document(example_draft)
    app = PanelApp(document, ApproversPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("a", *"Ana [b]Ruiz", "tab", *"HR lead", "tab", "space", "down", "enter")
        await pilot.press("ctrl+j")
        await pilot.pause()
        carmen = document.draft.approvers[-1]
        assert (carmen.name, carmen.title, carmen.role, carmen.status) == (
            "Ana [b]Ruiz", "HR lead", "hr", "pending")
        assert "Ana [b]Ruiz" in screen_text(app)  # a name is never read as markup
        await pilot.press("y")  # the first decision asks who is recording it, once
        await pilot.pause()
        await pilot.press(*"Lee Park", "enter")
        await pilot.pause()
        carmen = document.draft.approvers[-1]  # a change makes a new draft; the old one stays as it was
        assert (carmen.status, carmen.date, carmen.version) == ("approved", date.today(), "0.1")
        assert carmen.recorded_by == signoff.recorder("Lee Park") and carmen.recorded_by.endswith("(Lee Park)")
        assert has_row(screen_text(app), "Ana [b]Ruiz", "approved", date.today().isoformat(), "hr", "HR lead")
        await pilot.press("up", "c")
        assert document.draft.approvers[2].status == "changes requested"
        text = screen_text(app)
        assert "Version 0.1: 1 of 4 approved, 1 asked for changes" in text

        await pilot.press("v", "tab", "tab", *"Texting", "enter")
        await pilot.pause()
        assert document.draft.policy.version == "0.2"
        revision = document.draft.revisions[-1]
        assert (revision.version, revision.summary) == ("0.2", "Texting")
        assert revision.author == "Carmen Reyes, HR Business Partner"
        assert {a.status for a in document.draft.approvers} == {"pending"}
        text = screen_text(app)
        assert "Version 0.2: 0 of 4 approved" in text
        assert has_row(text, "0.2", date.today().isoformat(), "Carmen Reyes, HR Business Partner")


async def test_panels_in_the_real_app_save_and_reload(example_draft: Path) -> None:
    """Mounted in step 3 as the app will mount them: the title follows, ctrl+s saves all of it."""
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        step = app.screen.query_one(WordingStep)
        document = app.document
        assert document is not None
        tabs = TabbedContent()
        await step.mount(tabs)
        await tabs.add_pane(TabPane("Training", TrainingPanel(document), id="tab-training"))
        await tabs.add_pane(TabPane("Discipline", DisciplinePanel(document), id="tab-discipline"))
        await tabs.add_pane(TabPane("Sign-off", ApproversPanel(document), id="tab-signoff"))
        await pilot.pause()
        app.screen.query_one(TrainingPanel).table.focus()
        await pilot.press("a", *"Launch", "enter")
        await settle(pilot)
        assert "unsaved changes" in app.sub_title
        tabs.active = "tab-signoff"
        await pilot.pause()
        app.screen.query_one(ApproversPanel).table.focus()
        await pilot.press("y", *"Lee Park", "enter")
        await pilot.pause()
        await pilot.press("v", "tab", "tab", *"Trained", "enter")
        await pilot.pause()
        tabs.active = "tab-discipline"
        await pilot.pause()
        app.screen.query_one(DisciplinePanel).table.focus()
        await pilot.press("shift+down", "ctrl+s")
        await pilot.pause()
        assert "unsaved changes" not in app.sub_title
    saved = open_document(example_draft).draft
    assert [s.title for s in saved.training.sessions] == ["Launch"]
    assert saved.policy.version == "0.2" and saved.revisions[-1].summary == "Trained"
    assert [s.name for s in saved.discipline][:2] == ["Re-education", "Reminder"]


async def test_training_panel_follows_a_change_made_in_step_1(example_draft: Path) -> None:
    """Denying someone in step 1 takes them off the pending list once step 3 is shown again."""
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        document = app.document
        assert document is not None
        # Each change is announced as a step announces its own (the screen then re-renders).
        document.apply(lambda d: training.add_session(d, "Launch"))
        app.draft_replaced()
        await pilot.press("ctrl+t", "ctrl+t")  # Clauses, Preview, then the Training tab
        # The panel catches up when it is shown (on the next layout), then counts in a worker.
        assert await until(pilot, lambda: "14 of 14 granted not yet trained" in screen_text(app))
        await pilot.press("1")
        document.apply(lambda d: d.eligibility.overrides.append(Override("E1002", "denied", "moved to operations")))
        app.draft_replaced()
        await pilot.press("3")
        assert await until(pilot, lambda: "13 of 13 granted not yet trained" in screen_text(app))


async def test_a_long_list_opens_at_once_and_says_how_many_more(example_draft: Path) -> None:
    app = PanelApp(open_document(example_draft), DisciplinePanel)
    async with app.run_test(size=(80, 24)) as pilot:
        rows = [(f"E{n:05d}", "[b]not bold[/b]") for n in range(LIMIT + 250)]
        app.push_screen(TableScreen("Pending", ("Id", "Name"), rows, "The full list: policy-tui training pending"))
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        assert table.row_count == LIMIT
        text = screen_text(app)
        assert "… and 250 more. The full list: policy-tui training pending" in text
        assert "[b]not bold[/b]" in text
        await pilot.press("delete")  # nothing to remove in a read-only list
        assert table.row_count == LIMIT


async def test_an_approval_of_an_earlier_text_is_shown_as_such(example_draft: Path) -> None:
    document = open_document(example_draft)
    app = PanelApp(document, ApproversPanel)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("y")  # the first approver approves the text as it is
        await pilot.pause()
        await pilot.press(*"Lee Park", "enter")
        await pilot.pause()
        first = document.draft.approvers[0].name
        assert has_row(screen_text(app), first, "approved", date.today().isoformat())
        document.apply(lambda draft: retitle(draft, 0, "Why this policy exists"))
        app.query_one(ApproversPanel).refresh_document()
        await pilot.pause()
        text = screen_text(app)
        assert has_row(text, first, "approved (earlier text)")
        assert "0 of 3 approved, 1 for an earlier text" in text
