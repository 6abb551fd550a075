"""Checking what a person typed, or a file gave, before it goes into the draft.

Every edit operation (a session title, an approver's name, a date) passes its text through
here, so the TUI's forms and the command line refuse the same things with the same words:
empty names, control characters that would corrupt the exported document, dates nobody can
read the same way twice. Every date, typed in a form or read from a file's column, is read
here, so each place accepts the same forms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from .problems import Problem, ProblemsError

# Written forms of a date that cannot be misread. 03/04/2026 is left out on purpose: it is
# March in the United States and April in Europe, and one value on its own cannot say which;
# a column of them from a file can (`read_day_column`).
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y",
                 "%b %d %Y", "%B %d %Y")
# 6/16/2016 (month first, as US systems write it) or 16/6/2016, with a time after it or not.
_SLASHED = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T].*)?$")


# Characters written as their escape by `visible`: controls (ESC, BEL, CR, LF...) and lone
# surrogates (bytes of a file name that are not UTF-8, which a UTF-8 terminal cannot take).
_UNSHOWABLE = ("Cc", "Cs")


def visible(text: str) -> str:
    """Text from outside (a file, a draft, an argument) safe to print as one terminal line.

    Every control character is written as its escape (ESC as \\x1b, CR LF as \\r\\n), so a
    value can neither retitle or recolour the terminal nor start a line of its own that passes
    for the program's ("0 errors").
    """
    if text.isprintable():
        return text
    return "".join(ch if unicodedata.category(ch) not in _UNSHOWABLE else ch.encode("unicode_escape").decode()
                   for ch in text)


def shown(text: str, limit: int = 60) -> str:
    """A cell from someone's file, safe to echo in a message: control characters (which could
    recolour or clear a terminal) written as escapes, and long text cut short."""
    safe = visible(text)
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
    raise _not_a_date(value)


def _not_a_date(value: str) -> ValueError:
    return ValueError(f'"{shown(value)}" is not a date; write it as YYYY-MM-DD (for example 2026-11-05)')


def optional_day(text: str, what: str, label: str = "date") -> date | None:
    """A date typed in a form, where blank means "not set"; ProblemsError when unreadable."""
    if not text.strip():
        return None
    try:
        return parse_day(text)
    except ValueError as error:
        raise refuse(what, f"{label}: {error}") from None


@dataclass(frozen=True)
class DayColumn:
    """A file's column of dates, each distinct text read once: `days` maps a text to its day or
    to the reason it cannot be read; `note` says how slashed dates were read, when no date in
    the column settled it."""

    days: dict[str, date | ValueError]
    note: str = ""


def read_day_column(texts: Iterable[str], label: str = "") -> DayColumn:
    """Every distinct date of a column from a file, read the one way the column allows.

    Slashed dates (6/16/2016, 16/6/2016) are read as a column, never one by one: day first if
    any of them has a first number over 12, and month first otherwise (US order, the common
    export; the note says so when no date in the column settles it). A day-first column with a
    value that only reads month first, or the reverse, is a problem of that value. Every other
    text is read by `parse_day`. `label` ("exit date") begins each problem; blanks are left out.
    """
    distinct = {text.strip() for text in set(texts)} - {""}  # a few hundred dates among 200,000 rows
    slashed = {text: match for text in distinct if (match := _SLASHED.match(text))}
    day_first = any(int(m[1]) > 12 for m in slashed.values())
    month_first_proof = any(int(m[2]) > 12 for m in slashed.values())
    note = ""
    if slashed and not day_first and not month_first_proof:
        note = f"{label or 'date'}s such as {shown(min(slashed))} were read month first (US order)"
    days: dict[str, date | ValueError] = {}
    for text in distinct:
        match = slashed.get(text)
        try:
            if match is None:
                days[text] = parse_day(text)
                continue
            if day_first and month_first_proof:
                raise ValueError(f'"{shown(text)}" cannot be read: the column mixes day-first and month-first dates')
            first, second, year = int(match[1]), int(match[2]), int(match[3])
            try:
                days[text] = date(year, *((second, first) if day_first else (first, second)))
            except ValueError:
                raise _not_a_date(text) from None
        except ValueError as error:
            days[text] = ValueError(f"{label}: {error}" if label else str(error))
    return DayColumn(days, note)


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
