"""What the command line prints from files and arguments reaches the terminal as text only:
no escape sequence, no line of its own."""

from __future__ import annotations

import csv
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policy_model import toml_io
from policy_model.document import open_document
from policy_model.eligibility import set_override
from policy_model.roster_snapshot import write_snapshot

from .conftest import EXAMPLE
from .drafts import load_draft
from .test_cli import run

# What a terminal acts on rather than shows: every control character but the line feed and tab.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[31m"


def raw_controls(text: str) -> list[str]:
    return sorted(set(_CONTROL.findall(text)))


def copy_example(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for source in EXAMPLE.parent.glob("regional-bank.*"):
        shutil.copy(source, folder / source.name)
    return folder / EXAMPLE.name


def rewrite_person(path: Path, index: int, **values: str) -> None:
    """Change one person of the draft's snapshot, keeping the draft's record of it true."""
    document = open_document(path)
    person = document.roster.employees[index]
    for name, value in values.items():
        setattr(person, name, value)
    write_snapshot(path.with_name(document.draft.roster.snapshot), document.roster.employees,
                   document.roster.extra_columns, document.draft.roster)
    toml_io.save(document.draft, path)


def test_terminal_escape_injection_from_a_snapshot_is_shown_visibly(example_draft: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    rewrite_person(example_draft, 0, name="Grace" + ESCAPES)
    rewrite_person(example_draft, 1, clients="6" + ESCAPES)  # unreadable: check reports the cell
    for args in (["check"], ["roster", "show"], ["roster", "show", "--format", "csv"], ["training", "pending"]):
        _, out, err = run(capsys, *args, str(example_draft))
        assert not raw_controls(out + err), args
    _, out, err = run(capsys, "check", str(example_draft))
    assert "\\x1b]0;pwned\\x07" in err


def test_terminal_escape_injection_from_arguments_is_shown_visibly(example_draft: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "approve", str(example_draft), "--name", "Nobody" + ESCAPES, "--status", "approved")
    assert code == 1 and not raw_controls(out + err)
    code, out, err = run(capsys, "check", str(example_draft), ESCAPES)  # argparse names what it did not expect
    assert code == 2 and not raw_controls(out + err)
    assert "\\x1b[2J" in err
    renamed = example_draft.rename(example_draft.with_name(f"bank{ESCAPES}.toml"))
    code, out, err = run(capsys, "check", str(renamed))
    assert code == 0 and not raw_controls(out + err)


def test_a_crlf_in_a_value_does_not_forge_a_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = copy_example(tmp_path / "old")
    new = copy_example(tmp_path / "new")
    rewrite_person(new, 1, name="Brennan\r\n0 errors\r\nLiam")
    draft = load_draft(new)
    set_override(draft, "E1002", "denied", "moved to the back office")
    toml_io.save(draft, new)
    code, out, err = run(capsys, "diff", str(old), str(new))
    assert code == 1, err
    assert "0 errors" not in out.split("\n") and not raw_controls(out + err)
    assert "E1002 Brennan\\r\\n0 errors\\r\\nLiam: granted -> denied" in out


def test_terminal_escape_injection_in_an_import_is_shown_visibly(example_draft: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    source = example_draft.with_name("hr.csv")
    source.write_text("Employee ID,Full Name,Job Title,Client Count\nE1,Ada,Analyst,4\x1b]0;pwned\x07\n"
                      "E2,Alan,Clerk,\n", encoding="utf-8")
    code, out, err = run(capsys, "roster", "import", str(example_draft), str(source))
    assert code == 0, err
    assert not raw_controls(out + err)
    assert 'client count "4\\x1b]0;pwned\\x07' in out


# Any text at all, with the characters that do harm on a terminal made likely.
HOSTILE = st.lists(st.one_of(st.sampled_from(["\x1b", "\x07", "\r", "\n", "\r\n0 errors\r\n", "\x9b", "\x00", "\t",
                                              "\x7f", "\x1b]0;x\x07", "\x1b[2J"]),
                              st.characters(exclude_categories=("Cs",))),  # no draft or file holds a surrogate
                   min_size=1, max_size=12).map("".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(company=HOSTILE, title=HOSTILE, approver=HOSTILE, person=HOSTILE, cell=HOSTILE, summary=HOSTILE)
def test_no_control_character_reaches_the_terminal(capsys: pytest.CaptureFixture[str], company: str, title: str,
                                                   approver: str, person: str, cell: str, summary: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        old = copy_example(Path(folder) / "old")
        path = copy_example(Path(folder) / "new")
        rewrite_person(path, 0, name=person, role=cell)
        draft = load_draft(path)
        draft.policy.company = company
        draft.clauses[0].title = title
        draft.approvers[0].name = approver
        toml_io.save(draft, path)
        source = path.with_name("hr.csv")
        with source.open("w", encoding="utf-8", newline="") as stream:
            csv.writer(stream).writerows([["Employee ID", "Full Name", cell], ["E1", person, cell], [cell, "x", ""]])
        for args in (["check", path], ["diff", old, path], ["roster", "show", path],
                     ["roster", "show", "--format", "csv", path], ["training", "pending", path],
                     ["export", path, "-o", path.with_name("out.docx"), "--force"],
                     ["approve", path, "--name", approver, "--status", "approved"],
                     ["bump", path, "--summary", summary, "--author", person],
                     ["new", path.with_name("made.toml"), "--company", company],
                     ["roster", "import", path, source, "--keep", cell], ["diff", old, path]):
            _, out, err = run(capsys, *map(str, args))
            assert not raw_controls(out + err), (args, out + err)
