"""The access schedule of a large roster: its rows streamed into the .docx, never half-written."""

from __future__ import annotations

import errno
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import docx
import pytest

import exporters.docx.builder
from exporters.docx import export_schedule, ooxml
from exporters.docx.builder import build_schedule
from policy_model.document import Document
from policy_model.draft import Channel, Draft, Eligibility, Employee, PolicyHeader, Rule
from policy_model.policy_view import PolicyView, build_view
from policy_model.roster_snapshot import Roster
from tui.cli import main

PEOPLE = 3_000
CHANNELS = "LinkedIn, Text messaging"


def people(count: int) -> list[Employee]:
    departments = ["Sales", "Wealth Management", "Commercial Banking"]
    return [Employee(id=f"E{n:05d}", name=f"Person {n}, Ann", department=departments[n % 3], role="Banker")
            for n in range(count)]


def large_view(count: int = PEOPLE) -> PolicyView:
    draft = Draft(PolicyHeader(company="National Bank"),
                  eligibility=Eligibility(rules=[Rule(id="everyone", outcome="granted", reason="all of them")]),
                  channels=[Channel("linkedin", enabled=True, name="LinkedIn"),
                            Channel("sms", enabled=True, name="Text messaging")])
    return build_view(Document(draft, Path("bank.toml"), roster=Roster(employees=people(count))))


def test_a_streamed_schedule_reopens_with_every_row_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ooxml, "ROWS_PER_CHUNK", 700)  # several chunks, the last one short
    view = large_view()
    assert len(build_schedule(view).document.tables[-1].rows) == 1, "python-docx holds the header row only"
    target = tmp_path / "schedule.docx"
    export_schedule(view, target)
    table = docx.Document(str(target)).tables[-1]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["ID", "Name", "Department", "Role", "Channels"]
    assert rows[1:] == [[e.id, e.name, e.department, e.role, CHANNELS] for e in people(PEOPLE)]
    assert target.stat().st_mode & 0o777 == 0o600


def failing_half_way(rows: Iterable[Sequence[str]], widths: Sequence[int], labels: bool = False) -> Iterator[str]:
    """The schedule's rows until half of them are written, then a full disk."""
    for n, chunk in enumerate(ooxml.rows_xml(rows, widths, labels)):
        if n == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        yield chunk


def test_an_export_failing_half_way_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ooxml, "ROWS_PER_CHUNK", 500)
    monkeypatch.setattr(exporters.docx.builder, "rows_xml", failing_half_way)
    target = tmp_path / "out" / "schedule.docx"
    target.parent.mkdir()
    with pytest.raises(OSError):
        export_schedule(large_view(), target)
    assert list(target.parent.iterdir()) == []
    target.write_bytes(b"last month's schedule")
    with pytest.raises(OSError):
        export_schedule(large_view(), target)
    assert list(target.parent.iterdir()) == [target] and target.read_bytes() == b"last month's schedule"


def test_the_command_says_so_in_one_line_when_the_schedule_fails_half_way(
        export_draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(ooxml, "ROWS_PER_CHUNK", 5)  # the example's 14 granted people in three chunks
    monkeypatch.setattr(exporters.docx.builder, "rows_xml", failing_half_way)
    folder = tmp_path / "out"
    folder.mkdir()
    schedule = folder / "schedule.docx"
    assert main(["export", str(export_draft), "-o", str(folder / "policy.docx"), "--schedule", str(schedule)]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == f"{schedule}: cannot be written: No space left on device"
    assert sorted(p.name for p in folder.iterdir()) == ["policy.docx"]
