"""`policy-tui export --template`: a company's .docx is read as untrusted input.

A damaged or hostile template is refused in one line (exit 1, nothing written); what a
template may carry that has no place in a policy (macros, a link to a remote template) is
left out of the export, with a note.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policy_model.zip_limits import MB
from tests.templates import add_zeros, replace, template
from tui.cli import main

BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%s;" % (b"" if i == 1 else b"%d" % (i - 1))) * 10)
                             for i in range(1, 10))
                  + b"]>")


def refused(draft: Path, tmp_path: Path, template_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Export with the template; assert exit 1, one line, no traceback, no file; return the line."""
    target = tmp_path / "out.docx"
    assert main(["export", str(draft), "-o", str(target), "--template", str(template_path)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert "Traceback" not in "\n".join(lines)
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out.docx")) == []
    return lines[-1]


def test_a_template_with_malformed_document_xml_is_one_line_and_exit_1(
        export_draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = template(tmp_path, {"word/document.xml": lambda data: data[:-40]})
    line = refused(export_draft, tmp_path, path, capsys)
    assert re.fullmatch(rf"{re.escape(str(path))}: --template: word/document\.xml is damaged \(not well-formed XML "
                        r"at line \d+, column \d+\); open the template in Word and save it again", line), line


def test_a_template_without_section_properties_is_one_line_and_exit_1(
        export_draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = template(tmp_path, {"word/document.xml": lambda data: re.sub(rb"<w:sectPr.*</w:sectPr>", b"", data,
                                                                          flags=re.S)})
    assert refused(export_draft, tmp_path, path, capsys) == (
        f"{path}: --template: word/document.xml has no page set-up (w:sectPr); open the template in Word "
        "and save it again")


def test_a_template_holding_an_entity_bomb_is_refused_in_one_line(
        export_draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def bomb(data: bytes) -> bytes:
        body = data.split(b"?>", 1)[1]
        return BILLION_LAUGHS + body.replace(b"<w:body>", b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", 1)

    path = template(tmp_path, {"word/document.xml": bomb})
    assert refused(export_draft, tmp_path, path, capsys) == (
        f"{path}: --template: word/document.xml declares XML entities or a DTD, which Word never writes; "
        "the template is refused as unsafe")


def test_a_template_whose_styles_hold_an_external_entity_is_refused(
        export_draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    secret = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY s SYSTEM "file:///etc/passwd">]>'
    path = template(tmp_path, {"word/styles.xml": lambda data: secret + data.split(b"?>", 1)[1]})
    assert "word/styles.xml declares XML entities or a DTD" in refused(export_draft, tmp_path, path, capsys)


def test_a_sound_template_still_exports(export_draft: Path, tmp_path: Path) -> None:
    path = template(tmp_path, {"word/document.xml": replace(b"<w:body>", b"<w:body><w:p/>")})
    assert main(["export", str(export_draft), "-o", str(tmp_path / "out.docx"), "--template", str(path)]) == 0


def test_a_zip_bomb_template_is_refused_from_its_directory(
        export_draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = add_zeros(template(tmp_path), "word/media/image1.png", 300 * MB)
    assert path.stat().st_size < 2 * MB
    assert re.fullmatch(rf"{re.escape(str(path))}: --template: the file unpacks to 30\d MB, more than the 200 MB "
                        r"allowed; it is refused unread", refused(export_draft, tmp_path, path, capsys))


def test_a_template_member_packed_like_a_zip_bomb_is_refused(
        export_draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = add_zeros(template(tmp_path), "word/media/image1.png", 20 * MB)
    assert re.fullmatch(rf"{re.escape(str(path))}: --template: word/media/image1\.png is packed [\d,]+ to 1 "
                        r"\(20 MB in [\d,]+ bytes\), which no real data is: it is refused unread as a ZIP bomb",
                        refused(export_draft, tmp_path, path, capsys))


def hostile_template(tmp_path: Path) -> Path:
    """A letterhead carrying macros and a template attached from a web address."""
    import docx
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from exporters.docx.base import ATTACHED_TEMPLATE, VBA_PROJECT

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Harbor letterhead"
    package = document.part.package
    macros = Part(PackURI("/word/vbaProject.bin"), "application/vnd.ms-office.vbaProject", b"VB", package)
    document.part.relate_to(macros, VBA_PROJECT)
    settings = document.part._settings_part
    rid = settings.relate_to("https://evil.example/t.dotm", ATTACHED_TEMPLATE, is_external=True)
    settings.element.append(parse_xml(f'<w:attachedTemplate {nsdecls("w", "r")} r:id="{rid}"/>'))
    path = tmp_path / "letterhead.docx"
    document.save(str(path))
    return path


def test_a_template_s_macros_and_remote_template_link_are_not_carried_into_the_export(
        export_draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import zipfile

    source = hostile_template(tmp_path)
    with zipfile.ZipFile(source) as archive:  # the test's template does carry both
        assert "word/vbaProject.bin" in archive.namelist()
        assert b"evil.example" in archive.read("word/_rels/settings.xml.rels")
    out = tmp_path / "policy.docx"
    assert main(["export", str(export_draft), "--template", str(source), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"{source}: its macros (vbaProject.bin) were removed: a policy document runs no code" in printed
    assert "its link to a template outside the file (https://evil.example/t.dotm) was removed" in printed
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        assert not any("vba" in name.lower() for name in names)
        assert b"attachedTemplate" not in archive.read("word/settings.xml")
        assert all(b"evil.example" not in archive.read(name) for name in names)
        assert b"Harbor letterhead" in archive.read(next(n for n in names if n.startswith("word/header")))
