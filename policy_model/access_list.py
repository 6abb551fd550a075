"""The list IT provisions access from: who, with which status, decided by what, and why.

It is opened in a spreadsheet, so every cell that a spreadsheet would read as a formula is
neutralised with a leading single quote: a roster's names and roles come from an HR export
nobody here controls. Excel, LibreOffice Calc and Google Sheets evaluate a cell whose first
character is =, +, - or @. A formula behind leading whitespace counts too: LibreOffice's CSV
import trims spaces before it evaluates when "Trim spaces" is ticked, and some programs skip a
leading tab or line break; a cell starting with a tab, carriage return or line feed is quoted
whatever follows (OWASP's advice). Lines end with CR LF as RFC 4180 says, so that a carriage
return inside a value is quoted and never splits a person's row in two.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from .draft import Status
from .roster_index import RosterIndex
from .user_input import visible

COLUMNS = ("id", "name", "email", "role", "department", "status", "reason", "rule", "channels")
# What the list says of a person: their status, or "revoke" for someone granted before who has
# left, whose access IT must remove.
Shown = Status | Literal["revoke"]
SHOWN: tuple[Shown, ...] = ("granted", "review", "denied", "revoke")
_FORMULA_STARTS = ("=", "+", "-", "@")
_SKIPPED_STARTS = ("\t", "\r", "\n")


@dataclass(frozen=True, slots=True)
class AccessRow:
    id: str
    name: str
    email: str
    role: str
    department: str
    status: Shown
    reason: str
    rule: str
    # The channels step 2 gives this person ("LinkedIn; SMS / text messaging"); empty unless granted.
    channels: str = ""

    def cells(self) -> tuple[str, ...]:
        return (self.id, self.name, self.email, self.role, self.department, self.status, self.reason, self.rule,
                self.channels)


def access_rows(index: RosterIndex, status: Shown | None = None,
                channels: Sequence[str] | None = None) -> Iterator[AccessRow]:
    """Everyone (or everyone shown as `status`) in roster order; an override's rule is "override".

    `channels`, aligned with the roster, is what `access.grant_names` gives each person.
    """
    for n, (employee, decision) in enumerate(zip(index.employees, index.decisions, strict=True)):
        shown: Shown = "revoke" if employee.revoke else decision.status
        if status is not None and shown != status:
            continue
        yield AccessRow(employee.id, employee.name, employee.email, employee.role, employee.department,
                        shown, decision.reason, decision.rule_id, channels[n] if channels else "")


def spreadsheet_safe(cell: str) -> str:
    """The cell, prefixed with a single quote if a spreadsheet would run it as a formula."""
    risky = cell.startswith(_SKIPPED_STARTS) or cell.lstrip().startswith(_FORMULA_STARTS)
    return "'" + cell if risky else cell


def spreadsheet_csv(header: Sequence[str], rows: Iterable[Sequence[str]], *, screen: bool = False) -> str:
    """CSV text for a spreadsheet: the header, then each row with every cell neutralised (CR LF
    line ends). Every list of people the app writes as CSV goes through here.

    On a `screen` (printed rather than saved), a cell's control characters are shown as escapes
    and lines end with LF: no cell can then drive the terminal, and none holds a line break.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n" if screen else "\r\n")
    writer.writerow(header)
    shown = visible if screen else str
    writer.writerows([spreadsheet_safe(shown(cell)) for cell in row] for row in rows)
    return buffer.getvalue()


def access_csv(rows: Sequence[AccessRow] | Iterator[AccessRow], *, screen: bool = False) -> str:
    """The CSV text: a header line, then one neutralised line per person (see `spreadsheet_csv`)."""
    return spreadsheet_csv(COLUMNS, (row.cells() for row in rows), screen=screen)
