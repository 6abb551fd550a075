"""Property tests: whatever file a user imports, they get an import or a clear error naming it.

Never a traceback, and a file that cannot be imported leaves the draft and its roster
snapshot byte for byte as they were. (The TOML loader's own fuzzing is in
test_draft_properties.py.)
"""

from __future__ import annotations

import atexit
import csv
import functools
import io
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, assume, event, given, note, settings
from hypothesis import strategies as st

from policy_model import toml_io, training
from policy_model.document import Document, create_document, open_document
from policy_model.problems import ProblemsError
from policy_model.roster import import_roster, preview_roster
from policy_model.user_input import visible

from .completions import import_completions

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# A file with a header and two people, imported once so that every property starts from a
# draft that already has a snapshot a failed import must not touch.
FIRST = "Employee ID,Full Name,Job Title,Dept\r\nE1,Ada Lovelace,Analyst,Research\r\nE2,Alan Turing,Clerk,Ops\r\n"


@functools.cache
def base() -> Path:
    """Made once per test run, on first use, and removed when the run ends."""
    folder = Path(tempfile.mkdtemp(prefix="policy-props-"))
    atexit.register(shutil.rmtree, folder, True)
    document = create_document(folder / "policy.toml", company="Props Co")
    source = folder / "first.csv"
    source.write_text(FIRST, encoding="utf-8")
    import_roster(document, source)
    training.add_session(document.draft, "Launch")
    document.save()
    source.unlink()
    return folder



