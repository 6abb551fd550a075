"""Completions imported from CSV files: loose headers, encodings, and every bad row at its line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from policy_model import training
from policy_model.problems import ProblemsError

from .completions import import_completions

DATA = Path(__file__).parent / "data" / "training"
TODAY = date(2026, 11, 25)


@pytest.fixture
def document(untrained_document):  # type: ignore[no-untyped-def]
    return untrained_document


def test_import_keeps_good_rows_and_reports_each_bad_row_by_line(document) -> None:
    draft, people = document.draft, document.roster.employees
    training.add_session(draft, "Launch")
    result = import_completions(draft, DATA / "mixed.csv", people, today=TODAY)
    assert [(c.employee_id, c.session, c.date) for c in result.completions] == [
        ("E1002", "Launch", date(2026, 11, 20)), ("E1006", "Launch", date(2026, 11, 22))]
    assert draft.training.completions == result.completions
    file = str(DATA / "mixed.csv")
    assert [str(p) for p in result.problems] == [
        f"{file}:3: unknown employee id E9999: not in the roster",
        f'{file}:4: "31/11/2026" is not a date; write it as YYYY-MM-DD (for example 2026-11-05)',
        f'{file}:5: duplicate: E1002 already completed "Launch" on line 2',
        f'{file}:6: unknown session "nope"',
        f"{file}:7: the date 2099-01-01 is in the future",
    ]
    assert result.rows == 7
    # Importing the same file again records nothing new and says why.
    again = import_completions(draft, DATA / "mixed.csv", people, today=TODAY)
    assert again.completions == []
    assert f'{file}:2: E1002 already completed "Launch" on 2026-11-20 (recorded before)' in map(str, again.problems)


def test_import_reads_bom_semicolons_loose_headers_and_cp1252(document) -> None:
    draft, people = document.draft, document.roster.employees
    training.add_session(draft, "Launch")
    result = import_completions(draft, DATA / "bom-semicolon.csv", people, today=TODAY)
    assert result.problems == []
    assert [(c.employee_id, c.date) for c in result.completions] == [
        ("E1002", date(2026, 11, 20)), ("E1003", date(2026, 11, 5))]
    training.add_session(draft, "Café launch")
    result = import_completions(draft, DATA / "cp1252.csv", people, today=TODAY)
    assert [(c.employee_id, c.session) for c in result.completions] == [("E1002", "Café launch")]


def test_import_without_header_and_whole_file_problems(document, tmp_path: Path) -> None:
    draft, people = document.draft, document.roster.employees
    with pytest.raises(ProblemsError, match="no training session yet"):
        import_completions(draft, DATA / "all-bad.csv", people, today=TODAY)
    training.add_session(draft, "Launch")
    result = import_completions(draft, DATA / "all-bad.csv", people, today=TODAY)
    assert result.completions == [] and [p.line for p in result.problems] == [1, 2]
    training.add_session(draft, "Refresher")
    with pytest.raises(ProblemsError, match="no session column"):
        import_completions(draft, DATA / "all-bad.csv", people, today=TODAY)
    result = import_completions(draft, DATA / "bom-semicolon.csv", people, session="Refresher", today=TODAY)
    assert {c.session for c in result.completions} == {"Refresher"}
    binary = tmp_path / "x.csv"
    binary.write_bytes(b"id,date\n\x00\x01\x02\x03" * 20)
    with pytest.raises(ProblemsError, match="not a text file"):
        import_completions(draft, binary, people, today=TODAY)
    binary.write_bytes(b"PK\x03\x04\x00\x00")
    with pytest.raises(ProblemsError, match="damaged ZIP"):
        import_completions(draft, binary, people, today=TODAY)
    headerless = tmp_path / "h.csv"
    headerless.write_text("name,when\nLiam,yesterday\n")
    with pytest.raises(ProblemsError, match="no employee id and date columns"):
        import_completions(draft, headerless, people, today=TODAY)
    with pytest.raises(ProblemsError, match="no such file"):
        import_completions(draft, tmp_path / "missing.csv", people, today=TODAY)


def test_text_from_a_file_is_echoed_safely(document, tmp_path: Path) -> None:
    draft, people = document.draft, document.roster.employees
    training.add_session(draft, "Launch")
    path = tmp_path / "c.csv"
    path.write_text("id,date\nE\x1b[2J1,2026-11-20\nE1002,\x1b[31m\n")
    result = import_completions(draft, path, people, today=TODAY)
    assert [p.message for p in result.problems] == [
        "unknown employee id E\\x1b[2J1: not in the roster",
        '"\\x1b[31m" is not a date; write it as YYYY-MM-DD (for example 2026-11-05)']


# The same completions as three tools save them: the rows, then how each file is written.
ROWS = [["Staff No", "Completion Date (UTC)", "Course Title"],
        ["E1002", "2026-11-20", "Launch"],
        ["E1003", "5 Nov 2026", "Café launch"],
        ["E1004", "Nov 6, 2026", "launch"],
        ["E9999", "2026-11-20", "Launch"]]
EXPECTED = [("E1002", "Launch", date(2026, 11, 20)), ("E1003", "Café launch", date(2026, 11, 5)),
            ("E1004", "Launch", date(2026, 11, 6))]


def _utf16_tabs(path: Path) -> None:
    """Excel's "Unicode text": UTF-16 with a byte-order mark, tab-separated."""
    path.write_bytes("\r\n".join("\t".join(row) for row in ROWS).encode("utf-16"))


