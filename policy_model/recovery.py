"""The recovery file: unsaved work kept beside the draft while the app runs.

While a draft has unsaved changes the app writes them, every few seconds, to
`NAME.toml.recovery` (atomically, owner-only). The app's save removes it; a command saving the
draft meanwhile does not, since the app still holds that work. When a draft is opened and
a recovery file newer than it exists, the app offers it; it is never applied silently.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .draft import Draft
from .files import atomic_write
from .toml_io import parse


@dataclass
class Recovery:
    """A recovery file found for a draft: the draft it holds and when it was written."""

    path: Path
    draft: Draft
    written: datetime


def recovery_path(draft_path: Path) -> Path:
    draft_path = Path(draft_path)
    return draft_path.with_name(draft_path.name + ".recovery")


def write(draft_path: Path, text: str) -> None:
    atomic_write(recovery_path(draft_path), text.encode("utf-8"))


def discard(draft_path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        recovery_path(draft_path).unlink()


def find(draft_path: Path) -> Recovery | None:
    """A usable recovery file newer than the draft (or for a draft never saved), else None.

    A recovery file that does not load, or holds exactly what the draft holds, is of no use
    and is not offered.
    """
    path = recovery_path(draft_path)
    try:
        stamp = path.stat().st_mtime
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    draft_path = Path(draft_path)
    try:
        draft_stat = draft_path.stat()
    except FileNotFoundError:
        draft_stat = None
    if draft_stat is not None and draft_stat.st_mtime > stamp:
        return None
    loaded = parse(text, str(path))
    if loaded.draft is None:
        return None
    if draft_stat is not None:
        current = parse(draft_path.read_text(encoding="utf-8", errors="replace"), str(draft_path)).draft
        if current == loaded.draft:
            return None
    return Recovery(path, loaded.draft, datetime.fromtimestamp(stamp))


def snapshot_kept(draft_path: Path) -> str:
    """The roster snapshot the recovery file's unsaved work refers to ("" if none): an import
    made in the app and not yet saved, which a save from elsewhere must not remove."""
    try:
        text = recovery_path(draft_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    loaded = parse(text, str(recovery_path(draft_path)))
    return loaded.draft.roster.snapshot if loaded.draft is not None else ""
