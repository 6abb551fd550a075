"""`policy-tui roster ...`: the roster of a draft from the command line.

A group of subcommands, one function pair each (`_add_X`, `_run_X`), registered in
`SUBCOMMANDS`; `run` dispatches on the one chosen.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from policy_model.document import Document, open_document
from policy_model.problems import Problem, ProblemsError
from policy_model.roster import CLIENT_FIELDS, FIELDS, clients_report_lines, import_clients, import_roster, report_lines
from tui.cli import say
from tui.commands import changes_draft
from tui.commands.roster_show import add_show_parser, run_show


def _file_arguments(parser: argparse.ArgumentParser, file_help: str, fields: tuple[str, ...]) -> None:
    """The arguments every import of a file into a draft takes: the draft, the file, the
    column mapping and the workbook sheet."""
    parser.add_argument("draft", type=Path, metavar="DRAFT", help="the draft to import into (must exist)")
    parser.add_argument("file", type=Path, metavar="FILE", help=file_help)
    parser.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN", dest="mapping",
                        help=f"take FIELD from COLUMN (repeatable; an empty COLUMN leaves FIELD out). "
                        f"Fields: {', '.join(fields)}")
    parser.add_argument("--sheet", metavar="NAME", help="the workbook sheet to read (default: the first)")


def _add_import(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "import", help="import the employees from an HR export (CSV or Excel)",
        description="Import a roster file into a draft: CSV (UTF-8, UTF-16 or Windows-1252; comma, semicolon "
        "or tab) or an Excel workbook. Columns are matched by name; the mapping is saved in the draft "
        "and reused next time. Only our fields are kept, never a sensitive column unasked. Prints every "
        "rejected row, the leavers, whose access to revoke, and what changed since the last import.")
    _file_arguments(parser, "the roster file: .csv, .txt or .xlsx", FIELDS)
    parser.add_argument("--keep", action="append", metavar="COLUMN",
                        help="also keep this column of the file in the roster snapshot (repeatable; by default "
                        "only our fields are kept, and the columns kept last time)")


def parse_map(entries: list[str]) -> dict[str, str]:
    """`--map FIELD=COLUMN` entries as a mapping; an entry without "=" is refused."""
    mapping: dict[str, str] = {}
    for entry in entries:
        field, sep, column = entry.partition("=")
        if not sep or not field.strip():
            raise ProblemsError([Problem("--map", f'"{entry}": expected FIELD=COLUMN, for example '
                                         '--map role="Job Title"')])
        mapping[field.strip()] = column.strip()
    return mapping


def _imported(args: argparse.Namespace, lines: list[str], snapshot: str, document: Document) -> int:
    """Save the draft after an import and print its report: the same ending for every import."""
    document.save()
    for line in lines:
        say(line)
    say(f"saved {args.draft} and {snapshot}")
    return 0


@changes_draft
def _run_import(args: argparse.Namespace) -> int:
    mapping = parse_map(args.mapping)
    document = open_document(args.draft)
    report = import_roster(document, args.file, mapping=mapping or None, sheet=args.sheet, keep=args.keep)
    return _imported(args, report_lines(report), report.snapshot, document)


def _add_clients(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "clients", help="count each employee's accounts in a CRM export (client load and touch)",
        description="Read a CRM account export (CSV or Excel, one row per account): count each employee's "
        "accounts by their owner (employee id, e-mail or name) and derive touch from the accounts' tiers: "
        "high when at least half of a person's accounts are in a high-touch tier, else low. The counts go "
        "into the roster snapshot; the mapping and the high-touch tiers are saved in the draft and reused "
        "next time. The draft needs an imported roster.")
    _file_arguments(parser, "the CRM account export: .csv, .txt or .xlsx", CLIENT_FIELDS)
    parser.add_argument("--high-touch", action="append", default=[], metavar="VALUE", dest="high_touch",
                        help="a tier whose accounts are high-touch, e.g. Strategic (repeatable; default: the "
                        "tiers saved by the last client import)")


@changes_draft
def _run_clients(args: argparse.Namespace) -> int:
    mapping = parse_map(args.mapping)
    document = open_document(args.draft)
    report = import_clients(document, args.file, mapping=mapping or None, high_touch=args.high_touch or None,
                            sheet=args.sheet)
    return _imported(args, clients_report_lines(report), report.snapshot, document)


SUBCOMMANDS: dict[str, tuple[Callable[[argparse._SubParsersAction], None],  # type: ignore[type-arg]
                             Callable[[argparse.Namespace], int]]] = {
    "import": (_add_import, _run_import),
    "clients": (_add_clients, _run_clients),
    "show": (add_show_parser, run_show),
}


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("roster", help="import or list a draft's employees, or their client counts",
                                   description="Work with the employees of a draft.")
    group = parser.add_subparsers(dest="roster_command", metavar="SUBCOMMAND", required=True)
    for add, _ in SUBCOMMANDS.values():
        add(group)


def run(args: argparse.Namespace) -> int:
    return SUBCOMMANDS[args.roster_command][1](args)
