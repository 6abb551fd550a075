"""Small rules of written English applied where a name is dropped into a sentence.

A company or person's name is user text: "Acme Inc." already ends in a full stop and
"Acme Advisers" already ends in an s, so the sentence around it must bend, not double up.
"""

from __future__ import annotations


def with_full_stop(text: str) -> str:
    """`text` closing a sentence: "Acme Inc." stays as it is instead of becoming "Acme Inc.."."""
    return text if text.endswith(".") else text + "."


def possessive(name: str) -> str:
    """"Acme's", but "Acme Advisers'" for a name ending in s, never "Advisers's"."""
    return name + "'" if name[-1:].lower() == "s" else name + "'s"
