"""The PDF: LibreOffice converts the exported .docx; its text, DRAFT marking included, is all there.

CI installs LibreOffice (`.ci/run`); on a machine without it the tests that convert are
skipped and say why. The tests of a missing or hanging LibreOffice run everywhere.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from exporters.docx import export_bytes, schedule_bytes
from exporters.pdf import pdf_bytes
from policy_model.document import open_document
from policy_model.policy_view import build_view
from policy_model.problems import ProblemsError
from tui.cli import main

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
needs_libreoffice = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not on PATH; "
                                       "install libreoffice-writer-nogui to run the PDF conversion tests")
needs_pdftotext = pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext is not on PATH; install poppler-utils")


def text_of_pdf(pdf: Path) -> str:
    return subprocess.run([PDFTOTEXT, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def pdf_of(docx_bytes: bytes, folder: Path) -> Path:
    """The PDF the exporter makes of a .docx, written into `folder`."""
    pdf = folder / "converted.pdf"
    pdf.write_bytes(pdf_bytes(docx_bytes, pdf))
    return pdf


def pdf_pages(docx_bytes: bytes, folder: Path) -> list[list[str]]:
    """The lines of each page of the PDF of a .docx."""
    text = text_of_pdf(pdf_of(docx_bytes, folder))
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")]


def pdf_text(docx_bytes: bytes, folder: Path) -> str:
    """The text the PDF of a .docx holds, words joined by single spaces."""
    return " ".join(text_of_pdf(pdf_of(docx_bytes, folder)).split())  # table cells wrap their words across lines


@needs_libreoffice
@needs_pdftotext
def test_libreoffice_converts_the_export_to_pdf_with_its_text(export_draft: Path, tmp_path: Path) -> None:
    document = open_document(export_draft)
    next(e for e in document.roster.employees if e.id == "E1003").name = "Nguyen,\x01 Thi Mai שלום"
    view = build_view(document)
    text = pdf_text(export_bytes(view), tmp_path)
    for expected in ("Social Media and Mobile Communication Policy", "Harbor Community Bank",
                     "DRAFT — not approved for use", "1. Purpose", "6.1. Training", "Approved channels",
                     "Text messaging", "Dana Whitfield", "Employee acknowledgment", "Page 1 of"):
        assert expected in text, expected
    assert "Brennan, Liam" not in text, "the policy names no employee"
    listed = pdf_text(schedule_bytes(view), tmp_path)
    for expected in ("Access schedule", "Brennan, Liam", "Nguyen, Thi Mai", "שלום"):
        assert expected in listed, expected


@needs_libreoffice
@needs_pdftotext
def test_no_heading_is_the_last_line_of_a_page(export_draft: Path, tmp_path: Path) -> None:
    word = export_bytes(build_view(open_document(export_draft)))
    target = tmp_path / "policy.docx"
    target.write_bytes(word)
    headings = {p.text for p in docx.Document(str(target)).paragraphs if p.style.name.startswith("Heading")}
    for number, page in enumerate(pdf_pages(word, tmp_path), 1):
        body = [line for line in page if not (line.startswith("Version ") and "Page" in line)]
        if body and "Contents" not in body:  # the contents list the headings, one a line
            last = body[-1].split(" ", 1)[-1]  # "3. Approved channels" -> "Approved channels"
            assert last not in headings, (number, body[-3:])


@needs_libreoffice
@needs_pdftotext
def test_export_format_pdf_writes_a_pdf_marked_draft(export_draft: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "POLICY.pdf"
    before = set(tmp_path.iterdir())
    assert main(["export", str(export_draft), "--format", "pdf", "-o", str(target)]) == 0
    assert set(tmp_path.iterdir()) - before == {target}, "nothing is left beside the PDF"
    assert capsys.readouterr().out.startswith(f"wrote {target}: DRAFT (3 of 3 approvals outstanding;")
    assert target.read_bytes().startswith(b"%PDF-")
    assert target.stat().st_mode & 0o777 == 0o600
    text = " ".join(text_of_pdf(target).split())
    assert "DRAFT — not approved for use" in text and "DRAFT — NOT APPROVED" in text  # the banner and each header


def test_without_libreoffice_the_pdf_is_refused_naming_the_package(export_draft: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))
    target = tmp_path / "POLICY.pdf"
    assert main(["export", str(export_draft), "-o", str(target)]) == 1
    assert capsys.readouterr().err == (f"{target}: cannot make a PDF without LibreOffice (no soffice or libreoffice "
                                       "on PATH): install the package libreoffice-writer (Debian/Ubuntu) or "
                                       "LibreOffice from https://www.libreoffice.org/download/\n")
    assert not target.exists()


def test_a_conversion_that_hangs_is_stopped_with_a_clear_message(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    programs = tmp_path / "bin"
    programs.mkdir()
    hanging = programs / "soffice"
    hanging.write_text(f"#!/bin/sh\n{shutil.which('sleep')} 60\n")  # a child that holds the output open
    hanging.chmod(0o755)
    monkeypatch.setenv("PATH", str(programs))
    target = tmp_path / "POLICY.pdf"
    with pytest.raises(ProblemsError) as raised:
        pdf_bytes(b"PK", target, timeout=0.5)
    assert [str(p) for p in raised.value.problems] == [
        f"{target}: LibreOffice did not finish the PDF within 0.5 seconds; nothing was written"]
