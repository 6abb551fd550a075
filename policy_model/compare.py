"""Reading the two sides of a comparison: a draft file and, when it is there, its roster.

`diff` is pure; this is where files are read for it, once, for the command line and the
TUI alike. A draft that cannot be loaded raises ProblemsError; a roster snapshot that is
missing is not an error (the diff then compares overrides only and says so).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from . import toml_io
from .clauses import audience, fill, variable_values
from .diff import DraftDiff, diff_drafts
from .draft import Clause, Draft, Employee
from .problems import Problem, ProblemsError
from .roster_snapshot import Progress, Roster, read_snapshot


@dataclass
class Side:
    """One draft to compare, its employees (None: no snapshot to read) and any warnings."""

    draft: Draft
    path: Path
    employees: list[Employee] | None = None
    warnings: list[Problem] = field(default_factory=list)

    @cached_property
    def values(self) -> dict[str, str]:
        """What the variables read in this draft: worked out once, as it decides every employee
        (a redline asks for every clause of both sides, one after the other)."""
        return variable_values(self.draft, audience(self.draft, self.employees or []))

    def clause_text(self, clause: Clause) -> str:
        """A clause's text as this draft's document reads it, its variables filled."""
        return fill(clause.text, self.values)[0]

    @property
    def snapshot_name(self) -> str:
        return str(self.path.with_name(self.draft.roster.snapshot or self.path.stem + ".roster.csv"))


def roster_or_none(path: Path, draft: Draft, roster: Roster) -> list[Employee] | None:
    """The employees, or None when the draft has no snapshot or the file is not there."""
    if not draft.roster.snapshot or not Path(path).with_name(draft.roster.snapshot).is_file():
        return None
    return roster.employees


def load_side(path: Path, progress: Progress | None = None) -> Side:
    """Load a draft for comparison, with its roster when the snapshot exists."""
    path = Path(path)
    loaded = toml_io.load(path)
    if loaded.draft is None:
        raise ProblemsError(loaded.problems)
    roster = read_snapshot(path, loaded.draft.roster, progress)
    employees = roster_or_none(path, loaded.draft, roster)
    problems = [p for p in roster.problems if employees is not None]
    return Side(loaded.draft, path, employees, [*loaded.problems, *problems])


def load_sides(old: Path, new: Path) -> tuple[Side, Side]:
    """Both drafts of a comparison; ProblemsError with the problems of either or both."""
    sides, problems = [], []
    for path in (old, new):
        try:
            sides.append(load_side(path))
        except ProblemsError as error:
            problems.extend(error.problems)
    if problems:
        raise ProblemsError(problems)
    return sides[0], sides[1]


def compare(old: Side, new: Side) -> DraftDiff:
    """The diff of two sides; access by rosters when both are there, else by overrides."""
    missing = ", ".join(s.snapshot_name for s in (old, new) if s.employees is None)
    return diff_drafts(old.draft, new.draft, old.employees, new.employees, missing=missing)
