"""Files and values from outside that once broke a command or the app, each named after the
defect it was: a located line and exit 1, or a clear reading, never a traceback."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import openpyxl
import pytest

from exporters.redline import redline_document
from policy_model import toml_io
from policy_model.roster import readers
from policy_model.roster_snapshot import read_snapshot
from tui.cli import main

from .drafts import load_draft
from .test_app_shell import change_company
from .test_draft_safekeeping import make_app
from .waiting import until


def test_100000_nested_arrays_in_a_draft_are_one_line_not_a_recursion_error(
        example_draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with example_draft.open("a") as file:
        file.write("\n[deep]\nx = " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert main(["check", str(example_draft)]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line == (f"{example_draft}: values are nested more than 32 levels deep (arrays or tables inside "
                    "each other); a draft never needs that")


def test_nesting_just_past_the_limit_is_refused_and_a_real_draft_is_not(example_draft: Path) -> None:
    text = example_draft.read_text()
    assert toml_io.parse(text, "d.toml").draft is not None
    deep = toml_io.parse(text + "\n[deep]\nx = " + "[" * 40 + "]" * 40 + "\n", "d.toml")
    assert deep.draft is None and "nested more than 32 levels" in deep.problems[0].message


def test_a_10_mb_company_name_is_refused_with_its_line(example_draft: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    text = example_draft.read_text()
    company = next(line for line in text.splitlines() if line.startswith("company = "))
    example_draft.write_text(text.replace(company, f'company = "{"A" * 10_000_000}"'))
    assert main(["check", str(example_draft)]) == 1
    err = capsys.readouterr().err
    line = text.splitlines().index(company) + 1
    assert f"{example_draft}:{line}:1: policy.company: is 10,000,000 characters long; at most 1,000 fit here" in err


def test_one_windows_1252_line_in_a_utf8_roster_is_read_in_its_encoding_and_named(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_bytes("Employee ID,Name,Job Title\nE1,Zoë Müller,Teller\n".encode()
                       + "E2,René Dupont,Teller\n".encode("cp1252") + b"E3,Ann Lee,Teller\n")
    table = readers.open_table(roster)
    assert table.encoding == "UTF-8, but line 3 in Windows-1252"
    assert [row[1] for row in table.rows] == ["Zoë Müller", "René Dupont", "Ann Lee"]


def test_a_windows_1252_file_with_no_utf8_line_is_read_as_windows_1252(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_bytes("Employee ID,Name\nE2,René Dupont\nE3,Zoë Ng\n".encode("cp1252"))
    table = readers.open_table(roster)
    assert table.encoding == "Windows-1252" and [row[1] for row in table.rows] == ["René Dupont", "Zoë Ng"]


def roster_rows(example_draft: Path) -> list[str]:
    draft = load_draft(example_draft)
    return [e.id for e in read_snapshot(example_draft, draft.roster).employees]


def test_an_excel_cell_longer_than_a_value_holds_rejects_its_row_before_the_snapshot(
        example_draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = roster_rows(example_draft)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Employee ID", "Name", "Job Title"])
    sheet.append(["E1", "x" * 32_767, "Teller"])
    sheet.append(["E2", "Bo Chan", "Teller"])
    book.save(tmp_path / "long.xlsx")
    assert main(["roster", "import", str(example_draft), str(tmp_path / "long.xlsx")]) == 0
    assert 'long.xlsx:2: "Name" holds 32,767 characters; a roster value holds at most 1,000' in capsys.readouterr().out
    after = roster_rows(example_draft)
    assert "E2" in after and "E1" not in after and after != before
    # Afterwards every command still reads the roster.
    assert main(["roster", "show", str(example_draft)]) == 0


def test_a_long_csv_value_in_a_repeated_column_or_a_later_block_rejects_its_row(
        example_draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The longest value of a job title column is found among its distinct titles, that of a
    name column block by block: a long value far down either is still found."""
    rows = [f"E{n},Person {n},Teller" for n in range(2_500)]
    rows[1_700] = f"E1700,Person 1700,{'Teller ' * 200}"
    rows[2_300] = f"E2300,{'y' * 1_001},Teller"
    (tmp_path / "long.csv").write_text("Employee ID,Name,Job Title\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert main(["roster", "import", str(example_draft), str(tmp_path / "long.csv")]) == 0
    out = capsys.readouterr().out
    assert 'long.csv:1702: "Job Title" holds 1,400 characters; a roster value holds at most 1,000' in out
    assert 'long.csv:2302: "Name" holds 1,001 characters' in out
    after = roster_rows(example_draft)
    assert len(after) == 2_498 and "E1700" not in after and "E2300" not in after


def test_a_workbook_with_more_rows_than_excel_allows_is_refused_and_the_roster_kept(
        example_draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    before = roster_rows(example_draft)
    monkeypatch.setattr(readers, "EXCEL_ROWS", 3)  # as a sheet of 10 million rows would be past 1,048,576
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Employee ID", "Name", "Job Title"])
    for n in range(5):
        sheet.append([f"E{n}", f"Person {n}", "Teller"])
    book.save(tmp_path / "huge.xlsx")
    assert main(["roster", "import", str(example_draft), str(tmp_path / "huge.xlsx")]) == 1
    assert "huge.xlsx: more than 3 rows: larger than any employer's roster" in capsys.readouterr().err
    assert roster_rows(example_draft) == before


def test_a_csv_with_more_rows_than_any_roster_is_refused_and_the_roster_kept(
        example_draft: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    before = roster_rows(example_draft)
    monkeypatch.setattr(readers, "MAX_ROWS", 3)
    source = tmp_path / "huge.csv"
    source.write_text("Employee ID,Name,Job Title\n" + "".join(f"E{n},Person {n},Teller\n" for n in range(5)))
    assert main(["roster", "import", str(example_draft), str(source)]) == 1
    assert "huge.csv: more than 3 rows" in capsys.readouterr().err
    assert roster_rows(example_draft) == before


def test_the_redline_with_a_control_character_in_author_is_one_line(
        example_draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = tmp_path / "old.toml"
    shutil.copy(example_draft, old)
    out = tmp_path / "redline.docx"
    assert main(["export", str(example_draft), "--redline-against", str(old), "-o", str(out),
                 "--author", "Ann\x01\x1b[31mLee"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "--author: the author contains a control character (a tab, line break or similar)"]
    assert not out.exists()


def test_the_redline_with_a_control_character_in_a_name_still_writes_a_document(example_draft: Path) -> None:
    old = load_draft(example_draft)
    new = load_draft(example_draft)
    new.policy.company = "Harbor\x07 Bank"  # as a draft made in code, not read through the schema
    new.approvers[0].name = "Dana\x1b[31m Whitfield"
    document = redline_document(old, new, "Lee\x01 Park", __import__("datetime").datetime(2026, 12, 7))
    buffer = io.BytesIO()
    document.save(buffer)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(buffer.getvalue())).paragraphs)
    assert "Harbor Bank. Version" in text and "by Lee Park" in text


@pytest.mark.parametrize("command", [
    ["new", "{missing}/new.toml", "--company", "Acme"],
    ["roster", "show", "{draft}", "-o", "{missing}/people.csv"],
    ["export", "{draft}", "-o", "{missing}/policy.docx"],
])
def test_writing_into_a_missing_folder_is_one_line_naming_the_file(
        command: list[str], example_draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = [a.format(draft=example_draft, missing=tmp_path / "gone") for a in command]
    assert main(args) == 1
    (line,) = capsys.readouterr().err.splitlines()[-1:]
    assert str(tmp_path / "gone") in line and ".tmp" not in line and "Traceback" not in line


def test_an_os_error_in_any_command_is_one_line_with_exit_1(
        example_draft: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import errno

    def full(*_: object, **__: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("policy_model.files.os.fsync", full)
    assert main(["approve", str(example_draft), "--name", load_draft(example_draft).approvers[0].name,
                 "--status", "approved"]) == 1
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith(str(example_draft)) and line.endswith("No space left on device")


async def test_the_app_goes_on_when_its_open_draft_becomes_unreadable(example_draft: Path, tmp_path: Path) -> None:
    app = make_app(example_draft, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        change_company(app, "Unsaved Bank")
        example_draft.unlink()
        example_draft.mkdir()  # reading it now fails with an OSError
        assert app.document is not None and app.document.disk_sha256 is not None
        app.safekeeping.tick()
        await until(pilot, lambda: any("cannot be read" in n.message for n in app._notifications))
        app.safekeeping.tick()  # said once, not at every tick
        assert sum("cannot be read" in n.message for n in app._notifications) == 1
        assert app.is_running and app.document.draft.policy.company == "Unsaved Bank"


def test_the_app_exits_with_1_when_it_stops_on_an_error(example_draft: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.launch import launch
    from tui.recent import RecentDrafts

    def broken(_: object) -> None:
        raise RuntimeError("a fault while the app starts")

    monkeypatch.setattr("tui.safekeeping.Safekeeping.start", broken)
    assert launch(example_draft, RecentDrafts.load(tmp_path / "recent.json"), headless=True) == 1
