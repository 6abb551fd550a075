"""Source rows to employees, checked column by column, every row accounted for.

A 200,000-row import must cost about as much as reading the file, so the work is done a
column at a time with functions that run in C (`map`, `itemgetter`, `str.join`, sets) rather
than a Python loop over rows; a slow per-row pass runs only for a column that holds a
problem (a missing role, a duplicate id, a control character). Touch, customer-facing and
client values are parsed once per distinct combination, because a roster has only a handful.

Each row ends up imported, blank, or rejected with the first reason that applies, in this
order: wrong number of values, missing id (or name), missing role, a control character, a bad
client count, touch level or customer-facing value, an unreadable exit date, a duplicate id.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice, repeat

from ..draft import Employee, Touch
from ..plural import counted
from ..roster_snapshot import Progress
from ..schema import LINE_LIMIT
from ..user_input import read_day_column
from .mapping import Mapping
from .readers import Table
from .report import Rejection
from .values import parse_clients, parse_customer_facing, parse_flsa, parse_touch

# Rows read between two calls of the progress callback (which may cancel).
CHUNK = 5_000
# Rows turned into columns at a time: few enough to be still in the processor's cache.
BLOCK = 1_000
TEXT_FIELDS = ("name", "email", "role", "department", "manager")
EMPLOYMENT_FIELDS = ("location", "employment")
LOAD_FIELDS = ("clients", "touch", "customer_facing")
# Fields whose values repeat: read as one string per distinct value (see `read_columns`). Not
# the manager: a large roster has tens of thousands of them, and looking each one up cost more
# than it saved.
SHARED_FIELDS = ("role", "department", *EMPLOYMENT_FIELDS, "left_on", *LOAD_FIELDS, "flsa")
_LINE_BREAKS = re.compile(r"\s*[\r\n\t\v\f]+\s*")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_SLUG = re.compile(r"[\W_]+")

Load = tuple[int | None, Touch | None, bool | None]


@dataclass
class Converted:
    """The employees of a table, and what became of the other rows."""

    employees: list[Employee] = field(default_factory=list)
    # The employees' values column by column, in snapshot order: canonical fields, then extras.
    columns: list[list[object]] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    rows: int = 0
    blank: int = 0
    cancelled: bool = False
    notes: list[str] = field(default_factory=list)


class _Stripped(dict[str, str]):
    """Texts -> the same without surrounding space, each distinct text stripped once, so that a
    column of shared strings stays shared (see `read_columns`)."""

    def __missing__(self, text: str) -> str:
        stripped = self[text] = text.strip()
        return stripped


class _Loads(dict[tuple[str, str, str], "Load | str"]):
    """(clients, touch, customer-facing) texts -> parsed values, or the reason they are wrong."""

    def __missing__(self, key: tuple[str, str, str]) -> Load | str:
        try:
            value: Load | str = (parse_clients(key[0]), parse_touch(key[1]), parse_customer_facing(key[2]))
        except ValueError as error:
            value = str(error)
        self[key] = value
        return value


def read_columns(table: Table, skip: dict[int, str | None], progress: Progress | None, used: Collection[int],
                 shared: Collection[int], key: int | None) -> tuple[list[list[str] | None], list[int]] | None:
    """The `used` columns of every row of the table (None for the others), and the length of
    each used column's longest value; None when the progress callback cancels.

    Rows are transposed a block at a time, while they are fresh in the processor's cache
    (measured: a fifth faster than transposing 200,000 rows at the end), and each block's
    row lists are freed as soon as its values are in the columns. Short rows are padded and
    rows too long are cut and rejected in `skip` first, so every column has a value per row.
    Blank rows are marked in `skip` (None) here, the only time all of a row is at hand; they
    are looked for only in a block with an empty cell in the `key` column (the id, or the name
    an id is made from), which a blank row has; with no `key`, only in rows of the wrong width.

    The columns the import does not use (pay, birth dates, the rest of an HR export) are
    freed with their block: kept to the end, a 200,000-row export's million unused values
    cost a quarter of a second to build up and free. The columns in `shared` repeat a few
    values (titles, departments, statuses): each of their values is kept once, as one string
    for every row that has it, picked while the block is in cache. A roster then holds a few
    thousand strings where it held a million, and every later pass over these columns
    (stripping, deciding, comparing, writing the snapshot) finds them in the cache. The longest
    value of a shared column is found among its distinct values at the end, that of any other
    used column while its block is in cache: measured, a pass over a column of 200,000 names
    after the read cost four times as much.
    """
    width = len(table.header)
    columns: list[list[str] | None] = [[] if index in used else None for index in range(width)]
    once: list[dict[str, str] | None] = [{} if index in shared else None for index in range(width)]
    longest = [0] * width
    count = 0
    while block := list(islice(table.rows, BLOCK)):
        if set(map(len, block)) - {width}:
            _fit_widths(block, width, skip, count)
        values = list(zip(*block, strict=True))
        if key is not None and "" in values[key]:
            _mark_blank(block, skip, count)
        for index, (column, cells, seen) in enumerate(zip(columns, values, once, strict=True)):
            if column is None:
                continue
            if seen is None:
                column += cells
                longest[index] = max(longest[index], *map(len, cells))
            else:
                column += map(seen.setdefault, cells, cells)
        count += len(block)
        if progress is not None and count % CHUNK == 0 and progress(count, max(table.total, count)):
            table.rows.close()  # type: ignore[attr-defined]
            return None
    for index, seen in enumerate(once):
        if seen is not None:
            longest[index] = max(map(len, seen), default=0)
    return columns, longest


def read_all_columns(table: Table, skip: dict[int, str | None], progress: Progress | None) -> list[list[str]] | None:
    """Every column of every row (see `read_columns`), for a file whose columns are all used
    (a CRM export, training completions); None when the progress callback cancels."""
    read = read_columns(table, skip, progress, range(len(table.header)), (), None)
    return None if read is None else [column for column in read[0] if column is not None]


def field_reader(cells: list[list[str]], columns: dict[str, int]) -> Callable[[str], Iterator[str]]:
    """Read a named field of `read_all_columns`' cells, trimmed; a field the mapping has no
    column for reads as empty, so a row loop zips every field it knows."""
    count = len(cells[0]) if cells else 0

    def column(name: str) -> Iterator[str]:
        index = columns.get(name)
        return repeat("", count) if index is None else map(str.strip, cells[index])

    return column


def _mark_blank(rows: list[list[str]], skip: dict[int, str | None], first: int) -> None:
    """Mark in `skip` the rows without a value in any cell (a reason found first is kept).

    `first` is the index of the first of `rows` in the table, the index `skip` takes.
    """
    for i, row in enumerate(rows, start=first):
        if not any(row):
            skip.setdefault(i, None)


def convert(table: Table, mapping: Mapping, kept: dict[int, str], progress: Progress | None = None) -> Converted:
    """The table's employees under `mapping`, with every other row counted or rejected; `kept`
    names the source's other columns to keep (index -> name in the snapshot)."""
    skip: dict[int, str | None] = {}  # row index -> why it is rejected (None: blank)
    columns = mapping.columns
    derive = "id" not in columns
    key = columns["name" if derive else "id"]
    used = {*columns.values(), *(mapping.name_parts or ()), *kept}
    shared = {columns[name] for name in SHARED_FIELDS if name in columns}
    read = read_columns(table, skip, progress, used, shared, key)
    if read is None:
        return Converted(cancelled=True)
    by_column, longest = read

    def cells(index: int) -> list[str]:
        column = by_column[index]
        assert column is not None, "every column the mapping uses or keeps is read"
        return column

    count = len(cells(key))

    def texts(index: int | None) -> list[str]:
        if index is None:
            return [""] * count
        return list(map(_Stripped().__getitem__ if index in shared else str.strip, cells(index)))

    def raw(index: int | None) -> Sequence[str]:
        return repeat("", count) if index is None else cells(index)  # type: ignore[return-value]

    keys = texts(columns.get("id")) if not derive else names(mapping, texts)
    fields = [names(mapping, texts) if name == "name" else texts(columns.get(name)) for name in TEXT_FIELDS]
    employment = [texts(columns.get(name)) for name in EMPLOYMENT_FIELDS]
    if "" in keys:
        what = "name (the id is made from it)" if derive else "employee id"
        for i in _indexes(keys, ""):
            skip.setdefault(i, f"missing {what}")  # unless blank (see `read_columns`)
    if "" in fields[2]:
        for i in _indexes(fields[2], ""):
            skip.setdefault(i, "missing role")
    checked = zip((*TEXT_FIELDS, *EMPLOYMENT_FIELDS), (*fields, *employment), strict=True)
    if not derive:
        checked = zip(("employee id", *TEXT_FIELDS, *EMPLOYMENT_FIELDS), (keys, *fields, *employment), strict=True)
    for name, values in checked if table.plain_lines != count + 1 else ():
        if not all(map(str.isprintable, values)):
            _clean(values, name, skip, keep_breaks=values is keys)
    for index in used:
        if longest[index] > LINE_LIMIT:
            _reject_long(cells(index), table.header[index], skip)
    memo = _Loads()
    loads = list(map(memo.__getitem__, zip(*(raw(columns.get(n)) for n in LOAD_FIELDS), strict=True)))
    if any(isinstance(v, str) for v in memo.values()):
        for i, load in enumerate(loads):
            if isinstance(load, str):
                skip.setdefault(i, load)
    exits = texts(columns.get("left_on"))
    dates = read_day_column(exits, "exit date")
    days = {text: day if isinstance(day, ValueError) else day.isoformat() for text, day in dates.days.items()}
    if any(isinstance(day, ValueError) for day in days.values()):
        for i, text in enumerate(exits):
            if isinstance(bad := days.get(text), ValueError):
                skip.setdefault(i, str(bad))
    left_on = list(map({**days, "": ""}.__getitem__, exits))
    flsa = texts(columns["flsa"]) if "flsa" in columns else None
    if derive:
        _derive_ids(keys, skip)
    elif len(set(keys)) != count:
        _reject_duplicates(keys, skip, table.first_row)

    converted = Converted(rows=count, blank=sum(reason is None for reason in skip.values()),
                          notes=[dates.note] if dates.note else [])
    converted.rejected = [Rejection(table.first_row + i, reason) for i, reason in sorted(skip.items())
                          if reason is not None]
    keep = _kept(count, skip)
    extra_columns = list(kept.values())
    extras = [keep(raw(index)) for index in kept]
    keys, fields, loads = keep(keys), [keep(values) for values in fields], keep(loads)  # type: ignore[assignment,misc]
    employed = [*map(keep, employment), keep(left_on)]
    revoke = [""] * len(keys)
    exempt, flsa_note = _exemptions(None if flsa is None else keep(flsa), len(keys))
    converted.notes += [flsa_note] if flsa_note else []
    # Each person's extras as (column, value) pairs, built a column at a time, then a dict each.
    pairs = zip(*(zip(repeat(name), values) for name, values in zip(extra_columns, extras, strict=True)), strict=True)
    extra = map(dict, pairs) if extras else (dict() for _ in keys)
    load_columns = [list(column) for column in zip(*loads, strict=True)] if loads else [[], [], []]
    converted.employees = list(map(Employee, keys, *fields, *load_columns, extra, *employed, revoke, exempt))
    converted.columns = [keys, *fields, *load_columns, *employed, revoke, exempt, *extras]  # type: ignore[list-item]
    return converted


