"""The roster snapshot: `NAME.roster.csv` beside `NAME.toml`, holding the employees.

Employees are kept out of the TOML because a national bank's 200,000 people would make the
policy file 26 MB and slow to read, and would spread personal data through git history. The
snapshot is plain UTF-8 CSV, our canonical columns first, written atomically and privately at
import; the draft records its sha256 so a replaced or edited snapshot is noticed.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice, repeat
from operator import attrgetter, itemgetter, methodcaller
from pathlib import Path
from typing import TYPE_CHECKING

from .collector import MANY_PEOPLE, CollectorPaused
from .draft import EXEMPTIONS, Draft, Employee, RosterRef, Touch
from .files import atomic_write
from .problems import Problem

if TYPE_CHECKING:
    from _csv import Reader as CsvReader

# The snapshot's first columns. The employment columns were added after the first nine, and
# the FLSA status after them; a snapshot written before either (its header has the first nine
# only, or not the FLSA status) is still read.
FIRST = ("id", "name", "email", "role", "department", "manager", "clients", "touch", "customer_facing")
EMPLOYMENT = ("location", "employment", "left_on", "revoke")
WAGE = ("flsa",)
CANONICAL = (*FIRST, *EMPLOYMENT, *WAGE)
# How many canonical columns each format had, newest first (see `restore_snapshot`).
WIDTHS = (len(CANONICAL), len(FIRST) + len(EMPLOYMENT), len(FIRST))
# How long a snapshot nobody refers to is left alone, in seconds: an import in another open
# app that is not yet saved (its recovery file, written seconds later, then refers to it).
SNAPSHOT_GRACE = 3600.0
_YES = frozenset({"yes", "y", "true", "1", "x"})
_NO = frozenset({"no", "n", "false", "0", ""})

# Called now and then during a long read with (lines read, total lines); returning True asks
# the reader to stop and keep what it has.
Progress = Callable[[int, int], bool]


@dataclass
class Roster:
    """The employees of a draft, in snapshot order, with what was wrong reading them."""

    employees: list[Employee] = field(default_factory=list)
    extra_columns: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    cancelled: bool = False

    def by_id(self) -> dict[str, Employee]:
        return {e.id: e for e in self.employees}


def snapshot_path(draft_path: Path, sha256: str = "") -> Path:
    """`policy.toml` -> `policy.roster.csv`, in the same folder; with the content's sha256,
    `policy.roster.<12 hex digits>.csv`, the name an import writes: a new snapshot never
    replaces the one the saved draft refers to, so the files on disk are always a matching
    pair (the old one goes once a draft referring to the new one is saved)."""
    draft_path = Path(draft_path)
    return draft_path.with_name(draft_path.stem + ".roster" + (f".{sha256[:12]}" if sha256 else "") + ".csv")


def is_snapshot_of(draft_path: Path, name: str) -> bool:
    """Whether `name` is a roster snapshot the draft at `draft_path` could have written."""
    stem = Path(draft_path).stem + ".roster"
    if name == stem + ".csv":
        return True
    digest = name.removeprefix(stem + ".").removesuffix(".csv")
    return name.startswith(stem + ".") and name.endswith(".csv") and len(digest) == 12 and all(
        c in "0123456789abcdef" for c in digest)


def restore_snapshot(draft_path: Path, ref: RosterRef, roster: Roster) -> None:
    """Write `roster` back as the snapshot `ref` names when that file is gone (a save removed
    it, then an undo went back to it), if its bytes are exactly the ones `ref` recorded."""
    if not ref.snapshot:
        return
    path = Path(draft_path).with_name(ref.snapshot)
    if path.exists():
        return
    # It is written as it was, in the format of the day: a snapshot of an older format
    # read back holds empty values for the columns added since.
    for width in WIDTHS:
        data = snapshot_bytes(roster.employees, roster.extra_columns, width=width)
        if hashlib.sha256(data).hexdigest() == ref.sha256:
            atomic_write(path, data)
            return


def remove_unreferenced(draft_path: Path, keep: set[str], ours: set[str], grace: float = SNAPSHOT_GRACE) -> None:
    """After a save: remove the draft's snapshots no longer referred to (by the draft just
    saved or anything in `keep`), as a new import superseded them or a crash left them.

    One not known to this document (`ours`) and younger than `grace` seconds is left:
    another process's import, not yet saved, may be about to refer to it.
    """
    folder = Path(draft_path).parent
    now = time.time()
    for path in folder.iterdir():
        name = path.name
        if name in keep or not is_snapshot_of(draft_path, name):
            continue
        with contextlib.suppress(OSError):  # gone already, or not ours to remove: no harm
            if name in ours or now - path.lstat().st_mtime > grace:
                path.unlink()


def encode_flag(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def parse_flag(text: str) -> bool | None:
    """yes/no as HR files write it; None for an empty cell; ValueError for anything else."""
    word = text.strip().lower()
    if not word:
        return None
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise ValueError(f'expected yes or no, got "{text}"')


def snapshot_bytes(employees: Iterable[Employee], extra_columns: list[str],
                   columns: list[list[object]] | None = None, width: int = len(CANONICAL)) -> bytes:
    """The snapshot's exact bytes: canonical columns, then the source's other columns.

    Built a column at a time with functions that run in C, so writing a 200,000-person
    snapshot costs a fraction of reading the source: a column whose values hold a comma, a
    quote or a line break is quoted whole (csv quoting, read back by any CSV reader), the
    others are written as they are. An importer that already holds the values column by
    column (canonical fields as typed, then the extras) passes them as `columns`. `width`
    keeps only the first canonical columns, as a snapshot of an older format had.
    """
    if columns is None:
        columns = snapshot_columns(employees if isinstance(employees, list) else list(employees), extra_columns)
    flags: dict[object, str] = {None: "", True: "yes", False: "no"}
    texts = [*columns[:6], list(map(_Cells().__getitem__, columns[6])), list(map(_Cells().__getitem__, columns[7])),
             list(map(flags.__getitem__, columns[8])), *columns[9:width], *columns[len(CANONICAL):]]
    header = ",".join(_quoted_column([*CANONICAL[:width], *extra_columns]))
    rows = map(",".join, zip(*map(_quoted_column, texts), strict=True))  # type: ignore[arg-type]
    return "\n".join([header, *rows, ""]).encode("utf-8")


class _Cells(dict[object, str]):
    """A value -> its cell text, worked out once per distinct value (a roster has few)."""

    def __missing__(self, value: object) -> str:
        text = self[value] = "" if value is None else str(value)
        return text


_DOUBLE_QUOTES = methodcaller("replace", '"', '""')


def _quoted_column(values: list[str]) -> list[str]:
    """The column's cells: all quoted if any value needs quotes, else as they are."""
    joined = "".join(values)
    if '"' in joined:
        return _quoted(list(map(_DOUBLE_QUOTES, values)), joined)
    if "," in joined or "\n" in joined or "\r" in joined:
        return _quoted(values, joined)
    return values


