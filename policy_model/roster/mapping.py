"""Which source column holds which of our fields, decided once and remembered.

Three sources, strongest first: what the user asked for (`--map FIELD=COLUMN` or the import
dialog), the mapping saved in the draft by the last import (so next month's file needs no
questions), and a match of the headers against the synonyms in
`data/column_synonyms.toml` (a CRM export's fields have their own, `data/crm_columns.toml`,
and so do training completions, `data/training_columns.toml`; each is a `FieldSet`). A saved
column that is gone from the new file falls back to the synonyms and is reported, never
silently reused or dropped.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from ..package_data import read_toml
from ..problems import Problem, ProblemsError

# Our fields a source column can fill, in the order the import dialog lists them.
FIELDS: tuple[str, ...] = ("id", "name", "email", "role", "department", "manager", "location", "employment",
                           "left_on", "clients", "touch", "customer_facing", "flsa")
REQUIRED_NOTE = "a roster needs an employee id or name column, and a role column"
Origin = Literal["given", "saved", "auto"]

_PUNCTUATION = re.compile(r"[\W_]+")
# How a name made of two columns is written in a mapping: "First Name + Last Name".
JOIN = " + "
# The two columns a name can be made of, when a file has no full-name column.
NAME_PARTS = ("first_name", "last_name")


def normalise(header: str) -> str:
    """A header reduced to what identifies it: "Emp #" and "emp-no" are both "empno"."""
    return _PUNCTUATION.sub("", header.replace("#", "no").replace("&", "and").casefold())


@dataclass(frozen=True)
class FieldSet:
    """The fields one kind of file maps to (a roster, a CRM export): names, labels, synonyms.

    Kept as data in `data/`, one table per field with a `label` and its `synonyms`, so a new
    spelling of a header is a line in a TOML file rather than code. A field may also list
    words a header `contains`, for files whose headers nobody can list (a learning system's
    "Course Title" or "Completion Date (UTC)"): tried only when no synonym found the field.
    """

    names: tuple[str, ...]
    labels: dict[str, str]
    synonyms: dict[str, tuple[str, ...]]  # normalised, best first
    contains: dict[str, tuple[str, ...]] = field(default_factory=dict)  # normalised


@cache
def field_set(data_file: str, names: tuple[str, ...]) -> FieldSet:
    """The fields `names` as described in `data/<data_file>`."""
    data = read_toml(data_file)
    return FieldSet(names, {name: data[name]["label"] for name in names},
                    {name: tuple(dict.fromkeys(normalise(s) for s in data[name]["synonyms"])) for name in names},
                    {name: tuple(normalise(w) for w in data[name].get("contains", ())) for name in names})


def roster_fields() -> FieldSet:
    """A roster's fields, matched by `data/column_synonyms.toml`."""
    return field_set("column_synonyms.toml", FIELDS)


def field_label(name: str) -> str:
    """The roster field's name for people: "Client count" for `clients`."""
    return roster_fields().labels[name]


@dataclass
class Mapping:
    """Our field -> the index of its source column, and where each choice came from."""

    header: list[str]
    columns: dict[str, int] = field(default_factory=dict)
    origins: dict[str, Origin] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # A first-name and a last-name column that together make the name (`columns["name"]` is
    # then the first of them), for files with no full-name column.
    name_parts: tuple[int, int] | None = None

    def column(self, name: str) -> str | None:
        index = self.columns.get(name)
        if index is None:
            return None
        if name == "name" and self.name_parts is not None:
            return JOIN.join(self.header[i] for i in self.name_parts)
        return self.header[index]

    def as_saved(self) -> dict[str, str]:
        """Field -> column header, in field order, as `draft.roster.mapping` keeps it; a name
        made of two columns is saved as "First Name + Last Name"."""
        return {name: column for name in self.columns if (column := self.column(name)) is not None}

    @property
    def missing(self) -> list[str]:
        """Required fields with no column: "role", "id or name"."""
        missing = []
        if "id" not in self.columns and "name" not in self.columns:
            missing.append("id or name")
        if "role" not in self.columns:
            missing.append("role")
        return missing

    @property
    def extra_indexes(self) -> list[int]:
        """The source columns no field uses, in file order: kept as extras in the snapshot."""
        used = set(self.columns.values()) | set(self.name_parts or ())
        return [i for i in range(len(self.header)) if i not in used]


def _header_forms(header: list[str]) -> dict[str, int]:
    """Each header's normalised form -> its index, also under its singular ("Job Titles" is
    found as "jobtitle"); an exact form beats a singular made from another header."""
    by_norm: dict[str, int] = {}
    for index, name in enumerate(header):
        by_norm.setdefault(normalise(name), index)
    for index, name in enumerate(header):
        norm = normalise(name)
        if norm.endswith("s") and len(norm) > 3:
            by_norm.setdefault(norm[:-1], index)
    return by_norm


