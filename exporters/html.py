"""The intranet page: the policy as one self-contained HTML file.

Everything is in the one file (the stylesheet inline, no script, no image), so it can be
dropped onto any intranet or attached to a mail and still look the same. Each heading has an
id and the contents link to it; a print stylesheet makes a clean paper copy and repeats the
DRAFT marking on every page while the policy is not approved. Every piece of text is escaped:
a company called "<Acme & Co>" is shown as written, never read as markup.
"""

from __future__ import annotations

from html import escape

from policy_model.policy_view import PolicyView

from .outline import DRAFT_BANNER, Block, Heading, Outline, Paragraph, Table, outline

STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5;
       max-width: 50rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
h1 { font-size: 2rem; margin-bottom: 0.25rem; }
.company { font-size: 1.25rem; color: #555; margin-top: 0; }
.draft { border: 2px solid #c00000; background: #fbe4e4; color: #c00000; padding: 0.5rem 1rem;
         font-weight: bold; font-size: 1.25rem; }
.draft-mark { display: none; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #bbb; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
nav ol { list-style: none; padding-left: 0; }
nav li.level-2 { padding-left: 1.5rem; }
@page { margin: 2cm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  h2, h3 { break-after: avoid; }
  tr, .draft { break-inside: avoid; }
  nav { break-after: page; }
  .draft-mark { display: block; position: fixed; top: 0; right: 0; color: #c00000; font-weight: bold; }
}
"""


def html_text(view: PolicyView) -> str:
    page = outline(view)
    title = f"{page.title} — {page.company}" if page.company else page.title
    return "\n".join([
        "<!DOCTYPE html>",
        f'<html lang="{escape(page.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        *_title_block(page),
        *_contents(page),
        "<main>",
        *(_block(block) for block in page.blocks),
        "</main>",
        "</body>",
        "</html>",
        "",
    ])


def html_bytes(view: PolicyView) -> bytes:
    return html_text(view).encode("utf-8")


def _title_block(page: Outline) -> list[str]:
    lines = ["<header>", f'<h1 id="title">{escape(page.title)}</h1>']
    if page.company:
        lines.append(f'<p class="company">{escape(page.company)}</p>')
    if page.draft:
        lines += ['<p class="draft-mark" aria-hidden="true">DRAFT — NOT APPROVED</p>',
                  f'<p class="draft">{escape(DRAFT_BANNER)}</p>', f"<p>{escape(page.draft_reasons)}</p>"]
    rows = "".join(f'<tr><th scope="row">{escape(label)}</th><td>{escape(value)}</td></tr>'
                   for label, value in page.facts)
    return [*lines, f'<table class="facts">{rows}</table>', "</header>"]


def _contents(page: Outline) -> list[str]:
    entries = [f'<li class="level-{h.level}"><a href="#{h.anchor}">{escape(h.text)}</a></li>' for h in page.headings]
    return ['<nav aria-labelledby="contents">', '<h2 id="contents">Contents</h2>', "<ol>", *entries, "</ol>", "</nav>"]


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        level = block.level + 1  # the page's title is the one h1
        return f'<h{level} id="{block.anchor}">{escape(block.text)}</h{level}>'
    if isinstance(block, Paragraph):
        return f"<p>{escape(block.text)}</p>"
    if isinstance(block, Table):
        head = "".join(f'<th scope="col">{escape(cell)}</th>' for cell in block.headers)
        body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in block.rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    return "<ol>" + "".join(f"<li><strong>{escape(name)}</strong>{': ' + escape(text) if text else ''}</li>"
                            for name, text in block.items) + "</ol>"
