"""`policy-tui roster show`: the table people read and the CSV IT provisions access from."""

from __future__ import annotations

import csv
import io
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from policy_model import toml_io
from policy_model.document import create_document, open_document
from policy_model.eligibility import set_override
from tui.cli import main


def roster_show(*argv: str) -> int:
    """Run `policy-tui roster show ...` through the real command line."""
    return main(["roster", "show", *argv])


def test_table_fits_80_columns_and_ends_with_counts(example_draft: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert roster_show(str(example_draft)) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["ID", "NAME", "ROLE", "DEPARTMENT", "STATUS"]
    assert max(len(line) for line in out) <= 80
    assert out[-1] == "42 people: 14 granted, 8 review, 20 denied"
    brennan = out.index(next(line for line in out if line.startswith("E1002")))
    assert out[brennan].split()[-1] == "granted"
    assert "small book of clients to grow" in out[brennan + 1]


def test_wide_terminal_puts_the_reason_on_the_row(example_draft: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "160")
    assert roster_show(str(example_draft), "--status", "denied") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split()[-1] == "REASON"
    assert len(out) == 1 + 20 + 1 and out[-1] == "20 people denied"
    assert all(line.split()[0].startswith("E") for line in out[1:-1])


def test_csv_for_it_with_status_filter_and_overrides(example_draft: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    document = open_document(example_draft, with_roster=False)
    set_override(document.draft, "E1036", "granted", "=covers the front desk", by="carmen",
                 at=datetime(2026, 11, 20, tzinfo=UTC))
    document.save()
    assert roster_show(str(example_draft), "--status", "granted", "--format", "csv") == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 15
    assert list(rows[0]) == ["id", "name", "email", "role", "department", "status", "reason", "rule", "channels"]
    clerk = next(r for r in rows if r["id"] == "E1036")
    # LinkedIn and text go to every granted person; Teams only to Sales and Account Management.
    assert clerk["channels"] == "LinkedIn; SMS / text messaging"
    banker = next(r for r in rows if r["id"] == "E1002")
    assert banker["channels"] == "LinkedIn; SMS / text messaging; Microsoft Teams chat with customers"
    assert clerk["rule"] == "override"
    assert clerk["reason"] == "override by carmen: =covers the front desk"
    assert clerk["email"] == "tom.baker@harborbank.example"


def test_output_file_is_private(example_draft: Path, tmp_path: Path) -> None:
    out = tmp_path / "access.csv"
    assert roster_show(str(example_draft), "--format", "csv", "-o", str(out)) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = out.read_text()
    assert text.count("\n") == 43
    denied = next(r for r in csv.DictReader(io.StringIO(text)) if r["status"] == "denied")
    assert denied["channels"] == "", "nobody denied is given a channel"


def test_draft_without_a_roster_says_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "new.toml"
    create_document(path, "Acme").save()
    assert roster_show(str(path)) == 1
    assert capsys.readouterr().err.strip() == (
        f"{path}: no roster imported yet; run 'policy-tui roster import {path} FILE' first")


def test_missing_snapshot_is_one_line_and_exit_1(example_draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example_draft.with_name("regional-bank.roster.csv").unlink()
    assert roster_show(str(example_draft)) == 1
    err = capsys.readouterr()
    assert "the roster snapshot is missing" in err.err and err.out == ""


def test_edited_snapshot_rows_stop_the_list(example_draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    snapshot = example_draft.with_name("regional-bank.roster.csv")
    snapshot.write_text(snapshot.read_text().replace(",6,high,", ",six,high,"))
    assert roster_show(str(example_draft), "--format", "csv") == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert 'regional-bank.roster.csv:3: clients: client count is not a whole number: "six"' in captured.err


def test_control_characters_never_reach_the_terminal(example_draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = open_document(example_draft)
    set_override(document.draft, "E1002", "denied", "moved\x1b[2J away", by="x")
    toml_io.save(document.draft, example_draft)
    assert roster_show(str(example_draft), "--status", "denied") == 1  # the draft refuses it, at its line
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err and "holds a control character (\\x1b)" in err


def test_unknown_status_is_a_usage_error(example_draft: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        roster_show(str(example_draft), "--status", "maybe")
    assert exit_.value.code == 2
