"""The drafts opened lately, kept in the user's data folder for the start screen."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from policy_model.files import atomic_write

LIMIT = 10


@dataclass
class RecentDrafts:
    """A short most-recent-first list of draft paths, stored as JSON at `store`.

    A missing or unreadable store is an empty list: forgetting recent files must never stop
    the app from opening.
    """

    store: Path | None
    paths: list[Path] = field(default_factory=list)

    @classmethod
    def default(cls) -> RecentDrafts:
        from platformdirs import user_data_path

        return cls.load(user_data_path("policy-tui") / "recent.json")

    @classmethod
    def load(cls, store: Path) -> RecentDrafts:
        try:
            entries = json.loads(store.read_text(encoding="utf-8"))
            paths = [Path(p) for p in entries if isinstance(p, str)]
        except (OSError, ValueError):
            paths = []
        return cls(store, paths[:LIMIT])

    def add(self, path: Path) -> None:
        path = Path(path).resolve()
        if self.paths[:1] == [path]:
            return  # already first (every save of the same draft): no write, no fsync
        self.paths = [path, *(p for p in self.paths if p != path)][:LIMIT]
        if self.store is None:
            return
        try:
            self.store.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(self.store, json.dumps([str(p) for p in self.paths], indent=2).encode())
        except OSError:
            pass  # the list is a convenience; the draft itself was saved
