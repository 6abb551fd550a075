"""What an import did, row by row, and what changed since the last one.

The report is the import's receipt: every data row of the source is counted as imported,
rejected (with its row number and reason) or blank, so the counts always add up to the rows
in the file. The command line prints `report_lines`; the TUI shows the same words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import compress, repeat
from operator import attrgetter, is_, ne, or_
from typing import TYPE_CHECKING

from ..draft import Draft, Employee, RosterRef
from ..eligibility import FACT_FIELDS, facts
from ..plural import agreeing, counted
from ..problems import Problem
from ..roster_snapshot import Roster, encode_flag
from ..user_input import printable_line

if TYPE_CHECKING:
    from ..document import Document

# How many joined, left or changed people the text report names before summing up the rest.
LISTED = 20


@dataclass(frozen=True)
class Rejection:
    """A source row that was not imported, and why."""

    row: int
    reason: str


@dataclass(frozen=True)
class Change:
    """A person in both imports whose role, department or load differs: (field, before, after)."""

    id: str
    name: str
    fields: tuple[tuple[str, str, str], ...]


@dataclass
class RosterChanges:
    """Who joined, who left and who changed since the previous import."""

    since: datetime | None = None
    joined: list[Employee] = field(default_factory=list)
    left: list[Employee] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.joined or self.left or self.changed)


@dataclass(frozen=True)
class Staged:
    """What an import wrote and means to change: the draft's new roster reference and the
    roster the new snapshot holds. A worker stages; the UI thread installs (`install`)."""

    ref: RosterRef
    roster: Roster


@dataclass
class FileReport:
    """What every import of a file reports: the file, how its columns were mapped, its rows.

    `staged` is what a successful import changes, made the document's by `install`: until
    then the document is as it was (a worker can import while the keyboard goes on)."""

    source: str
    kind: str
    sheet: str | None
    mapping: dict[str, str]
    origins: dict[str, str]
    rows: int = 0
    blank: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    staged: Staged | None = field(default=None, repr=False)

    def install(self, document: Document) -> bool:
        """Make what the import staged the document's: its roster reference and its roster
        change together, one undo point. False when nothing was staged (cancelled)."""
        staged = self.staged
        if staged is None:
            return False

        def point_to_snapshot(draft: Draft) -> None:
            draft.roster = staged.ref

        document.apply(point_to_snapshot, roster=staged.roster)
        return True

    @property
    def columns_line(self) -> str:
        """The mapping in words: `columns: id = "Emp #" (auto), role = "Title" (saved)`."""
        return "columns: " + ", ".join(f'{name} = "{printable_line(column)}" ({self.origins.get(name, "auto")})'
                                       for name, column in self.mapping.items())


@dataclass
class ImportReport(FileReport):
    """The outcome of importing one roster file into a draft."""

    imported: int = 0
    derived_ids: bool = False
    changes: RosterChanges | None = None
    overrides_kept: int = 0
    overrides_of_leavers: list[str] = field(default_factory=list)
    snapshot: str = ""
    cancelled: bool = False
    # The source's other columns: kept in the snapshot as asked, or left out with their
    # sensitive category (None when merely not needed by the policy).
    kept: list[str] = field(default_factory=list)
    left_out: list[tuple[str, str | None]] = field(default_factory=list)
    # People the file says have left (never granted), and people granted before who have
    # left or are gone from the file, whose access IT must remove.
    leavers: list[Employee] = field(default_factory=list)
    revoked: list[Employee] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        """Each rejected row as a located problem: `FILE:ROW: reason`."""
        return [Problem(self.source, r.reason, line=r.row) for r in self.rejected]


def _text(value: object) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return encode_flag(value)
    return str(value) or "(none)"


def compare(before: Sequence[Employee], after: Sequence[Employee], since: datetime | None) -> RosterChanges:
    """Joined, left and changed people between two rosters, each list in roster order.

    Ids are unique in a roster (the import and the snapshot reader see to it), so each person
    found is taken out of the previous roster's index and whoever remains there has left. The
    passes over the 200,000 people of each roster (ids, the index, the facts of each person
    and of who they were) run in C; only the few thousand who joined or changed are looked at
    one by one. Who joined is found as `nobody` where they were: their facts are then
    compared with nobody's, so no person is looked up twice.
    """
    nobody = Employee("")  # made here: a module-level record would be state shared by every call
    old = dict(zip(map(_ID, before), before, strict=True))
    was = list(map(old.pop, map(_ID, after), repeat(nobody)))
    changes = RosterChanges(since=since, left=list(old.values()))
    new = map(is_, was, repeat(nobody))
    differ = map(ne, map(facts, was), map(facts, after))
    for i in compress(range(len(after)), map(or_, new, differ)):
        person, previous = after[i], was[i]
        if previous is nobody:
            changes.joined.append(person)
            continue
        differences = tuple((name, _text(getattr(previous, name)), _text(getattr(person, name)))
                            for name in FACT_FIELDS if getattr(previous, name) != getattr(person, name))
        changes.changed.append(Change(person.id, person.name, differences))
    return changes


_ID = attrgetter("id")


def _who(person: Employee) -> str:
    return printable_line(f"{person.id} {person.name}".rstrip())


def _columns_lines(report: ImportReport) -> list[str]:
    """What became of the source's other columns: which were kept, which left out and why."""
    lines = []
    if report.kept:
        lines.append("kept beside the policy: " + ", ".join(f'"{printable_line(c)}"' for c in report.kept))
    if report.left_out:
        sensitive = [f'"{printable_line(c)}" ({why})' for c, why in report.left_out if why]
        others = [f'"{printable_line(c)}"' for c, why in report.left_out if not why]
        parts = []
        if sensitive:
            parts.append(f"sensitive: {', '.join(sensitive)}")
        if others:
            parts.append(f"not needed: {', '.join(others)}")
        lines.append(f"left out of the snapshot: {counted(len(report.left_out), 'column')} ({'; '.join(parts)}); "
                     "keep one only if the policy needs it")
    return lines


