"""Client load from the CRM: each employee's accounts counted, and their touch from the tiers.

HR exports never carry a client count; the CRM does, as a list of accounts each with an owner
and often a tier. Step 1's default rules need both numbers (a small or high-touch book is
granted, a large low-touch book denied), so this module reads a CRM account export, counts
each employee's accounts (an account listed twice counts once), and stores the counts in the
roster snapshot with a touch level:

    A person's touch is "high" when at least half of their accounts are in a tier the user
    named high-touch (Strategic, Key, Tier 1 ...), else "low". Without a tier column it is
    left unknown.

Owners are matched to employees by `owners.OwnerMatcher` (id, e-mail, then name); an owner who
matches no one, or several people, is reported with their accounts and counts for no one.
People who own no account in the export get no count (their load is unknown, which the rules
send to review). Like the roster import, the whole file is read and worked out before anything
is written: a file that cannot be used leaves the draft and its snapshot as they were. The
mapping and the high-touch tiers are kept in the draft (`roster.clients`), so next quarter's
export needs no questions, and re-reading it reports whose count or touch changed.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from itertools import chain, islice, repeat
from pathlib import Path

from ..document import Document
from ..draft import ClientsRef, Employee, RosterRef, Touch
from ..files import readable_name
from ..plural import counted
from ..problems import Problem, ProblemsError
from ..roster_snapshot import CANONICAL, Progress, Roster, read_snapshot, snapshot_path, write_new_snapshot
from ..user_input import clean_line, printable_line
from .clients_report import ClientsReport, UnmatchedOwner
from .convert import Converted, read_all_columns
from .mapping import FieldSet, Mapping, columns_list, field_set, resolve
from .owners import OwnerMatcher
from .readers import Expected, Table, open_table
from .report import LISTED, Rejection, Staged, compare

CLIENT_FIELDS = ("owner", "tier", "account")
ACCOUNTS = Expected("list of accounts", "the CRM")
_CLIENTS, _TOUCH = CANONICAL.index("clients"), CANONICAL.index("touch")


def client_fields() -> FieldSet:
    """The fields of a CRM account export, matched by `data/crm_columns.toml`."""
    return field_set("crm_columns.toml", CLIENT_FIELDS)


def _tier_text(text: str) -> str:
    """A tier as it is kept and shown: trimmed, inner runs of spaces made one."""
    return " ".join(text.split())


class _TierTexts(dict[str, str]):
    """A cell -> its tier text, worked out once per distinct cell (an export has a handful of tiers)."""

    def __missing__(self, cell: str) -> str:
        text = self[cell] = _tier_text(cell)
        return text


def _tier_key(text: str) -> str:
    """Tiers are compared without case: "strategic" names the tier "Strategic"."""
    return _tier_text(text).casefold()


# An account's key within its owner's book: its id, or its row's index when the file has none.
AccountKey = str | int


@dataclass
class Accounts:
    """A CRM export read: each owner's accounts with their tiers, and what was left out.

    Every data row is a counted account, a repeat of one (the same account id listed again
    for the same owner), rejected, or blank. Accounts with no owner are the book of "".
    """

    books: dict[str, dict[AccountKey, str]] = field(default_factory=dict)
    rows: int = 0
    blank: int = 0
    repeated: int = 0
    rejected: list[Rejection] = field(default_factory=list)

    def written(self) -> Counter[str]:
        """Accounts per tier as written in the file, in the order first seen."""
        return Counter(chain.from_iterable(book.values() for book in self.books.values()))

    def tiers(self) -> list[tuple[str, int]]:
        """Each tier as first written, with its number of accounts, most first ("" for none)."""
        counts: dict[str, tuple[str, int]] = {}
        for tier, n in self.written().items():
            first, total = counts.get(_tier_key(tier), (tier, 0))
            counts[_tier_key(tier)] = (first, total + n)
        return sorted(counts.values(), key=lambda entry: (-entry[1], entry[0].casefold()))


def _read_accounts(table: Table, mapping: Mapping, progress: Progress | None = None) -> Accounts | None:
    """Every account of the table, grouped by owner; None when the progress callback cancels."""
    skip: dict[int, str | None] = {}
    columns = read_all_columns(table, skip, progress)
    return None if columns is None else _group_accounts(columns, skip, mapping, table.first_row)


def _group_accounts(columns: list[list[str]], skip: dict[int, str | None], mapping: Mapping,
                   first_row: int) -> Accounts:
    """The accounts of a table read column by column (`skip`: row index -> why it was rejected,
    None when blank), grouped by owner, each account once per owner."""
    count = len(columns[0])

    def column(name: str) -> Sequence[str]:
        index = mapping.columns.get(name)
        return repeat("", count) if index is None else columns[index]  # type: ignore[return-value]

    accounts = Accounts(rows=count)
    tier_text = _TierTexts().__getitem__
    for i, (owner, tier, account) in enumerate(zip(column("owner"), column("tier"), column("account"), strict=True)):
        if i in skip:
            reason = skip[i]
            if reason is None:
                accounts.blank += 1
            else:
                accounts.rejected.append(Rejection(first_row + i, reason))
            continue
        owner = owner.strip()
        if not owner and not any(values[i] for values in columns):
            accounts.blank += 1
            continue
        book = accounts.books.setdefault(owner, {})
        key: AccountKey = account.strip() or i
        if key in book:
            accounts.repeated += 1
        else:
            book[key] = tier_text(tier)
    return accounts


@dataclass
class ClientsPreview:
    """The start of a CRM export, the mapping an import would use, and every tier in it."""

    table: Table
    rows: list[list[str]]
    mapping: Mapping
    tiers: list[tuple[str, int]]


def preview_clients(source: Path, *, saved: ClientsRef | None = None, sheet: str | None = None,
                    mapping: dict[str, str] | None = None, limit: int = 10) -> ClientsPreview:
    """The header, first `limit` rows, proposed mapping and the tiers of all the accounts.

    The whole file is read, so the user can tick the high-touch tiers among all of them (run
    it in a worker). ProblemsError when the file is not a table or `mapping` is wrong.
    """
    saved = saved or ClientsRef()
    table = open_table(Path(source), sheet=sheet, default_sheet=saved.sheet, expected=ACCOUNTS)
    resolved = resolve(table.header, table.file, given=mapping, saved=saved.mapping, fields=client_fields())
    skip: dict[int, str | None] = {}
    columns = read_all_columns(table, skip, None) or []
    rows = [list(row) for row in islice((row for row in zip(*columns, strict=True) if any(row)), limit)]
    tiers = _group_accounts(columns, skip, resolved, table.first_row).tiers()
    return ClientsPreview(table, rows, resolved, [tier for tier in tiers if tier[0]])


def import_clients(document: Document, source: Path, *, mapping: dict[str, str] | None = None,
                   high_touch: Sequence[str] | None = None, sheet: str | None = None,
                   progress: Progress | None = None) -> ClientsReport:
    """Read the client counts of `source` into the document: `stage_clients`, then install."""
    report = stage_clients(document, source, mapping=mapping, high_touch=high_touch, sheet=sheet, progress=progress)
    report.install(document)
    return report


def stage_clients(document: Document, source: Path, *, mapping: dict[str, str] | None = None,
                  high_touch: Sequence[str] | None = None, sheet: str | None = None,
                  progress: Progress | None = None) -> ClientsReport:
    """Count each employee's accounts in `source`, derive their touch, and stage both (the
    document is only read: `report.install` changes it, on the UI thread in the app).

    `mapping` (owner, tier, account -> column; an empty column leaves a field out) and
    `high_touch` (tier names) beat what the last CRM import saved; with a tier column and no
    high-touch tier named either way, the import is refused with the tiers found. The roster
    snapshot is rewritten with the new counts and the draft records `roster.clients`; the
    caller saves the draft. ProblemsError when anything is wrong; nothing is written then.
    """
    if document.read_only:
        raise ProblemsError([Problem(str(document.path), "this draft was written by a newer policy-tui and is "
                                     "read-only here; read the client counts with that version")])
    ref = copy.deepcopy(document.draft.roster)  # what the draft will refer to, staged
    saved = ref.clients or ClientsRef()
    roster = _current_roster(document)
    table = open_table(Path(source), sheet=sheet, default_sheet=saved.sheet, expected=ACCOUNTS)
    resolved = resolve(table.header, table.file, given=mapping, saved=saved.mapping, fields=client_fields())
    if "owner" not in resolved.columns:
        raise ProblemsError([Problem(table.file, "no account owner column found (the owner's employee id, e-mail or "
                                     "name); choose one with --map owner=COLUMN; the columns are "
                                     + columns_list(table.header))])
    chosen = _high_touch(high_touch) if high_touch else list(saved.high_touch)
    report = ClientsReport(source=table.file, kind=table.kind, sheet=table.sheet, mapping=resolved.as_saved(),
                           origins=dict(resolved.origins), notes=list(resolved.notes), high_touch=chosen)
    accounts = _read_accounts(table, resolved, progress)
    if accounts is None:
        report.cancelled = True
        return report
    _count_rows(report, accounts)
    _check_tiers(report, accounts)
    employees = _with_loads(roster.employees, accounts, report)
    _refuse_if_no_one(report)
    report.changes = compare(roster.employees, employees, saved.imported_at)
    if progress is not None and progress(report.rows, report.rows):
        report.cancelled = True  # the last moment to cancel: nothing is written yet
        return report
    try:
        target = write_new_snapshot(document.path, employees, roster.extra_columns, ref)
    except OSError as error:
        raise ProblemsError([Problem(str(snapshot_path(document.path)),
                                     f"cannot be written: {error.strerror}")]) from None
    ref.clients = ClientsRef(source=readable_name(table.file), sheet=table.sheet,
                             imported_at=datetime.now(UTC).replace(microsecond=0), mapping=report.mapping,
                             high_touch=report.high_touch, accounts=report.accounts, matched=report.matched,
                             people=report.people)
    report.staged = Staged(ref, Roster(employees=employees, extra_columns=roster.extra_columns))
    report.snapshot = target.name
    return report


def _current_roster(document: Document) -> Roster:
    """The roster the counts go onto; ProblemsError when there is none, or it is not as imported.

    A snapshot with problems (missing, edited by hand, unreadable rows) is refused: writing it
    back with the counts would drop the rows that could not be read and bless the edit.
    """
    ref = document.draft.roster
    if not ref.snapshot:
        raise ProblemsError([Problem(str(document.path), "the draft has no roster yet; import one first "
                                     "(policy-tui roster import DRAFT FILE), then its client counts")])
    roster = document.roster if document.roster_loaded else read_snapshot(document.path, ref)
    if roster.problems or not roster.employees:
        why = roster.problems[0].message if roster.problems else "it holds no one; re-import the roster"
        raise ProblemsError([Problem(ref.snapshot, f"client counts cannot go onto this roster snapshot: {why}")])
    return roster


def _high_touch(names: Iterable[str]) -> list[str]:
    """The tiers the user named, trimmed, each once (compared without case)."""
    chosen: dict[str, str] = {}
    for name in names:
        text = _tier_text(clean_line(name, "--high-touch", "high-touch tier"))
        chosen.setdefault(_tier_key(text), text)
    return list(chosen.values())


def _count_rows(report: ClientsReport, accounts: Accounts) -> None:
    report.rows, report.blank, report.repeated = accounts.rows, accounts.blank, accounts.repeated
    report.rejected = accounts.rejected
    report.no_owner = len(accounts.books.get("", {}))
    report.accounts = sum(map(len, accounts.books.values())) - report.no_owner


def _check_tiers(report: ClientsReport, accounts: Accounts) -> None:
    """Refuse a tier column with no high-touch tier named; note named tiers the file lacks.

    The named tiers are kept as the file spells them, so the draft reads "Strategic" even
    when someone typed --high-touch strategic.
    """
    found = [(tier, n) for tier, n in accounts.tiers() if tier]
    if not report.has_tiers:
        if report.high_touch:
            report.notes.append("no tier column: the high-touch tiers were not used and touch is left unknown")
        return
    if not report.high_touch:
        shown = ", ".join(f'"{printable_line(tier)}" ({counted(n, "account")})' for tier, n in found[:LISTED])
        more = f" and {len(found) - LISTED} more" if len(found) > LISTED else ""
        column = printable_line(report.mapping["tier"])
        raise ProblemsError([Problem(report.source, f'tier column "{column}" found but no high-touch tier named; '
                                     f"the tiers are {shown or '(none)'}{more}; name the high-touch ones with "
                                     "--high-touch VALUE (repeatable), or leave tiers out with --map tier=")])
    spelled = {_tier_key(tier): tier for tier, _ in found}
    report.notes.extend(f'high-touch tier "{printable_line(name)}" is not in this file'
                        for name in report.high_touch if _tier_key(name) not in spelled)
    report.high_touch = [spelled.get(_tier_key(name), name) for name in report.high_touch]  # as the file spells them


def touch_of(tiers: Collection[str], high: set[str]) -> Touch:
    """high when at least half of the accounts' `tiers` are in `high` (tiers as written), else low."""
    return "high" if 2 * sum(tier in high for tier in tiers) >= len(tiers) else "low"


