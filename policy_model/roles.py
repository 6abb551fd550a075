"""Whether a job title, or failing that a department, says that someone deals with customers.

HR exports carry a job title and a department but never a "customer-facing" flag, so without
an inference every person would land in review. The knowledge is data
(`data/role_lexicon.toml`): occupation families resting on the US SOC 2018 groups, each with
the phrases that name it, so HR can read and extend it without reading code. Every answer is
an inference and says what it was inferred from; a title that says nothing about customers
("Manager", "Vice President") or says two contradicting things is not guessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from itertools import islice
from typing import Any, Literal

from .package_data import read_toml

Basis = Literal["role", "department"]

_WORD = re.compile(r"[^\W_]+|&")
_SOC = re.compile(r"\d\d-\d{4} \S")
_FAMILY_KEYS = frozenset({"id", "label", "customer_facing", "soc", "phrases", "departments", "onet"})
_REQUIRED = _FAMILY_KEYS - {"departments", "onet"}
# A roster of 200,000 people has some thousands of distinct job titles and a few dozen departments.
_CACHED_TEXTS = 1 << 16


@dataclass(frozen=True, slots=True)
class Inference:
    """What a title or department says about customers, and the evidence, for the reason text."""

    customer_facing: bool
    family: str
    basis: Basis
    matched: str

    @property
    def words(self) -> str:
        """The inference for a reason: "sales role, inferred customer-facing"."""
        verdict = "customer-facing" if self.customer_facing else "not customer-facing"
        if self.basis == "role":
            return f"{self.family} role, inferred {verdict}"
        return f"department {self.matched}: {self.family}, inferred {verdict}"


@dataclass(frozen=True, slots=True)
class Family:
    """A group of occupations that share one answer, and the classification it rests on."""

    id: str
    label: str
    customer_facing: bool
    soc: tuple[str, ...]
    phrases: tuple[str, ...]
    departments: tuple[str, ...]
    onet: str


@dataclass(frozen=True, slots=True, eq=False)
class Reader:
    """How the lexicon reads a title: the level markers to drop and the spellings to fold.

    Compared and hashed by identity, so that each reader's reading of a word is cached
    (`_reading`): a roster's thousands of titles are made of a few hundred words.
    """

    levels: frozenset[str]
    spellings: Mapping[str, str]

    def words(self, text: str) -> tuple[list[str], Sequence[int]]:
        """The words of `text` that carry meaning, each in one spelling and singular, and
        which of the text's words they are (to find them as written, see `written`).

        Level markers go because "Sr. Accountant" and "Accountant II" are the same job; plurals
        and spelling variants are folded so that a phrase need be listed only once.
        """
        readings = list(map(partial(_reading, self), _WORD.findall(text)))
        if None not in readings:
            return readings, range(len(readings))  # type: ignore[return-value]  # no None in it
        return [w for w in readings if w is not None], [i for i, w in enumerate(readings) if w is not None]


def written(text: str, first: int, last: int) -> str:
    """The text from its `first` to its `last` word (counting every word), as written."""
    found = list(islice(_WORD.finditer(text), last + 1))
    return text[found[first].start():found[last].end()]


@lru_cache(maxsize=_CACHED_TEXTS)
def _reading(reader: Reader, written: str) -> str | None:
    """One word as `reader` reads it, or None for a number or a level marker."""
    word = "and" if written == "&" else written.casefold()
    if word.isdigit() or word in reader.levels:
        return None
    word = _singular(word)
    return reader.spellings.get(word, word)


@dataclass(frozen=True)
class Lexicon:
    """The families, and their phrases read into word tuples for lookup."""

    families: tuple[Family, ...]
    reader: Reader
    roles: Mapping[tuple[str, ...], Family]  # what a title is read against
    departments: Mapping[tuple[str, ...], Family]  # the same, plus the families' department words
    longest: int  # words in the longest phrase: no run of a title longer than this can match


def _singular(word: str) -> str:
    """A plural's singular, by rule: the same rule reads the lexicon, so it need only be consistent."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _strings(where: str, value: object, *, required: bool = True) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value) or (
            required and not value):
        raise ValueError(f"{where}: expected a list of words, got {value!r}")
    return tuple(value)


def _text(where: str, value: object, *, required: bool = True) -> str:
    if not isinstance(value, str) or (required and not value.strip()):
        raise ValueError(f"{where}: expected text, got {value!r}")
    return value


def _family(n: int, entry: object) -> Family:
    """One family checked: a mistake in the data file names the family and the key."""
    where = f"role_lexicon.toml: family[{n}]"
    if not isinstance(entry, dict):
        raise ValueError(f"{where}: expected a table, got {entry!r}")
    where += f" ({entry.get('id', '?')})"
    if missing := sorted(_REQUIRED - entry.keys()):
        raise ValueError(f"{where}: missing {', '.join(missing)}")
    if unknown := sorted(entry.keys() - _FAMILY_KEYS):
        raise ValueError(f"{where}: unknown key {', '.join(unknown)}")
    if not isinstance(entry["customer_facing"], bool):
        raise ValueError(f"{where}: customer_facing: expected true or false, got {entry['customer_facing']!r}")
    soc = _strings(f"{where}: soc", entry["soc"])
    if bad := [s for s in soc if not _SOC.match(s)]:
        raise ValueError(f'{where}: soc: expected "NN-NNNN Title", got {bad[0]!r}')
    return Family(
        id=_text(f"{where}: id", entry["id"]), label=_text(f"{where}: label", entry["label"]),
        customer_facing=entry["customer_facing"], soc=soc,
        phrases=_strings(f"{where}: phrases", entry["phrases"]),
        departments=_strings(f"{where}: departments", entry.get("departments", []), required=False),
        onet=_text(f"{where}: onet", entry.get("onet", ""), required=False),
    )


