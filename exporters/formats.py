"""Which format an export is written in, and writing it: .docx, .pdf, .html or .md.

The format follows the output's extension, or `--format` when given; an extension that names
no format, or another format than `--format`, is refused before anything is built, so
`policy.html` can never quietly hold a Word document. Every format is made whole in memory
from the one `PolicyView` and then written in one atomic rename.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from policy_model.files import atomic_write
from policy_model.policy_view import PolicyView
from policy_model.problems import Problem, ProblemsError

from .docx import Progress

Format = Literal["docx", "pdf", "html", "md"]
FORMATS: tuple[Format, ...] = ("docx", "pdf", "html", "md")
DESCRIPTIONS: dict[Format, str] = {"docx": "Word document", "pdf": "PDF", "html": "intranet page",
                                   "md": "Markdown file"}
# Formats that carry the access schedule (which names employees) beside them; the intranet
# page and Markdown go to everyone and are published, so they never do.
WITH_SCHEDULE: frozenset[Format] = frozenset({"docx", "pdf"})
_EXTENSIONS: dict[str, Format] = {".docx": "docx", ".pdf": "pdf", ".html": "html", ".htm": "html", ".md": "md",
                                  ".markdown": "md"}
_KNOWN = ".docx, .pdf, .html or .md"


def format_named(path: Path) -> Format | None:
    """The format `path`'s extension names, if any."""
    return _EXTENSIONS.get(path.suffix.lower())


def format_of(path: Path, requested: Format | None = None) -> Format:
    """The format to write `path` in, or ProblemsError saying why it is not clear."""
    suffix = path.suffix.lower()
    named = format_named(path)
    if suffix and named is None:
        raise ProblemsError([Problem(str(path), f"{suffix} is not a format policy-tui writes; name the file {_KNOWN}")])
    if named and requested and named != requested:
        raise ProblemsError([Problem(str(path), f"the extension {suffix} is not --format {requested}; name the "
                                     f"file .{requested} or leave out --format")])
    chosen = named or requested
    if chosen is None:
        raise ProblemsError([Problem(str(path), f"has no extension to tell the format; name the file {_KNOWN}, "
                                     "or give --format")])
    return chosen


def check_companions(fmt: Format, schedule: Path | None, template: Path | None) -> None:
    """Refuse an access schedule or a Word template with a format that cannot carry it."""
    if schedule is not None and fmt not in WITH_SCHEDULE:
        raise ProblemsError([Problem(str(schedule), f"the access schedule names employees, so it is not written "
                                     f"with the {DESCRIPTIONS[fmt]}; export a .docx or .pdf for it")])
    if template is not None and fmt in ("html", "md"):
        raise ProblemsError([Problem(str(template), f"a Word template shapes only a .docx or .pdf, not the "
                                     f"{DESCRIPTIONS[fmt]}")])


def document_bytes(view: PolicyView, fmt: Format, target: Path, template: Path | None = None,
                   progress: Progress | None = None) -> bytes:
    """The whole export in memory; `target` names it in a problem. The template shapes the
    .docx and so the PDF made of it; the text formats have their own layout."""
    if fmt in ("html", "md"):
        from .html import html_bytes
        from .markdown import markdown_bytes

        return html_bytes(view) if fmt == "html" else markdown_bytes(view)
    from .docx import export_bytes

    word = export_bytes(view, template, progress)
    if fmt == "docx":
        return word
    from .pdf import pdf_bytes

    return pdf_bytes(word, target)


def export(view: PolicyView, fmt: Format, target: Path, template: Path | None = None,
           progress: Progress | None = None) -> None:
    """Build the export completely, then replace `target` in one atomic rename."""
    atomic_write(Path(target), document_bytes(view, fmt, target, template, progress))