def _quoted(values: list[str], joined: str) -> list[str]:
    """Each value in double quotes. Joined with quotes around a NUL and split at the NULs, a
    column of 200,000 names is quoted in C, four times faster than value by value; a column
    holding a NUL (which no import lets in) is quoted value by value."""
    if not values or "\x00" in joined:
        return [f'"{value}"' for value in values]
    return ('"' + '"\x00"'.join(values) + '"').split("\x00")


def snapshot_columns(people: list[Employee], extra_columns: list[str]) -> list[list[object]]:
    """The people's values column by column, in snapshot order: canonical fields, then extras."""
    columns: list[list[object]] = [list(map(attrgetter(name), people)) for name in CANONICAL]
    extras = list(map(attrgetter("extra"), people))
    for column in extra_columns:
        try:
            columns.append(list(map(itemgetter(column), extras)))
        except KeyError:
            columns.append([extra.get(column, "") for extra in extras])
    return columns


def write_snapshot(path: Path, employees: list[Employee], extra_columns: list[str], ref: RosterRef,
                   columns: list[list[object]] | None = None) -> None:
    """Write the snapshot atomically (owner-only) and record its name, hash and size in `ref`."""
    data = snapshot_bytes(employees, extra_columns, columns)
    atomic_write(path, data)
    _record(ref, Path(path), hashlib.sha256(data).hexdigest(), len(employees))


def write_new_snapshot(draft_path: Path, employees: list[Employee], extra_columns: list[str], ref: RosterRef,
                       columns: list[list[object]] | None = None) -> Path:
    """Write an import's snapshot under its content's name (see `snapshot_path`) beside the
    draft, and record it in `ref`; returns where it was written."""
    data = snapshot_bytes(employees, extra_columns, columns)
    sha256 = hashlib.sha256(data).hexdigest()
    path = snapshot_path(draft_path, sha256)
    atomic_write(path, data)
    _record(ref, path, sha256, len(employees))
    return path


def _record(ref: RosterRef, path: Path, sha256: str, rows: int) -> None:
    ref.snapshot, ref.sha256, ref.rows = path.name, sha256, rows