def _exemptions(texts: Sequence[str] | None, count: int) -> tuple[list[str], str]:
    """Each person's FLSA status (empty for all without the column), each distinct value read
    once, and a note naming the values that said neither exempt nor non-exempt."""
    if texts is None:
        return [""] * count, ""
    read = {text: parse_flsa(text) for text in set(texts)}
    unclear = sorted(text for text, value in read.items() if value == "unknown")
    note = ""
    if unclear:
        people = sum(read[text] == "unknown" for text in texts)
        said = ", ".join(f'"{text}"' if text else "empty" for text in unclear[:5])
        note = (f"FLSA status of {counted(people, 'person', 'people')} recorded as unknown: "
                f"{said}{', ...' if len(unclear) > 5 else ''} says neither exempt nor non-exempt")
    return list(map(read.__getitem__, texts)), note


def names(mapping: Mapping, texts: Callable[[int | None], list[str]]) -> list[str]:
    """The name column, or a first-name and a last-name column joined ("Grace Okafor")."""
    if mapping.name_parts is None:
        return texts(mapping.columns.get("name"))
    first, last = (texts(index) for index in mapping.name_parts)
    return [f"{a} {b}".strip() for a, b in zip(first, last, strict=True)]


def _indexes(values: list[str], wanted: str) -> list[int]:
    return [i for i, value in enumerate(values) if value == wanted]


