"""The WordprocessingML that python-docx has no API for: fields, list numbering, fast tables.

Kept apart from the document's layout so each piece of raw XML is written once and named for
what Word does with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from xml.sax.saxutils import escape

from docx.document import Document as WordDocument
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Inches
from docx.table import Table
from docx.text.paragraph import Paragraph

from .text import one_line

# Indents of the numbered levels, in twentieths of a point: "1." then "1.1." hang clear of the text.
_LEVEL_INDENT = (432, 720)


def add_field(paragraph: Paragraph, instruction: str, shown: str = "1") -> None:
    """A complex field (PAGE, NUMPAGES, ...): Word and LibreOffice recompute it; `shown` is its cached text."""
    begin_field(paragraph, instruction)
    paragraph.add_run(shown)
    end_field(paragraph)


def begin_field(paragraph: Paragraph, instruction: str) -> None:
    """Open a field; its cached result is whatever follows, up to `end_field` (even paragraphs later)."""
    _field_char(paragraph, "begin")
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    _field_char(paragraph, "separate")


def end_field(paragraph: Paragraph) -> None:
    _field_char(paragraph, "end")


def _field_char(paragraph: Paragraph, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(char)


def _next_id(numbering: object, tag: str, attribute: str) -> int:
    ids = [int(e.get(qn(attribute))) for e in numbering.findall(qn(tag))]  # type: ignore[attr-defined]
    return max(ids, default=0) + 1


def add_numbering(document: WordDocument, levels: Sequence[str]) -> int:
    """Define a list (one `lvlText` per level: "%1.", "%1.%2.") in numbering.xml; return its numId.

    A definition of our own, rather than a style's list, numbers our headings the same way on
    any template, and is real numbering: Word's navigation pane and TOC show "1.2".
    """
    numbering = document.part.numbering_part.element
    abstract_id = _next_id(numbering, "w:abstractNum", "w:abstractNumId")
    num_id = _next_id(numbering, "w:num", "w:numId")
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{_LEVEL_INDENT[min(i, 1)]}" w:hanging="{_LEVEL_INDENT[min(i, 1)]}"/></w:pPr></w:lvl>'
        for i, text in enumerate(levels)
    )
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                         f'<w:multiLevelType w:val="{"multilevel" if len(levels) > 1 else "singleLevel"}"/>'
                         f"{lvls}</w:abstractNum>")
    num = parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
    # The schema's order: every abstractNum, then every num, then an optional numIdMacAtCleanup.
    nums = numbering.findall(qn("w:num"))
    after = numbering.find(qn("w:numIdMacAtCleanup"))
    if nums:
        nums[0].addprevious(abstract)
        nums[-1].addnext(num)
    elif after is not None:
        after.addprevious(abstract)
        after.addprevious(num)
    else:
        numbering.extend([abstract, num])
    return num_id


def number_paragraph(paragraph: Paragraph, num_id: int, level: int = 0) -> None:
    """Attach a paragraph to a list: `<w:numPr>` with its level and list id."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


# The order WordprocessingML requires inside <w:pPr>; Word rejects a file that breaks it.
_PPR_ORDER = tuple(f"w:{tag}" for tag in (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
    "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
    "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
    "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange").split())


def set_paragraph_property(p_pr: BaseOxmlElement, xml: str) -> None:
    """Put one property (`<w:shd .../>`, `<w:outlineLvl .../>`) in its schema place in a pPr."""
    element = parse_xml(xml)
    tag = element.tag.split("}")[1]
    for old in p_pr.findall(qn(f"w:{tag}")):
        p_pr.remove(old)
    p_pr.insert_element_before(element, *_PPR_ORDER[_PPR_ORDER.index(f"w:{tag}") + 1:])


