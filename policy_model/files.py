"""Reading files with a reason in words, and writing them so that a crash never leaves a
half-written one.

Drafts, roster snapshots and exports all go through `atomic_write`: the bytes go to a
temporary file in the same folder, are flushed to disk, and only then replace the target in
one rename. A reader sees the old file or the new one, never a mixture. The temporary file is
named `.TARGET.XXXXXXXX.tmp`, so one a killed write left behind (with personal data in it) is
recognised and removed later (`remove_leftovers`).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .problems import Problem, ProblemsError
from .user_input import visible

PRIVATE = 0o600
_TEMP_PREFIX, _TEMP_SUFFIX = ".", ".tmp"
# When this run began: a temporary file older than that is no write of this run's.
_RUN_STARTED = time.time()


# What a file that is not a regular one is, in words, by the test of its mode.
_SPECIAL_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
                  (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"))


def _special_kind_of(mode: int) -> str | None:
    """None for a regular file, else what the file is ("a device")."""
    if stat.S_ISREG(mode):
        return None
    return next((words for test, words in _SPECIAL_KINDS if test(mode)), "not a regular file")


def special_kind(path: Path) -> str | None:
    """What the file at `path` is when it exists and is not a regular file ("a folder", "a
    device"), else None. Only regular files are read or written: a device never ends
    (`/dev/zero`), a FIFO waits for a writer forever, and replacing either with a file breaks it."""
    try:
        return _special_kind_of(Path(path).stat().st_mode)
    except FileNotFoundError:
        return None


def read_bytes(path: Path, what: str, limit: int = -1) -> bytes:
    """The file's bytes (its first `limit` bytes, if given), or ProblemsError saying in words
    why it cannot be read; `what` names the file expected ("is a folder, not a draft file").

    It is opened without waiting (a FIFO would wait for a writer) and refused unless it is a
    regular file, checked on the file opened so it cannot be swapped in between.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        kind = _special_kind_of(os.fstat(fd).st_mode)
        if kind:
            os.close(fd)
            raise ProblemsError([Problem(str(path), f"is {kind}, not a {what}")])
        with os.fdopen(fd, "rb") as stream:
            return stream.read(limit)
    except FileNotFoundError:
        raise ProblemsError([Problem(str(path), "no such file")]) from None
    except OSError as error:
        raise ProblemsError([Problem(str(path), f"cannot be read: {error.strerror}")]) from None


def sha256_of(path: Path) -> str | None:
    """The file's sha256, or None when it does not exist (any other read error propagates)."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


@contextlib.contextmanager
def atomic_writer(path: Path, *, mode: int = PRIVATE, backup: bool = False) -> Iterator[IO[bytes]]:
    """Yield a binary stream; on a clean exit its bytes replace `path` atomically.

    With `backup`, the file being replaced is first kept as `PATH.bak` (itself replaced
    atomically), so the previous version is always one rename away. On any exception the
    temporary file is removed and `path` is untouched.

    A symlink is written through: the temporary file goes beside the file it points to and
    replaces that one, so the link (to a draft kept in a synced folder, say) stays a link.
    Only a regular file is replaced (see `special_kind`).
    """
    kind = special_kind(path)
    if kind:
        raise ProblemsError([Problem(str(path), f"is {kind}, not a file to write; nothing was written")])
    named, path = path, Path(path).resolve()
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f"{_TEMP_PREFIX}{path.name}.", suffix=_TEMP_SUFFIX)
    except OSError as error:
        raise _not_written(named, error) from None
    tmp = Path(tmp_name)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        if backup and path.exists():
            _copy_atomic(path, backup_path(path), mode)
        os.replace(tmp, path)
    except BaseException as error:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        # A write, flush or rename that failed (a full disk) is about this file; an error
        # naming another file is the caller's and goes on as it is.
        if isinstance(error, OSError) and error.filename in (None, tmp_name, str(path)):
            raise _not_written(named, error) from None
        raise
    _fsync_dir(path.parent)


def _not_written(path: Path, error: OSError) -> OSError:
    """The error again, naming the file being written rather than its temporary file (which a
    person never asked for and which is gone by the time they read the message)."""
    return type(error)(error.errno, error.strerror, str(path))


def atomic_write(path: Path, data: bytes, *, mode: int = PRIVATE, backup: bool = False) -> None:
    with atomic_writer(path, mode=mode, backup=backup) as stream:
        stream.write(data)


def remove_leftovers(draft_path: Path) -> None:
    """Remove the temporary files writes of the draft's own files (`NAME.toml`, its backup,
    recovery file and roster snapshot, all named after the draft) left beside it when they
    were killed; only those older than this run, so no write running now loses its file.
    A file that cannot be removed is left: tidying up never stops the work it comes before.
    A symlinked draft is written beside its target, its other files beside the link: both
    folders are looked at."""
    for path in {Path(draft_path).absolute(), Path(draft_path).resolve()}:
        with contextlib.suppress(OSError):  # a folder that cannot be listed has nothing to tidy
            _remove_old_temporaries(path.parent, path.stem)


def _remove_old_temporaries(folder: Path, stem: str) -> None:
    own = re.compile(re.escape(f"{_TEMP_PREFIX}{stem}.") + r".+\.[a-z0-9_]{8}" + re.escape(_TEMP_SUFFIX))
    for entry in os.scandir(folder):
        if own.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(OSError):
                if entry.stat(follow_symlinks=False).st_mtime < _RUN_STARTED:
                    os.unlink(entry.path)


def _copy_atomic(source: Path, target: Path, mode: int) -> None:
    atomic_write(target, source.read_bytes(), mode=mode)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable; some filesystems do not allow it, which is harmless."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def readable_name(name: str) -> str:
    """A file name as text a draft can store and a person can read.

    The operating system hands over a name whose bytes are not UTF-8 with those bytes kept
    as lone surrogates, which no TOML file (and no UTF-8 text) can hold; each becomes U+FFFD.
    A control character (a line break, an escape), which a draft's one-line fields refuse, is
    written as its escape.
    """
    try:
        text = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        text = name.encode("utf-8", "replace").decode("utf-8")
    return visible(text)


def is_readable_name(name: str) -> bool:
    """Whether a file name is text as it stands (no undecodable bytes), so a draft can refer to it."""
    return readable_name(name) == name
