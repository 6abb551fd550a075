"""Read what HR systems, CRMs and learning systems export into one shape: a header and rows of text.

Such files arrive as CSV in whatever encoding the exporting tool chose (UTF-8 with or without
a byte-order mark, UTF-16 from Excel's "Unicode text", Windows-1252 from Excel's "CSV"), with
commas, semicolons or tabs between values, or as an Excel workbook. Everything after this
module sees a `Table` and never asks which it was: the roster, the CRM's accounts and training
completions are all read here. A file that is not a table is refused here with one problem
that says what it looks like instead, before anything is written.

Row numbers are the ones a person sees when they open the file in Excel or LibreOffice: the
header is row 1, a blank line is a row, and a quoted value spanning several lines is still
one row.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from itertools import islice
from pathlib import Path
from types import MappingProxyType

from ..files import read_bytes
from ..problems import Problem, ProblemsError
from ..zip_limits import WORKBOOK_LIMIT, check_zip_size

# The most rows a table may have: more than the largest employer's staff (about 2.1 million),
# so a file past it is not a roster and is refused before anything is replaced; a sheet
# holds at most what Excel itself allows.
MAX_ROWS = 3_000_000
EXCEL_ROWS = 1_048_576
DELIMITERS = MappingProxyType({",": "comma", ";": "semicolon", "\t": "tab"})
# Enough of a file to recognise its encoding and delimiter, and to fill a preview.
SAMPLE_BYTES = 256 * 1024
# The fields a sniffed delimiter must split consistently.
SNIFF_ROWS = 50
# C0 control characters other than tab, LF and CR, and DEL: never in a real roster's text.
_BINARY = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Any control character but line ends (tab included: in a comma- or semicolon-separated file
# it is inside a value).
_CONTROL = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass
class Table:
    """A source file's header and rows, and how it was read.

    `rows` yields every row after the header, blank ones included (as empty lists), so the
    n-th row yielded is source row `first_row + n`. `total` is the number of rows expected,
    for progress (an estimate, 0 when unknown). `plain_lines`, for a text file without a
    control character other than its line ends, is its number of lines: when that equals the
    number of rows, no value holds a line break or a control character and the import can
    skip looking for them.
    """

    file: str
    header: list[str]
    rows: Iterator[list[str]]
    first_row: int = 2
    encoding: str = ""
    delimiter: str = ""
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    total: int = 0
    plain_lines: int | None = None

    @property
    def kind(self) -> str:
        """How the file was read, in words: "UTF-8, semicolon-separated" or 'Excel workbook, sheet "Staff"'."""
        if self.sheet is not None:
            return f'Excel workbook, sheet "{self.sheet}"'
        return f"{self.encoding}, {DELIMITERS.get(self.delimiter, repr(self.delimiter))}-separated"


@dataclass(frozen=True)
class Expected:
    """What a table file should hold, in the words a refusal uses: "expected a roster with a
    header row", "export the roster from the HR system as CSV or Excel"."""

    noun: str
    origin: str

    @property
    def export_hint(self) -> str:
        return f"export the {self.noun} from {self.origin} as CSV or Excel"

    @property
    def empty(self) -> str:
        return f"expected a {self.noun} with a header row"


ROSTER = Expected("roster", "the HR system")


def _refuse(file: str, message: str) -> ProblemsError:
    return ProblemsError([Problem(file, message)])


def open_table(path: Path, *, sheet: str | None = None, default_sheet: str | None = None,
               sample: bool = False, expected: Expected = ROSTER) -> Table:
    """Open a CSV or XLSX file as a Table; ProblemsError (one problem) if it is not a table.

    `sheet` is the sheet asked for (an error if the workbook has none by that name);
    `default_sheet`, the one used last time, is taken when present, else the first sheet.
    With `sample`, only the start of a CSV is read: enough for a preview of a huge file.
    `expected` names what the file should hold, for the words of a refusal.
    """
    path = Path(path)
    file = path.name
    head = read_bytes(path, "CSV or Excel file", SAMPLE_BYTES if sample else -1)
    if head.startswith(b"PK\x03\x04"):
        return _open_workbook(path, sheet, default_sheet, expected)
    _refuse_non_text(file, head, expected)
    if sheet is not None:
        raise _refuse(file, f"--sheet {sheet} is for Excel workbooks; this is a text file (CSV)")
    return _open_csv(file, head, expected, truncated=sample)


