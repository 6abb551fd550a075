"""Counts in words, written the same way in every message: "1 row", "200,000 rows"."""

from __future__ import annotations


def counted(n: int, one: str, many: str | None = None) -> str:
    """`n` (thousands separated) with `one`, or with `many` (`one` + "s" unless given) when not 1."""
    return f"{n:,} {one if n == 1 else many if many is not None else one + 's'}"


def agreeing(n: int, one: str, many: str) -> str:
    """The words that follow a count, in the form it takes: `one` for 1 ("has left"), else
    `many` ("have left")."""
    return one if n == 1 else many