def listed(title: str, items: list[str]) -> list[str]:
    """One indented line per item, the first LISTED of them, then how many more there are."""
    lines = [f"  {title}: {item}" for item in items[:LISTED]]
    if len(items) > LISTED:
        lines.append(f"  {title}: ... and {len(items) - LISTED} more")
    return lines


def changed_lines(changes: RosterChanges) -> list[str]:
    """The people whose facts changed, a line each: "E0042 Grace Okafor: clients 12 -> 5; touch low -> high"."""
    return listed("changed", [f"{printable_line(c.id)} {printable_line(c.name)}: "
                              + "; ".join(f"{name} {a} -> {b}" for name, a, b in c.fields) for c in changes.changed])


def report_lines(report: ImportReport) -> list[str]:
    """The report in words, one line each: counts, mapping, rejected rows, changes, overrides."""
    if report.cancelled:
        return [f"{report.source}: import cancelled; nothing was written"]
    lines = [
        f"{report.source} ({report.kind}): {counted(report.rows, 'row')}: {report.imported:,} imported, "
        f"{len(report.rejected)} rejected, {report.blank} blank",
    ]
    lines.append(report.columns_line)
    if report.derived_ids:
        lines.append("no employee id column: ids were made from each name (same name twice: -2, -3 ...); "
                     "overrides follow a person only while their name is unchanged")
    lines.extend(_columns_lines(report))
    lines.extend(f"note: {note}" for note in report.notes)
    lines.extend(str(problem) for problem in report.problems)
    for title, item, people, one, many, then in (
            ("leavers", "leaver", report.leavers, "the file says has left", "the file says have left",
             "kept as leavers, never granted"),
            ("revoke", "revoke", report.revoked, "granted at the last import has left or is gone from this file",
             "granted at the last import have left or are gone from this file",
             "remove their access (roster show --status revoke)")):
        if people:
            said = agreeing(len(people), one, many)
            lines.append(f"{title}: {counted(len(people), 'person', 'people')} {said}: {then}")
            lines.extend(listed(item, [_who(e) for e in people]))
    changes = report.changes
    if changes is not None:
        since = f" ({changes.since:%Y-%m-%d %H:%M} UTC)" if changes.since else ""
        lines.append(f"since the last import{since}: {len(changes.joined)} joined, {len(changes.left)} left, "
                     f"{len(changes.changed)} changed")
        lines.extend(listed("joined", [_who(e) for e in changes.joined]))
        lines.extend(listed("left", [_who(e) for e in changes.left]))
        lines.extend(changed_lines(changes))
    if report.overrides_kept or report.overrides_of_leavers:
        line = f"overrides: {report.overrides_kept} kept for people still in the roster"
        if report.overrides_of_leavers:
            line += (f"; {len(report.overrides_of_leavers)} for people no longer in it also kept, so a wrong or "
                     f"partial file loses no decision ({', '.join(report.overrides_of_leavers[:LISTED])}"
                     f"{', ...' if len(report.overrides_of_leavers) > LISTED else ''})")
        lines.append(line)
    return lines
