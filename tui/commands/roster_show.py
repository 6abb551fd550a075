"""`policy-tui roster show DRAFT`: who gets access, who is in review, who is denied, and why.

The table is for reading in a terminal (80 columns are enough: the reason goes on its own
line when the row has no room for it); the CSV is for IT to provision access from, with
every cell made safe to open in a spreadsheet.
"""

from __future__ import annotations

import argparse
import shutil
import textwrap
from collections.abc import Sequence
from pathlib import Path

from policy_model.access import grant_names
from policy_model.access_list import SHOWN, AccessRow, Shown, access_csv, access_rows
from policy_model.document import open_document
from policy_model.files import atomic_write
from policy_model.plural import counted
from policy_model.problems import Problem, ProblemsError, errors_in
from policy_model.roster_index import RosterIndex
from policy_model.user_input import printable_line
from tui.cli import print_problems, say, say_text

# Column caps for the table; the reason takes what is left.
_WIDTHS = {"id": 10, "name": 24, "role": 26, "department": 18}
_REASON_MIN = 30
_GAP = "  "
# How the summary says a status: "20 people denied", "8 people in review".
_AS_SAID: dict[Shown, str] = {"granted": "granted", "review": "in review", "denied": "denied", "revoke": "to revoke"}


def add_show_parser(roster_subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = roster_subparsers.add_parser(
        "show", help="list people with their access status and why",
        description="List the roster with each person's status (granted, review or denied), the rule or "
        "override that decided it, and why. The CSV is what IT needs to provision access.")
    parser.add_argument("draft", type=Path, metavar="DRAFT", help="the draft whose roster to list")
    parser.add_argument("--status", choices=SHOWN,
                        help="only people with this status (revoke: granted before and since left, for IT to "
                        "remove their access)")
    parser.add_argument("--format", choices=("table", "csv"), default="table",
                        help="table to read (default), csv for IT and spreadsheets")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write to FILE (readable by you only) instead of the screen")


def run_show(args: argparse.Namespace) -> int:
    document = open_document(args.draft)
    roster = document.roster
    if not document.draft.roster.snapshot:
        raise ProblemsError([Problem(str(args.draft), "no roster imported yet; run "
                                     f"'policy-tui roster import {args.draft} FILE' first")])
    # A list IT provisions from must not silently miss anyone: unreadable rows stop it.
    if errors_in(roster.problems) or (roster.problems and not roster.employees):
        raise ProblemsError(roster.problems)
    print_problems(roster.problems)
    index = RosterIndex.of_draft(document.draft, roster.employees)
    channels = grant_names(document.draft, roster.employees, index.decisions)
    rows = list(access_rows(index, args.status, channels))
    if args.format == "csv":
        text = access_csv(rows, screen=not args.output)
    else:
        text = format_table(rows, shutil.get_terminal_size((80, 24)).columns) + summary(rows, args.status)
    if args.output:
        atomic_write(args.output, text.encode("utf-8"))
        say(f"wrote {len(rows)} {'person' if len(rows) == 1 else 'people'} to {args.output}", err=True)
    else:
        say_text(text)
    return 0


def format_table(rows: Sequence[AccessRow], width: int) -> str:
    """Aligned columns id, name, role, department, status, reason, fitted to `width`."""
    if not rows:
        return ""
    width = max(width, 60)
    widths = {name: min(cap, max(len(name), *(len(getattr(r, name)) for r in rows)))
              for name, cap in _WIDTHS.items()}
    widths["status"] = len("granted")  # as long as "revoke" and the others
    fixed = sum(widths.values()) + len(_GAP) * len(widths)
    reason_inline = width - fixed >= _REASON_MIN
    # Without room for the reason, the row must still fit: trim the widest text column.
    while not reason_inline and fixed - len(_GAP) > width:
        widest = max(("name", "role", "department"), key=widths.__getitem__)
        widths[widest] -= 1
        fixed -= 1
    lines = [_line(["ID", "NAME", "ROLE", "DEPARTMENT", "STATUS", *(["REASON"] if reason_inline else [])], widths)]
    indent = " " * (widths["id"] + len(_GAP))
    for row in rows:
        cells = [row.id, row.name, row.role, row.department, row.status]
        if reason_inline:
            lines.append(_line([*cells, _fit(row.reason, width - fixed)], widths))
        else:
            lines.append(_line(cells, widths))
            lines.extend(textwrap.wrap(printable_line(row.reason), width, initial_indent=indent,
                                       subsequent_indent=indent))
    return "\n".join(line.rstrip() for line in lines) + "\n"


def summary(rows: Sequence[AccessRow], status: Shown | None) -> str:
    counts = {s: 0 for s in SHOWN}
    for row in rows:
        counts[row.status] += 1
    people = counted(len(rows), "person", "people")
    if status:
        return f"{people} {_AS_SAID[status]}\n"
    return f"{people}: " + ", ".join(f"{counts[s]:,} {s}" for s in SHOWN if counts[s] or s != "revoke") + "\n"


def _line(cells: list[str], widths: dict[str, int]) -> str:
    fitted = [_fit(cell, w).ljust(w) for cell, w in zip(cells, widths.values(), strict=False)]
    return _GAP.join(fitted + cells[len(widths):])


def _fit(text: str, width: int) -> str:
    """Text cut to `width` characters, with an ellipsis when something was cut."""
    text = printable_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"
