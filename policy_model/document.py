"""An open draft: the draft, where it lives, its roster, and whether it has unsaved changes.

"Unsaved" is derived, not tracked: the draft is modified when its TOML text differs from the
text it had when last loaded or saved. No widget or flag can get it wrong, and undoing back to the saved
state makes the draft clean again.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import toml_io
from .channels import seed_channels
from .discipline import default_ladder
from .draft import Draft, Eligibility, Market, PolicyHeader, Revision, RosterRef
from .eligibility import default_rules
from .files import sha256_of
from .problems import Problem, ProblemsError
from .roster_snapshot import Roster, read_snapshot


def new_draft(company: str, market: Market = "b2b", industry: str = "general", today: date | None = None) -> Draft:
    """A fresh draft with the method's defaults (rules, channels, the clause library, a
    discipline ladder), ready for step 1.

    Every catalog channel is listed, disabled, with defaults fit for the industry: the file
    shows hand-editors every option, and a channel enters a policy that lawyers sign only by
    someone's choice (step 2 marks the recommended ones and enables them all with one key).
    """
    from .clauses import seed_clauses  # the clause library is read for new drafts, not on open

    today = today or date.today()
    return Draft(
        schema_version=1,
        policy=PolicyHeader(company=company, market=market, industry=industry),
        eligibility=Eligibility(rules=default_rules()),
        channels=seed_channels(industry),
        clauses=seed_clauses(),
        discipline=default_ladder(),
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
    # The sha256 of the file as last read or written, to notice edits made outside the app.
    disk_sha256: str | None = field(default=None, repr=False)
    # False until the snapshot has been read: a large roster loads after the first screen.
    roster_loaded: bool = False

    def __post_init__(self) -> None:
        # `saved_text` is the draft's own text when given (see open_document): no second dump.
        self._history = [self.saved_text if self.saved_text is not None else toml_io.dumps(self.draft)]

    @property
    def modified(self) -> bool:
        return self.unsaved_text() is not None

    def unsaved_text(self) -> str | None:
        """The draft's TOML text when it differs from the saved text (what a recovery file
        keeps), else None: one serialisation answers both "modified?" and "what to keep?"."""
        text = toml_io.dumps(self.draft)
        return None if text == self.saved_text else text

    @property
    def exists(self) -> bool:
        return self.saved_text is not None

    def save(self, path: Path | None = None, *, overwrite_outside_edit: bool = False) -> None:
        """Write the draft (to `path`, for save-as). Its recovery file is the app's to remove:
        a command saving while the app holds unsaved work must leave that work recoverable.

        Refuses a draft from a newer schema, and a file edited outside the app since it was
        read (a hand edit, a `git pull`) unless the caller says to overwrite it: an outside
        edit is never lost silently.
        """
        if self.read_only:
            raise ProblemsError([Problem(str(self.path), "this draft was written by a newer policy-tui "
                                         "and is read-only here; saving could lose what it added")])
        target = Path(path) if path else self.path
        if target == self.path and not overwrite_outside_edit and self.changed_on_disk():
            raise ChangedOnDiskError([Problem(str(self.path), "the file was changed outside policy-tui since "
                                              "it was opened; reload it, or save again to overwrite")])
        self.saved_text = toml_io.save(self.draft, target)
        self.disk_sha256 = hashlib.sha256(self.saved_text.encode("utf-8")).hexdigest()
        self.path = target

    def changed_on_disk(self) -> bool:
        """Whether the file now differs from what was last read or written here.

        A file that disappeared is not an edit to protect: saving simply writes it again.
        """
        if self.disk_sha256 is None:
            return False
        now = sha256_of(self.path)
        return now is not None and now != self.disk_sha256

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

    def load_roster(self) -> Roster:
        """Read the snapshot the draft refers to, here and now (the command line, and a small
        roster before the first screen). A large one is read in a worker with `read_snapshot`
        and handed back to `install_roster`, so the worker never changes the document."""
        self.use_roster(read_snapshot(self.path, self.draft.roster))
        return self.roster

    def install_roster(self, read_for: RosterRef, roster: Roster) -> bool:
        """Take a roster read in the background for the snapshot `read_for` names; False, and
        nothing changes, when the read was cancelled or the draft has since moved to another
        snapshot (an import finished while it was read): a stale read never replaces a newer
        roster."""
        current = self.draft.roster
        if roster.cancelled or (read_for.snapshot, read_for.sha256) != (current.snapshot, current.sha256):
            return False
        self.use_roster(roster)
        return True

    def use_roster(self, roster: Roster) -> None:
        """Hold `roster` as the whole of the snapshot the draft refers to (just read, or just
        written by an import)."""
        self.roster = roster
        self.roster_loaded = True


class ChangedOnDiskError(ProblemsError):
    """The draft file was edited outside the app; saving now would overwrite that edit."""


def open_document(path: Path, *, with_roster: bool = True) -> Document:
    """Open a draft file; raises ProblemsError with every error when it cannot be used."""
    path = Path(path)
    loaded = toml_io.load(path)
    if loaded.draft is None:
        raise ProblemsError(loaded.problems)
    # The baseline is the draft as loaded, so a hand-formatted file is not "modified" on open.
    document = Document(loaded.draft, path, saved_text=toml_io.dumps(loaded.draft), read_only=loaded.read_only,
                        problems=loaded.problems, disk_sha256=loaded.sha256)
    if with_roster:
        document.load_roster()
    return document


def create_document(path: Path, company: str = "", market: Market = "b2b", industry: str = "general") -> Document:
    """A new, unsaved draft that will be written at `path`."""
    return Document(new_draft(company, market, industry), Path(path), roster_loaded=True)