def _with_loads(employees: Sequence[Employee], accounts: Accounts, report: ClientsReport) -> list[Employee]:
    """The roster with each person's count and touch from the accounts, in a new list.

    Decisions are kept per roster list and made from the people in it, so a changed person
    is a new object in the new list; the people the current decisions were made for stay as
    they were until the new roster replaces them.
    """
    matcher = OwnerMatcher(employees)
    books: dict[str, dict[AccountKey, str]] = {}
    for owner, book in accounts.books.items():
        if not owner:
            continue
        found = matcher.candidates(owner)
        if len(found) == 1:
            books.setdefault(found[0].id, {}).update(book)
        else:
            report.unmatched.append(UnmatchedOwner(owner, len(book), tuple(person.id for person in found)))
    report.unmatched.sort(key=lambda u: (-u.accounts, u.owner))
    named = {_tier_key(name) for name in report.high_touch}
    high = {tier for tier in accounts.written() if _tier_key(tier) in named}  # every spelling of them
    updated = []
    for person in employees:
        mine = books.get(person.id)
        clients = None if mine is None else len(mine)
        touch = touch_of(mine.values(), high) if mine is not None and report.has_tiers else None
        same = person.clients == clients and person.touch == touch
        updated.append(person if same else replace(person, clients=clients, touch=touch))
    report.people = len(books)
    report.matched = sum(map(len, books.values()))
    report.unknown = len(employees) - report.people
    return updated


