"""How big a ZIP from outside (an .xlsx roster, a .docx template) may unpack, decided before
a byte of it is unpacked.

A ZIP's central directory lists every member's packed and unpacked size, and Python's
zipfile never unpacks a member past the size listed there (it stops, and reports a CRC
error), so these sizes, read first, bound what any later reader can be made to unpack. A
few megabytes can otherwise claim gigabytes (a "ZIP bomb"), which python-docx loads whole
and openpyxl's shared strings too.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from .problems import Problem, ProblemsError

MB = 1024 * 1024
# A company template is a letterhead, styles and a logo or two: a few megabytes.
TEMPLATE_LIMIT = 200 * MB
# An Excel sheet's full 1,048,576 rows of a roster's columns, as Excel writes them, unpack to
# less than this; openpyxl reads a sheet row by row, so it is time, not memory.
WORKBOOK_LIMIT = 1024 * MB
# Deflate packs real Office XML 5 to 30 times; a member packed tighter than this is a run
# of one byte repeated, not data. Members under RATIO_FLOOR are not judged: a small part of
# blank space can pack that tight, and unpacks to nothing that matters.
RATIO_LIMIT = 200
RATIO_FLOOR = MB


def check_zip_size(path: Path, limit: int, *, file: str | None = None, field: str = "") -> None:
    """Refuse (ProblemsError, one problem) a ZIP that unpacks to more than `limit` bytes, or
    has a member packed absurdly tight; `file` and `field` place the problem.

    A file that is not a readable ZIP passes: its reader says what it is in its own words.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return
    message = _too_big(members, limit)
    if message:
        raise ProblemsError([Problem(str(path) if file is None else file, message, field=field)])


def _too_big(members: list[zipfile.ZipInfo], limit: int) -> str | None:
    total = sum(m.file_size for m in members)
    if total > limit:
        return (f"the file unpacks to {_megabytes(total)}, more than the {_megabytes(limit)} allowed; "
                "it is refused unread")
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR and ratio > RATIO_LIMIT:
            return (f"{member.filename} is packed {ratio:,.0f} to 1 ({_megabytes(member.file_size)} in "
                    f"{member.compress_size:,} bytes), which no real data is: it is refused unread as a ZIP bomb")
    return None


def _megabytes(size: int) -> str:
    return f"{size / MB:,.0f} MB"
