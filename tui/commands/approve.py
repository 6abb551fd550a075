"""`policy-tui approve DRAFT --name NAME --status STATUS`: record an approver's decision."""

from __future__ import annotations

import argparse
from pathlib import Path

from policy_model.document import open_document
from policy_model.draft import APPROVAL_STATUSES
from policy_model.signoff import find_approver, set_status
from tui.cli import say
from tui.commands import changes_draft


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("approve", help="record an approver's decision on the current version",
                                   description="Set an approver's status for the draft's current version, "
                                   "dated today, and save the draft.")
    parser.add_argument("draft", type=Path, metavar="DRAFT", help="the draft to change")
    parser.add_argument("--name", required=True, help="the approver's name, as in the draft")
    parser.add_argument("--status", required=True, choices=APPROVAL_STATUSES,
                        help="pending, approved or 'changes requested'")


@changes_draft
def run(args: argparse.Namespace) -> int:
    document = open_document(args.draft)
    index = find_approver(document.draft, args.name)
    document.apply(lambda draft: set_status(draft, index, args.status))
    document.save()
    draft = document.draft
    approver = draft.approvers[index]
    say(f"{approver.name}: {approver.status} for version {draft.policy.version}")
    return 0
