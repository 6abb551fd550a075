"""`policy-tui status DRAFT`: where the policy stands, in a few lines.

Version and approvals, the version in force and when its review is due, then what is still
owed by people: acknowledgments, training, access decisions still in review.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from policy_model.acknowledgments import ack_status, summary
from policy_model.document import open_document
from policy_model.draft import Draft
from policy_model.eligibility import undecided
from policy_model.plural import counted
from policy_model.review_cycle import in_force, review_note
from policy_model.signoff import approval_summary
from policy_model.training import training_status
from tui.cli import print_problems, say


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("status", help="where the policy stands: approvals, review, what people owe",
                                   description="Print the version, its approvals (current or for an earlier "
                                   "text), the version in force and its review date, and how many people still "
                                   "owe an acknowledgment, their training or an access decision.")
    parser.add_argument("draft", type=Path, metavar="DRAFT", help="the draft to read")


def review_line(draft: Draft) -> str:
    force = in_force(draft)
    if force is None:
        return "in force: no version approved yet"
    return f"in force: version {force.version}, approved {force.approved.isoformat()}; {review_note(draft)}"


def run(args: argparse.Namespace) -> int:
    document = open_document(args.draft)
    print_problems(document.roster.problems)
    draft, employees = document.draft, document.roster.employees
    say(f"{draft.policy.company or '(company not set)'}: {draft.policy.title}, version {draft.policy.version}")
    say(f"approvals: {approval_summary(draft)}")
    say(review_line(draft))
    if not employees:
        say("people: no roster imported yet")
        return 0
    decisions = document.decisions()
    say(f"acknowledgments: {summary(ack_status(draft, employees, decisions))}")
    training = training_status(draft, employees, decisions)
    say(f"training: {len(training.pending):,} of {counted(training.granted, 'granted person', 'granted people')} "
        "not trained")
    say(f"access: {counted(undecided(decisions), 'person', 'people')} in review")
    return 0
