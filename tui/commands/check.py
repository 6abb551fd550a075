"""`policy-tui check DRAFT`: every problem in a draft and its roster, one line each."""

from __future__ import annotations

import argparse
from pathlib import Path

from policy_model.accepted import accepted_now, unaccepted
from policy_model.checks import check_document
from policy_model.document import open_document
from policy_model.problems import errors_in, summary
from tui.cli import print_problems, say


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("check", help="validate a draft and lint its policy",
                                   description="Report every problem in a draft, one line each: errors, warnings, "
                                   "and what is left to do before the policy can be final. "
                                   "Exit 1 if any is an error.")
    parser.add_argument("draft", type=Path, metavar="DRAFT", help="the draft to check")


def run(args: argparse.Namespace) -> int:
    document = open_document(args.draft)
    problems = check_document(document)
    accepted = {a.id: a for a in accepted_now(document.draft, problems)}
    print_problems([p for p in problems if p.id not in accepted or p.severity != "warning"])
    for problem in unaccepted(document.draft, problems):
        say(f"  {problem.id}: accept with policy-tui accept {args.draft} {problem.id} --reason TEXT")
    for a in accepted.values():
        say(f"accepted {a.id} by {a.by or 'someone'} on {a.at.date() if a.at else '?'}: "
            f"{a.warning} (because: {a.reason})")
    say(f"{args.draft}: {summary(problems)}")
    return 1 if errors_in(problems) else 0
