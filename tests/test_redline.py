"""The Word redline: real tracked changes that accept to the new text and reject to the old."""

from __future__ import annotations

import copy
import io
import shutil
import subprocess
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from exporters.redline import Marks, accept_all, add_tracked_paragraph, reject_all
from policy_model import toml_io
from policy_model.draft import Clause, Override
from policy_model.word_diff import new_text, old_text, word_diff
from tui.cli import main

from .diff_support import signed, write
from .drafts import load_draft

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WHEN = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)

REWORDINGS = [
    ("The bank monitors all client messages.", "The bank archives all client messages."),
    ("Reply within one day, and keep it short.", "Reply within one day; keep it short!"),
    ("Be courteous.  Never share  client data.", "Be courteous. Never share client data."),
    ("  Leading and trailing spaces  ", "Leading and trailing spaces"),
    ("One line.\nTwo lines.", "One line.\nThree\tlines."),
    ("Café clients: naïve «quotes».", "Café customers: naïve “quotes”."),
    ("", "Text where there was none."),
    ("Text that goes away.", ""),
]


def document_xml(data: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


def saved(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@given(st.text(alphabet="ab ,.\n\t-é", max_size=40), st.text(alphabet="ab ,.\n\t-é", max_size=40))
def test_word_diff_gives_back_both_texts(old: str, new: str) -> None:
    ops = word_diff(old, new)
    assert old_text(ops) == old
    assert new_text(ops) == new


def test_word_diff_works_word_by_word() -> None:
    ops = word_diff("keep them for five years, and", "keep them for seven years; and")
    assert [(o.op, o.text) for o in ops] == [
        ("equal", "keep them for "), ("delete", "five"), ("insert", "seven"), ("equal", " years"),
        ("delete", ","), ("insert", ";"), ("equal", " and")]


def test_changes_separated_only_by_spaces_read_as_one() -> None:
    ops = word_diff("The bank monitors all messages", "Our firm archives all messages")
    assert [(o.op, o.text) for o in ops] == [
        ("delete", "The bank monitors"), ("insert", "Our firm archives"), ("equal", " all messages")]


def test_reworded_paragraphs_accept_to_new_and_reject_to_old() -> None:
    document = docx.Document()
    marks = Marks("Dana Whitfield", WHEN)
    for old, new in REWORDINGS:
        add_tracked_paragraph(document, old, new, marks)
    xml = document_xml(saved(document))
    assert accept_all(xml) == "\n".join(new for _, new in REWORDINGS)
    assert reject_all(xml) == "\n".join(old for old, _ in REWORDINGS)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="ab ,.\n\t-é", max_size=30), st.text(alphabet="ab ,.\n\t-é", max_size=30))
def test_any_rewording_accepts_to_new_and_rejects_to_old(old: str, new: str) -> None:
    document = docx.Document()
    add_tracked_paragraph(document, old, new, Marks("Dana Whitfield", WHEN))
    xml = document_xml(saved(document))
    assert (accept_all(xml), reject_all(xml)) == (new, old)


def test_text_xml_cannot_hold_is_dropped_as_in_the_export() -> None:
    # A pasted clause may carry control characters, a lone surrogate or C1 controls.
    document = docx.Document()
    add_tracked_paragraph(document, "keep\x01 old", "keep \ud800new\x85 text\x0b", Marks("Dana Whitfield", WHEN))
    xml = document_xml(saved(document))
    assert (accept_all(xml), reject_all(xml)) == ("keep new text", "keep old")


def test_importing_the_redline_loads_neither_word_nor_textual() -> None:
    code = "import sys, exporters.redline; print(sorted({'docx', 'lxml', 'textual'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parent.parent)
    assert result.stdout.strip() == "[]"


def test_whole_paragraph_insertions_and_deletions_leave_no_empty_paragraph() -> None:
    document = docx.Document()
    marks = Marks("Dana Whitfield", WHEN)
    document.add_paragraph("Before.")
    add_tracked_paragraph(document, None, "An added clause.", marks)
    add_tracked_paragraph(document, "A removed clause.", None, marks)
    document.add_paragraph("After.")
    xml = document_xml(saved(document))
    assert accept_all(xml) == "Before.\nAn added clause.\nAfter."
    assert reject_all(xml) == "Before.\nA removed clause.\nAfter."
    root = etree.fromstring(xml)
    assert len(root.findall(f".//{W}pPr/{W}rPr/{W}ins")) == 1
    assert len(root.findall(f".//{W}pPr/{W}rPr/{W}del")) == 1


