"""`policy-tui diff OLD NEW`: the summary on stdout and diff(1)'s exit codes."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from policy_model.draft import Override
from tui.cli import main

from .diff_support import signed, write


@pytest.fixture
def drafts(example_draft: Path) -> tuple[Path, Path]:
    old = signed(example_draft)
    new = copy.deepcopy(old)
    new.policy.version = "1.0"
    new.channels[2].enabled = True
    new.eligibility.overrides.append(Override("E1042", "review", "moving to a new team", by="Carmen Reyes"))
    folder = example_draft.parent
    return write(old, folder / "signed.toml"), write(new, folder / "revised.toml")


def test_same_drafts_exit_0(drafts: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    old, _ = drafts
    assert main(["diff", str(old), str(old)]) == 0
    assert "No changes between" in capsys.readouterr().out


def test_different_drafts_exit_1_with_the_summary(drafts: tuple[Path, Path],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    old, new = drafts
    assert main(["diff", str(old), str(new)]) == 1
    out = capsys.readouterr().out
    assert "Version: 0.1 -> 1.0" in out
    assert "Channel WhatsApp enabled" in out
    assert "E1042 Lee, Daniel: granted -> review (override by Carmen Reyes: moving to a new team)" in out
    assert "overrides only" not in out


def test_a_draft_that_cannot_be_loaded_exits_2(drafts: tuple[Path, Path], tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    old, _ = drafts
    broken = tmp_path / "broken.toml"
    broken.write_text('schema_version = 1\n[policy]\ncompany = "X"\nmarket = "b2x"\n', encoding="utf-8")
    assert main(["diff", str(old), str(broken)]) == 2
    assert main(["diff", str(tmp_path / "missing.toml"), str(broken)]) == 2
    err = capsys.readouterr().err
    assert f"{broken}:4:1: policy.market:" in err
    assert f"{tmp_path / 'missing.toml'}: no such file" in err
    assert "Traceback" not in err


def test_a_missing_roster_snapshot_compares_overrides_only(drafts: tuple[Path, Path],
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    old, new = drafts
    (new.parent / "regional-bank.roster.csv").rename(new.parent / "elsewhere.csv")
    assert main(["diff", str(old), str(new)]) == 1
    out = capsys.readouterr().out
    assert "access changes are computed from overrides only" in out
    assert "E1042: decided by the rules -> review (override by Carmen Reyes: moving to a new team)" in out


def test_help_documents_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["diff", "--help"])
    assert "0 the drafts are the same, 1 they differ, 2 trouble" in " ".join(capsys.readouterr().out.split())