def _kept(count: int, skip: dict[int, str | None]) -> Callable[[Sequence[object]], Sequence]:  # type: ignore[type-arg]
    """A function that drops the skipped rows from a column (a column of every row is kept as is)."""
    if not skip:
        return lambda column: column
    keep = [i for i in range(count) if i not in skip]
    return lambda column: list(map(column.__getitem__, keep))


def _fit_widths(rows: list[list[str]], width: int, skip: dict[int, str | None], first: int) -> None:
    """Pad short rows (spreadsheets drop trailing empty cells); reject rows with values past the header.

    `first` is the index of the first of `rows` in the table, the index `skip` takes.
    """
    for i, row in enumerate(rows, start=first):
        size = len(row)
        if size == width:
            continue
        if not any(row):
            skip[i] = None
        elif size > width and any(row[width:]):
            skip[i] = (f"{size} values but the header has {width} columns "
                       "(a value with an unquoted delimiter?)")
        if size > width:
            del row[width:]
        else:
            row.extend(repeat("", width - size))


def _clean(values: list[str], name: str, skip: dict[int, str | None], *, keep_breaks: bool) -> None:
    """Line breaks inside a text field become one space; any other control character rejects.

    An id may hold no control character at all, line breaks included: it is a key.
    """
    for i, text in enumerate(values):
        if text.isprintable():
            continue
        if not keep_breaks:
            text = values[i] = _LINE_BREAKS.sub(" ", text)
        bad = _CONTROL.search(text)
        if bad:
            skip.setdefault(i, f"{name} contains a control character (U+{ord(bad.group()):04X})")


