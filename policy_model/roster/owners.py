"""Which employee an account owner in a CRM export is: by employee id, e-mail or name.

A CRM names an account's owner its own way: an e-mail, a display name ("Grace Okafor") where
HR writes "Okafor, Grace A", now and then the HR employee id. An owner is looked up as an
employee id (exactly as HR writes it), then as an e-mail (any case), then as a name. Names are
compared as their words in first-to-last order, without case, accents or punctuation, so
"Okafor, Grace A." and "grace a okafor" are the same; a middle initial written on one side
only is set aside, but two different initials never match.

A count landing on the wrong person changes who is granted access, so an owner who could be
more than one employee (two people of the same name, a shared e-mail) is matched to no one:
`candidates` returns them all and the caller reports the owner as ambiguous.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cached_property

from ..draft import Employee

# Left out of a name, not read as a gap: O'Connor is OConnor, "A." is "A".
_DROPPED = re.compile(r"['’.]")
_SEPARATORS = re.compile(r"[\W_]+")

# A name's words without its middle initials, and those initials.
NameKey = tuple[tuple[str, ...], tuple[str, ...]]


def name_words(name: str) -> tuple[str, ...]:
    """A name's words in first-to-last order: "Okafor, Grace A." -> ("grace", "a", "okafor")."""
    text = name.casefold()
    if not text.isascii():  # accents set aside: "Étienne" is "etienne"
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    last, comma, first = text.partition(",")
    if comma:
        text = f"{first} {last}"
    return tuple(_SEPARATORS.sub(" ", _DROPPED.sub("", text)).split())


def name_key(name: str) -> NameKey:
    """The words that must agree for two names to match, and the middle initials that may be missing."""
    words = name_words(name)
    middle = words[1:-1]
    initials = tuple(word for word in middle if len(word) == 1)
    if not initials:
        return words, ()
    return (words[0], *(word for word in middle if len(word) > 1), words[-1]), initials


class OwnerMatcher:
    """Finds the employees an owner cell can mean; builds each index only when first needed.

    Most exports name owners one way, so a file of e-mails never builds the name index, which
    is the slow one for a large roster.
    """

    def __init__(self, employees: Sequence[Employee]) -> None:
        self._employees = employees

    @cached_property
    def _ids(self) -> dict[str, Employee]:
        return {person.id: person for person in self._employees}

    @cached_property
    def _emails(self) -> dict[str, list[Employee]]:
        emails: dict[str, list[Employee]] = {}
        for person in self._employees:
            if person.email.strip():
                emails.setdefault(person.email.strip().casefold(), []).append(person)
        return emails

    @cached_property
    def _names(self) -> dict[tuple[str, ...], list[tuple[tuple[str, ...], Employee]]]:
        names: dict[tuple[str, ...], list[tuple[tuple[str, ...], Employee]]] = {}
        for person in self._employees:
            words, initials = name_key(person.name)
            if words:
                names.setdefault(words, []).append((initials, person))
        return names

    def candidates(self, owner: str) -> list[Employee]:
        """Everyone `owner` can mean: one person is a match, none or several are not."""
        text = owner.strip()
        if not text:
            return []
        person = self._ids.get(text)
        if person is not None:
            return [person]
        if "@" in text:
            return list(self._emails.get(text.casefold(), []))
        words, initials = name_key(text)
        return [person for theirs, person in self._names.get(words, [])
                if not initials or not theirs or theirs == initials]
