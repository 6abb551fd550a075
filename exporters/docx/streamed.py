"""A .docx whose longest table is written straight into the file as it is made.

python-docx holds a document as an lxml tree: a table of 100,000 rows took 1.7 GB that way. Here
python-docx builds everything else (styles, a template's letterhead, headers, the title
block and the table's header row) and leaves a mark where the rows go; the rows, as XML text
in chunks (`ooxml.rows_xml`), are then written between the two halves of word/document.xml
while every other part of the package is copied as it is. Nothing larger than a chunk of rows
is ever held in memory.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

from docx.document import Document as WordDocument
from docx.table import Table
from lxml import etree

from .ooxml import ROWS_PER_CHUNK

# A comment where the rows go: user text is escaped, so nothing else in a part can look like it.
_MARK = "policy-tui: table rows"
_BODY = "word/document.xml"


@dataclass
class StreamedTable:
    """A document whose one marked table takes `rows` rows, given as XML text in `chunks`
    (with no rows, nothing is marked)."""

    document: WordDocument
    chunks: Iterable[str]
    rows: int


def mark_rows(table: Table) -> None:
    """Mark where the table's streamed rows go: after the rows it already has (its header)."""
    table._tbl.append(etree.Comment(_MARK))


def save_streamed(streamed: StreamedTable, stream: IO[bytes]) -> None:
    """Write the document as a .docx to `stream`, its rows written at the mark as they come;
    a document with no rows has no mark and is saved as it is."""
    if not streamed.rows:
        streamed.document.save(stream)
        return
    skeleton = io.BytesIO()
    streamed.document.save(skeleton)
    with zipfile.ZipFile(skeleton) as source, zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            if info.filename == _BODY:
                _write_body(source.read(info), streamed, target, entry)
            else:
                target.writestr(entry, source.read(info))


def _write_body(body: bytes, streamed: StreamedTable, target: zipfile.ZipFile, entry: zipfile.ZipInfo) -> None:
    head, found, tail = body.partition(f"<!--{_MARK}-->".encode())
    if not found:
        raise ValueError(f"{_BODY} has no mark for its table rows")
    chunks = (chunk.encode("utf-8") for chunk in streamed.chunks)
    first = next(chunks, b"")
    # Past 2 GiB a part needs ZIP64; only then, since an older reader may not know it. The
    # size is foreseen from the first chunk, doubled for rows longer than those.
    per_row = len(first) / min(streamed.rows, ROWS_PER_CHUNK)
    foreseen = len(head) + len(tail) + 2 * per_row * streamed.rows
    with target.open(entry, "w", force_zip64=foreseen >= zipfile.ZIP64_LIMIT) as part:
        part.write(head)
        part.write(first)
        for chunk in chunks:
            part.write(chunk)
        part.write(tail)