def shade(paragraph: Paragraph, fill: str) -> None:
    """A background colour behind the whole paragraph (for the DRAFT banner)."""
    set_paragraph_property(paragraph._p.get_or_add_pPr(),
                           f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{fill}"/>')


ROWS_PER_CHUNK = 5_000
# Table text is 9 pt (sizes are in half-points), so a six-column table fits a portrait page.
_CELL_SIZE = '<w:sz w:val="18"/><w:szCs w:val="18"/>'


# The paragraph mark takes the same size, so an empty cell's row is no taller than its neighbours.
_CELL_MARK = f"<w:pPr><w:rPr>{_CELL_SIZE}</w:rPr></w:pPr>"


def _cell(text: str, width: int, bold: bool) -> str:
    props = f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
    text = one_line(text)
    if not text:
        return f"<w:tc>{props}<w:p>{_CELL_MARK}</w:p></w:tc>"
    run_props = f"<w:rPr>{'<w:b/>' if bold else ''}{_CELL_SIZE}</w:rPr>"
    return (f"<w:tc>{props}<w:p>{_CELL_MARK}<w:r>{run_props}"
            f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:tc>')


def column_widths(document: WordDocument, weights: Sequence[int]) -> list[int]:
    """The widths of a table's columns in twips, shared out by weight between the margins."""
    section = document.sections[-1]
    # The width between margins in twips (635 EMU each); a template may leave the page size unset,
    # and Word then uses Letter with 1 in margins.
    page, left, right = section.page_width or Inches(8.5), section.left_margin, section.right_margin
    usable = int((page - (Inches(1) if left is None else left) - (Inches(1) if right is None else right)) / 635)
    return [usable * w // sum(weights) for w in weights]


def rows_xml(rows: Iterable[Sequence[str]], widths: Sequence[int], labels: bool = False) -> Iterator[str]:
    """Table rows as XML text, ROWS_PER_CHUNK rows to a piece: a national roster's table is
    never one string in memory. Each row stays on one page; with `labels`, the first column
    is bold (a form of label: value rows)."""
    chunk: list[str] = []
    for row in rows:
        chunk.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>"
                     + "".join(_cell(text, w, labels and i == 0) for i, (text, w) in enumerate(zip(row, widths,
                                                                                                  strict=True)))
                     + "</w:tr>")
        if len(chunk) == ROWS_PER_CHUNK:
            yield "".join(chunk)
            chunk.clear()
    if chunk:
        yield "".join(chunk)


def add_table(document: WordDocument, rows: Sequence[Sequence[str]], style: str,
              headers: Sequence[str] | None = None, weights: Sequence[int] | None = None,
              labels: bool = False) -> Table:
    """A table whose rows are written as XML text and parsed in a few large slices.

    python-docx's add_row/cell path walks the tree for every cell (16 s for 20,000 rows);
    this is the same markup (style, grid, cell widths) in a few parses. The header row repeats
    on every page, and a row never splits across pages.
    """
    columns = len(headers) if headers else len(rows[0])
    widths = column_widths(document, weights or [1] * columns)
    table: Table = document.add_table(rows=0, cols=columns)
    table.style = document.styles[style]
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        col.set(qn("w:w"), str(width))
    header = ('<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>'
              + "".join(_cell(h, w, True) for h, w in zip(headers, widths, strict=True)) + "</w:tr>") if headers else ""
    for body in [header, *rows_xml(rows, widths, labels)]:
        if body:
            table._tbl.extend(list(parse_xml(f'<w:tbl {nsdecls("w")}>{body}</w:tbl>')))
    return table


# What may follow <w:updateFields> in settings.xml, in the schema's order.
_AFTER_UPDATE_FIELDS = tuple(f"w:{tag}" for tag in (
    "hdrShapeDefaults footnotePr endnotePr compat docVars rsids").split()) + ("m:mathPr",) + tuple(
    f"w:{tag}" for tag in ("attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats "
                           "doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType "
                           "schemaLibrary shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator").split())


def update_fields_on_open(document: WordDocument) -> None:
    """Ask Word to update every field when the file opens, so the contents gain page numbers."""
    settings = document.settings.element
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    settings.insert_element_before(parse_xml(f'<w:updateFields {nsdecls("w")} w:val="true"/>'),
                                   *_AFTER_UPDATE_FIELDS)
