"""Acknowledgments from a file, as an e-signature tool or a learning system exports them.

Read as completions and rosters are (`roster.readers.open_table`, CSV or XLSX), columns matched
by the synonyms in `data/ack_columns.toml` or given with `--map`, dates read as every date column
from a file is (`user_input.read_day_column`). A row names its person by employee id, e-mail or
name, in whichever of those columns it fills: each is looked up as a CRM owner is
(`roster.owners.OwnerMatcher`), so an export with ids on some rows and e-mails on others is read
as it is. A row that matches nobody, or more than one person, is reported at its row; the good
rows are kept. Checking changes nothing; `apply_import` records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .acknowledgments import Entry, known_version, record
from .dated_rows import checked_day, read_dated_rows
from .draft import AckForm, Draft, Employee
from .problems import Problem, ProblemsError
from .roster.mapping import FieldSet, columns_list, field_set, resolve
from .roster.owners import OwnerMatcher
from .roster.readers import Expected, open_table
from .roster_snapshot import Progress
from .user_input import shown

ACK_FIELDS = ("id", "email", "name", "date", "version", "form")
ACKNOWLEDGMENTS = Expected("list of acknowledgments", "the e-signature tool or learning system")
# Words in a form column's value that name the access form; any other value is the all-staff form.
ACCESS_WORDS = ("access", "granted")


def ack_fields() -> FieldSet:
    """The columns of an acknowledgments file, matched by `data/ack_columns.toml`."""
    return field_set("ack_columns.toml", ACK_FIELDS)


@dataclass
class AckImport:
    """What an acknowledgments file gave: the rows that can be recorded, each bad row's problem,
    and notes on how it was read."""

    file: str
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0
    repeated: int = 0
    cancelled: bool = False
    notes: list[str] = field(default_factory=list)


def form_of(text: str, default: AckForm) -> AckForm:
    """The form a file's value names: the access form when it says so, else the all-staff form."""
    words = text.casefold()
    if not words.strip():
        return default
    return "access" if any(word in words for word in ACCESS_WORDS) else "all staff"


def read_acknowledgments(path: Path, draft: Draft, employees: Sequence[Employee], *,
                         mapping: dict[str, str] | None = None, form: AckForm = "all staff",
                         sheet: str | None = None, today: date | None = None,
                         progress: Progress | None = None) -> AckImport:
    """Check an acknowledgments file against the draft and roster; nothing is changed yet.

    `mapping` (field -> column; fields id, email, name, date, version, form) beats the synonyms;
    `form` is the form of rows that do not say (a file with no form column). ProblemsError when
    the file cannot be used at all: not a table, an unknown column, no way to tell who signed
    or which version.
    """
    file = str(path)
    if not employees:
        raise ProblemsError([Problem(file, "the draft has no roster yet; import the roster first")])
    table = open_table(path, sheet=sheet, expected=ACKNOWLEDGMENTS)
    columns = resolve(table.header, file, given=mapping, fields=ack_fields()).columns
    _require(columns, table.header, file)
    read = read_dated_rows(table, columns, progress)
    result = AckImport(file)
    if read is None:
        result.cancelled = True
        return result
    if read.note:
        result.notes.append(read.note)
    check = _Check(draft, employees, form, today or date.today())
    for i, reason, (employee_id, email, name, written, version, form_text) in read.rows(*ACK_FIELDS):
        result.rows += 1
        entry, reason = (None, reason) if reason else check.row(
            (employee_id, email, name), read.days.get(written), version, form_text)
        if entry is not None:
            result.entries.append(entry)
        elif reason:
            result.problems.append(Problem(file, reason, line=table.first_row + i))
        else:
            result.repeated += 1
    return result

def _require(columns: dict[str, int], header: list[str], file: str) -> None:
    """Refuse a file that cannot say who signed, when, or which version."""
    missing = []
    if not {"id", "email", "name"} & columns.keys():
        missing.append("no employee id, e-mail or name column found; choose one with --map id=COLUMN, "
                       "--map email=COLUMN or --map name=COLUMN")
    for name, what in (("date", "date"), ("version", "policy version")):
        if name not in columns:
            missing.append(f"no {what} column found; choose one with --map {name}=COLUMN")
    if missing:
        raise ProblemsError([Problem(file, f"{why}; the columns are {columns_list(header)}") for why in missing])


class _Check:
    """Each row against the draft, the roster and the rows before it."""

    def __init__(self, draft: Draft, employees: Sequence[Employee], form: AckForm, today: date) -> None:
        self.draft, self.form, self.today = draft, form, today
        self.matcher = OwnerMatcher(employees)
        self.seen: set[tuple[str, AckForm, str]] = set()

    def person(self, cells: tuple[str, str, str]) -> tuple[Employee | None, str]:
        """The one person the first telling cell names, or why there is none."""
        ambiguous: list[Employee] = []
        for cell in cells:
            found = self.matcher.candidates(cell)
            if len(found) == 1:
                return found[0], ""
            ambiguous = ambiguous or found
        if ambiguous:
            return None, "could be any of " + ", ".join(shown(p.id) for p in ambiguous[:5]) + "; give the employee id"
        given = " / ".join(shown(cell) for cell in cells if cell)
        return None, f"matches nobody in the roster ({given})" if given else "no employee id, e-mail or name"

    def row(self, cells: tuple[str, str, str], written: date | ValueError | None, version_text: str,
            form_text: str) -> tuple[Entry | None, str]:
        """One row as an acknowledgment, or why it cannot be one ("" and None: a repeat)."""
        person, why = self.person(cells)
        if person is None:
            return None, why
        day, why = checked_day(written, self.today)
        if day is None:
            return None, why
        if not version_text:
            return None, "missing version"
        version = known_version(self.draft, version_text)
        if version is None:
            versions = ", ".join(dict.fromkeys([*(r.version for r in self.draft.revisions), self.draft.policy.version]))
            return None, f"version {shown(version_text)} is not a version of this policy (it has {versions})"
        form = form_of(form_text, self.form)
        key = (person.id, form, version)
        if key in self.seen:
            return None, ""
        self.seen.add(key)
        return Entry(person.id, form, version, day), ""


def apply_import(draft: Draft, result: AckImport) -> int:
    """Record the good rows of a checked import; returns how many changed the draft (a person's
    acknowledgment already recorded, or of a later version, changes nothing)."""
    return record(draft, result.entries)
