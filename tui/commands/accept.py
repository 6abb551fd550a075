"""`policy-tui accept DRAFT ID --reason TEXT`: accept a warning of `check` rather than fix it.

A lawyer may weigh a warning and let the wording stand; FINAL needs every warning fixed or
accepted this way. The reason, who and when are kept in the draft and go into the note for
legal (`export --legal-note`), never into the employees' copy.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from policy_model.accepted import accept_warning
from policy_model.checks import check_document
from policy_model.document import open_document
from tui.cli import say
from tui.commands import changes_draft


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("accept", help="accept a warning of check, with a reason, rather than fix it",
                                   description="Record that a warning of check was weighed and accepted, with a "
                                   "reason, who and when, and save the draft. check prints each warning's id.")
    parser.add_argument("draft", type=Path, metavar="DRAFT", help="the draft to change")
    parser.add_argument("id", metavar="ID", help="the warning's id, as check prints it (for example W3f9a2c)")
    parser.add_argument("--reason", required=True, help="why the warning is accepted, for legal's note")


@changes_draft
def run(args: argparse.Namespace) -> int:
    document = open_document(args.draft)
    problems = check_document(document)
    accepted = document.apply(lambda draft: accept_warning(draft, problems, args.id, args.reason))
    document.save()
    say(f"{args.draft}: accepted {accepted.id} ({accepted.warning})")
    return 0