def _refuse_if_no_one(report: ClientsReport) -> None:
    """A file whose accounts land on no one is the wrong file or the wrong owner column (a CRM
    user id, say); taking it would make everyone's load unknown."""
    if report.people:
        return
    if not report.accounts:
        why = "no account in this file has an owner"
    else:
        owners = ", ".join(f'"{printable_line(u.owner)}"' for u in report.unmatched[:3])
        why = f"no account owner is anyone in the roster (owners such as {owners})"
    column = printable_line(report.mapping["owner"])
    raise ProblemsError([Problem(report.source, f'{why}; check the owner column ("{column}", '
                                 "or choose one with --map owner=COLUMN); nothing was written")])


# --- Keeping the counts when the roster is re-imported from HR -------------------------------


def carry_over(ref: RosterRef, mapping: Mapping, previous: Roster | None, converted: Converted) -> list[str]:
    """Keep the CRM's counts and touch across a roster re-import from an HR file without them.

    HR files carry no client counts, so re-importing next month's roster would otherwise
    leave everyone's load unknown until the CRM export is read again. When a CRM import was
    recorded and the new file maps neither clients nor touch, each person still in the roster
    keeps their previous values (in `converted`'s employees and columns alike). Returns the
    note for the import report, if any.
    """
    crm = ref.clients
    if crm is None or previous is None:
        return []
    if "clients" in mapping.columns or "touch" in mapping.columns:
        return [f"client counts and touch are this file's, replacing those read from {printable_line(crm.source)}; "
                "read the CRM export again (roster clients) to use its counts"]
    before = previous.by_id()
    kept = 0
    for i, person in enumerate(converted.employees):
        was = before.get(person.id)
        if was is None or (was.clients is None and was.touch is None):
            continue
        person.clients, person.touch = was.clients, was.touch
        converted.columns[_CLIENTS][i], converted.columns[_TOUCH][i] = was.clients, was.touch
        kept += 1
    when = f" of {crm.imported_at:%Y-%m-%d}" if crm.imported_at else ""
    return [f"client counts and touch kept for {counted(kept, 'person', 'people')} from the CRM export "
            f"{printable_line(crm.source)}{when}; this file has none"]