# A byte that is not white space, a byte-order mark's or a UTF-16 NUL: the file holds something.
_NOT_BLANK_BYTE = re.compile(rb"[^ \t\r\n\xef\xbb\xbf\xff\xfe\x00]")


def _refuse_non_text(file: str, head: bytes, expected: Expected) -> None:
    """Recognise the usual wrong files by their first bytes, and say what they are."""
    if not _NOT_BLANK_BYTE.search(head):
        raise _refuse(file, f"the file is empty: {expected.empty}")
    signatures = {
        b"\xd0\xcf\x11\xe0": "an old Excel (.xls) or Word (.doc) file; save it as .xlsx or CSV and import that",
        b"%PDF": f"a PDF document, not a table; {expected.export_hint}",
        b"{\\rtf": f"an RTF document, not a table; {expected.export_hint}",
    }
    for signature, what in signatures.items():
        if head.startswith(signature):
            raise _refuse(file, f"this is {what}")


def _zip_kind(path: Path, expected: Expected) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except Exception:  # zipfile raises many kinds for a damaged archive (BadZipFile, NotImplementedError...)
        return "a damaged ZIP or Office file"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "word/document.xml" in names:
        return f"a Word document, not a table; {expected.export_hint}"
    if "ppt/presentation.xml" in names:
        return "a PowerPoint presentation, not a table"
    if "content.xml" in names:
        return "an OpenDocument file; save it as .xlsx or CSV and import that"
    return "a ZIP archive, not a table; unpack it and import the CSV or Excel file inside"


# --- CSV -----------------------------------------------------------------------------------


def decode(data: bytes, *, truncated: bool = False) -> tuple[str, str, str]:
    """The text of a file's bytes, the name of its encoding for people, and its codec.

    A byte-order mark decides; otherwise UTF-8 if the bytes are valid UTF-8, else
    Windows-1252, which is what Excel writes for "CSV" on Western systems (its five undefined
    bytes are read as Latin-1, of which it is otherwise a superset). `truncated` allows a
    character cut at the end of a sample.
    """
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return codecs.getincrementaldecoder(codec)().decode(data, final=not truncated), name, codec
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(data, final=not truncated), "UTF-8", "utf-8"
    except UnicodeDecodeError:
        mixed = _mixed_lines(data, truncated=truncated)
        if mixed is not None:
            return mixed
        return data.decode("cp1252", errors=_FALLBACK), "Windows-1252", "cp1252"


# The codec name of a file read line by line, each line in its own encoding (see `_mixed_lines`).
MIXED = "utf-8, some lines cp1252"
# How many line numbers the encoding's name lists before counting the rest.
LINES_NAMED = 5


def _mixed_lines(data: bytes, *, truncated: bool) -> tuple[str, str, str] | None:
    """A UTF-8 file with some lines in Windows-1252 (a row pasted in from another export), read
    line by line in the right encoding, its name saying which lines were not UTF-8; None when
    no line is UTF-8 beyond ASCII, so the whole file is Windows-1252.

    Reading the whole file as Windows-1252 would garble every accented name in the UTF-8
    lines ("ZoÃ« MÃ¼ller") without a word.
    """
    lines = data.splitlines(keepends=True)
    if truncated and lines and not lines[-1].endswith((b"\n", b"\r")):
        lines.pop()  # a sample cut mid-line: the caller drops the half row anyway
    texts, other, utf8 = [], [], False
    for number, line in enumerate(lines, start=1):
        try:
            texts.append(line.decode("utf-8"))
            utf8 = utf8 or not line.isascii()
        except UnicodeDecodeError:
            texts.append(line.decode("cp1252", errors=_FALLBACK))
            other.append(number)
    if not utf8:
        return None
    named = ", ".join(map(str, other[:LINES_NAMED])) + (f" and {len(other) - LINES_NAMED} more"
                                                         if len(other) > LINES_NAMED else "")
    return "".join(texts), f"UTF-8, but line{'s' * (len(other) != 1)} {named} in Windows-1252", MIXED