def read_snapshot(draft_path: Path, ref: RosterRef, progress: Progress | None = None) -> Roster:
    """Read the snapshot a draft refers to, checking it is the one the draft was saved with.

    A missing or changed snapshot is reported, not fatal: the draft still opens and the
    roster step offers to re-import.
    """
    if not ref.snapshot:
        return Roster()
    path = Path(draft_path).with_name(ref.snapshot)
    try:
        data = path.read_bytes()
    except OSError as error:
        reason = "is missing" if isinstance(error, FileNotFoundError) else f"cannot be read ({error.strerror})"
        return Roster(problems=[Problem(str(path), f"the roster snapshot {reason}; re-import the roster",
                                        field="roster.snapshot", severity="warning")])
    roster = parse_snapshot(data, str(path), progress)
    if ref.sha256 and hashlib.sha256(data).hexdigest() != ref.sha256:
        roster.problems.insert(0, Problem(
            str(path), "the roster snapshot changed since it was imported (its sha256 differs); "
            "check it or re-import the roster", field="roster.sha256", severity="warning"))
    return roster


def parse_snapshot(data: bytes, file: str, progress: Progress | None = None) -> Roster:
    """Employees from snapshot bytes; bad rows are reported with their line and skipped.

    The bytes are decoded as the rows are read, never as one text: a million-person
    snapshot decoded whole (and copied into a StringIO) took 1.6 GB before the first row.
    A snapshot as an import wrote it is read a column at a time (`_parse_columns`); one with
    any row to report (edited by hand, cut short) is read again row by row, to say which.
    The cycle collector is paused meanwhile, as for an import (`CollectorPaused`).
    """
    try:
        lines = data.count(b"\n")
        with CollectorPaused() as collector:
            roster = _parse_columns(_text(data), file, lines, len(data), progress)
            if roster is None:
                roster = _parse_rows(_text(data), file, lines, len(data), progress)
            collector.collect = len(roster.employees) >= MANY_PEOPLE and not roster.cancelled
        return roster
    except UnicodeDecodeError:
        return Roster(problems=[Problem(file, "the roster snapshot is not UTF-8 text")])


def _text(data: bytes) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")


def _reader(text: io.TextIOWrapper, file: str, size: int) -> tuple[CsvReader, int, list[str]] | Roster:
    """The rows after the header, how many canonical columns the header has (see `WIDTHS`),
    and the names of the other columns; a Roster with the problem when it is no snapshot."""
    # csv refuses a cell over 131,072 characters by default; a snapshot written from a file
    # with one such cell must still load, or every command on the draft fails.
    csv.field_size_limit(max(csv.field_size_limit(), size))
    reader = csv.reader(text)
    header = next(reader, None)
    if header is None or tuple(header[: len(FIRST)]) != FIRST:
        return Roster(problems=[Problem(file, "not a roster snapshot: the first line must be "
                                        + ",".join(CANONICAL), line=1)])
    width = len(FIRST)
    for group in (EMPLOYMENT, WAGE):
        if tuple(header[width: width + len(group)]) != group:
            break
        width += len(group)
    return reader, width, header[width:]


def _parse_columns(text: io.TextIOWrapper, file: str, total: int, size: int,
                   progress: Progress | None) -> Roster | None:
    """The snapshot's employees built a column at a time, at C speed, as the import builds
    them: twice as fast as row by row for 200,000 people. None as soon as any row is one to
    report (a blank or short row, a missing or repeated id, a value that does not read):
    `_parse_rows` then says which, with its line.
    """
    read = _reader(text, file, size)
    if isinstance(read, Roster):
        return read
    rows, width, extra = read
    columns: list[list[str]] = [[] for _ in range(width + len(extra))]
    # A value many people hold (a title, a department, a manager, a place, a status) is kept
    # once, picked while its block is in cache (see `_employee`).
    shared: dict[str, str] = {}
    once = [CANONICAL[i] in _SHARED if i < width else False for i in range(len(columns))]
    count, cancelled = 0, False
    while block := list(islice(rows, _BLOCK)):
        if set(map(len, block)) != {len(columns)}:
            return None
        for column, cells, many in zip(columns, zip(*block, strict=True), once, strict=True):
            column += map(shared.setdefault, cells, cells) if many else cells
        count += len(block)
        if progress and count % 20_000 == 0 and progress(count + 1, total):
            cancelled = True
            break
    ids = columns[0]
    if not all(map(str.strip, ids)) or len(set(ids)) != count:
        return None
    named = dict(zip(CANONICAL, [*columns[:width], *([[""] * count] * (len(CANONICAL) - width))], strict=True))
    try:
        loads = [_read_all(named["clients"], _client_count), _read_all(named["touch"], _touch),
                 _read_all(named["customer_facing"], parse_flag)]
    except ValueError:
        return None
    if not set(named["flsa"]) <= set(EXEMPTIONS):
        return None
    pairs = zip(*(zip(repeat(name), values) for name, values in zip(extra, columns[width:], strict=True)), strict=True)
    extras = map(dict, pairs) if extra else map(dict, repeat((), count))
    employees = list(map(Employee, *(named[name] for name in FIRST[:6]), *loads, extras,
                         *(named[name] for name in (*EMPLOYMENT, *WAGE))))
    return Roster(employees=employees, extra_columns=extra, cancelled=cancelled)


