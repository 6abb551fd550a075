"""What a client import did: the CRM export's rows, who got a count, who could not be matched.

Like the roster import's report, every data row is accounted for (a counted account, a repeat
of one, an account without an owner, rejected or blank), and every owner whose accounts count
for no one is named with those accounts, largest first, so a wrong owner column or a service
account ("Integration User") is seen at once. The command line prints `clients_report_lines`;
the TUI shows the same words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..plural import counted
from ..problems import Problem
from ..user_input import printable_line
from .report import LISTED, FileReport, RosterChanges, changed_lines, listed

TOUCH_RULE = "high when at least half of a person's accounts are in a high-touch tier, else low"


@dataclass(frozen=True)
class UnmatchedOwner:
    """An owner whose accounts count for no one: `candidates` are the ids they could be (none, or several)."""

    owner: str
    accounts: int
    candidates: tuple[str, ...] = ()


@dataclass
class ClientsReport(FileReport):
    """The outcome of reading one CRM export into a draft's roster."""

    repeated: int = 0
    accounts: int = 0  # accounts with an owner
    no_owner: int = 0
    matched: int = 0  # accounts whose owner is someone in the roster
    people: int = 0  # people given a count
    unknown: int = 0  # people in the roster with no account in the file
    high_touch: list[str] = field(default_factory=list)
    unmatched: list[UnmatchedOwner] = field(default_factory=list)
    changes: RosterChanges | None = None
    snapshot: str = ""
    cancelled: bool = False

    @property
    def has_tiers(self) -> bool:
        return "tier" in self.mapping


def clients_report_lines(report: ClientsReport) -> list[str]:
    """The report in words, one line each: rows, mapping, who got a count, touch, unmatched owners, changes."""
    if report.cancelled:
        return [f"{report.source}: client import cancelled; nothing was written"]
    lines = [
        f"{report.source} ({report.kind}): {counted(report.rows, 'row')}: {counted(report.accounts, 'account')}, "
        f"{report.repeated} repeated (counted once), {report.no_owner} without an owner, "
        f"{len(report.rejected)} rejected, {report.blank} blank",
        report.columns_line,
    ]
    lines.extend(f"note: {note}" for note in report.notes)
    lines.extend(str(Problem(report.source, r.reason, line=r.row)) for r in report.rejected[:LISTED])
    if len(report.rejected) > LISTED:
        lines.append(f"... and {len(report.rejected) - LISTED} more rows rejected")
    orphaned = sum(owner.accounts for owner in report.unmatched)
    lines.append(f"{counted(report.people, 'person', 'people')} given a client count from "
                 f"{counted(report.matched, 'account')}; {counted(orphaned, 'account')} owned by no one in the roster")
    if report.has_tiers:
        lines.append(f"touch: {TOUCH_RULE} ({', '.join(map(printable_line, report.high_touch))})")
    else:
        lines.append("touch: no tier column, so touch is left unknown; the rules go by the client count alone")
    if report.unknown:
        lines.append(f"{counted(report.unknown, 'person', 'people')} in the roster own no account in this file: "
                     "their client count and touch are now unknown")
    lines.extend(listed("unmatched", [_unmatched_line(u) for u in report.unmatched]))
    changes = report.changes
    if changes is not None:
        people = counted(len(changes.changed), "person", "people")
        lines.append(f"since the last client import ({changes.since:%Y-%m-%d %H:%M} UTC): {people} changed"
                     if changes.since else f"client count or touch changed for {people}")
        lines.extend(changed_lines(changes))
    return lines


def _unmatched_line(owner: UnmatchedOwner) -> str:
    who = f"{printable_line(owner.owner)}: {counted(owner.accounts, 'account')}, "
    if not owner.candidates:
        return who + "no employee matches"
    return who + f"{len(owner.candidates)} employees match ({', '.join(owner.candidates[:5])}): counted for no one"
