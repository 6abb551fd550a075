"""Headless commands, one module each: `add_parser(subparsers)` and `run(args) -> exit code`."""

from __future__ import annotations

import argparse
import functools
from collections.abc import Callable

from policy_model.draft_lock import locked

Run = Callable[[argparse.Namespace], int]


def changes_draft(run: Run) -> Run:
    """A command that reads, changes and saves `args.draft` runs holding the draft's lock from
    before it reads to after it saves, so a command running at the same time cannot lose its
    change (see `policy_model.draft_lock`)."""

    @functools.wraps(run)
    def run_locked(args: argparse.Namespace) -> int:
        with locked(args.draft):
            return run(args)

    return run_locked
