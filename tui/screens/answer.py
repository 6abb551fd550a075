"""One answer to a question the app asks, kept apart from the dialog that shows it.

Callers build their answers when the app starts (recovery, outside edits); the dialog itself,
with its buttons, is loaded only when a question is actually put.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Answer:
    """One answer: what the caller receives, the button's label, its key, its look."""

    id: str
    label: str
    key: str
    variant: str = "default"
