"""Import a roster file into a draft: every row imported or rejected with its reason.

The import reads the whole source before writing anything, so a file that cannot be used
leaves the draft and its snapshot exactly as they were. On success it writes the snapshot
atomically, records in the draft where the roster came from and how its columns were mapped,
and compares the new roster with the previous one. Overrides are never touched here: they are
decisions people made, keyed by employee id, and survive any re-import.

Turning rows into employees, the hot path of a 200,000-row import, is `convert`'s job.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import compress
from operator import attrgetter
from pathlib import Path

from ..collector import MANY_PEOPLE, CollectorPaused
from ..document import Document
from ..draft import Draft, Employee
from ..eligibility import evaluate_with, overrides_by_id
from ..files import is_readable_name, readable_name
from ..leavers import has_left, revocations, today
from ..problems import Problem, ProblemsError
from ..roster_snapshot import (
    CANONICAL,
    Progress,
    Roster,
    read_snapshot,
    snapshot_columns,
    snapshot_path,
    write_new_snapshot,
)
from .clients import carry_over
from .convert import convert
from .mapping import Mapping, columns_list, find_column, require, resolve
from .readers import Table, open_table
from .report import ImportReport, Staged, compare
from .sensitive import sensitive_category


@dataclass
class Preview:
    """The start of a source file and the mapping an import would use, for the import dialog."""

    table: Table
    rows: list[list[str]]
    mapping: Mapping


def preview_roster(source: Path, *, sheet: str | None = None, mapping: dict[str, str] | None = None,
                   saved: dict[str, str] | None = None, saved_sheet: str | None = None,
                   limit: int = 10) -> Preview:
    """The header, first `limit` rows and proposed mapping, reading only the file's start.

    ProblemsError when the file is not a table or `mapping` names an unknown field or column.
    """
    table = open_table(source, sheet=sheet, default_sheet=saved_sheet, sample=True)
    rows = []
    for row in table.rows:
        if any(row):
            rows.append(row)
        if len(rows) >= limit:
            break
    table.rows.close()  # type: ignore[attr-defined]  # releases an open workbook
    return Preview(table, rows, resolve(table.header, table.file, given=mapping, saved=saved))


def import_roster(document: Document, source: Path, *, mapping: dict[str, str] | None = None,
                  sheet: str | None = None, keep: list[str] | None = None,
                  progress: Progress | None = None) -> ImportReport:
    """Import `source` into the document: `stage_roster`, then install what it staged."""
    report = stage_roster(document, source, mapping=mapping, sheet=sheet, keep=keep, progress=progress)
    report.install(document)
    return report


def stage_roster(document: Document, source: Path, *, mapping: dict[str, str] | None = None,
                 sheet: str | None = None, keep: list[str] | None = None,
                 progress: Progress | None = None) -> ImportReport:
    """Import `source` for the document's draft and write its roster snapshot; the document
    itself is only read, so this can run in a worker (`report.install` changes it after).

    `mapping` (field -> column; an empty column leaves a field out) beats the mapping saved
    by the last import, which beats matching the headers by synonyms. The snapshot holds our
    fields and only the source's other columns named in `keep` (by default, those kept last
    time): an HR file's pay, performance or ethnicity has no place beside a policy.
    `progress(rows done, rows expected)` is called now and then; returning True cancels, and
    a cancelled import writes nothing. ProblemsError when the file cannot be imported;
    nothing is written then.
    """
    source = Path(source)
    ref = document.draft.roster
    if document.read_only:
        raise ProblemsError([Problem(str(document.path), "this draft was written by a newer policy-tui and is "
                                     "read-only here; import the roster with that version")])
    if not is_readable_name(snapshot_path(document.path).name):
        raise ProblemsError([Problem(readable_name(str(document.path)), "the draft's file name is not UTF-8 text "
                                     "or holds a control character, so the draft cannot name its roster file; "
                                     "rename the draft and import again")])
    table = open_table(source, sheet=sheet, default_sheet=ref.sheet)
    resolved = resolve(table.header, table.file, given=mapping, saved=ref.mapping)
    require(resolved, table.file)
    kept = choose_kept(resolved, table.file, given=keep, saved=ref.keep)
    report = ImportReport(source=table.file, kind=table.kind, sheet=table.sheet, mapping=resolved.as_saved(),
                          origins=dict(resolved.origins), notes=[*resolved.notes, *kept.notes],
                          derived_ids="id" not in resolved.columns, kept=list(kept.columns.values()),
                          left_out=kept.left_out)
    if table.sheet is not None and sheet is None and ref.sheet and ref.sheet != table.sheet:
        report.notes.append(f'the sheet used last time, "{ref.sheet}", is not in this workbook; '
                            f'read the first sheet, "{table.sheet}"')
    with CollectorPaused() as collector:
        report = _import_rows(document, table, resolved, kept, report, progress)
        collector.collect = report.imported >= MANY_PEOPLE and not report.cancelled
    return report


def _import_rows(document: Document, table: Table, mapping: Mapping, kept: Kept, report: ImportReport,
                 progress: Progress | None) -> ImportReport:
    """The import once the file is open and its mapping known: convert, compare, write."""
    ref = copy.deepcopy(document.draft.roster)  # what the draft will refer to, staged
    extra_columns = list(kept.columns.values())
    converted = convert(table, mapping, kept.columns, progress)
    if converted.cancelled:
        report.cancelled = True
        return report
    employees = converted.employees
    report.rows, report.imported, report.blank = converted.rows, len(employees), converted.blank
    report.rejected = converted.rejected
    report.notes += converted.notes
    if not employees:
        raise ProblemsError([*report.problems, Problem(table.file, f"no row could be imported "
                                                       f"({len(report.rejected)} rejected, {report.blank} blank); "
                                                       "nothing was written")])
    previous = _previous_roster(document)
    report.notes.extend(carry_over(ref, mapping, previous, converted))
    day = today()
    report.leavers = [e for e in employees if has_left(e, day)]
    gone: list[Employee] = []
    if previous is not None:
        report.changes = compare(previous.employees, employees, ref.imported_at)
        granted = _granted_before(document.draft, previous.employees, report.leavers, report.changes.left, day)
        report.revoked, gone = revocations(granted, report.leavers, report.changes.left, day)
        if report.revoked:
            converted.columns[CANONICAL.index("revoke")] = list(map(attrgetter("revoke"), employees))
        if gone:
            report.revoked += gone
            for column, added in zip(converted.columns, snapshot_columns(gone, extra_columns), strict=True):
                column += added
            employees = employees + gone
    overrides = document.draft.eligibility.overrides
    ids = {e.id for e in converted.employees} if overrides else set()
    report.overrides_of_leavers = [o.employee_id for o in overrides if o.employee_id not in ids]
    report.overrides_kept = len(overrides) - len(report.overrides_of_leavers)

    if progress is not None and progress(report.rows, report.rows):
        report.cancelled = True  # the last moment to cancel: nothing is written yet
        return report
    target = write_new_snapshot(document.path, employees, extra_columns, ref, converted.columns)
    ref.source = readable_name(table.file)
    ref.sheet = table.sheet
    ref.imported_at = datetime.now(UTC).replace(microsecond=0)
    ref.mapping = report.mapping
    ref.keep = [table.header[i] for i in kept.columns]
    report.staged = Staged(ref, Roster(employees=employees, extra_columns=extra_columns))
    report.snapshot = target.name
    return report


def _previous_roster(document: Document) -> Roster | None:
    """The roster of the last import, to compare with; None on a first import."""
    ref = document.draft.roster
    if not ref.snapshot:
        return None
    if document.roster.employees or ref.rows == 0:
        return document.roster
    roster = read_snapshot(document.path, ref)
    return roster if roster.employees else None


def _granted_before(draft: Draft, previous: list[Employee], left_now: list[Employee], gone: list[Employee],
                    day: str) -> set[str]:
    """Who was granted at the last import, among the only people an import can revoke: those
    who have left by now and those gone from the file (but not those who had left already,
    as leavers are never granted).

    Deciding the whole previous roster again to know this would cost as much as the import
    itself; the others' access is this import's own decision, whatever it was before.
    """
    leaving = set(map(attrgetter("id"), left_now))
    could = [person for person in (*compress(previous, map(leaving.__contains__, map(attrgetter("id"), previous))),
                                   *gone) if not has_left(person, day)]
    decisions = evaluate_with(could, draft.eligibility.rules, overrides_by_id(draft))
    return {person.id for person, decision in zip(could, decisions, strict=True) if decision.status == "granted"}


@dataclass
class Kept:
    """The source's other columns the snapshot keeps (index -> name in the snapshot), and the
    ones left out with their sensitive category (None when merely not needed)."""

    columns: dict[int, str]
    left_out: list[tuple[str, str | None]]
    notes: list[str]


def choose_kept(mapping: Mapping, file: str, *, given: list[str] | None, saved: list[str]) -> Kept:
    """Which of the unmapped columns to keep: those named in `given` (ProblemsError for one
    not in the file), else those kept last time that are still there (a missing one noted)."""
    header = mapping.header
    wanted: dict[int, str] = {}
    notes: list[str] = []
    problems = []
    for column in given if given is not None else saved:
        index = find_column(header, column)
        if index is None and given is not None:
            problems.append(Problem(file, f'--keep {column}: no column "{column}" in this file; '
                                    f"the columns are {columns_list(header)}"))
        elif index is None:
            notes.append(f'"{column}" was kept last time but is not in this file')
        elif index in mapping.extra_indexes:
            wanted[index] = column
    if problems:
        raise ProblemsError(problems)
    names = dict(zip(wanted, _extra_names(header, list(wanted)), strict=True))
    for index in names:
        category = sensitive_category(header[index])
        if category is not None:
            notes.append(f'kept "{header[index]}" ({category}) as asked: it is sensitive personal data')
    left_out = [(header[i], sensitive_category(header[i])) for i in mapping.extra_indexes if i not in names]
    return Kept(names, left_out, notes)


def _extra_names(header: list[str], indexes: list[int]) -> list[str]:
    """Names for the source's other columns: unique, never blank, never one of ours."""
    names: list[str] = []
    taken = set(CANONICAL)
    for index in indexes:
        base = header[index] or f"Column {index + 1}"
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base} ({n})"
        taken.add(name)
        names.append(name)
    return names
