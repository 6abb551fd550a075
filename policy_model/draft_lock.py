"""One writer at a time for a draft: an advisory lock file beside it.

Every change to a draft is a read-modify-write: open the file, change the draft, save it. Two
of those at once (two `policy-tui approve` from a script, a command while the app saves) would
each save what they read plus their own change, and the later save would silently drop the
earlier one's. So each holds `NAME.toml.lock` for the whole of open -> change -> save, and the
other waits its turn.

The lock is `flock` on that file, so a process killed while holding it holds it no longer.
The holder removes the file before letting go, so no lock files pile up beside drafts; a
waiter that then gets the lock of a file already removed tries again on the one now there.
Waiting ends after `WAIT_SECONDS` with one line saying the draft is busy.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path

from .files import PRIVATE, remove_leftovers
from .problems import Problem, ProblemsError

WAIT_SECONDS = 10.0
_POLL_SECONDS = 0.01


def lock_path(draft_path: Path) -> Path:
    """The lock file of a draft: beside the file it is stored in (a symlinked draft shares
    its target's lock)."""
    target = Path(draft_path).resolve()
    return target.with_name(target.name + ".lock")


@contextlib.contextmanager
def locked(draft_path: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the draft's lock for the block: no other command or app save changes it meanwhile.

    Waits up to `wait` seconds (default `WAIT_SECONDS`) for another holder; then raises
    ProblemsError. Once it is held, the temporary files a killed write of the draft left beside
    it are removed: no one else can be writing them now.
    """
    path = lock_path(draft_path)
    fd = _acquire(path, Path(draft_path), WAIT_SECONDS if wait is None else wait)
    try:
        remove_leftovers(draft_path)
        yield
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        os.close(fd)


def tidy(draft_path: Path) -> None:
    """Remove what killed writes of the draft left beside it, when no one holds its lock (an
    app opening a draft); else, or when the folder cannot take a lock file, leave it for the
    next command."""
    with contextlib.suppress(ProblemsError), locked(draft_path, wait=0):
        pass


def _acquire(path: Path, draft_path: Path, wait: float) -> int:
    """The open, locked lock file, once it is the one at `path` (not one a holder removed)."""
    deadline = time.monotonic() + wait
    while True:
        fd = _open(path, draft_path)
        try:
            if not _wait_for(fd, deadline):
                raise ProblemsError([Problem(str(draft_path), f"another policy-tui is changing this draft and "
                                             f"did not finish within {wait:g} s (it holds {path.name}); try "
                                             "again once it has")])
            if _is_current(fd, path):
                return fd
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)


def _open(path: Path, draft_path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, PRIVATE)
    except FileNotFoundError:
        raise ProblemsError([Problem(str(draft_path), f"the folder {draft_path.parent} does not exist")]) from None
    except OSError as error:
        raise ProblemsError([Problem(str(draft_path), f"cannot be locked for writing ({path.name}: "
                                     f"{error.strerror})")]) from None


def _wait_for(fd: int, deadline: float) -> bool:
    """Lock `fd`, polling until `deadline`; False when it is still held by another then."""
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(_POLL_SECONDS)


def _is_current(fd: int, path: Path) -> bool:
    try:
        on_disk = path.stat()
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)