def _reader(reading: object) -> Reader:
    where = "role_lexicon.toml: reading"
    if (not isinstance(reading, dict) or reading.keys() - {"levels", "spellings"}
            or not isinstance(reading.get("spellings", {}), dict)):
        raise ValueError(f"{where}: expected a table of levels and spellings, got {reading!r}")
    levels = frozenset(w.casefold() for w in _strings(f"{where}.levels", reading.get("levels", []), required=False))
    spellings = {}
    for variant, word in reading.get("spellings", {}).items():
        if not isinstance(word, str) or not _WORD.fullmatch(word):
            raise ValueError(f"{where}.spellings.{variant}: expected one word, got {word!r}")
        spellings[_singular(variant.casefold())] = _singular(word.casefold())
    return Reader(levels, spellings)


def compile_lexicon(data: Mapping[str, Any]) -> Lexicon:
    """The lexicon from the parsed data file, checked; ValueError names the first mistake.

    A phrase may belong to one family only: listed under two answers it would contradict
    itself, and under two families with the same answer it would make the label arbitrary.
    """
    if unknown := sorted(data.keys() - {"reading", "family"}):
        raise ValueError(f"role_lexicon.toml: unknown table {', '.join(unknown)}")
    reader = _reader(data.get("reading", {}))
    families = tuple(_family(n, entry) for n, entry in enumerate(data.get("family", [])))
    if not families:
        raise ValueError("role_lexicon.toml: no families")
    ids = [f.id for f in families]
    if twice := sorted({i for i in ids if ids.count(i) > 1}):
        raise ValueError(f"role_lexicon.toml: family id {twice[0]} is used twice")
    roles: dict[tuple[str, ...], Family] = {}
    departments: dict[tuple[str, ...], Family] = {}
    for family in families:
        for phrase, index in [(p, roles) for p in family.phrases] + [(p, departments) for p in family.departments]:
            words = tuple(reader.words(phrase)[0])
            if not words:
                raise ValueError(f'role_lexicon.toml: family {family.id}: "{phrase}" has no words once levels go')
            other = roles.get(words) or departments.get(words)
            if other is not None:
                answers = "" if other.customer_facing is family.customer_facing else ", with different answers"
                raise ValueError(f'role_lexicon.toml: "{phrase}" is listed in family {other.id} and in family '
                                 f"{family.id}{answers}")
            index[words] = family
    return Lexicon(families, reader, roles, roles | departments, max(map(len, roles | departments)))


@cache
def lexicon() -> Lexicon:
    """The bundled lexicon, read and checked on first use so that start-up does not read it."""
    return compile_lexicon(read_toml("role_lexicon.toml"))


def infer(role: str, department: str = "") -> Inference | None:
    """Whether the role says the person faces customers; if it says nothing, the department.

    The longest phrase wins, so "Sales Engineer" is sales and "Loan Officer" deals with
    borrowers, whatever "engineer" or "officer" alone would say. Several longest phrases that agree are labelled
    by the leftmost, as titles put the field before the job ("Production Technician"). None
    when nothing matches or the longest phrases disagree: the department is read only when the
    role named nothing, never to settle a role that contradicts itself.
    """
    found, inference = _said(role, "role")
    if found:
        return inference
    return _said(department, "department")[1]


@lru_cache(maxsize=_CACHED_TEXTS)
def _said(text: str, basis: Basis) -> tuple[bool, Inference | None]:
    """What a role or a department says on its own: whether the lexicon found anything in it,
    and the answer (None when its longest phrases disagree).

    Cached per text rather than per (role, department) pair: a roster has a title in several
    departments and a department under thousands of titles, so a title is read once, not once
    for each department it is found in.
    """
    keys, places = lexicon().reader.words(text)
    found, phrase = _verdict(tuple(keys), basis)
    if phrase is None:
        return found, None
    family, first, size = phrase
    return True, Inference(family.customer_facing, family.label, basis,
                           written(text, places[first], places[first + size - 1]))


@lru_cache(maxsize=_CACHED_TEXTS)
def _verdict(keys: tuple[str, ...], basis: Basis) -> tuple[bool, tuple[Family, int, int] | None]:
    """What the words of a role or a department say: whether a phrase of the lexicon is among
    them, and the family of the longest (the leftmost of several), with where it starts among
    the words and how many it has; None when the longest phrases disagree.

    Cached per reading, not per text: "Senior Teller II" and "Teller" read alike, so a roster's
    thousands of titles are looked up as a few hundred readings.
    """
    book = lexicon()
    phrases = book.roles if basis == "role" else book.departments
    for size in range(min(book.longest, len(keys)), 0, -1):
        found = [(i, family) for i in range(len(keys) - size + 1) if (family := phrases.get(keys[i:i + size]))]
        if found:
            first, family = found[0]
            agree = all(other.customer_facing is family.customer_facing for _, other in found)
            return True, (family, first, size) if agree else None
    return False, None
