"""The review cycle: the version in force, its review date, `check`'s warning and `status`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from policy_model.checks import check_document
from policy_model.clauses import audience, variable_values
from policy_model.document import open_document
from policy_model.review_cycle import add_months, in_force
from policy_model.signoff import bump_version, set_status
from tui.cli import main


def months_ago(months: int) -> date:
    return add_months(date.today(), -months)


def approve_all(path: Path, on: date, review_months: int | None = None) -> None:
    document = open_document(path)

    def change(draft):  # type: ignore[no-untyped-def]
        draft.policy.review_months = review_months
        for n in range(len(draft.approvers)):
            set_status(draft, n, "approved", today=on, by="tester")

    document.apply(change)
    document.save()


def test_add_months_keeps_the_day_or_takes_the_months_last() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 7), 12) == date(2027, 11, 7)
    assert add_months(date(2026, 3, 15), -13) == date(2025, 2, 15)


def test_a_policy_approved_13_months_ago_with_a_12_month_interval_is_due(example_draft: Path, capsys) -> None:
    approved = months_ago(13)
    approve_all(example_draft, approved, review_months=12)
    assert main(["check", str(example_draft)]) == 0  # a warning, not an error
    out, err = capsys.readouterr()
    due = add_months(approved, 12).isoformat()
    assert (f"warning: policy.review_months: review due: version 0.1 was approved on {approved.isoformat()} "
            f"and was to be reviewed within 12 months, by {due}") in err
    warning = next(p for p in check_document(open_document(example_draft)) if p.field == "policy.review_months")
    assert f"accept {example_draft} {warning.id}" in out


def test_no_warning_before_the_review_day(example_draft: Path) -> None:
    approve_all(example_draft, months_ago(11))
    assert not [p for p in check_document(open_document(example_draft)) if p.field == "policy.review_months"]


def test_a_bump_keeps_the_version_in_force_until_the_next_is_approved(example_draft: Path) -> None:
    approved = months_ago(2)
    approve_all(example_draft, approved, review_months=6)
    document = open_document(example_draft)
    document.apply(lambda draft: bump_version(draft, "tester", "new channel"))
    force = in_force(document.draft)
    assert force is not None and (force.version, force.approved, force.review_due) == (
        "0.1", approved, add_months(approved, 6))
    assert document.draft.revisions[0].approved == approved


def test_the_document_says_when_the_next_review_is(example_draft: Path) -> None:
    document = open_document(example_draft)
    values = variable_values(document.draft, audience(document.draft, []))
    assert values["review_cycle"] == "at least once a year"
    approve_all(example_draft, date(2026, 11, 7))
    document = open_document(example_draft)
    values = variable_values(document.draft, audience(document.draft, []))
    assert values["review_cycle"] == "at least once a year (next by November 7, 2027)"


def test_status_says_where_the_policy_stands(example_draft: Path, capsys) -> None:
    assert main(["status", str(example_draft)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:3] == ["approvals: 0 of 3 approved", "in force: no version approved yet"]
    approved = months_ago(13)
    approve_all(example_draft, approved)
    assert main(["status", str(example_draft)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Harbor Community Bank: Social Media and Mobile Communication Policy, version 0.1"
    assert lines[1] == "approvals: 3 of 3 approved"
    assert lines[2] == (f"in force: version 0.1, approved {approved.isoformat()}; "
                        f"review due since {add_months(approved, 12).isoformat()}")
    assert lines[3].startswith("acknowledgments: version 0.1: 42 of 42 owe the all-staff form, ")
    assert lines[4].startswith("training: ") and lines[4].endswith(" not trained")
    assert lines[5] == "access: 8 people in review"


@pytest.mark.parametrize("command", ["status", "check"])
def test_a_missing_draft_is_one_line_and_exit_1(tmp_path: Path, capsys, command: str) -> None:
    assert main([command, str(tmp_path / "gone.toml")]) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_the_exported_document_names_the_next_review_day(example_draft: Path, tmp_path: Path) -> None:
    import docx

    approve_all(example_draft, date(2026, 11, 7), review_months=6)
    target = tmp_path / "policy.docx"
    assert main(["export", str(example_draft), "-o", str(target)]) == 0
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "who reviews it at least every 6 months (next by May 7, 2027), and sooner" in text
