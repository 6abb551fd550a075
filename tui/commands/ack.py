"""`policy-tui ack import|pending DRAFT`: record who acknowledged the policy, list who still owes it."""

from __future__ import annotations

import argparse
from pathlib import Path

from policy_model.ack_import import ACK_FIELDS, apply_import, read_acknowledgments
from policy_model.acknowledgments import FORM_NAMES, ack_status, summary
from policy_model.document import open_document
from policy_model.draft import AckForm
from policy_model.plural import counted
from tui.cli import say
from tui.commands import changes_draft
from tui.commands.file_import import record_rows
from tui.commands.people_list import add_format, print_people, roster_of
from tui.commands.roster import parse_map

FORMS: dict[str, AckForm] = {"all-staff": "all staff", "access": "access"}


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("ack", help="record acknowledgments of the policy, list who still owes one",
                                   description="Acknowledgments of the version in force: the all-staff form "
                                   "every current employee signs, and the access form those granted access sign.")
    commands = parser.add_subparsers(dest="ack_command", metavar="ACTION", required=True)
    imp = commands.add_parser(
        "import", help="record acknowledgments from an e-signature or learning system export",
        description="Record acknowledgments from a CSV or Excel export with, per row, who signed (employee id, "
        "e-mail or name), the date and the policy version; a form column says which form (a value with "
        "'access' or 'granted' is the access form, any other the all-staff form). Each row that matches "
        "nobody or cannot be read is reported as FILE:ROW: reason; the good rows are recorded and the draft "
        "saved. Exit 1 when no row could be used.")
    imp.add_argument("draft", type=Path, metavar="DRAFT", help="the draft to record the acknowledgments in")
    imp.add_argument("file", type=Path, metavar="FILE", help="the export: .csv, .txt or .xlsx")
    imp.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN", dest="mapping",
                     help=f"take FIELD from COLUMN (repeatable). Fields: {', '.join(ACK_FIELDS)}")
    imp.add_argument("--form", choices=tuple(FORMS), default="all-staff",
                     help="the form of rows that do not say (default: all-staff)")
    imp.add_argument("--sheet", metavar="NAME", help="the workbook sheet to read (default: the first)")
    pend = commands.add_parser("pending", help="list who has not acknowledged the version in force",
                               description="List every current employee who owes the all-staff form, and every "
                               "one granted access who owes the access form, for the version in force.")
    pend.add_argument("draft", type=Path, metavar="DRAFT", help="the draft to read")
    add_format(pend)


def run(args: argparse.Namespace) -> int:
    return _import(args) if args.ack_command == "import" else _pending(args)


@changes_draft
def _import(args: argparse.Namespace) -> int:
    mapping = parse_map(args.mapping)
    document = open_document(args.draft)
    result = read_acknowledgments(args.file, document.draft, document.roster.employees, mapping=mapping or None,
                                  form=FORMS[args.form], sheet=args.sheet)
    read = len(result.entries)
    return record_rows(document, args.file, read, result.problems, result.notes,
                       lambda draft: apply_import(draft, result),
                       lambda recorded: f"{counted(recorded, 'acknowledgment')} recorded, "
                                        f"{read - recorded:,} already recorded")


def _pending(args: argparse.Namespace) -> int:
    document = open_document(args.draft)
    status = ack_status(document.draft, roster_of(document, args.draft), document.decisions())
    owed = [(p.employee, ", ".join(FORM_NAMES[form] for form in p.forms)) for p in status.pending]
    print_people(owed, "owes", args.format)
    if args.format != "csv":
        say(summary(status))
    return 0