# UTF-32's marks first: they begin with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 (with BOM)"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start:error.end].decode("latin-1"), error.end


_FALLBACK = "latin1_fallback"
codecs.register_error(_FALLBACK, _latin1_fallback)


def sniff_delimiter(text: str) -> str | None:
    """The delimiter that splits the first rows into the same number of fields, most of them.

    csv.Sniffer guesses from character frequencies and is fooled by commas inside quoted
    names ("Okafor, Grace"); parsing a sample with each candidate and scoring how
    consistently the rows split is slower but right. None when no candidate gives more than
    one column.
    """
    best: tuple[float, int, str] | None = None
    for delimiter in DELIMITERS:
        rows = [r for r in _first_rows(text, delimiter) if r]
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        consistent = sum(len(r) == width for r in rows) / len(rows)
        score = (consistent, width, delimiter)
        if best is None or score[:2] > best[:2]:
            best = score
    return best[2] if best else None


def _first_rows(text: str, delimiter: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text[:SAMPLE_BYTES], newline=""), delimiter=delimiter)
    rows = []
    try:
        for row in reader:
            rows.append(row)
            if len(rows) >= SNIFF_ROWS:
                break
    except csv.Error:
        pass
    return rows


def _open_csv(file: str, data: bytes, expected: Expected, *, truncated: bool) -> Table:
    try:
        text, encoding, codec = decode(data, truncated=truncated)
    except UnicodeDecodeError as error:
        raise _refuse(file, f"cannot be read as {error.encoding}: {error.reason} at byte {error.start}") from None
    if truncated and "\n" in text:
        text = text[: text.rindex("\n") + 1]  # a preview never shows a half row
    if _looks_binary(text[:SAMPLE_BYTES]):
        raise _refuse(file, f"this is not a text file (it holds binary data); {expected.export_hint}")
    if not text or text.isspace():
        raise _refuse(file, f"the file is empty: {expected.empty}")
    delimiter = sniff_delimiter(text)
    if delimiter is None:
        raise _refuse(file, "not a table: only one column found (expected columns separated by "
                      "commas, semicolons or tabs, with a header row)")
    lines_read = _lines(data, codec) if not truncated and codec != MIXED else io.StringIO(text, newline="")
    reader = csv.reader(lines_read, delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as error:
        raise _refuse(file, f"the header row cannot be read: {error}") from None
    lines = text.count("\n") + (not text.endswith("\n"))
    plain = delimiter != "\t" and not _has_controls(data if encoding.startswith("UTF-8") else None, text)
    return Table(file=file, header=[h.strip() for h in header], rows=_csv_rows(file, reader),
                 encoding=encoding, delimiter=delimiter, total=max(lines - 1, 0),
                 plain_lines=lines if plain else None)


def _lines(data: bytes, codec: str) -> io.TextIOWrapper:
    """The file's lines, decoded a block at a time as the CSV reader asks for them.

    The text decoded whole to check the encoding and sniff the delimiter could be read
    instead, but a StringIO copies it into four bytes a character: 90 MB and a twentieth of a
    second for a 200,000-row file, which is more than decoding these bytes again.
    """
    return io.TextIOWrapper(io.BytesIO(data), encoding=codec, errors=_FALLBACK, newline="")


# Every byte but C0 controls and DEL: deleting them leaves only the control bytes of UTF-8.
_NOT_CONTROL = bytes(range(0x20, 0x7f)) + bytes(range(0x80, 0x100))


def _has_controls(utf8: bytes | None, text: str) -> bool:
    """Whether the text holds a control character other than line ends.

    A regular expression over 20 MB of text takes a tenth of a second; on UTF-8 bytes,
    deleting every ordinary byte in C takes a fiftieth. UTF-8 writes C0 controls as single
    bytes and C1 controls as \\xc2\\x80-\\x9f, so a file without a \\xc2 byte has none of those.
    """
    if utf8 is None or b"\xc2" in utf8:
        return _CONTROL.search(text) is not None
    return bool(utf8.translate(None, _NOT_CONTROL).translate(None, b"\r\n"))


def _looks_binary(sample: str) -> bool:
    """A NUL, or more control characters than a stray one in a name (that is a row's problem)."""
    return "\x00" in sample or len(_BINARY.findall(sample)) > 8 + len(sample) // 100


def _csv_rows(file: str, reader: Iterator[list[str]]) -> Iterator[list[str]]:
    try:
        yield from islice(reader, MAX_ROWS)
        if next(reader, None) is not None:
            raise _too_many_rows(file, MAX_ROWS)
    except csv.Error as error:
        line = getattr(reader, "line_num", None)
        raise ProblemsError([Problem(file, f"the file cannot be read past this point: {error}", line=line)]) from None


def _too_many_rows(file: str, limit: int) -> ProblemsError:
    return _refuse(file, f"more than {limit:,} rows: larger than any employer's roster (nothing was imported)")


# --- XLSX ----------------------------------------------------------------------------------


def _open_workbook(path: Path, sheet: str | None, default_sheet: str | None, expected: Expected) -> Table:
    file = path.name
    kind = _zip_kind(path, expected)
    if kind != "xlsx":
        raise _refuse(file, f"this is {kind}")
    check_zip_size(path, WORKBOOK_LIMIT, file=file)
    from openpyxl import load_workbook  # heavy; only when a workbook is imported

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise _refuse(file, f"this Excel workbook cannot be read: {error}") from None
    sheets = list(workbook.sheetnames)
    if not sheets:
        workbook.close()
        raise _refuse(file, "this Excel workbook has no sheets")
    if sheet is None:
        sheet = default_sheet if default_sheet in sheets else sheets[0]
    elif sheet not in sheets:
        workbook.close()
        listed = ", ".join(f'"{s}"' for s in sheets)
        raise _refuse(file, f'no sheet named "{sheet}"; the sheets are {listed}')
    worksheet = workbook[sheet]
    rows = _undamaged(file, worksheet.iter_rows(values_only=True))
    header_row = 0
    header: list[str] = []
    try:
        for values in rows:
            header_row += 1
            header = [_cell_text(v).strip() for v in values]
            if any(header):
                break
    except ProblemsError:
        workbook.close()
        raise
    while header and not header[-1]:
        header.pop()
    if not header:
        workbook.close()
        raise _refuse(file, f'sheet "{sheet}" is empty: {expected.empty}')
    if len(header) < 2:
        workbook.close()
        raise _refuse(file, f'not a table: sheet "{sheet}" has only one column')
    total = max((worksheet.max_row or 0) - header_row, 0)
    if total > EXCEL_ROWS:  # the sheet's own dimension says so: refused before a row is read
        workbook.close()
        raise _too_many_rows(file, EXCEL_ROWS)
    return Table(file=file, header=header, rows=_sheet_rows(file, workbook, rows), first_row=header_row + 1,
                 sheet=sheet, sheets=sheets, total=total)


def _undamaged(file: str, rows: Iterator[tuple[object, ...]]) -> Iterator[tuple[object, ...]]:
    """The sheet's rows; ProblemsError at the row where a damaged file stops being readable.

    A workbook opened read-only is decompressed and parsed as its rows are read, so damage
    deep in a sheet shows only then, as any of zipfile's, zlib's or the XML parser's errors.
    """
    row = 0
    try:
        for values in rows:
            row += 1
            yield values
    except Exception as error:
        raise ProblemsError([Problem(file, f"this Excel workbook is damaged and cannot be read from here: {error}",
                                     line=row + 1)]) from None


def _sheet_rows(file: str, workbook: object, rows: Iterator[tuple[object, ...]]) -> Iterator[list[str]]:
    try:
        for values in islice(rows, EXCEL_ROWS):
            yield [_cell_text(v) for v in values]
        if next(rows, None) is not None:
            raise _too_many_rows(file, EXCEL_ROWS)
    finally:
        workbook.close()  # type: ignore[attr-defined]


def _cell_text(value: object) -> str:
    """A cell as the text a person sees: 12.0 as "12", a date as 2026-11-02, TRUE as "TRUE"."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)
