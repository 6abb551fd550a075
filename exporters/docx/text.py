"""User text made safe for Word's XML: never a crash, never a corrupt file.

XML 1.0 cannot hold most control characters, the non-characters U+FFFE and U+FFFF, or lone
surrogates (which Python strings can carry after a lossy decode); lxml refuses them and Word
refuses a file that has them. They are dropped here. Everything else, right-to-left scripts
and emoji included, passes through unchanged.
"""

from __future__ import annotations

import re

# C0 controls except tab and newlines, DEL and the C1 controls, surrogates, U+FFFE/U+FFFF.
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_WHITESPACE_RUN = re.compile(r"[\t\r\n]+")
# The longest value a document property (title, subject, author...) may hold in a .docx
# that python-docx writes; Word shows these in File > Info, where a long one is cut anyway.
PROPERTY_LIMIT = 255


def xml_safe(text: str) -> str:
    """Drop what XML cannot hold; keep tabs and line breaks for python-docx to turn into Word's."""
    return _INVALID.sub("", text)


def one_line(text: str) -> str:
    """Safe text for a table cell or a title: line breaks and tabs become single spaces."""
    return _WHITESPACE_RUN.sub(" ", xml_safe(text)).strip()


def property_text(text: str) -> str:
    """Safe text for a document property: one line, cut with an ellipsis to fit PROPERTY_LIMIT."""
    line = one_line(text)
    return line if len(line) <= PROPERTY_LIMIT else line[: PROPERTY_LIMIT - 1].rstrip() + "…"
