"""The command line: exit codes 0/1/2, one line per problem, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

from .conftest import DATA, ROOT
from .drafts import load_draft


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse's own exits (usage, --help, --version)
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_new_then_check_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.toml"
    assert run(capsys, "new", str(path), "--company", "Acme", "--market", "b2b")[0] == 0
    draft = load_draft(path)
    assert (draft.policy.company, draft.policy.market) == ("Acme", "b2b")
    assert draft.eligibility.rules, "a new draft starts with the method's rules"
    code, out, err = run(capsys, "check", str(path))
    assert code == 0, err
    assert "0 errors" in out


def test_new_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.toml"
    path.write_text("keep me", encoding="utf-8")
    code, _, err = run(capsys, "new", str(path))
    assert code == 1 and "already exists" in err
    assert path.read_text(encoding="utf-8") == "keep me"


def test_check_names_line_and_field_of_a_wrong_type(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", str(DATA / "drafts" / "wrong_type.toml"))
    assert code == 1
    assert err.strip().endswith('wrong_type.toml:8:1: roster.rows: expected a whole number, got the text "forty"')


def test_check_reports_roster_warnings_without_failing(example_draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example_draft.with_name("regional-bank.roster.csv").unlink()
    code, out, err = run(capsys, "check", str(example_draft))
    assert code == 0
    assert "warning: roster.snapshot: the roster snapshot is missing" in err
    assert "0 errors, 1 warning" in out


@pytest.mark.parametrize("args", [["check"], ["new"], ["new", "x.toml", "--market", "b2x"], ["a.toml", "--nope"],
                                  ["new", "x.toml", "--company", "-Acme"]])  # a leading "-" needs --company=-Acme
def test_bad_usage_exits_two(capsys: pytest.CaptureFixture[str], args: list[str]) -> None:
    assert run(capsys, *args)[0] == 2


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("policy-tui ")
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "check" in out and "new" in out


def test_a_broken_file_gives_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_bytes(b"\x00\x01\x02 not toml at all [[[")
    result = subprocess.run([sys.executable, "-m", "tui.cli", "check", str(path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert str(path) in result.stderr


def test_a_command_imports_only_its_own_module() -> None:
    """A `check` in a git hook does not pay for the export's imports, or for the version lookup."""
    code = ("import sys; from tui.cli import main; main(['check', 'examples/regional-bank.toml']); "
            "print(sorted(m for m in sys.modules if m.startswith('tui.commands.') or m == 'importlib.metadata'))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines()[-1] == "['tui.commands.check']"


@pytest.mark.parametrize("option", ["--company", "--industry"])
def test_new_refuses_control_characters_as_bump_does(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      option: str) -> None:
    path = tmp_path / "x.toml"
    code, _, err = run(capsys, "new", str(path), option, "Acme\x1b]0;pwned\x07")
    assert code == 1
    assert err.startswith(f"{option}: the ") and "contains a control character" in err
    assert not path.exists()


def test_an_import_from_a_file_named_with_a_line_break_keeps_the_draft_loadable(
        example_draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = example_draft.with_name("hr\n2026.csv")
    source.write_text("Employee ID,Full Name,Job Title\nE1,Ada,Analyst\n", encoding="utf-8")
    code, _, err = run(capsys, "roster", "import", str(example_draft), str(source))
    assert code == 0, err
    assert load_draft(example_draft).roster.source == "hr\\n2026.csv"


@pytest.mark.parametrize("written, field", [
    ('snapshot = "../../etc/passwd"', "roster.snapshot"),
    ('snapshot = "."', "roster.snapshot"),
    ("rows = -1", "roster.rows"),
])
@pytest.mark.parametrize("command", [["check", "DRAFT"], ["roster", "show", "DRAFT"],
                                     ["approve", "DRAFT", "--name", "Wei Chen", "--status", "approved"]])
def test_a_roster_reference_outside_the_folder_or_negative_is_one_located_line(
        example_draft: Path, capsys: pytest.CaptureFixture[str], written: str, field: str,
        command: list[str]) -> None:
    text = example_draft.read_text(encoding="utf-8")
    key = written.split(" = ")[0]
    lines = [written if line.startswith(f"{key} = ") else line for line in text.splitlines()]
    example_draft.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = example_draft.read_bytes()
    code, _, err = run(capsys, *(str(example_draft) if arg == "DRAFT" else arg for arg in command))
    assert code == 1 and "Traceback" not in err
    (line,) = [line for line in err.splitlines() if field in line]
    assert line.startswith(f"{example_draft}:") and f": {field}: " in line
    assert example_draft.read_bytes() == before
