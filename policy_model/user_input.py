"""Checking what a person typed before it goes into the draft.

Every edit operation (a session title, an approver's name, a date) passes its text through
here, so the TUI's forms and the command line refuse the same things with the same words:
empty names, control characters that would corrupt the exported document, dates nobody can
read the same way twice.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from .problems import Problem, ProblemsError

# Written forms of a date that cannot be misread. 03/04/2026 is left out on purpose: it is
# March in the United States and April in Europe, and a training record must not guess.
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y",
                 "%b %d %Y", "%B %d %Y")


def shown(text: str, limit: int = 60) -> str:
    """A cell from someone's file, safe to echo in a message: control characters (which could
    recolour or clear a terminal) written as escapes, and long text cut short."""
    safe = "".join(ch if unicodedata.category(ch) != "Cc" else ch.encode("unicode_escape").decode() for ch in text)
    return safe if len(safe) <= limit else safe[: limit - 1] + "…"


def printable_line(text: str) -> str:
    """A cell from someone's file as one line of a table on a terminal: runs of white space
    become one space, other control characters "?" (they could move the cursor or clear it)."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else "?" for ch in " ".join(text.split()))


def refuse(what: str, message: str) -> ProblemsError:
    """The error an edit operation raises: `what` names the thing being edited."""
    return ProblemsError([Problem(what, message)])


def clean_line(value: str, what: str, label: str, *, required: bool = True, limit: int = 200) -> str:
    """One line of text, trimmed; refuses empty (when required), control characters, overlong."""
    text = value.strip()
    if required and not text:
        raise refuse(what, f"the {label} must not be empty")
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise refuse(what, f"the {label} contains a control character (a tab, line break or similar)")
    if len(text) > limit:
        raise refuse(what, f"the {label} is {len(text)} characters long; keep it under {limit}")
    return text


def clean_text(value: str, what: str, label: str, *, limit: int = 2000) -> str:
    """A paragraph: line breaks and tabs allowed, other control characters refused."""
    text = value.strip()
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in text):
        raise refuse(what, f"the {label} contains a control character")
    if len(text) > limit:
        raise refuse(what, f"the {label} is {len(text)} characters long; keep it under {limit}")
    return text


def parse_day(text: str) -> date:
    """A calendar day from text such as 2026-11-05, 2026/11/05, 5 Nov 2026 or Nov 5, 2026.

    A date-time (2026-11-05T10:30, as spreadsheets export it) gives its day. Raises ValueError
    with a message fit to show a person.
    """
    value = text.strip()
    if not value:
        raise ValueError("the date is empty")
    try:
        return date.fromisoformat(value)  # the usual case, and ten times faster than strptime
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            pass
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        pass
    raise ValueError(f'"{shown(value)}" is not a date; write it as YYYY-MM-DD (for example 2026-11-05)')


def optional_day(text: str, what: str, label: str = "date") -> date | None:
    """A date typed in a form, where blank means "not set"; ProblemsError when unreadable."""
    if not text.strip():
        return None
    try:
        return parse_day(text)
    except ValueError as error:
        raise refuse(what, f"{label}: {error}") from None


def unique_id(name: str, taken: set[str], fallback: str) -> str:
    """A readable id made from a name ("Push to talk" -> "push-to-talk"), unique among `taken`.

    Hand-editors read these ids in the draft, so they are words, not numbers; a clash gets
    "-2", "-3", ...
    """
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or fallback
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