def auto_match(header: list[str], fields: FieldSet | None = None) -> dict[str, int]:
    """Field -> column index by synonyms; each column serves one field, the best synonym wins.

    A field no synonym found takes the first free column whose header contains one of its
    words, if it has any. `fields` defaults to a roster's.
    """
    fields = fields or roster_fields()
    by_norm = _header_forms(header)
    matched: dict[str, int] = {}
    taken: set[int] = set()
    for name in fields.names:
        for synonym in fields.synonyms[name]:
            found = by_norm.get(synonym)
            if found is not None and found not in taken:
                matched[name] = found
                taken.add(found)
                break
    for name, words in fields.contains.items():
        if name in matched:
            continue
        found = next((i for i, h in enumerate(header) if i not in taken and any(w in normalise(h) for w in words)),
                     None)
        if found is not None:
            matched[name] = found
            taken.add(found)
    return matched


def name_parts(header: list[str], taken: Collection[int] = ()) -> tuple[int, int] | None:
    """A first-name and a last-name column, when a file has both (and neither is taken)."""
    by_norm = _header_forms(header)
    parts = field_set("column_synonyms.toml", NAME_PARTS)
    found = []
    for part in NAME_PARTS:
        index = next((by_norm[s] for s in parts.synonyms[part] if s in by_norm and by_norm[s] not in taken), None)
        if index is None:
            return None
        found.append(index)
    return (found[0], found[1]) if found[0] != found[1] else None


def find_column(header: list[str], column: str) -> int | None:
    """The index of a column named exactly, or failing that, equal after normalising."""
    if column in header:
        return header.index(column)
    wanted = normalise(column)
    return next((i for i, h in enumerate(header) if wanted and normalise(h) == wanted), None)


def find_columns(header: list[str], name: str, column: str) -> tuple[int, ...] | None:
    """`find_column`, and for the name also "First Name + Last Name": two columns joined."""
    index = find_column(header, column)
    if index is not None:
        return (index,)
    if name == "name" and JOIN.strip() in column:
        parts = [find_column(header, part.strip()) for part in column.split(JOIN.strip(), 1)]
        if None not in parts and parts[0] != parts[1]:
            return tuple(parts)  # type: ignore[arg-type]
    return None


def columns_list(header: list[str]) -> str:
    return ", ".join(f'"{h}"' for h in header)


def resolve(header: list[str], file: str, *, given: dict[str, str] | None = None,
            saved: dict[str, str] | None = None, fields: FieldSet | None = None) -> Mapping:
    """The mapping for a file; ProblemsError listing the columns for a bad `given` entry.

    In `given`, an empty column means "do not import this field", which beats the saved
    mapping and the synonyms. Missing required fields are not an error here (a preview shows
    them); `require` checks them before an import. `fields` defaults to a roster's; the
    mapping's columns come in the order of its names.
    """
    fields = fields or roster_fields()
    given = given or {}
    saved = saved or {}
    problems = []
    mapping = Mapping(header)
    gone: dict[str, str] = {}  # saved field -> its column, missing from this file
    for name, column in given.items():
        if name not in fields.names:
            problems.append(Problem(file, f'--map {name}=...: unknown field "{name}"; the fields are '
                                    + ", ".join(fields.names)))
            continue
        if not column:
            continue
        indexes = find_columns(header, name, column)
        if indexes is None:
            problems.append(Problem(file, f'--map {name}={column}: no column "{column}" in this file; '
                                    f"the columns are {columns_list(header)}"))
            continue
        _use(mapping, name, indexes, "given")
    if problems:
        raise ProblemsError(problems)
    for name, column in saved.items():
        if name not in fields.names or name in given:
            continue
        indexes = find_columns(header, name, column)
        if indexes is None:
            gone[name] = column
            continue
        _use(mapping, name, indexes, "saved")
    taken = set(mapping.columns.values()) | set(mapping.name_parts or ())
    for name, index in auto_match(header, fields).items():
        if name not in mapping.columns and name not in given and index not in taken:
            mapping.columns[name] = index
            mapping.origins[name] = "auto"
            taken.add(index)
    if "name" not in mapping.columns and "name" not in given and (parts := name_parts(header, taken)):
        _use(mapping, "name", parts, "auto")
    for name, column in gone.items():
        instead = f'used "{mapping.column(name)}" instead' if name in mapping.columns else "left it out"
        mapping.notes.append(f'{name} was read from "{column}" last time, which is not in this file; {instead}')
    mapping.columns = {name: mapping.columns[name] for name in fields.names if name in mapping.columns}
    return mapping


def _use(mapping: Mapping, name: str, indexes: tuple[int, ...], origin: Origin) -> None:
    """Record that `name` comes from these columns (two only for a name made of two)."""
    mapping.columns[name] = indexes[0]
    mapping.origins[name] = origin
    if len(indexes) == 2:
        mapping.name_parts = (indexes[0], indexes[1])


def require(mapping: Mapping, file: str) -> None:
    """Refuse a mapping without an id or name column, or without a role column."""
    if not mapping.missing:
        return
    hints = {"id or name": "--map id=COLUMN or --map name=COLUMN", "role": "--map role=COLUMN"}
    raise ProblemsError([
        Problem(file, f"no {what} column found ({REQUIRED_NOTE}); choose one with {hints[what]}; "
                f"the columns are {columns_list(mapping.header)}")
        for what in mapping.missing
    ])
