"""The import report at 80x24: it stays until closed, totals on top, every rejected row listed,
and the last one comes back with R or from the palette."""

from __future__ import annotations

from pathlib import Path

from policy_model.document import open_document
from tui.app import PolicyApp
from tui.recent import RecentDrafts
from tui.screens.import_report import ImportReportScreen
from tui.screens.main import MainScreen
from tui.widgets.rejected_table import RejectedTable

from .keys import type_text
from .test_tui_80x24 import screen_text
from .waiting import settle, until

REJECTED = 30  # more than the screen holds: the table must scroll to the last


def export_with_duplicates(folder: Path) -> Path:
    """Two good rows, then the same id again and again."""
    rows = ["id,name,role,department", "S1,Grace Okafor,Account Manager,Sales", "S2,Liam Brennan,Teller,Retail"]
    rows += [f"S2,Twice {n},Teller,Retail" for n in range(REJECTED)]
    source = folder / "hr.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return source


async def import_by_keys(pilot, source: Path) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("1", "i", "ctrl+u")
    await type_text(pilot, str(source))
    await pilot.press("enter")
    await settle(pilot)
    await pilot.press("ctrl+r")
    assert await until(pilot, lambda: isinstance(pilot.app.screen, ImportReportScreen))


async def test_the_report_stays_with_its_totals_on_top_and_every_rejected_row(example_draft: Path) -> None:
    source = export_with_duplicates(example_draft.parent)
    app = PolicyApp(open_document(example_draft), recent=RecentDrafts(None))
    async with app.run_test(size=(80, 24)) as pilot:
        await import_by_keys(pilot, source)
        assert app.document is not None and [e.id for e in app.document.roster.employees if not e.revoke] == [
            "S1", "S2"]
        await pilot.pause(0.5)
        text = screen_text(app)
        assert f"hr.csv (UTF-8, comma-separated): {REJECTED + 2} rows: 2 imported, {REJECTED} rejected, 0 blank" in text
        assert f"Rejected: {REJECTED} rows" in text
        table = app.screen.query_one(RejectedTable)
        assert table.has_focus and table.row_count == REJECTED
        await pilot.press("end")
        await pilot.pause()
        text = screen_text(app)
        assert f"{REJECTED + 3} duplicate employee id S2 (first on row 3)" in text, "the last row is reachable"
        assert "2 imported" in text, "the totals stay on top while the rows scroll"
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen), "one escape closes it"


async def test_the_last_report_comes_back_with_r_and_from_the_palette(example_draft: Path) -> None:
    source = export_with_duplicates(example_draft.parent)
    app = PolicyApp(open_document(example_draft), recent=RecentDrafts(None))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "R")
        assert isinstance(app.screen, MainScreen)
        assert any("No import yet" in str(n.message) for n in app._notifications)
        await import_by_keys(pilot, source)
        await pilot.press("escape", "R")
        assert isinstance(app.screen, ImportReportScreen)
        assert f"{REJECTED} rejected" in screen_text(app)
        await pilot.press("escape", "ctrl+p")
        await type_text(pilot, "import report")
        await pilot.pause(0.3)
        await pilot.press("enter")
        assert await until(pilot, lambda: isinstance(app.screen, ImportReportScreen))
