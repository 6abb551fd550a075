"""The values HR files use for touch level, customer-facing, client count and exit date, made ours.

Each parser takes a cell's text and returns our value, None for an empty cell, or raises
ValueError with the reason a person reads in the import report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..draft import Touch
from ..user_input import parse_day, shown
from .mapping import normalise

_TOUCH: dict[str, Touch] = {
    **dict.fromkeys(["high", "h", "hi", "hightouch", "highengagement", "intensive", "dedicated"], "high"),
    **dict.fromkeys(["low", "l", "lo", "lowtouch", "lowengagement", "light", "pooled"], "low"),
}
_FLAGS: dict[str, bool] = {
    **dict.fromkeys(["yes", "y", "true", "t", "1", "x", "ja", "oui", "si", "customerfacing", "clientfacing"], True),
    **dict.fromkeys(["no", "n", "false", "f", "0", "nein", "non", "backoffice"], False),
}


def parse_touch(text: str) -> Touch | None:
    """high or low: accepts H/L, "High Touch", "low-touch" and the like."""
    key = normalise(text)
    if not key:
        return None
    if key in _TOUCH:
        return _TOUCH[key]
    raise ValueError(f'touch level "{text.strip()}" is not high or low')


def parse_customer_facing(text: str) -> bool | None:
    """yes or no: accepts Y/N, true/false, 1/0, and x for a ticked box."""
    key = normalise(text)
    if not key:
        return None
    if key in _FLAGS:
        return _FLAGS[key]
    raise ValueError(f'customer-facing "{text.strip()}" is not yes or no')


def parse_clients(text: str) -> int | None:
    """A whole number of clients: "12", " 12 ", "12.0" and "12,0" are all 12."""
    word = text.strip()
    if not word:
        return None
    try:
        count = int(word)
    except ValueError:
        try:
            number = float(word.replace(",", ".") if "." not in word else word)
        except ValueError:
            raise ValueError(f'client count "{word}" is not a number') from None
        if not number.is_integer():
            raise ValueError(f'client count "{word}" is not a whole number') from None
        count = int(number)
    if count < 0:
        raise ValueError(f'client count "{word}" is negative')
    return count


# 6/16/2016 (month first, as US systems write it) or 16/6/2016: which one a file means is
# decided from the whole column, never from one value.
_SLASHED = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T].*)?$")


@dataclass(frozen=True)
class ExitDates:
    """A column of exit dates read as YYYY-MM-DD, each distinct text once: `days` maps a
    text to its day or to the reason it cannot be read; `note` says how slashed dates were read."""

    days: dict[str, str | ValueError]
    note: str = ""


def read_exit_dates(texts: Iterable[str]) -> ExitDates:
    """Every distinct exit date of a column, read the one way the column allows.

    A column of slashed dates is day-first if any of them has a first number over 12, and
    month-first otherwise (US order, the common export; the import report says so when no
    date in the column settles it). A day-first column with a value that only reads
    month-first, or the reverse, is a problem of that value.
    """
    distinct = {text.strip() for text in set(texts)} - {""}  # a few hundred dates among 200,000 rows
    slashed = {text: match for text in distinct if (match := _SLASHED.match(text))}
    day_first = any(int(m[1]) > 12 for m in slashed.values())
    month_first_proof = any(int(m[2]) > 12 for m in slashed.values())
    note = ""
    if slashed and not day_first and not month_first_proof:
        note = "exit dates such as " + shown(min(slashed)) + " were read month first (US order)"
    days: dict[str, str | ValueError] = {}
    for text in distinct:
        match = slashed.get(text)
        try:
            if match is None:
                days[text] = parse_day(text).isoformat()
                continue
            first, second, year = int(match[1]), int(match[2]), int(match[3])
            if day_first and month_first_proof:
                raise ValueError(f'exit date "{shown(text)}": the column mixes day-first and month-first dates')
            day, month = (first, second) if day_first else (second, first)
            days[text] = date(year, month, day).isoformat()
        except ValueError as error:
            message = str(error)
            days[text] = ValueError(message if message.startswith("exit date") else
                                    f'exit date "{shown(text)}" is not a date')
    return ExitDates(days, note)
