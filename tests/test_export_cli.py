"""`policy-tui export`: writes the .docx, never replaces one unasked, reports problems first."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from tui.cli import main


def test_export_writes_a_docx_and_says_why_it_is_a_draft(export_draft: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "policy.docx"
    assert main(["export", str(export_draft), "-o", str(target)]) == 0
    assert capsys.readouterr().out == (f"wrote {target}: DRAFT (3 of 3 approvals outstanding; "
                                          "4 problems found by check; 8 people are still in review; "
                                          "3 warnings neither fixed nor accepted)\n")
    assert docx.Document(str(target)).core_properties.title == "Social Media and Mobile Communication Policy"
    assert target.stat().st_mode & 0o777 == 0o600


def test_an_existing_file_is_kept_unless_forced(export_draft: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "policy.docx"
    target.write_bytes(b"signed copy")
    assert main(["export", str(export_draft), "-o", str(target)]) == 1
    assert capsys.readouterr().err == f"{target}: already exists; add --force to replace it\n"
    assert target.read_bytes() == b"signed copy"
    assert main(["export", str(export_draft), "-o", str(target), "--force"]) == 0
    assert docx.Document(str(target)).paragraphs[0].text == "Social Media and Mobile Communication Policy"


def test_a_bad_template_or_folder_is_one_line_and_exit_1(export_draft: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(export_draft), "-o", str(tmp_path / "out.docx"), "--template", str(export_draft)]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (f"{export_draft}: --template: not a Word .docx file "
                                                        "that can be used as a template")
    assert main(["export", str(export_draft), "-o", str(tmp_path / "nowhere" / "out.docx")]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "out.docx").exists()


def test_problems_found_by_check_are_printed_and_keep_the_export_a_draft(export_draft: Path, tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from policy_model import toml_io
    from policy_model.signoff import set_status

    draft = toml_io.load(export_draft).draft
    for n in range(len(draft.approvers)):
        set_status(draft, n, "approved")
    toml_io.save(draft, export_draft)
    roster = export_draft.with_name("policy.roster.csv")
    lines = roster.read_text().splitlines()
    roster.write_text("\n".join([*lines, lines[1]]) + "\n")  # a duplicate employee: an error

    target = tmp_path / "policy.docx"
    assert main(["export", str(export_draft), "-o", str(target)]) == 0
    captured = capsys.readouterr()
    assert "duplicate employee id E1001" in captured.err
    assert captured.out.startswith(f"wrote {target}: DRAFT (5 problems found by check; "), "4 before, and the duplicate"


def test_an_accepted_warning_is_in_the_legal_note_and_not_in_the_policy(export_draft: Path, tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", str(export_draft)])
    out = capsys.readouterr().out
    first = re.search(r"^  (W[0-9a-f]{6}): accept with", out, re.MULTILINE)
    assert first is not None, out
    reason = "Counsel reviewed: archiving LinkedIn is handled by the vendor"
    assert main(["accept", str(export_draft), first.group(1), "--reason", reason]) == 0
    assert f"accepted {first.group(1)}" in capsys.readouterr().out
    main(["check", str(export_draft)])
    out = capsys.readouterr().out
    assert f"accepted {first.group(1)} by " in out and reason in out
    assert first.group(0) not in out
    policy, note = tmp_path / "policy.docx", tmp_path / "note.docx"
    assert main(["export", str(export_draft), "-o", str(policy), "--legal-note", str(note)]) == 0
    assert "2 warnings neither fixed nor accepted" in capsys.readouterr().out
    cells = [c.text for t in docx.Document(str(note)).tables for row in t.rows for c in row.cells]
    assert reason in cells
    word = docx.Document(str(policy))
    everything = "\n".join([p.text for p in word.paragraphs]
                           + [c.text for t in word.tables for row in t.rows for c in row.cells])
    assert reason not in everything, "the employees' copy never holds legal's reasons"


def test_accepting_an_unknown_warning_is_one_line(export_draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = export_draft.read_bytes()
    assert main(["accept", str(export_draft), "Wnope00", "--reason", "because"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and 'no warning has the id "Wnope00"' in err[0]
    assert export_draft.read_bytes() == before


def test_the_access_schedule_is_written_beside_the_policy(export_draft: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    policy, schedule = tmp_path / "policy.docx", tmp_path / "schedule.docx"
    schedule.write_bytes(b"kept")
    assert main(["export", str(export_draft), "-o", str(policy), "--schedule", str(schedule)]) == 1
    assert not policy.exists() and schedule.read_bytes() == b"kept", "refused before anything is written"
    assert "already exists; add --force" in capsys.readouterr().err
    assert main(["export", str(export_draft), "-o", str(policy), "--schedule", str(schedule), "--force"]) == 0
    assert f"wrote {schedule}: the access schedule, 14 granted employees" in capsys.readouterr().out
    rows = [[c.text for c in row.cells] for t in docx.Document(str(schedule)).tables for row in t.rows]
    assert rows[0] == ["ID", "Name", "Department", "Role", "Channels"] and len(rows) == 15
