"""Discipline: the ladder of steps taken when a bad habit develops, mildest first.

The method asks for a way to discipline, re-educate or revoke privileges; the ladder is that
way in order, so the policy can say "first a reminder, then re-education, ..." and a manager can
see which step comes next. The user edits it freely; the order is the meaning.
"""

from __future__ import annotations

from .draft import DisciplineStep, Draft
from .user_input import clean_line, clean_text, refuse

STEP = "discipline step"


def default_ladder() -> list[DisciplineStep]:
    """The method's four steps, from a reminder to revoking access."""
    return [
        DisciplineStep("Reminder", "A written reminder of the policy from the employee's manager."),
        DisciplineStep("Re-education", "The employee repeats the policy training within 30 days."),
        DisciplineStep("Suspension of access",
                       "Social and mobile access to customers is suspended until the manager restores it."),
        DisciplineStep("Revocation",
                       "Access is revoked; any further action follows the company's disciplinary procedure."),
    ]


def _at(draft: Draft, index: int) -> DisciplineStep:
    if not 0 <= index < len(draft.discipline):
        raise refuse(STEP, f"there is no step {index + 1}; the ladder has {len(draft.discipline)}")
    return draft.discipline[index]


def _name(draft: Draft, name: str, editing: DisciplineStep | None) -> str:
    name = clean_line(name, STEP, "name", limit=80)
    for other in draft.discipline:
        if other is not editing and other.name.casefold() == name.casefold():
            raise refuse(STEP, f'the ladder already has a step called "{other.name}"')
    return name


def add_step(draft: Draft, name: str, description: str = "", at: int | None = None) -> int:
    """Add a step (at the end, or before position `at`); returns its position."""
    step = DisciplineStep(_name(draft, name, None), clean_text(description, STEP, "description"))
    index = len(draft.discipline) if at is None else max(0, min(at, len(draft.discipline)))
    draft.discipline.insert(index, step)
    return index


def edit_step(draft: Draft, index: int, name: str, description: str) -> None:
    """Rename a step and say what it means, in one change."""
    step = _at(draft, index)
    step.name, step.description = _name(draft, name, step), clean_text(description, STEP, "description")


def move_step(draft: Draft, index: int, by: int) -> int:
    """Move a step up (by < 0) or down the ladder; returns its new position (kept within the ends)."""
    step = _at(draft, index)
    target = max(0, min(index + by, len(draft.discipline) - 1))
    draft.discipline.pop(index)
    draft.discipline.insert(target, step)
    return target


def remove_step(draft: Draft, index: int) -> DisciplineStep:
    step = _at(draft, index)
    draft.discipline.pop(index)
    return step
