"""The exported .docx opens in LibreOffice: converted headless to PDF, its text is all there.

CI installs LibreOffice (`.ci/run`); on a machine without it the test is skipped and says why.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from exporters.docx import export_docx, schedule_bytes
from policy_model.document import open_document
from policy_model.policy_view import build_view

SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")


def pdf_pages(docx_path: Path, folder: Path) -> list[list[str]]:
    """The lines of each page of LibreOffice's PDF of a .docx."""
    profile = (folder / "lo-profile").as_uri()
    result = subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                             "--outdir", str(folder), str(docx_path)], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    text = subprocess.run([PDFTOTEXT, str(folder / (docx_path.stem + ".pdf")), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [[line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")]


def pdf_text(docx_path: Path, folder: Path) -> str:
    """The text LibreOffice's PDF of a .docx holds, words joined by single spaces."""
    # A profile of its own, so a LibreOffice the user has open (or a parallel test) is not disturbed.
    profile = (folder / "lo-profile").as_uri()
    result = subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                             "--outdir", str(folder), str(docx_path)], capture_output=True, text=True, timeout=180)
    pdf = folder / (docx_path.stem + ".pdf")
    assert result.returncode == 0 and pdf.is_file(), result.stderr
    text = subprocess.run([PDFTOTEXT, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())  # table cells wrap their words across lines


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not on PATH; "
                    "install libreoffice-writer-nogui to run the PDF conversion test")
@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext is not on PATH; install poppler-utils")
def test_libreoffice_converts_the_export_to_pdf_with_its_text(export_draft: Path, tmp_path: Path) -> None:
    document = open_document(export_draft)
    next(e for e in document.roster.employees if e.id == "E1003").name = "Nguyen,\x01 Thi Mai שלום"
    view = build_view(document)
    target, schedule = tmp_path / "policy.docx", tmp_path / "schedule.docx"
    export_docx(view, target)
    schedule.write_bytes(schedule_bytes(view))
    text = pdf_text(target, tmp_path)
    for expected in ("Social Media and Mobile Communication Policy", "Harbor Community Bank",
                     "DRAFT — not approved for use", "1. Purpose", "6.1. Training", "Approved channels",
                     "Text messaging", "Dana Whitfield", "Employee acknowledgment", "Page 1 of"):
        assert expected in text, expected
    assert "Brennan, Liam" not in text, "the policy names no employee"
    listed = pdf_text(schedule, tmp_path)
    for expected in ("Access schedule", "Brennan, Liam", "Nguyen, Thi Mai", "שלום"):
        assert expected in listed, expected


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not on PATH; "
                    "install libreoffice-writer-nogui to run the PDF conversion test")
@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext is not on PATH; install poppler-utils")
def test_no_heading_is_the_last_line_of_a_page(export_draft: Path, tmp_path: Path) -> None:
    target = tmp_path / "policy.docx"
    export_docx(build_view(open_document(export_draft)), target)
    headings = {p.text for p in docx.Document(str(target)).paragraphs if p.style.name.startswith("Heading")}
    for number, page in enumerate(pdf_pages(target, tmp_path), 1):
        body = [line for line in page if not (line.startswith("Version ") and "Page" in line)]
        if body and "Contents" not in body:  # the contents list the headings, one a line
            last = body[-1].split(" ", 1)[-1]  # "3. Approved channels" -> "Approved channels"
            assert last not in headings, (number, body[-3:])
