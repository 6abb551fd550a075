"""The document we write into: python-docx's blank one, or the company's own template.

A company template is its letterhead and house styles. Its body (sample text, instructions
to the template's user) is removed, since the policy replaces it; its headers, footers, page
set-up and styles are kept, so the letterhead shows on every page and our headings and body
text take the company's fonts and colours. A template without a style we use gets a plain
definition of it added, so an export never fails on a style name.

A template comes from outside, so it is read as untrusted: its ZIP directory must show a
sane unpacked size, then every XML part is parsed with DTDs and entities refused (no entity
bomb, no external entity); a template that is damaged or has no page set-up is refused in
one line before anything is written.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

import docx
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError
from defusedxml.ElementTree import fromstring as safe_fromstring
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches, Pt

from policy_model.problems import Problem, ProblemsError
from policy_model.zip_limits import TEMPLATE_LIMIT, check_zip_size

from .ooxml import set_paragraph_property

TABLE_STYLE = "Table Grid"
# Paragraph styles we use: name -> (size in points or None, bold, outline level or None, based on).
PARAGRAPH_STYLES: dict[str, tuple[float | None, bool, int | None, str | None]] = {
    "Title": (26, True, None, "Normal"),
    "Subtitle": (14, False, None, "Normal"),
    "Heading 1": (16, True, 0, "Normal"),
    "Heading 2": (13, True, 1, "Normal"),
    "TOC Heading": (16, True, None, "Normal"),
    "TOC 1": (None, False, None, "Normal"),
    "TOC 2": (None, False, None, "Normal"),
    "Header": (None, False, None, "Normal"),
    "Footer": (None, False, None, "Normal"),
}


def open_base(template: Path | None) -> WordDocument:
    """A blank python-docx document, or the template with its body cleared, its macros and
    remote links removed (see `strip_active_content`); styles ensured."""
    if template is None:
        document = docx.Document()
        for section in document.sections:
            # python-docx's blank page has 1.25 in side margins; 1 in gives tables room.
            section.left_margin = section.right_margin = Inches(1)
    else:
        document = _open_template(Path(template))
        _clear_body(document)
        strip_active_content(document)
    ensure_styles(document)
    return document


def template_notes(template: Path) -> list[str]:
    """What an export leaves out of this template because it could act on a reader's machine
    (said to the user, who may not know their letterhead carried it)."""
    return strip_active_content(_open_template(Path(template)))


# Relationships through which a document runs code or fetches from the network when opened:
# its macros, and a template attached by URL (a known way to make Word download and run one).
VBA_PROJECT = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
ATTACHED_TEMPLATE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"


def strip_active_content(document: WordDocument) -> list[str]:
    """Remove the template's macros and any template it attaches from outside the file; what
    was removed, in words. A part no relationship reaches is not written by python-docx, so
    dropping the relationship drops the macros (and their data) from the export."""
    notes = []
    for part in list(document.part.package.iter_parts()):
        for rid, rel in list(part.rels.items()):
            if rel.reltype == VBA_PROJECT:
                notes.append(f"its macros ({rel.target_ref}) were removed: a policy document runs no code")
            elif rel.reltype == ATTACHED_TEMPLATE and rel.is_external:
                notes.append(f"its link to a template outside the file ({rel.target_ref}) was removed: Word "
                             "would fetch it from there when the policy is opened")
                for element in part.element.findall(qn("w:attachedTemplate")) if hasattr(part, "element") else ():
                    element.getparent().remove(element)
            else:
                continue
            del part.rels[rid]
    return notes


NOT_A_TEMPLATE = "not a Word .docx file that can be used as a template"
RESAVE = "open the template in Word and save it again"


def _refuse(path: Path, message: str) -> ProblemsError:
    return ProblemsError([Problem(str(path), message, field="--template")])


def _open_template(path: Path) -> WordDocument:
    if not path.is_file():
        raise _refuse(path, "the template does not exist")
    check_zip_size(path, TEMPLATE_LIMIT, field="--template")
    _check_xml_parts(path)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        hint = ("; save it from Word as a .docx document (a .dotx template is not read)"
                if isinstance(error, ValueError) and "template.main" in str(error) else "")
        raise _refuse(path, NOT_A_TEMPLATE + hint) from None
    body = getattr(document.element, "body", None)
    if body is None or body.sectPr is None:
        # Its section properties are the page set-up and the letterhead the template is for.
        raise _refuse(path, f"word/document.xml has no page set-up (w:sectPr); {RESAVE}")
    return document


def _check_xml_parts(path: Path) -> None:
    """Parse every XML part safely, so python-docx only ever reads well-formed, entity-free XML."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = [(info.filename, archive.read(info)) for info in archive.infolist()
                     if info.filename.endswith((".xml", ".rels"))]
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, OSError, EOFError):
        raise _refuse(path, NOT_A_TEMPLATE) from None
    for name, data in parts:
        try:
            safe_fromstring(data, forbid_dtd=True)
        except DefusedXmlException:
            raise _refuse(path, f"{name} declares XML entities or a DTD, which Word never writes; "
                          "the template is refused as unsafe") from None
        except ParseError as error:
            line, column = error.position
            raise _refuse(path, f"{name} is damaged (not well-formed XML at line {line}, column {column}); "
                          f"{RESAVE}") from None


def _clear_body(document: WordDocument) -> None:
    """Remove the template's content but keep its last section properties (page size, letterhead)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def ensure_styles(document: WordDocument) -> None:
    """Add any style we use that the template lacks, defined plainly so it still reads well."""
    styles = document.styles
    names = {s.name for s in styles}
    for name, (size, bold, outline, based_on) in PARAGRAPH_STYLES.items():
        if name in names:
            continue
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        if based_on in names:
            style.base_style = styles[based_on]
        if size:
            style.font.size = Pt(size)
        style.font.bold = bold or None
        if name.startswith("TOC ") and name != "TOC Heading":
            # Contents entries sit close together; a second level is indented under its first.
            style.paragraph_format.space_after = Pt(2)
            style.paragraph_format.left_indent = Pt(18 * (int(name[-1]) - 1))
        if outline is not None:
            # The outline level is what puts a heading in Word's navigation pane and TOC.
            style.paragraph_format.keep_with_next = True
            style.paragraph_format.space_before = Pt(12)
            set_paragraph_property(style.element.get_or_add_pPr(), f'<w:outlineLvl {nsdecls("w")} w:val="{outline}"/>')
    if TABLE_STYLE not in names:
        _add_grid_style(document)


def _add_grid_style(document: WordDocument) -> None:
    style = document.styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.TABLE)
    borders = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    style.element.append(parse_xml(f'<w:tblPr {nsdecls("w")}><w:tblBorders>{borders}</w:tblBorders>'
                                   '<w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
                                   "</w:tblCellMar></w:tblPr>"))
