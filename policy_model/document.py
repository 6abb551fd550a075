"""An open draft: the draft, where it lives, its roster, and whether it has unsaved changes.

"Unsaved" is derived, not tracked: the draft is modified when its TOML text differs from the
text it had when last loaded or saved. No widget or flag can get it wrong, and undoing back to the saved
state makes the draft clean again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import toml_io
from .clauses import seed_clauses
from .draft import Draft, Eligibility, Market, PolicyHeader, Revision
from .eligibility import default_rules
from .problems import Problem, ProblemsError
from .roster_snapshot import Progress, Roster, read_snapshot


def new_draft(company: str, market: Market = "b2b", industry: str = "general", today: date | None = None) -> Draft:
    """A fresh draft with the method's defaults (rules, the clause library), ready for step 1."""
    today = today or date.today()
    return Draft(
        schema_version=1,
        policy=PolicyHeader(company=company, market=market, industry=industry),
        eligibility=Eligibility(rules=default_rules()),
        clauses=seed_clauses(),
        revisions=[Revision(version="0.1", date=today, summary="Draft started")],
    )


@dataclass
class Document:
    """One draft open for editing; the TUI holds exactly one of these."""

    draft: Draft
    path: Path
    roster: Roster = field(default_factory=Roster)
    saved_text: str | None = None
    read_only: bool = False
    problems: list[Problem] = field(default_factory=list)
    # Undo history: the draft's TOML text after each change; `_at` is the current entry.
    _history: list[str] = field(default_factory=list, repr=False)
    _at: int = field(default=0, repr=False)

    def __post_init__(self) -> None:
        self._history = [toml_io.dumps(self.draft)]

    @property
    def modified(self) -> bool:
        return self.saved_text != toml_io.dumps(self.draft)

    @property
    def exists(self) -> bool:
        return self.saved_text is not None

    def save(self, path: Path | None = None) -> None:
        """Write the draft (to `path`, for save-as); refuses a draft from a newer schema."""
        if self.read_only:
            raise ProblemsError([Problem(str(self.path), "this draft was written by a newer policy-tui "
                                         "and is read-only here; saving could lose what it added")])
        target = Path(path) if path else self.path
        self.saved_text = toml_io.save(self.draft, target)
        self.path = target

    def changed(self) -> None:
        """Record the draft after a model operation, so it can be undone; call after every change."""
        text = toml_io.dumps(self.draft)
        if text != self._history[self._at]:
            self._history[self._at + 1:] = [text]
            self._at += 1

    @property
    def can_undo(self) -> bool:
        return self._at > 0

    @property
    def can_redo(self) -> bool:
        return self._at < len(self._history) - 1

    def undo(self) -> bool:
        return self._move(-1) if self.can_undo else False

    def redo(self) -> bool:
        return self._move(1) if self.can_redo else False

    def _move(self, step: int) -> bool:
        """Go back or forward in the history; the text was valid when recorded, so it loads."""
        self._at += step
        loaded = toml_io.parse(self._history[self._at], str(self.path))
        assert loaded.draft is not None, loaded.problems
        self.draft = loaded.draft
        return True

    def load_roster(self, progress: Progress | None = None) -> Roster:
        """Read the snapshot the draft refers to (slow for a large roster: run in a worker)."""
        self.roster = read_snapshot(self.path, self.draft.roster, progress)
        return self.roster


def open_document(path: Path, *, with_roster: bool = True) -> Document:
    """Open a draft file; raises ProblemsError with every error when it cannot be used."""
    path = Path(path)
    loaded = toml_io.load(path)
    if loaded.draft is None:
        raise ProblemsError(loaded.problems)
    # The baseline is the draft as loaded, so a hand-formatted file is not "modified" on open.
    document = Document(loaded.draft, path, saved_text=toml_io.dumps(loaded.draft), read_only=loaded.read_only,
                        problems=loaded.problems)
    if with_roster:
        document.load_roster()
    return document


def create_document(path: Path, company: str = "", market: Market = "b2b", industry: str = "general") -> Document:
    """A new, unsaved draft that will be written at `path`."""
    return Document(new_draft(company, market, industry), Path(path))
