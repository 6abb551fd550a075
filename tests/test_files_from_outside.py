"""Files the draft lives among: links, marks an editor adds, devices, leftovers of a killed write."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from policy_model import toml_io
from tui.cli import main


def approve(draft: Path) -> int:
    return main(["approve", str(draft), "--name", "Wei Chen", "--status", "approved"])


def test_a_symlinked_draft_is_written_through_to_its_target(example_draft: Path) -> None:
    folder = example_draft.parent / "synced"
    folder.mkdir()
    target = folder / example_draft.name
    shutil.move(example_draft, target)
    example_draft.symlink_to(target)
    assert approve(example_draft) == 0
    assert example_draft.is_symlink(), "the link is still a link"
    assert toml_io.load_or_raise(target).approvers[0].status == "approved"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == [target.name, target.name + ".bak"]



def test_a_utf8_bom_at_the_start_of_a_draft_is_accepted(example_draft: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    example_draft.write_bytes(b"\xef\xbb\xbf" + example_draft.read_bytes())
    assert toml_io.load_or_raise(example_draft).policy.company
    assert main(["check", str(example_draft)]) == 0, capsys.readouterr().err
