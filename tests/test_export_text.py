"""The intranet page (.html) and Markdown (.md): the policy's headings in the .docx's order,
valid and self-contained, escaped, and naming no employee; a wrong extension is refused."""

from __future__ import annotations

import html
import io
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from markdown_it import MarkdownIt

from exporters.docx import export_bytes
from policy_model import toml_io
from policy_model.document import open_document
from policy_model.policy_view import build_view
from tui.cli import main

VOID = {"meta", "link", "br", "hr", "img", "input"}


class StrictPage(HTMLParser):
    """Parses a page and records what a browser would have to guess at: an end tag that
    closes no open element, an element left open, an id used twice."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.headings: list[tuple[str, str]] = []  # (id, text)
        self.links: list[str] = []
        self.lang = ""
        self._heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag not in VOID:
            self.open.append(tag)
        if found.get("id"):
            self.ids.append(found["id"] or "")
        if tag == "html":
            self.lang = found.get("lang") or ""
        if tag in ("h1", "h2", "h3", "h4"):
            self._heading = [found.get("id") or ""]
        if tag == "a" and "nav" in self.open:
            self.links.append(found.get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
            return
        self.open.pop()
        if self._heading is not None and tag in ("h1", "h2", "h3", "h4"):
            self.headings.append((self._heading[0], "".join(self._heading[1:])))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)

    def check(self, text: str) -> StrictPage:
        self.feed(text)
        self.close()
        self.errors += [f"<{tag}> never closed" for tag in self.open]
        return self


def docx_headings(draft: Path) -> list[str]:
    """The headings of the .docx the same draft exports, in order (numbered by Word, so unnumbered here)."""
    word = docx.Document(io.BytesIO(export_bytes(build_view(open_document(draft)))))
    return [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]


def unnumbered(heading: str) -> str:
    """"6.1. Training" -> "Training"."""
    return heading.split(" ", 1)[1]


def markdown_headings(text: str) -> list[tuple[int, str]]:
    tokens = MarkdownIt("commonmark").parse(text)
    return [(int(token.tag[1]), tokens[n + 1].content) for n, token in enumerate(tokens)
            if token.type == "heading_open"]


def export(draft: Path, target: Path, *options: str) -> str:
    assert main(["export", str(draft), "-o", str(target), *options]) == 0
    return target.read_text(encoding="utf-8")


def test_the_intranet_page_is_valid_and_every_heading_is_anchored_and_in_the_contents(export_draft: Path,
                                                                                     tmp_path: Path) -> None:
    text = export(export_draft, tmp_path / "POLICY.html")
    assert text.startswith("<!DOCTYPE html>\n")
    page = StrictPage().check(text)
    assert page.errors == []
    assert page.lang == "en"
    assert len(page.ids) == len(set(page.ids)), "every id is unique"
    assert all(anchor for anchor, _ in page.headings), "every heading has an id"
    policy = [(anchor, title) for anchor, title in page.headings if anchor not in ("title", "contents")]
    assert page.links == [f"#{anchor}" for anchor, _ in policy], "the contents link to every heading, in order"
    assert [unnumbered(title) for _, title in policy] == docx_headings(export_draft)
    assert policy[0][1] == "1. Purpose" and "6.1. Training" in [title for _, title in policy]
    assert "<style>" in text and "@media print" in text
    assert not any(mark in text for mark in ("<script", "<link", "src=", "url(")), "one self-contained file"
    assert "DRAFT — not approved for use" in text


def test_the_markdown_has_every_policy_heading_in_order(export_draft: Path, tmp_path: Path) -> None:
    text = export(export_draft, tmp_path / "POLICY.md")
    headings = markdown_headings(text)
    assert headings[0] == (1, "Social Media and Mobile Communication Policy")
    assert [unnumbered(title) for _, title in headings[1:]] == docx_headings(export_draft)
    assert (3, "6.1. Training") in headings and (2, "1. Purpose") in headings
    assert "**DRAFT — not approved for use**" in text


def test_no_roster_employee_is_named_in_the_page_or_the_markdown(export_draft: Path, tmp_path: Path) -> None:
    employees = open_document(export_draft).roster.employees
    page = html.unescape(export(export_draft, tmp_path / "POLICY.html"))
    markdown = MarkdownIt("commonmark").render(export(export_draft, tmp_path / "POLICY.md"))
    for person in employees:
        for shown in (person.name, person.email):
            assert shown not in page and shown not in html.unescape(markdown), shown


def test_text_from_the_draft_stays_text_in_both(export_draft: Path, tmp_path: Path) -> None:
    company = "<b>Acme</b> & *Sons* [Bank](http://x) `1` #"
    draft = toml_io.load(export_draft).draft
    draft.policy.company = company
    toml_io.save(draft, export_draft)
    page = export(export_draft, tmp_path / "POLICY.html")
    assert "<b>" not in page and "&lt;b&gt;Acme&lt;/b&gt; &amp; *Sons*" in page
    assert StrictPage().check(page).errors == []
    rendered = MarkdownIt("commonmark").render(export(export_draft, tmp_path / "POLICY.md"))
    assert not any(tag in rendered for tag in ("<b>", "<em>", "<a ", "<code>")), rendered[:400]
    assert f"<p>{html.escape(company, quote=False)}</p>" in rendered


def test_a_paragraph_that_looks_like_markdown_is_escaped() -> None:
    from exporters.markdown import escaped, paragraph

    assert paragraph("1. Not a list") == "1\\. Not a list"
    assert paragraph("- not an item") == "\\- not an item"
    assert paragraph("> not a quote") == "\\> not a quote"
    assert escaped("a | b") == "a \\| b"


@pytest.mark.parametrize("name, options, message", [
    ("policy.txt", [], ".txt is not a format policy-tui writes; name the file .docx, .pdf, .html or .md"),
    ("policy", [], "has no extension to tell the format; name the file .docx, .pdf, .html or .md, or give --format"),
    ("policy.html", ["--format", "docx"], "the extension .html is not --format docx; name the file .docx or leave "
     "out --format"),
])
def test_an_output_whose_extension_names_no_format_or_another_is_refused(
        export_draft: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, options: list[str],
        message: str) -> None:
    target = tmp_path / name
    assert main(["export", str(export_draft), "-o", str(target), *options]) == 1
    assert capsys.readouterr().err == f"{target}: {message}\n"
    assert not target.exists()


def test_the_format_flag_names_a_file_without_an_extension(export_draft: Path, tmp_path: Path) -> None:
    assert export(export_draft, tmp_path / "policy", "--format", "md").startswith("# Social Media")


def test_the_access_schedule_and_a_template_are_refused_with_a_page(export_draft: Path, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    schedule = tmp_path / "schedule.docx"
    target = tmp_path / "POLICY.html"
    assert main(["export", str(export_draft), "-o", str(target), "--schedule", str(schedule)]) == 1
    assert capsys.readouterr().err == (f"{schedule}: the access schedule names employees, so it is not written "
                                       "with the intranet page; export a .docx or .pdf for it\n")
    assert main(["export", str(export_draft), "-o", str(tmp_path / "POLICY.md"), "--template", str(schedule)]) == 1
    assert capsys.readouterr().err == (f"{schedule}: a Word template shapes only a .docx or .pdf, "
                                       "not the Markdown file\n")
    assert not target.exists() and not schedule.exists() and not (tmp_path / "POLICY.md").exists()


def test_the_page_and_the_markdown_say_whom_each_section_binds(export_draft: Path, tmp_path: Path) -> None:
    sections = build_view(open_document(export_draft)).sections
    lines = {section.applies_to for section in sections}
    assert "Applies to every employee." in lines
    for name in ("POLICY.html", "POLICY.md"):
        text = html.unescape(export(export_draft, tmp_path / name))
        assert all(line in text for line in lines)
