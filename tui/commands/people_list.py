"""The lists of people the `pending` commands print: an aligned table, or CSV for a spreadsheet."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from policy_model.access_list import spreadsheet_csv
from policy_model.document import Document
from policy_model.draft import Employee
from policy_model.problems import Problem, ProblemsError
from policy_model.user_input import printable_line
from tui.cli import say, say_text

HEADER = ("id", "name", "department")


def add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("table", "csv"), default="table", help="table (default) or csv")


def roster_of(document: Document, draft: Path) -> Sequence[Employee]:
    """The draft's employees; ProblemsError when there are none to list."""
    if not document.roster.employees:
        raise ProblemsError([*document.roster.problems, Problem(str(draft), "the draft has no roster to check; "
                                                                "import one with 'policy-tui roster import'")])
    return document.roster.employees


def print_people(people: Sequence[tuple[Employee, str]], last: str, format: str) -> None:
    """Each person's id, name and department, then `last` (why they are listed): aligned, or CSV
    with every cell neutralised (names come from an HR export)."""
    rows = [(e.id, e.name, e.department, why) for e, why in people]
    if format == "csv":
        say_text(spreadsheet_csv((*HEADER, last), rows, screen=True))
        return
    shown = [tuple(printable_line(cell) for cell in row) for row in rows]
    widths = [max([len(h), *(len(r[n]) for r in shown)]) for n, h in enumerate(HEADER)]
    for row in shown:
        say("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[3])
