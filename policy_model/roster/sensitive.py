"""Which columns of an HR export are sensitive, so the snapshot never copies them unasked.

The categories and the words that find them are data (`data/sensitive_columns.toml`, with
the law behind each); this module only matches a header against them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..package_data import read_toml

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class _Pattern:
    """Word starts that must all be in a header; `whole` words must match entirely."""

    starts: tuple[str, ...]
    whole: bool

    def matches(self, words: tuple[str, ...]) -> bool:
        if self.whole:
            text = " ".join(words)
            return f" {' '.join(self.starts)} " in f" {text} "
        return all(any(word.startswith(start) for word in words) for start in self.starts)


@cache
def _categories() -> tuple[tuple[str, tuple[_Pattern, ...]], ...]:
    categories = []
    for entry in read_toml("sensitive_columns.toml")["category"]:
        patterns = tuple(_Pattern(tuple(p.lstrip("=").split()), p.startswith("=")) for p in entry["patterns"])
        categories.append((entry["name"], patterns))
    return tuple(categories)


def header_words(header: str) -> tuple[str, ...]:
    """A header's words, lower case: "RaceDesc" -> ("race", "desc"), "Bonus %" -> ("bonus",)."""
    return tuple(_WORD.findall(_CAMEL.sub(" ", header).lower()))


@cache
def sensitive_category(header: str) -> str | None:
    """The sensitive category a column's header names ("salary or pay"), or None."""
    words = header_words(header)
    for name, patterns in _categories():
        if any(pattern.matches(words) for pattern in patterns):
            return name
    return None