def _cp1252_semicolons(path: Path) -> None:
    """A European Excel's "CSV": Windows-1252, semicolon-separated."""
    path.write_bytes("\r\n".join(";".join(row) for row in ROWS).encode("cp1252"))


def _workbook(path: Path) -> None:
    """An Excel workbook whose first sheet holds the completions, a real date cell among them."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Completions"
    for row in ROWS:
        sheet.append(row)
    sheet["B2"] = date(2026, 11, 20)
    workbook.create_sheet("Notes").append(["Exported from the learning system"])
    workbook.save(path)


@pytest.mark.parametrize("write, name", [(_utf16_tabs, "lms.txt"), (_cp1252_semicolons, "lms.csv"),
                                         (_workbook, "lms.xlsx")])
def test_utf16_windows_1252_and_workbooks_give_the_same_completions(document, tmp_path: Path, write, name) -> None:
    draft, people = document.draft, document.roster.employees
    training.add_session(draft, "Launch")
    training.add_session(draft, "Café launch")
    path = tmp_path / name
    write(path)
    result = import_completions(draft, path, people, today=TODAY)
    assert [(c.employee_id, c.session, c.date) for c in result.completions] == EXPECTED
    assert [str(p) for p in result.problems] == [f"{path}:5: unknown employee id E9999: not in the roster"]


def test_slashed_dates_are_read_as_a_column(document, tmp_path: Path) -> None:
    """As in a roster's exit dates: one day over 12 settles the order for the whole column;
    when none does, month first (US order), and the import says so."""
    draft, people = document.draft, document.roster.employees
    training.add_session(draft, "Launch")
    path = tmp_path / "c.csv"
    path.write_text("id,date\nE1002,11/20/2026\nE1003,11/05/2026\nE1004,20/11/2026\n")
    result = import_completions(draft, path, people, today=TODAY)
    assert [(c.employee_id, c.date) for c in result.completions] == []
    assert [p.message for p in result.problems] == [
        '"11/20/2026" cannot be read: the column mixes day-first and month-first dates',
        '"11/05/2026" cannot be read: the column mixes day-first and month-first dates',
        '"20/11/2026" cannot be read: the column mixes day-first and month-first dates']
    path.write_text("id,date\nE1002,20/11/2026\nE1003,05/11/2026\n")
    result = import_completions(draft, path, people, today=TODAY)
    assert [(c.employee_id, c.date) for c in result.completions] == [
        ("E1002", date(2026, 11, 20)), ("E1003", date(2026, 11, 5))]
    assert result.notes == []
    path.write_text("id,date\nE1004,11/05/2026\n")
    result = import_completions(draft, path, people, today=TODAY)
    assert [(c.employee_id, c.date) for c in result.completions] == [("E1004", date(2026, 11, 5))]
    assert result.notes == ["dates such as 11/05/2026 were read month first (US order)"]


def test_a_row_with_more_values_than_the_header_is_a_problem_not_a_guess(document, tmp_path: Path) -> None:
    """An unquoted comma in a session's title would otherwise record the wrong session."""
    draft, people = document.draft, document.roster.employees
    training.add_session(draft, "Launch")
    path = tmp_path / "c.csv"
    path.write_text("id,date,session\nE1002,2026-11-20,Launch, part 2\n,,\nE1003,2026-11-20,Launch\n")
    result = import_completions(draft, path, people, today=TODAY)
    assert [c.employee_id for c in result.completions] == ["E1003"]
    assert [(p.line, p.message) for p in result.problems] == [
        (2, "4 values but the header has 3 columns (a value with an unquoted delimiter?)")]
    assert result.rows == 2