def _reject_long(values: list[str], column: str, skip: dict[int, str | None]) -> None:
    """Reject each row whose value is longer than any draft field holds: kept in the snapshot,
    one such value would make every later read of the roster fail or crawl. Called only for a
    column whose longest value is too long (see `read_columns`)."""
    for i, text in enumerate(values):
        if len(text) > LINE_LIMIT:
            skip.setdefault(i, f'"{column}" holds {len(text):,} characters; '
                               f"a roster value holds at most {LINE_LIMIT:,}")


def _reject_duplicates(keys: list[str], skip: dict[int, str | None], first_row: int) -> None:
    first_seen: dict[str, int] = {}
    for i, key in enumerate(keys):
        if i in skip:
            continue
        if key in first_seen:
            skip[i] = f"duplicate employee id {key} (first on row {first_row + first_seen[key]})"
        else:
            first_seen[key] = i


def slug(name: str) -> str:
    """An id made from a name, the same on every import: "Okafor, Grace A" -> "okafor-grace-a"."""
    return _SLUG.sub("-", name.casefold()).strip("-")


def _derive_ids(names: list[str], skip: dict[int, str | None]) -> None:
    """Replace each name by its id; a second person of the same name gets "-2", a third "-3"."""
    seen: set[str] = set()
    for i, name in enumerate(names):
        if i in skip:
            continue
        base = key = slug(name)
        if not base:
            skip[i] = "the name has no letters or digits to make an id from"
            continue
        n = 1
        while key in seen:
            n += 1
            key = f"{base}-{n}"
        seen.add(key)
        names[i] = key
