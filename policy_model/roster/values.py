"""The values HR files use for touch level, customer-facing, client count and FLSA status, made ours.

Each parser takes a cell's text and returns our value, None for an empty cell, or raises
ValueError with the reason a person reads in the import report. Exit dates are read as a
column, as every date from a file is, by `user_input.read_day_column`.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ..draft import Exemption, Touch
from .mapping import normalise

_TOUCH: Mapping[str, Touch] = MappingProxyType({
    **dict.fromkeys(["high", "h", "hi", "hightouch", "highengagement", "intensive", "dedicated"], "high"),
    **dict.fromkeys(["low", "l", "lo", "lowtouch", "lowengagement", "light", "pooled"], "low"),
})
_FLAGS: Mapping[str, bool] = MappingProxyType({
    **dict.fromkeys(["yes", "y", "true", "t", "1", "x", "ja", "oui", "si", "customerfacing", "clientfacing"], True),
    **dict.fromkeys(["no", "n", "false", "f", "0", "nein", "non", "backoffice"], False),
})

# A salary alone does not make someone exempt (the duties tests of 29 CFR Part 541 apply
# too), so "Salaried" says nothing and reads as unknown; being paid by the hour does mean
# overtime is due.
_EXEMPTIONS: Mapping[str, Exemption] = MappingProxyType({
    **dict.fromkeys(["exempt", "e", "ex", "exmpt", "flsaexempt", "salariedexempt", "exemptsalaried"], "exempt"),
    **dict.fromkeys(["nonexempt", "nonexmpt", "ne", "n", "flsanonexempt", "hourly", "h", "hourlynonexempt",
                     "nonexempthourly", "salariednonexempt", "nonexemptsalaried"], "non-exempt"),
})


def parse_flsa(text: str) -> Exemption:
    """exempt or non-exempt: accepts "Non-Exempt", "NE", "Hourly" and the like; anything else,
    an empty cell included, is unknown (never a reason to reject the row)."""
    return _EXEMPTIONS.get(normalise(text), "unknown")


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
