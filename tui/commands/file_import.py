"""What `training import` and `ack import` share: record a checked file's good rows and say so."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from policy_model.document import Document
from policy_model.draft import Draft
from policy_model.plural import counted
from policy_model.problems import Problem
from tui.cli import print_problems, say


def record_rows(document: Document, file: Path, good: int, problems: Sequence[Problem], notes: Sequence[str],
                record: Callable[[Draft], int], said: Callable[[int], str]) -> int:
    """Report each bad row, record the `good` ones with `record` (which returns how many changed
    the draft) and save, then say `said(recorded)` and how many rows were not used; exit 1 when
    no row could be used. Saved before saying so: "recorded" is never printed for a failed save."""
    print_problems(problems)
    recorded = document.apply(record) if good else 0
    if recorded:
        document.save()
    say(f"{file}: {said(recorded)}, {counted(len(problems), 'row')} not used")
    for note in notes:
        say(f"note: {note}")
    return 0 if good else 1
