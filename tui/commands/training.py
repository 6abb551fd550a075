"""`policy-tui training import|pending DRAFT`: record completions, list who is still to be trained."""

from __future__ import annotations

import argparse
from pathlib import Path

from policy_model.document import open_document
from policy_model.plural import counted
from policy_model.training import pending
from policy_model.training_import import apply_import, read_completions
from tui.cli import say
from tui.commands import changes_draft
from tui.commands.file_import import record_rows
from tui.commands.people_list import add_format, print_people, roster_of


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("training", help="record training completions, list who is not trained",
                                   description="Training completions and who is still to be trained.")
    commands = parser.add_subparsers(dest="training_command", metavar="ACTION", required=True)
    imp = commands.add_parser(
        "import", help="record completions from a CSV or Excel file",
        description="Record completions from a CSV (UTF-8, UTF-16 or Windows-1252; comma, semicolon or tab) "
        "or Excel file of employee_id,date[,session] (header names matched loosely). "
        "Each bad row is reported as FILE:ROW: reason; the good rows are recorded and the draft saved. "
        "Exit 1 when no row could be used.")
    imp.add_argument("draft", type=Path, metavar="DRAFT", help="the draft to record the completions in")
    imp.add_argument("file", type=Path, metavar="FILE", help="the file of completions: .csv, .txt or .xlsx")
    imp.add_argument("--session", metavar="SESSION",
                     help="the session (id or title) for rows that do not name one; needed when the draft "
                     "has several sessions and the file has no session column")
    pend = commands.add_parser("pending", help="list granted people who are not trained",
                               description="List everyone granted access who has not completed their training.")
    pend.add_argument("draft", type=Path, metavar="DRAFT", help="the draft to read")
    add_format(pend)


def run(args: argparse.Namespace) -> int:
    return _import(args) if args.training_command == "import" else _pending(args)


@changes_draft
def _import(args: argparse.Namespace) -> int:
    document = open_document(args.draft)
    result = read_completions(args.file, document.draft, document.roster.employees, session=args.session)
    return record_rows(document, args.file, len(result.completions), result.problems, result.notes,
                       lambda draft: apply_import(draft, result),
                       lambda recorded: f"{counted(recorded, 'completion')} recorded")


def _pending(args: argparse.Namespace) -> int:
    document = open_document(args.draft)
    people = pending(document.draft, roster_of(document, args.draft))
    print_people([(p.employee, p.reason) for p in people], "reason", args.format)
    if args.format != "csv":
        say(f"{len(people)} granted {'person is' if len(people) == 1 else 'people are'} not trained")
    return 0
