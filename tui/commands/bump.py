"""`policy-tui bump DRAFT --summary ...`: start a new version of the policy for sign-off."""

from __future__ import annotations

import argparse
from pathlib import Path

from policy_model.document import open_document
from policy_model.signoff import bump_version
from tui.cli import say
from tui.commands import changes_draft


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "bump", help="start a new version (adds a revision, resets approvals)",
        description="Start a new version of the policy: 0.1 -> 0.2, or 0.3 -> 1.0 with --major. The revision "
        "history gains an entry and every approver goes back to pending, since an approval is for one text.")
    parser.add_argument("draft", type=Path, metavar="DRAFT", help="the draft to change")
    parser.add_argument("--summary", required=True, help="what changed in this version, in a few words")
    parser.add_argument("--author", default="", help="who made the change")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--major", action="store_true", help="a new major version (0.3 -> 1.0)")
    which.add_argument("--to", metavar="VERSION", help="this exact version, which must come after the current one")


@changes_draft
def run(args: argparse.Namespace) -> int:
    document = open_document(args.draft)
    previous = document.draft.policy.version
    reset = sum(a.status != "pending" for a in document.draft.approvers)
    revision = document.apply(lambda draft: bump_version(draft, args.author, args.summary, major=args.major,
                                                         version=args.to))
    document.save()
    say(f"{args.draft}: version {previous} -> {revision.version}; "
        f"{reset} approval{'s' * (reset != 1)} reset to pending")
    return 0
