"""`policy-tui diff OLD NEW`: what changed between two drafts, in policy terms.

Exit codes follow diff(1), so scripts and git hooks can use it the same way: 0 the drafts are
the same, 1 they differ, 2 trouble (a draft that cannot be loaded; its problems are printed).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from policy_model.compare import compare, load_sides
from policy_model.diff import render_text
from policy_model.problems import ProblemsError
from tui.cli import print_problems, say_text

SAME, DIFFERENT, TROUBLE = 0, 1, 2


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "diff", help="what changed between two drafts, in policy terms",
        description="Summarise what changed from OLD to NEW: policy header, who gained or lost access and why, "
        "overrides, eligibility rules, channels, clauses (word by word), training, discipline, approvers "
        "and revisions. Access is compared person by person when both drafts' roster snapshots are "
        "present, otherwise from the overrides only (the output says so).",
        epilog="Exit status, as for diff(1): 0 the drafts are the same, 1 they differ, 2 trouble "
        "(a draft that cannot be loaded: its problems are printed, one per line).",
    )
    parser.add_argument("old", type=Path, metavar="OLD", help="the earlier draft (for instance the signed version)")
    parser.add_argument("new", type=Path, metavar="NEW", help="the later draft")


def run(args: argparse.Namespace) -> int:
    try:
        old, new = load_sides(args.old, args.new)
    except ProblemsError as error:
        print_problems(error.problems)
        return TROUBLE
    print_problems([*old.warnings, *new.warnings])
    result = compare(old, new)
    say_text(render_text(result, old_name=str(args.old), new_name=str(args.new)))
    return SAME if result.same else DIFFERENT
