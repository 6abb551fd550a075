"""Saving never leaves a half-written draft, keeps a backup, and keeps personal data private."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from policy_model import files
from policy_model.document import open_document


def test_save_keeps_previous_version_as_backup_and_is_private(example_draft: Path) -> None:
    original = example_draft.read_bytes()
    document = open_document(example_draft)
    document.draft.policy.owner = "Wei Chen"
    document.save()
    assert example_draft.with_name(example_draft.name + ".bak").read_bytes() == original
    assert b'owner = "Wei Chen"' in example_draft.read_bytes()
    assert stat.S_IMODE(example_draft.stat().st_mode) == 0o600
    assert stat.S_IMODE(files.backup_path(example_draft).stat().st_mode) == 0o600


def test_a_write_failing_half_way_leaves_the_old_draft_intact(example_draft: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    original = example_draft.read_bytes()
    document = open_document(example_draft)
    document.draft.policy.company = "Changed Bank"
    real_fsync = os.fsync
    written: list[int] = []

    def crash_after_half(fd: int) -> None:
        written.append(os.fstat(fd).st_size)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", crash_after_half)
    with pytest.raises(OSError):
        document.save()
    monkeypatch.setattr(files.os, "fsync", real_fsync)
    assert written and written[0] > 0, "the temporary file had been partly written"
    assert example_draft.read_bytes() == original
    assert [p.name for p in example_draft.parent.iterdir() if p.name.endswith(".tmp")] == []
    assert document.modified, "the change is still in memory, not lost"


def test_an_exception_while_streaming_removes_the_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), files.atomic_writer(target) as stream:
        stream.write(b"half of the new")
        raise RuntimeError("the exporter failed")
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]