# Rows read at a time, then turned into columns while they are in the processor's cache.
_BLOCK = 1_000
_SHARED = frozenset({"role", "department", "manager", "location", "employment", "flsa"})


def _touch(text: str) -> Touch | None:
    if text not in ("", "high", "low"):
        raise ValueError(f"not a touch level: {text!r}")
    return text or None  # type: ignore[return-value]  # "high" or "low"


def _client_count(text: str) -> int | None:
    return int(text) if text.strip() else None


def _read_all(column: list[str], read: Callable[[str], object]) -> list[object]:
    """Each value of the column read, each distinct value once (a column holds a few); the
    reader's ValueError for a value it cannot read."""
    values = {text: read(text) for text in set(column)}
    return list(map(values.__getitem__, column))


def _parse_rows(text: io.TextIOWrapper, file: str, total: int, size: int, progress: Progress | None) -> Roster:
    read = _reader(text, file, size)
    if isinstance(read, Roster):
        return read
    reader, width, extra = read
    roster = Roster(extra_columns=extra)
    seen: dict[str, int] = {}
    shared: dict[str, str] = {}
    for count, row in enumerate(reader, start=1):
        line = reader.line_num
        if progress and count % 20_000 == 0 and progress(line, total):
            roster.cancelled = True
            break
        employee, problem = _employee(row, width, extra, file, line, shared)
        if problem:
            roster.problems.append(problem)
            continue
        assert employee is not None
        if employee.id in seen:
            first = seen[employee.id]
            roster.problems.append(Problem(file, f"duplicate employee id {employee.id} (first on line {first})",
                                           line=line))
            continue
        seen[employee.id] = line
        roster.employees.append(employee)
    return roster


def _employee(row: list[str], width: int, extra: list[str], file: str, line: int,
              shared: dict[str, str]) -> tuple[Employee | None, Problem | None]:
    """One snapshot row; `width` is how many canonical columns this snapshot has (the rest of
    `CANONICAL` reads as empty).

    A value many people share (a job title, a department, a manager, a place, a status) is
    kept once, from `shared`: a million people then hold a few thousand titles, not a
    million copies (300 MB less).
    """
    if not any(row):
        return None, Problem(file, "empty row", line=line)
    row = row + [""] * (width + len(extra) - len(row))
    id_, name, email, role, department, manager, clients, touch, facing = row[: len(FIRST)]
    location, employment, left_on, revoke, flsa = (*row[len(FIRST): width], "", "", "", "", "")[:5]
    if not id_.strip():
        return None, Problem(file, "missing employee id", field="id", line=line)
    try:
        client_count = int(clients) if clients.strip() else None
    except ValueError:
        return None, Problem(file, f'client count is not a whole number: "{clients}"', field="clients", line=line)
    if touch not in ("", "high", "low"):
        return None, Problem(file, f'touch must be high or low, got "{touch}"', field="touch", line=line)
    try:
        customer_facing = parse_flag(facing)
    except ValueError as error:
        return None, Problem(file, str(error), field="customer_facing", line=line)
    if flsa not in EXEMPTIONS:
        return None, Problem(file, f'flsa must be exempt, non-exempt or unknown, got "{flsa}"', field="flsa",
                             line=line)
    return Employee(
        id=id_, name=name, email=email, role=shared.setdefault(role, role),
        department=shared.setdefault(department, department), manager=shared.setdefault(manager, manager),
        clients=client_count, touch=touch or None,  # type: ignore[arg-type]
        customer_facing=customer_facing,
        extra=dict(zip(extra, row[width:], strict=False)) if extra else {},
        location=shared.setdefault(location, location), employment=shared.setdefault(employment, employment),
        left_on=left_on, revoke=revoke, flsa=shared.setdefault(flsa, flsa),  # type: ignore[arg-type]
    ), None


def draft_issues(draft: Draft) -> list[tuple[str, str]]:
    """Errors in a hand-edited roster reference, as (dotted path, message) pairs: the snapshot
    is a file beside the draft (never a path elsewhere, such as ../../etc/passwd), and the
    counts cannot be negative."""
    ref = draft.roster
    issues = []
    if ref.snapshot and (ref.snapshot in (".", "..") or Path(ref.snapshot).name != ref.snapshot
                         or "\\" in ref.snapshot):
        issues.append(("roster.snapshot", f'"{ref.snapshot}" is not a file name: the snapshot is a file beside '
                       "the draft, such as NAME.roster.csv; re-import the roster to write one"))
    counts = [("roster.rows", ref.rows)]
    if ref.clients is not None:
        counts += [(f"roster.clients.{name}", getattr(ref.clients, name)) for name in ("accounts", "matched", "people")]
    issues += [(path, f"cannot be negative ({value})") for path, value in counts if value < 0]
    return issues
