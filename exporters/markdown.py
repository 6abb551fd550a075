"""The policy as Markdown (CommonMark), for a wiki or a git repository.

The same outline as the intranet page: ATX headings ("## 1. Purpose") in the order of the
.docx, paragraphs, and tables in the pipe syntax GitHub, GitLab and most wikis read (plain
CommonMark shows them as the readable text they are). Text from the draft is escaped, so a
company called "*Acme* [Bank]" or a clause starting "1." stays text and never turns into
emphasis, a link or a list.
"""

from __future__ import annotations

import re

from policy_model.policy_view import PolicyView

from .outline import DRAFT_BANNER, Block, Heading, Outline, Paragraph, Table, outline

# Characters that start inline markup (emphasis, code, links, raw HTML, entities, table
# cells) or close a heading ("## Policy #" would lose its "#").
_INLINE = re.compile(r"([\\`*_\[\]<>|~&#])")
# What at the start of a paragraph makes a quote, a list item or a thematic break: the mark
# itself, or the full stop or bracket after a list item's number ("1." "2)").
_LINE_START = re.compile(r"^(?:\d+(?=[.)])|(?=[>+=-]))")


def escaped(text: str) -> str:
    """`text` as Markdown inline text (in a heading, a list item, a table cell) that shows exactly `text`."""
    return _INLINE.sub(r"\\\1", text)


def paragraph(text: str) -> str:
    """`text` as a paragraph of its own, which a leading "1." or "-" must not turn into a list."""
    return _LINE_START.sub(lambda start: start[0] + "\\", escaped(text), count=1)


def markdown_text(view: PolicyView) -> str:
    page = outline(view)
    parts = [*_title_block(page), *(_block(block) for block in page.blocks)]
    return "\n\n".join(parts) + "\n"


def markdown_bytes(view: PolicyView) -> bytes:
    return markdown_text(view).encode("utf-8")


def _title_block(page: Outline) -> list[str]:
    parts = [f"# {escaped(page.title)}"]
    if page.company:
        parts.append(paragraph(page.company))
    if page.draft:
        parts += [f"**{escaped(DRAFT_BANNER)}**", paragraph(page.draft_reasons)]
    parts.append("\n".join(f"- {escaped(label)}: {escaped(value)}" for label, value in page.facts))
    return parts


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * (block.level + 1)} {block.number} {escaped(block.title)}"
    if isinstance(block, Paragraph):
        return paragraph(block.text)
    if isinstance(block, Table):
        return "\n".join([_row(block.headers), _row(("---",) * len(block.headers), escape=False),
                          *(_row(row) for row in block.rows)])
    return "\n".join(f"{n}. **{escaped(name)}**{': ' + escaped(text) if text else ''}"
                     for n, (name, text) in enumerate(block.items, 1))


def _row(cells: tuple[str, ...], escape: bool = True) -> str:
    return "| " + " | ".join(escaped(cell) if escape else cell for cell in cells) + " |"
