"""The review step's comparison with an older draft, driven by keyboard in a small app."""

from __future__ import annotations

import copy
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static

from policy_model.document import open_document
from policy_model.draft import Override
from tui.widgets.diff_view import DiffView

from .diff_support import signed, write
from .waiting import settle


class DiffApp(App[None]):
    def __init__(self, path: Path) -> None:
        super().__init__()
        self.document = open_document(path)

    def compose(self) -> ComposeResult:
        yield DiffView(self.document)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#diff-scroll").focus()


def body(app: App[None]) -> str:
    return str(app.query_one("#diff-body", Static).content)


async def test_pick_an_older_draft_by_keyboard_and_see_the_changes(example_draft: Path) -> None:
    old = signed(example_draft)
    new = copy.deepcopy(old)
    new.channels[2].enabled = True
    new.eligibility.overrides.append(Override("E1042", "review", "moving to a new team", by="Carmen Reyes"))
    folder = example_draft.parent
    signed_path = write(old, folder / "signed.toml")
    app = DiffApp(write(new, folder / "revised.toml"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Not compared yet" in str(app.query_one("#diff-source", Static).content)
        await pilot.press("c")
        await pilot.press("ctrl+u", *str(signed_path), "enter")
        await settle(pilot)
        assert f"Changes since {signed_path} (version 0.1)" in str(app.query_one("#diff-source", Static).content)
        shown = body(app)
        assert "Channel WhatsApp enabled" in shown
        assert "E1042 Lee, Daniel: granted -> review (override by Carmen Reyes: moving to a new team)" in shown

        # An edit to the open draft shows up when the step asks for a fresh comparison.
        app.document.draft.channels[2].enabled = False
        app.query_one(DiffView).render_document()
        await settle(pilot)
        assert "WhatsApp" not in body(app)


async def test_a_broken_older_draft_is_reported_and_nothing_changes(example_draft: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("schema_version = [\n", encoding="utf-8")
    app = DiffApp(example_draft)
    async with app.run_test(size=(80, 24)) as pilot:
        app.query_one(DiffView).compare_with(broken)
        await settle(pilot)
        assert f"Could not compare with {broken}" in str(app.query_one("#diff-source", Static).content)
        assert body(app) == ""
        assert any("not valid TOML" in n.message for n in app._notifications)
