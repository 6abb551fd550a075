"""`policy-tui training import|pending` and `policy-tui approve`, run as a user would."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from policy_model import training
from policy_model.document import create_document, open_document
from policy_model.draft import Employee
from policy_model.roster_snapshot import snapshot_path, write_snapshot
from tui.cli import main

from .conftest import without_training


@pytest.fixture
def example_draft(example_draft: Path) -> Path:
    """These tests plan the training themselves, so they start from none."""
    return without_training(example_draft)

DATA = Path(__file__).parent / "data" / "training"


@pytest.fixture
def with_session(example_draft: Path) -> Path:
    document = open_document(example_draft)
    training.add_session(document.draft, "Launch")
    document.save()
    return example_draft


def test_import_records_good_rows_reports_bad_ones_and_saves(with_session: Path, capsys) -> None:
    assert main(["training", "import", str(with_session), str(DATA / "mixed.csv")]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == f"{DATA / 'mixed.csv'}: 2 completions recorded, 5 rows not used"
    lines = err.splitlines()
    assert lines[0] == f"{DATA / 'mixed.csv'}:3: unknown employee id E9999: not in the roster"
    assert [line.split(":")[1] for line in lines] == ["3", "4", "5", "6", "7"]
    saved = open_document(with_session).draft.training.completions
    assert [c.employee_id for c in saved] == ["E1002", "E1006"]


def test_import_with_no_usable_row_exits_1_and_writes_nothing(with_session: Path, capsys) -> None:
    before = with_session.read_bytes()
    assert main(["training", "import", str(with_session), str(DATA / "all-bad.csv")]) == 1
    out, err = capsys.readouterr()
    assert "0 completions recorded, 2 rows not used" in out
    assert "all-bad.csv:1: unknown employee id E9999" in err
    assert with_session.read_bytes() == before


def test_import_of_an_unusable_file_is_one_line_and_exit_1(example_draft: Path, capsys) -> None:
    assert main(["training", "import", str(example_draft), str(DATA / "mixed.csv")]) == 1
    expected = f"{DATA / 'mixed.csv'}: the draft has no training session yet; add one first"
    assert capsys.readouterr().err.strip() == expected


def test_pending_lists_who_is_not_trained(with_session: Path, capsys) -> None:
    main(["training", "import", str(with_session), str(DATA / "mixed.csv")])
    capsys.readouterr()
    assert main(["training", "pending", str(with_session), "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == "id,name,department,reason"
    ids = [row.split(",")[0] for row in rows[1:]]
    document = open_document(with_session)
    assert set(ids) == {p.employee.id for p in training.pending(document.draft, document.roster.employees)}
    assert "E1002" not in ids and "E1003" in ids
    assert main(["training", "pending", str(with_session)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"{len(ids)} granted people are not trained"


def test_pending_as_csv_neutralises_what_a_spreadsheet_would_run(tmp_path: Path, capsys) -> None:
    """Names come from an HR export: one that starts like a formula is quoted, as in roster show."""
    path = tmp_path / "d.toml"
    document = create_document(path, company="Acme")
    training.add_session(document.draft, "Launch")
    people = [Employee("E1", '=HYPERLINK("http://x.example","Ann")', role="Banker", department="Sales",
                       clients=5, customer_facing=True)]
    write_snapshot(snapshot_path(path), people, [], document.draft.roster)
    document.save()
    assert main(["training", "pending", str(path), "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[1][:3] == ["E1", '\'=HYPERLINK("http://x.example","Ann")', "Sales"]


def test_pending_as_text_keeps_control_characters_from_the_terminal(tmp_path: Path, capsys) -> None:
    """A name from an HR export could hold an escape sequence that clears or recolours the terminal."""
    path = tmp_path / "d.toml"
    document = create_document(path, company="Acme")
    training.add_session(document.draft, "Launch")
    people = [Employee("E1", "Ann\x1b[2J Lee", role="Banker", department="Sales\nEast", clients=5,
                       customer_facing=True)]
    write_snapshot(snapshot_path(path), people, [], document.draft.roster)
    document.save()
    assert main(["training", "pending", str(path)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert "\x1b" not in first and first.startswith("E1  Ann?[2J Lee  Sales East")


def test_approve(example_draft: Path, capsys) -> None:
    assert main(["approve", str(example_draft), "--name", "dana whitfield", "--status", "approved"]) == 0
    assert capsys.readouterr().out.strip() == "Dana Whitfield: approved for version 0.1"
    assert open_document(example_draft).draft.approvers[1].status == "approved"
    assert main(["approve", str(example_draft), "--name", "Nobody", "--status", "approved"]) == 1
    assert 'no approver is called "Nobody"' in capsys.readouterr().err


def test_import_for_a_named_session_and_pending_without_a_roster(with_session: Path, tmp_path: Path, capsys) -> None:
    document = open_document(with_session)
    training.add_session(document.draft, "Refresher")
    document.save()
    source = DATA / "bom-semicolon.csv"
    assert main(["training", "import", str(with_session), str(source)]) == 1
    assert "no session column" in capsys.readouterr().err
    assert main(["training", "import", str(with_session), str(source), "--session", "refresher"]) == 0
    assert {c.session for c in open_document(with_session).draft.training.completions} == {"Refresher"}
    capsys.readouterr()
    bare = tmp_path / "bare.toml"
    assert main(["new", str(bare), "--company", "Acme"]) == 0
    assert main(["training", "pending", str(bare)]) == 1
    assert "no roster to check" in capsys.readouterr().err


def test_bump(example_draft: Path, capsys) -> None:
    main(["approve", str(example_draft), "--name", "Wei Chen", "--status", "approved"])
    capsys.readouterr()
    assert main(["bump", str(example_draft), "--summary", "Texting rules", "--author", "Carmen Reyes"]) == 0
    assert capsys.readouterr().out.strip() == f"{example_draft}: version 0.1 -> 0.2; 1 approval reset to pending"
    draft = open_document(example_draft).draft
    assert (draft.policy.version, draft.revisions[-1].summary, draft.approvers[0].status) == (
        "0.2", "Texting rules", "pending")
    assert main(["bump", str(example_draft), "--summary", "Back", "--to", "0.1"]) == 1
    assert "does not come after the current version 0.2" in capsys.readouterr().err
    assert main(["bump", str(example_draft), "--summary", "Signed", "--major"]) == 0
    assert open_document(example_draft).draft.policy.version == "1.0"
