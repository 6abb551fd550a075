"""`policy-tui check DRAFT`: every problem in a draft and its roster, one line each."""

from __future__ import annotations

import argparse
from pathlib import Path

from policy_model.checks import check_document
from policy_model.document import open_document
from policy_model.problems import errors_in
from tui.cli import print_problems


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("check", help="validate a draft and lint its policy",
                                   description="Report every problem in a draft; exit 1 if any is an error.")
    parser.add_argument("draft", type=Path, metavar="DRAFT", help="the draft to check")


def run(args: argparse.Namespace) -> int:
    document = open_document(args.draft)
    problems = check_document(document)
    print_problems(problems)
    errors = len(errors_in(problems))
    warnings = len(problems) - errors
    print(f"{args.draft}: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}")
    return 1 if errors else 0
