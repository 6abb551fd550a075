"""`policy-tui roster import`: the report printed, exit codes 0/1/2, nothing written on failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_model.document import open_document
from policy_model.eligibility import evaluate
from tui.cli import main

HR_EXPORT = (
    "Employee ID;Full Name;Job Title;Dept;# Clients;Touch Level;Client-facing;Location\r\n"
    'E1001;"Okafor, Grace A";Chief Commercial Officer;Sales;;;Y;Eugene\r\n'
    "E1002;Brennan, Liam;Senior Relationship Banker;Sales;12.0;H;Y;Portland\r\n"
    "E1002;Dup;Teller;Retail;;;Y;Portland\r\n"
    "E9001;New;Teller;Retail;twelve;L;Y;Salem\r\n"
    "E9002;Other;Mailroom Clerk;Operations;;;N;Salem\r\n"
)


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_import_prints_the_report_and_saves(example_draft: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "hr.csv"
    source.write_bytes(HR_EXPORT.encode("cp1252"))
    example = open_document(example_draft)
    granted_before = {e.id for e, d in zip(example.roster.employees, evaluate(example.draft, example.roster.employees),
                                           strict=True) if d.status == "granted"}
    assert main(["roster", "import", str(example_draft), str(source)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "hr.csv (UTF-8, semicolon-separated): 5 rows: 3 imported, 2 rejected, 0 blank"
    assert "hr.csv:4: duplicate employee id E1002 (first on row 3)" in out
    assert 'hr.csv:5: client count "twelve" is not a number' in out
    assert "since the last import (2026-11-02 09:30 UTC): 1 joined, 40 left, 1 changed" in out
    document = open_document(example_draft)
    assert out[-1] == f"saved {example_draft} and {document.draft.roster.snapshot}"
    assert document.problems == [] and document.roster.problems == []
    people = document.roster.employees
    assert [e.id for e in people if not e.revoke] == ["E1001", "E1002", "E9002"]
    # Those granted before and gone from the file stay in the snapshot, marked for IT to revoke.
    assert {e.id for e in people if e.revoke} == granted_before - {"E1001", "E1002"}
    assert document.draft.roster.source == "hr.csv"
    assert document.draft.roster.mapping["clients"] == "# Clients"


def test_map_option_chooses_the_column(example_draft: Path, tmp_path: Path) -> None:
    source = tmp_path / "hr.csv"
    source.write_text("Staff,Who,Grade,Rank\nS1,A,Banker,3\n", encoding="utf-8")
    assert main(["roster", "import", str(example_draft), str(source), "--map", "id=Staff", "--map", "name=Who",
                 "--map", "role=Grade", "--keep", "Rank"]) == 0
    document = open_document(example_draft)
    assert document.draft.roster.mapping == {"id": "Staff", "name": "Who", "role": "Grade"}
    assert document.roster.employees[0].extra == {"Rank": "3"}


@pytest.mark.parametrize("content, args, message", [
    (b"\x00\x01\x02binary", [], "upload.csv: this is not a text file"),
    (b"", [], "upload.csv: the file is empty"),
    (b"Staff,Name\nS1,A\n", [], "upload.csv: no role column found"),
    (b"Staff,Role\nS1,A\n", ["--map", "team=Staff"], 'upload.csv: --map team=...: unknown field "team"'),
    (b"Staff,Role\nS1,A\n", ["--map", "role"], '--map: "role": expected FIELD=COLUMN'),
    (b"Staff,Role\nS1,A\n", ["--sheet", "Staff"], "upload.csv: --sheet Staff is for Excel workbooks"),
])
def test_a_file_that_cannot_be_imported_exits_1_and_writes_nothing(
        example_draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        content: bytes, args: list[str], message: str) -> None:
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    source = uploads / "upload.csv"
    source.write_bytes(content)
    before = files_of(tmp_path)
    assert main(["roster", "import", str(example_draft), str(source), *args]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(message) and captured.out == ""
    assert "Traceback" not in captured.err
    assert files_of(tmp_path) == before


def test_missing_draft_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "hr.csv"
    source.write_text("id,role\n1,Banker\n", encoding="utf-8")
    assert main(["roster", "import", str(tmp_path / "none.toml"), str(source)]) == 1
    assert capsys.readouterr().err.strip() == f"{tmp_path / 'none.toml'}: no such file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hr.csv"]


@pytest.mark.parametrize("argv", [["roster"], ["roster", "import"], ["roster", "import", "a.toml"],
                                  ["roster", "frobnicate"]])
def test_bad_usage_exits_2(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2


def test_a_workbook_hiding_a_zip_bomb_is_refused_in_one_line(example_draft: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import Workbook

    from policy_model.zip_limits import MB
    from tests.templates import add_zeros

    workbook = Workbook()
    workbook.active.append(["Employee ID", "Name"])
    workbook.active.append(["E1", "Ann"])
    source = tmp_path / "hr.xlsx"
    workbook.save(source)
    add_zeros(source, "xl/media/image1.png", 20 * MB)
    before = files_of(tmp_path)
    assert main(["roster", "import", str(example_draft), str(source)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("hr.xlsx: xl/media/image1.png is packed ") and err.count("\n") == 1, err
    assert err.endswith("it is refused unread as a ZIP bomb\n")
    assert files_of(tmp_path) == before