def test_revisions_carry_author_date_unique_ids_and_preserved_spaces() -> None:
    document = docx.Document()
    add_tracked_paragraph(document, "keep it short", "keep it  short ", Marks("Dana Whitfield", WHEN))
    root = etree.fromstring(document_xml(saved(document)))
    revisions = root.findall(f".//{W}ins") + root.findall(f".//{W}del")
    assert revisions
    assert {r.get(f"{W}author") for r in revisions} == {"Dana Whitfield"}
    assert {r.get(f"{W}date") for r in revisions} == {"2026-12-01T09:30:00Z"}
    ids = [r.get(f"{W}id") for r in revisions]
    assert len(set(ids)) == len(ids)
    spaced = [t for t in root.iter(f"{W}t", f"{W}delText") if t.text != t.text.strip()]
    assert spaced and all(t.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve" for t in spaced)


@pytest.fixture
def redline_pair(example_draft: Path) -> tuple[Path, Path, list[Clause], list[Clause]]:
    old = signed(example_draft)
    new = copy.deepcopy(old)
    purpose, monitoring, devices, conduct = new.clauses
    monitoring.text = "The bank archives all client messages; it keeps them for seven years."
    conduct.text = "Be courteous. Never share client data, ever."
    devices.title = "Phones"
    new.clauses = [monitoring, conduct, devices, Clause("training", title="Training", text="Train every year.")]
    new.channels[2].enabled = True
    new.eligibility.overrides.append(Override("E1042", "review", "moving to a new team", by="Carmen Reyes"))
    new.policy.version = "1.0"
    folder = example_draft.parent
    return write(old, folder / "signed.toml"), write(new, folder / "revised.toml"), old.clauses, new.clauses


def clause_lines(clauses: list[Clause]) -> str:
    return "\n".join(f"{c.title}\n{c.text}" for c in clauses)


def test_redline_command_writes_tracked_changes_legal_can_accept_or_reject(redline_pair, tmp_path: Path) -> None:
    old_path, new_path, old_clauses, new_clauses = redline_pair
    out = tmp_path / "redline.docx"
    args = ["export", str(new_path), "--redline-against", str(old_path), "-o", str(out), "--author", "Dana Whitfield"]
    assert main(args) == 0
    reopened = docx.Document(str(out))
    assert reopened.paragraphs[0].text.startswith("Social Media and Mobile Communication Policy: changes since")
    summary = "\n".join(cell.text for row in reopened.tables[0].rows for cell in row.cells)
    assert "E1042 Lee, Daniel" in summary and "Access revoked" in summary
    assert "WhatsApp" in summary and "Channel enabled" in summary

    xml = document_xml(out.read_bytes())
    root = etree.fromstring(xml)
    inserted = ["".join(t.text for t in ins.iter(f"{W}t")) for ins in root.iter(f"{W}ins")]
    deleted = ["".join(t.text for t in d.iter(f"{W}delText")) for d in root.iter(f"{W}del")]
    assert "archives" in inserted and "monitors" in deleted
    assert "seven" in inserted and "five" in deleted
    assert "Train every year." in inserted and "This policy sets out how staff may use social media with clients." \
        in deleted
    assert "Phones" in inserted and "Devices" in deleted
    assert {r.get(f"{W}author") for r in root.iter(f"{W}ins", f"{W}del")} == {"Dana Whitfield"}

    accepted, rejected = accept_all(xml), reject_all(xml)
    assert clause_lines(new_clauses) in accepted
    assert clause_lines(old_clauses) in rejected
    assert "monitors" not in accepted and "archives" not in rejected


def test_redline_refuses_to_overwrite_without_force(redline_pair, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    old_path, new_path, *_ = redline_pair
    out = tmp_path / "redline.docx"
    out.write_bytes(b"legal's copy")
    assert main(["export", str(new_path), "--redline-against", str(old_path), "-o", str(out)]) == 1
    assert out.read_bytes() == b"legal's copy"
    assert "already exists; add --force" in capsys.readouterr().err
    assert main(["export", str(new_path), "--redline-against", str(old_path), "-o", str(out), "--force"]) == 0
    assert zipfile.is_zipfile(out)
    assert sorted(p.name for p in tmp_path.glob(".redline*")) == []


def test_libreoffice_converts_the_redline(redline_pair, tmp_path: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not on PATH: the redline's conversion to PDF is not checked")
    old_path, new_path, *_ = redline_pair
    out = tmp_path / "redline.docx"
    assert main(["export", str(new_path), "--redline-against", str(old_path), "-o", str(out)]) == 0
    for target in ("pdf", "odt"):
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
                        "--convert-to", target, "--outdir", str(tmp_path), str(out)],
                       check=True, capture_output=True, timeout=120)
    assert (tmp_path / "redline.pdf").read_bytes().startswith(b"%PDF")
    # LibreOffice read the revisions as its own tracked changes, with their author.
    content = zipfile.ZipFile(tmp_path / "redline.odt").read("content.xml").decode("utf-8")
    assert content.count("<text:changed-region") >= 10
    assert "<dc:creator>Carmen Reyes</dc:creator>" in content


def test_redline_without_the_old_roster_says_access_comes_from_overrides(redline_pair, tmp_path: Path) -> None:
    old_path, new_path, *_ = redline_pair
    lonely = tmp_path / "elsewhere" / "signed.toml"
    lonely.parent.mkdir()
    shutil.copy(old_path, lonely)
    out = tmp_path / "redline.docx"
    assert main(["export", str(new_path), "--redline-against", str(lonely), "-o", str(out)]) == 0
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert f"Roster snapshot not available ({lonely.parent / 'regional-bank.roster.csv'}): access changes are " \
           "computed from overrides only." in text


def test_the_redline_fills_variables_as_the_document_does(redline_pair, tmp_path: Path) -> None:
    old_path, new_path, _, _ = redline_pair
    draft = load_draft(new_path)
    draft.clauses[0].text = "{company} keeps client messages for seven years."
    toml_io.save(draft, new_path)
    out = tmp_path / "redline.docx"
    assert main(["export", str(new_path), "--redline-against", str(old_path), "-o", str(out)]) == 0
    accepted = accept_all(document_xml(out.read_bytes()))
    assert "Harbor Community Bank keeps client messages for seven years." in accepted
    assert "{company}" not in accepted
