"""Reading files with a reason in words, and writing them so that a crash never leaves a
half-written one.

Drafts, roster snapshots and exports all go through `atomic_write`: the bytes go to a
temporary file in the same folder, are flushed to disk, and only then replace the target in
one rename. A reader sees the old file or the new one, never a mixture.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .problems import Problem, ProblemsError
from .user_input import visible

PRIVATE = 0o600


def read_bytes(path: Path, what: str, limit: int = -1) -> bytes:
    """The file's bytes (its first `limit` bytes, if given), or ProblemsError saying in words
    why it cannot be read; `what` names the file expected ("is a folder, not a draft file")."""
    try:
        with Path(path).open("rb") as stream:
            return stream.read(limit)
    except FileNotFoundError:
        raise ProblemsError([Problem(str(path), "no such file")]) from None
    except IsADirectoryError:
        raise ProblemsError([Problem(str(path), f"is a folder, not a {what}")]) from None
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
    """
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
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
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def atomic_write(path: Path, data: bytes, *, mode: int = PRIVATE, backup: bool = False) -> None:
    with atomic_writer(path, mode=mode, backup=backup) as stream:
        stream.write(data)


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