@contextmanager
def fresh_draft() -> Iterator[tuple[Document, Path]]:
    """A private copy of the base draft (and its snapshot), opened; removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="policy-prop-"))
    try:
        for path in base().iterdir():
            shutil.copy(path, folder / path.name)
        yield open_document(folder / "policy.toml"), folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def files_in(folder: Path, but: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p != but}


def assert_names_the_file(error: ProblemsError, source: Path) -> None:
    event("refused: " + error.problems[0].message[:30])
    assert error.problems
    for problem in error.problems:
        assert source.name in str(problem), str(problem)
        assert str(problem).strip()


SUFFIXES = st.sampled_from(["", ".csv", ".xlsx", ".txt", ".CSV"])
# Bytes that look like the start of something, then anything: a ZIP (xlsx), a BOM, text.
PREFIXES = st.sampled_from([b"", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xd0\xcf\x11\xe0",
                            b"%PDF", b"id,role\r\n", b"Employee ID;Job Title\n"])
DATA = st.builds(lambda prefix, rest: prefix + rest, PREFIXES, st.binary(max_size=600))


@SETTINGS
@given(data=DATA, suffix=SUFFIXES)
def test_arbitrary_bytes_preview_or_clear_error(data: bytes, suffix: str) -> None:
    with fresh_draft() as (document, folder):
        source = folder / f"hr export{suffix}"
        source.write_bytes(data)
        try:
            preview = preview_roster(source)
        except ProblemsError as error:
            assert_names_the_file(error, source)
        else:
            assert all(any(row) for row in preview.rows)


@SETTINGS
@given(data=DATA, suffix=SUFFIXES)
def test_arbitrary_bytes_import_or_clear_error_and_nothing_written(data: bytes, suffix: str) -> None:
    with fresh_draft() as (document, folder):
        source = folder / f"hr export{suffix}"
        source.write_bytes(data)
        before, draft_text = files_in(folder, source), toml_io.dumps(document.draft)
        try:
            report = import_roster(document, source)
        except ProblemsError as error:
            assert_names_the_file(error, source)
            assert files_in(folder, source) == before
            assert toml_io.dumps(document.draft) == draft_text
        else:
            assert report.imported + len(report.rejected) + report.blank == report.rows
            assert report.imported == len(document.roster.employees) > 0


# --- Structured but nasty CSV ------------------------------------------------------------------

HEADERS = st.sampled_from([
    "Employee ID", "id", "Emp #", "Full Name", "Name", "Job Title", "Role", "Title", "Dept", "Department",
    "Work Email", "Manager ID", "# Clients", "Touch Level", "Client-facing", "Location", "Notes", "",
    "Employee ID", "Job Title",
])
NASTY = st.sampled_from(['"', ",", ";", "\t", "\n", "\r", "\r\n", "\x00", "\ufeff", "\x07", "\x1b", "\x85",
                         "\u200f", "\u202e", "\U0001f600", "e\u0301", " ", "=", "'", "\\", "\u2028"])
CELL = st.one_of(
    st.sampled_from(["E1", "E2", "e1", "Clerk", "High", "low", "Y", "n", "12", "-3", "1.5", "", " E1 "]),
    st.text(max_size=12),
    st.lists(st.one_of(NASTY, st.text(max_size=4)), max_size=6).map("".join),
    st.text(alphabet="Ab ,", min_size=200, max_size=3000),
)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"])


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    header = draw(st.lists(HEADERS, max_size=5))
    if draw(st.booleans()):  # mostly a usable roster: a key and a role somewhere among the columns
        header += [draw(st.sampled_from(["Employee ID", "Full Name", "Name"])),
                   draw(st.sampled_from(["Job Title", "Role"]))]
        header = draw(st.permutations(header))
    assume(len(header) >= 2)
    width = len(header)
    plain = st.sampled_from(["E1", "E2", "E3", "Clerk", "Analyst", "Ann Lee", "Sales"])
    rows = draw(st.lists(st.lists(st.one_of(plain, CELL), min_size=width, max_size=width), max_size=8))
    return header, rows


@SETTINGS
@given(table=tables(), encoding=ENCODINGS, delimiter=st.sampled_from([",", ";", "\t"]))
def test_nasty_tables_import_or_fail_cleanly_with_every_row_accounted_for(
        table: tuple[list[str], list[list[str]]], encoding: str, delimiter: str) -> None:
    header, rows = table
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows([header, *rows])
    text = buffer.getvalue()
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        assume(False)
    note(repr(text))
    with fresh_draft() as (document, folder):
        source = folder / "staff.csv"
        source.write_bytes(data)
        before = files_in(folder, source)
        try:
            report = import_roster(document, source)
        except ProblemsError as error:
            assert_names_the_file(error, source)
            assert files_in(folder, source) == before
            return
        assert report.imported + len(report.rejected) + report.blank == report.rows
        assert report.imported == len(document.roster.employees)
        assert len({r.row for r in report.rejected}) == len(report.rejected)
        named = {",": "comma", ";": "semicolon", "\t": "tab"}[delimiter]
        if named in report.kind and not text.startswith("\ufeff"):
            assert report.rows == len(rows)  # the file read as written: every row seen once
        document.save()
        assert open_document(folder / "policy.toml").roster.employees == document.roster.employees


# --- Training completions ----------------------------------------------------------------------

COMPLETIONS = st.builds(lambda prefix, rest: prefix + rest,
                        st.sampled_from([b"", b"employee_id,date,session\n", b"Staff No;Completed\r\n",
                                         b"\xef\xbb\xbfE1,2026-01-05\n", b"\xff\xfe"]),
                        st.binary(max_size=400))


@SETTINGS
@given(data=COMPLETIONS, suffix=SUFFIXES)
def test_arbitrary_bytes_as_completions_give_rows_or_a_clear_error(data: bytes, suffix: str) -> None:
    with fresh_draft() as (document, folder):
        source = folder / f"lms{suffix}"
        source.write_bytes(data)
        before = list(document.draft.training.completions)
        try:
            result = import_completions(document.draft, source, document.roster.employees, today=date(2026, 11, 25))
        except ProblemsError as error:
            assert_names_the_file(error, source)
            assert document.draft.training.completions == before
        else:
            assert len(result.completions) + len(result.problems) <= result.rows
            assert all(source.name in str(p) for p in result.problems)
            assert document.draft.training.completions == before + result.completions


@SETTINGS
@given(rows=st.lists(st.lists(CELL, min_size=2, max_size=4), max_size=8), encoding=ENCODINGS,
       header=st.sampled_from([["employee_id", "date", "session"], ["Staff No", "Completed"], []]))
def test_nasty_completion_tables_give_rows_or_a_clear_error(rows: list[list[str]], encoding: str,
                                                           header: list[str]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows([header, *rows] if header else rows)
    try:
        data = buffer.getvalue().encode(encoding)
    except UnicodeEncodeError:
        assume(False)
    with fresh_draft() as (document, folder):
        source = folder / "lms.csv"
        source.write_bytes(data)
        try:
            result = import_completions(document.draft, source, document.roster.employees, today=date(2026, 11, 25))
        except ProblemsError as error:
            assert_names_the_file(error, source)
        else:
            assert len(result.completions) + len(result.problems) == result.rows


# --- Workbooks ---------------------------------------------------------------------------------

XLSX_CELL = st.one_of(st.none(), CELL, st.integers(-10**6, 10**12), st.floats(allow_nan=True), st.booleans(),
                      st.dates(), st.datetimes(), st.times())


@settings(SETTINGS, max_examples=25)
@given(header=st.lists(st.one_of(st.none(), HEADERS, st.integers()), max_size=4).flatmap(
           lambda extra: st.permutations([*extra, "Employee ID", "Job Title"]) | st.just(extra)),
       rows=st.lists(st.lists(st.one_of(st.sampled_from(["E1", "E2", "Clerk"]), XLSX_CELL), max_size=6), max_size=6),
       blank_top=st.integers(0, 2))
def test_workbooks_with_any_cells_import_or_fail_cleanly(header: list[object], rows: list[list[object]],
                                                         blank_top: int) -> None:
    from openpyxl import Workbook
    from openpyxl.utils.exceptions import IllegalCharacterError

    workbook = Workbook()
    sheet = workbook.active
    for _ in range(blank_top):
        sheet.append([])
    try:
        for row in [header, *rows]:
            sheet.append(row)
    except (IllegalCharacterError, ValueError):
        assume(False)  # a value Excel itself cannot hold
    with fresh_draft() as (document, folder):
        source = folder / "staff.xlsx"
        workbook.save(source)
        before = files_in(folder, source)
        try:
            preview_roster(source)
            report = import_roster(document, source)
        except ProblemsError as error:
            assert_names_the_file(error, source)
            assert files_in(folder, source) == before
            return
        assert report.imported + len(report.rejected) + report.blank == report.rows
        if any(cell not in (None, "") for cell in header):  # the header is the first row with a value
            stored = len(rows)
            while stored and all(cell in (None, "") for cell in rows[stored - 1]):
                stored -= 1  # a workbook keeps no empty row after its last value
            assert stored <= report.rows <= len(rows)


# --- Bytes from the command line and the file system ---------------------------------------------

ARGUMENT_BYTES = st.binary(min_size=1, max_size=20).filter(lambda b: b"\x00" not in b)


@SETTINGS
@given(company=ARGUMENT_BYTES)
def test_any_bytes_as_a_text_argument_create_a_draft_or_a_clear_error(company: bytes) -> None:
    """argv holds bytes; Python keeps those that are not UTF-8 as lone surrogates.

    The value is attached with "=", as a script passes any text (one starting with "-" would
    otherwise be read as an option: bad usage, exit 2, tested in test_cli)."""
    from tui.cli import main

    folder = Path(tempfile.mkdtemp(prefix="policy-prop-"))
    try:
        code = main(["new", str(folder / "d.toml"), f"--company={os.fsdecode(company)}"])
        assert code in (0, 1)
        assert (code == 0) == (folder / "d.toml").exists()
        try:
            company.decode("utf-8")
        except UnicodeDecodeError:
            assert code == 1
        if code == 0:
            open_document(folder / "d.toml")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@SETTINGS
@given(name=ARGUMENT_BYTES.filter(lambda b: b"/" not in b))
def test_a_roster_file_of_any_name_imports_and_the_draft_saves(name: bytes) -> None:
    with fresh_draft() as (document, folder):
        source = folder / os.fsdecode(name + b".csv")
        source.write_text(FIRST, encoding="utf-8")
        import_roster(document, source)
        document.save()
        shown = visible((name + b".csv").decode("utf-8", "replace"))  # a draft's one-line field
        assert open_document(document.path).draft.roster.source == shown


def _workbook_bytes() -> tuple[bytes, range]:
    """A workbook of 300 people, and where its sheet's compressed data lies in the file."""
    import zipfile

    from openpyxl import Workbook

    workbook = Workbook()
    for row in [["Employee ID", "Full Name", "Job Title"], *[[f"E{n}", f"Person {n}", "Clerk"] for n in range(300)]]:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    sheet = zipfile.ZipFile(buffer).getinfo("xl/worksheets/sheet1.xml")
    start = sheet.header_offset + 30 + len(sheet.filename) + len(sheet.extra)
    return buffer.getvalue(), range(start, start + sheet.compress_size)


WORKBOOK, SHEET_DATA = _workbook_bytes()
# Damage anywhere, or in the sheet's rows: a workbook opened read-only reads those only as
# the import goes, so that damage shows late.
OFFSETS = st.integers(0, len(WORKBOOK) - 1) | st.integers(SHEET_DATA.start, SHEET_DATA.stop - 1)


@SETTINGS
@given(damage=st.lists(st.tuples(OFFSETS, st.integers(0, 255)), min_size=1, max_size=4),
       cut=st.none() | st.integers(4, len(WORKBOOK)))
def test_a_damaged_workbook_imports_or_fails_cleanly(damage: list[tuple[int, int]], cut: int | None) -> None:
    data = bytearray(WORKBOOK[:cut])
    for offset, value in damage:
        if offset < len(data):
            data[offset] = value
    with fresh_draft() as (document, folder):
        source = folder / "staff.xlsx"
        source.write_bytes(bytes(data))
        before = files_in(folder, source)
        try:
            preview_roster(source)
            import_roster(document, source)
        except ProblemsError as error:
            assert_names_the_file(error, source)
            assert files_in(folder, source) == before
