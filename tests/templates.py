"""Company templates for the export tests: python-docx's blank document with parts rewritten,
added or removed, as a damaged or hostile .docx would have them."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import docx

# A part's new bytes, or a function of its old bytes; None removes the part.
Change = bytes | Callable[[bytes], bytes] | None


def template(tmp_path: Path, changes: dict[str, Change] | None = None, name: str = "company.docx") -> Path:
    """A .docx in `tmp_path` made from the blank document, with `changes` applied part by part
    (a part not in the blank document is added)."""
    changes = dict(changes or {})
    plain = tmp_path / f"plain-{name}"
    docx.Document().save(plain)
    path = tmp_path / name
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            change = changes.pop(item.filename, source.read(item.filename))
            data = change(source.read(item.filename)) if callable(change) else change
            if data is not None:
                target.writestr(item.filename, data)
        for part, data in changes.items():
            assert isinstance(data, bytes), f"{part} is not in the blank document; give its bytes"
            target.writestr(part, data)
    plain.unlink()
    return path


def replace(old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    """A change that replaces `old` (which must be there) by `new` in a part."""
    def change(data: bytes) -> bytes:
        assert old in data, f"{old!r} is not in the part"
        return data.replace(old, new, 1)
    return change


def add_zeros(path: Path, member: str, size: int) -> Path:
    """Add a member of `size` zero bytes to the ZIP at `path`: deflated, it takes about a
    thousandth of that on disk, as in a ZIP bomb."""
    chunk = bytes(1024 * 1024)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive, archive.open(member, "w") as stream:
        for start in range(0, size, len(chunk)):
            stream.write(chunk[: size - start])
    return path
