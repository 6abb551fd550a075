"""Small rules of written English applied where a name is dropped into a sentence.

A company or person's name is user text: "Acme Inc." already ends in a full stop and
"Acme Advisers" already ends in an s, so the sentence around it must bend, not double up.
"""

from __future__ import annotations

import re
from datetime import date

# Jurisdictions that write the month first ("March 1, 2027"); elsewhere the day comes first.
_MONTH_FIRST = re.compile(r"\b(?:United States|USA|U\.S\.(?:A\.)?|US)(?:\W|$)")


def with_full_stop(text: str) -> str:
    """`text` closing a sentence: "Acme Inc." stays as it is instead of becoming "Acme Inc.."."""
    return text if text.endswith(".") else text + "."


def possessive(name: str) -> str:
    """"Acme's", but "Acme Advisers'" for a name ending in s, never "Advisers's"."""
    return name + "'" if name[-1:].lower() == "s" else name + "'s"


def month_first(jurisdiction: str) -> bool:
    """Whether the draft's place writes dates month first; one style holds for the whole document."""
    return bool(_MONTH_FIRST.search(jurisdiction))


def date_text(value: date | None, month_first: bool = False) -> str:
    """The document's one way to write a date: "1 March 2027", or "March 1, 2027" month first."""
    if value is None:
        return ""
    return f"{value:%B} {value.day}, {value.year}" if month_first else f"{value.day} {value:%B} {value.year}"
