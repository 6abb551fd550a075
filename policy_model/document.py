"""An open draft: the draft, where it lives, its roster, and whether it has unsaved changes.

The draft changes through one door, `Document.apply`: an operation changes a copy, which then
becomes the draft, so a draft once made never changes. Undo keeps earlier drafts by reference,
a worker can read the draft it was given while the keyboard goes on, and what is worked out
from a draft and its roster (the decisions) is worked out once per `revision`.

"Unsaved" is derived, not tracked: the draft is modified when its TOML text differs from the
text it had when last loaded or saved. No widget or flag can get it wrong, and undoing back to the saved
state makes the draft clean again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeVar

from . import recovery, toml_io
from .channels import seed_channels
from .discipline import default_ladder
from .draft import Draft, Eligibility, Market, PolicyHeader, Revision, RosterRef, copied
from .eligibility import Decision, default_rules, evaluate
from .files import sha256_of
from .problems import Problem, ProblemsError
from .roster_snapshot import Roster, read_snapshot, remove_unreferenced, restore_snapshot

T = TypeVar("T")


def new_draft(company: str, market: Market = "b2b", industry: str = "general", today: date | None = None,
              firm: str = "", jurisdictions: Sequence[str] = ()) -> Draft:
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
        policy=PolicyHeader(company=company, market=market, industry=industry, firm=firm,
                            jurisdictions=list(jurisdictions)),
        eligibility=Eligibility(rules=default_rules()),
        channels=seed_channels(industry),
        clauses=seed_clauses(),
        discipline=default_ladder(),
        revisions=[Revision(version="0.1", date=today, summary="Draft started")],
    )


@dataclass(eq=False)
class Derived:
    """What is worked out from one revision of a document: its draft and roster, and answers
    computed from them, each once, however many readers ask (the check, what is left to do,
    the access matrix, training, lint, the roster step all need the decisions).

    A worker may be given one and fill it while the UI thread reads it: each answer is set
    once, in one assignment, from this revision's draft and roster only, so at worst two
    threads work out the same answer once each.
    """

    draft: Draft
    roster: Roster
    revision: int
    _decisions: tuple[Decision, ...] | None = field(default=None, repr=False)

    def following(self, earlier: Derived | None) -> Derived:
        """Keep what `earlier` worked out that this revision's change cannot have touched: a
        wording or channel change leaves every decision as it was."""
        if (earlier is not None and earlier.roster is self.roster
                and earlier.draft.eligibility == self.draft.eligibility):
            self._decisions = earlier._decisions
        return self

    def decisions(self) -> tuple[Decision, ...]:
        """A decision for each person in the roster, in roster order."""
        if self._decisions is None:
            self._decisions = tuple(evaluate(self.draft, self.roster.employees))
        return self._decisions


@dataclass
class Document:
    """One draft open for editing; the TUI holds exactly one of these."""

    draft: Draft
    path: Path
    roster: Roster = field(default_factory=Roster)
    saved_text: str | None = None
    read_only: bool = False
    problems: list[Problem] = field(default_factory=list)
    # Undo history: the drafts after each change (never changed, so held by reference);
    # `_at` is the current entry. `_labels` holds each change's label where one was given
    # (else it is worked out from the drafts, only when asked).
    _history: list[Draft] = field(default_factory=list, repr=False)
    _labels: list[str] = field(default_factory=list, repr=False)
    _at: int = field(default=0, repr=False)
    # Counts every change to the draft or the roster (undo and redo too): what was worked out
    # for one revision holds until the next.
    revision: int = field(default=0, repr=False)
    _derived: Derived | None = field(default=None, repr=False)
    # The `typing` key of the last change, which the next change with the same key joins.
    _typing: str = field(default="", repr=False)
    # The sha256 of the file as last read or written, to notice edits made outside the app.
    disk_sha256: str | None = field(default=None, repr=False)
    # False until the snapshot has been read: a large roster loads after the first screen.
    roster_loaded: bool = False
    # Every roster held, by the snapshot it is the content of: undoing an import takes the
    # roster back with the draft's reference.
    _rosters: dict[tuple[str, str], Roster] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._history = [self.draft]
        self._labels = [""]

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
        ref = self.draft.roster
        if _key(ref) in self._rosters:
            restore_snapshot(target, ref, self._rosters[_key(ref)])
        # What is compared is the draft's own text; the file may also hold hand comments.
        text = toml_io.dumps(self.draft)
        written = toml_io.save_text(text, target)
        self.saved_text = text  # only once written: a failed write leaves the draft unsaved
        self.disk_sha256 = hashlib.sha256(written.encode("utf-8")).hexdigest()
        self.path = target
        # Only now is the new pair (draft, snapshot) on disk: the snapshots it replaced can go.
        remove_unreferenced(target, {ref.snapshot, recovery.snapshot_kept(target)}, self._snapshots())

    def changed_on_disk(self) -> bool:
        """Whether the file now differs from what was last read or written here.

        A file that disappeared is not an edit to protect: saving simply writes it again.
        """
        if self.disk_sha256 is None:
            return False
        now = sha256_of(self.path)
        return now is not None and now != self.disk_sha256

    def apply(self, operation: Callable[[Draft], T], *, roster: Roster | None = None, typing: str = "",
              label: str = "") -> T:
        """Change the draft: the one way it changes. Returns what the operation returns.

        The operation is a model operation run on a copy of the draft; the copy becomes the
        draft and an undo point when it differs. An operation that raises changes nothing, so
        a refusal half-way through leaves no half-made change. `roster` comes with a change
        that replaced the roster snapshot (an import), so both move together. Changes with the
        same `typing` key in a row (keystrokes into one field, until a pause) are one undo point.
        `label` names the change for undo and redo ("approver Dana Whitfield added"); without
        one it is worked out from what the change did (see `change_label`).
        """
        draft = copied(self.draft)
        result = operation(draft)
        self.replace_draft(draft, typing=typing, label=label)
        if roster is not None:
            self.use_roster(roster)
        return result

    def replace_draft(self, draft: Draft, *, typing: str = "", label: str = "") -> None:
        """Take a whole draft (a change made by `apply`, recovered unsaved work) as an undo
        point, unless it equals the draft there is."""
        if draft == self.draft:
            return
        if not (typing and typing == self._typing and self._at > 0):
            self._at += 1
        self._history[self._at:] = [draft]
        self._labels[self._at:] = [label]
        self._typing = typing
        self.draft = draft
        self.revision += 1

    @property
    def derived(self) -> Derived:
        """What is worked out from the draft and roster as they are now (see `Derived`)."""
        derived = self._derived
        if (derived is None or derived.revision != self.revision
                or derived.draft is not self.draft or derived.roster is not self.roster):
            derived = self._derived = Derived(self.draft, self.roster, self.revision).following(derived)
        return derived

    def at_revision(self) -> Document:
        """This document as it is now, apart from it: what a worker reads while this one
        changes. It shares the draft, the roster and what is worked out from them."""
        return Document(self.draft, self.path, roster=self.roster, saved_text=self.saved_text,
                        read_only=self.read_only, problems=list(self.problems), roster_loaded=self.roster_loaded,
                        revision=self.revision, _derived=self.derived)

    def decisions(self) -> tuple[Decision, ...]:
        """A decision for each person in the roster, worked out once per revision."""
        return self.derived.decisions()

    @property
    def can_undo(self) -> bool:
        return self._at > 0

    @property
    def can_redo(self) -> bool:
        return self._at < len(self._history) - 1

    def undo(self) -> str | None:
        """Go back one change; returns its label ("approver Dana Whitfield added"), or None
        when there is nothing to undo."""
        if not self.can_undo:
            return None
        label = self.change_label(self._at)
        self._move(-1)
        return label

    def redo(self) -> str | None:
        """Make the change just undone again; returns its label, or None when there is none."""
        if not self.can_redo:
            return None
        self._move(1)
        return self.change_label(self._at)

    def change_label(self, at: int) -> str:
        """What the change that made history entry `at` did, in the policy's terms: the label
        it was given, else the first line of the diff from the entry before it (worked out
        here, on demand, so a keystroke never pays for it)."""
        if self._labels[at]:
            return self._labels[at]
        from .diff import change_summary  # the diff is loaded when first undone, not on open

        return change_summary(self._history[at - 1], self._history[at])

    def _move(self, step: int) -> None:
        """Go back or forward in the history, with the roster the draft then referred to."""
        self._at += step
        self.draft = self._history[self._at]
        self.roster = self._rosters.get(_key(self.draft.roster), self.roster)
        self._typing = ""
        self.revision += 1

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
        self._rosters[_key(self.draft.roster)] = roster
        self.revision += 1

    def _snapshots(self) -> set[str]:
        """The snapshots this document has referred to: its own to remove once superseded."""
        return {draft.roster.snapshot for draft in self._history} | {name for name, _ in self._rosters}


def _key(ref: RosterRef) -> tuple[str, str]:
    return ref.snapshot, ref.sha256


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


def create_document(path: Path, company: str = "", market: Market = "b2b", industry: str = "general",
                    firm: str = "", jurisdictions: Sequence[str] = ()) -> Document:
    """A new, unsaved draft that will be written at `path`."""
    draft = new_draft(company, market, industry, firm=firm, jurisdictions=jurisdictions)
    return Document(draft, Path(path), roster_loaded=True)
