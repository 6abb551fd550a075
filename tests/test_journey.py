"""A new user's whole journey, by keyboard alone at 80x24: from a new draft to the exported .docx."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import docx
import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from policy_model import toml_io
from policy_model.document import Document
from policy_model.draft import Draft
from tui.app import PolicyApp
from tui.launch import document_for
from tui.recent import RecentDrafts
from tui.screens.form import FormScreen
from tui.screens.import_report import ImportReportScreen
from tui.screens.override import OverrideDialog
from tui.screens.roster_import import RosterImportDialog
from tui.widgets.roster_table import RosterTable

from .conftest import EXAMPLE
from .drafts import load_draft
from .keys import type_text

HR_HEADERS = ["Employee ID", "Full Name", "Work Email", "Job Title", "Department", "Manager ID", "Client Count",
              "Touch Level", "Customer Facing"]


def hr_export(folder: Path) -> Path:
    """The example bank's roster as an HR system exports it: its own headers, semicolons, Latin-1."""
    rows = list(csv.reader(io.StringIO(EXAMPLE.with_name("regional-bank.roster.csv").read_text("utf-8"))))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HR_HEADERS)
    writer.writerows(row[:9] for row in rows[1:])
    path = folder / "hr-export.csv"
    path.write_bytes(out.getvalue().encode("cp1252", errors="replace"))
    return path


async def settled(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.5)


def drafts_taken(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Draft, str]]:
    """Every draft a document takes, with its text then: one that differs later was changed
    after it was made, around `Document.apply`, the one door."""
    taken: list[tuple[Draft, str]] = []
    take = Document.replace_draft

    def recorded(self: Document, draft: Draft, **how: str) -> None:
        take(self, draft, **how)
        taken.append((draft, toml_io.dumps(draft)))

    monkeypatch.setattr(Document, "replace_draft", recorded)
    return taken


async def test_new_draft_to_exported_document_by_keyboard(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    taken = drafts_taken(monkeypatch)
    source = hr_export(tmp_path)
    path = tmp_path / "policy.toml"
    app = PolicyApp(document_for(path), recent=RecentDrafts(None), autosave_seconds=3600)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(pilot)
        document = app.document
        assert document is not None

        # Step 4's details: the company and who owns the policy.
        await pilot.press("4")
        await pilot.press("e")
        assert isinstance(app.screen, FormScreen)
        await type_text(pilot, "Harbor Community Bank")
        await pilot.press("tab", "tab")
        await type_text(pilot, "Carmen Reyes")
        await pilot.press("tab")
        await type_text(pilot, "2027-01-01")
        await pilot.press("enter")
        assert document.draft.policy.company == "Harbor Community Bank"

        # Step 1: import the roster, then decide every review case by hand.
        await pilot.press("1", "i")
        assert isinstance(app.screen, RosterImportDialog)
        app.screen.query_one("#import-path", Input).value = str(source)
        await pilot.press("enter")
        await settled(pilot)
        await pilot.press("ctrl+r")
        await settled(pilot)
        assert len(document.roster.employees) == 42
        assert isinstance(app.screen, ImportReportScreen), "the report stays until read"
        await pilot.press("escape")
        await pilot.press("slash")
        await type_text(pilot, "status:review")
        await pilot.press("enter")
        table = app.screen.query_one(RosterTable)
        reviews = len(table.rows)
        assert reviews == 8
        for _ in range(reviews):
            await pilot.press("o")
            assert isinstance(app.screen, OverrideDialog)
            await pilot.press("left", "space", "tab")  # from review to granted
            await type_text(pilot, "serves clients directly")
            await pilot.press("enter")
            await settled(pilot)
        assert len(table.rows) == 0
        assert {o.status for o in document.draft.eligibility.overrides} == {"granted"}
        assert len(document.draft.eligibility.overrides) == 8

        # Step 2: the recommended channels.
        await pilot.press("2", "a")
        await settled(pilot)
        assert any(c.enabled for c in document.draft.channels)

        # Step 3: reword the first clause, then plan the training.
        await pilot.press("3", "enter")
        await pilot.press("ctrl+end")
        await type_text(pilot, " We answer customers within one business day.")
        await pilot.press("escape")
        await settled(pilot)
        assert document.draft.clauses[0].customised
        await pilot.press("ctrl+t", "ctrl+t")
        await pilot.press("a")
        await type_text(pilot, "Messaging customers safely")
        await pilot.press("tab")
        await type_text(pilot, "2026-12-08")
        await pilot.press("enter")
        assert [s.title for s in document.draft.training.sessions] == ["Messaging customers safely"]

        # Step 4: an approver, then the export.
        await pilot.press("4", "ctrl+t")
        await pilot.press("a")
        await type_text(pilot, "Dana Whitfield")
        await pilot.press("tab")
        await type_text(pilot, "General Counsel")
        await pilot.press("enter")
        assert [a.name for a in document.draft.approvers] == ["Dana Whitfield"]
        await pilot.press("ctrl+t", "ctrl+r")
        await settled(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()

    exported = docx.Document(str(tmp_path / "policy.docx"))
    text = "\n".join(p.text for p in exported.paragraphs)
    cells = "\n".join(cell.text for table in exported.tables for row in table.rows for cell in row.cells)
    assert "Harbor Community Bank" in text
    assert "We answer customers within one business day." in text
    assert "Dana Whitfield" in text + cells
    assert "Okafor, Grace A" not in text + cells, "the policy every employee receives names no one"
    schedule = docx.Document(str(tmp_path / "policy.access-schedule.docx"))
    listed = [cell.text for table in schedule.tables for row in table.rows for cell in row.cells]
    assert "Okafor, Grace A" in listed, "a review case granted by override is in the access schedule"
    assert "Messaging customers safely" in cells
    saved = load_draft(path)
    assert saved.policy.company == "Harbor Community Bank" and len(saved.eligibility.overrides) == 8
    assert len(taken) > 20
    assert [n for n, (draft, text) in enumerate(taken) if toml_io.dumps(draft) != text] == [], \
        "every change made a new draft; none was changed after it was made"

