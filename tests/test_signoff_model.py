"""Discipline ladder, approvers and the revision history, and that all of it survives a save."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policy_model import discipline, signoff, toml_io, training
from policy_model.checks import check_document
from policy_model.document import new_draft, open_document
from policy_model.eligibility import REVIEW
from policy_model.problems import ProblemsError

TODAY = date(2026, 11, 25)


def names(draft) -> list[str]:
    return [s.name for s in draft.discipline]


def test_new_draft_has_the_default_ladder() -> None:
    assert names(new_draft("Acme")) == ["Reminder", "Re-education", "Suspension of access", "Revocation"]


def test_ladder_edits() -> None:
    draft = new_draft("Acme")
    assert discipline.add_step(draft, "Final warning", "In writing, from HR.", at=2) == 2
    assert discipline.move_step(draft, 2, -1) == 1
    assert discipline.move_step(draft, 0, -1) == 0  # already at the top: stays
    assert discipline.move_step(draft, 3, 5) == 4  # kept within the ladder
    discipline.edit_step(draft, 1, "Written warning", "HR writes to the employee.")
    assert names(draft) == ["Reminder", "Written warning", "Re-education", "Revocation", "Suspension of access"]
    assert draft.discipline[1].description == "HR writes to the employee."
    discipline.edit_step(draft, 4, "Suspension", "Up to 90 days.")
    assert discipline.remove_step(draft, 0).name == "Reminder"
    assert names(draft) == ["Written warning", "Re-education", "Revocation", "Suspension"]
    with pytest.raises(ProblemsError, match='already has a step called "Revocation"'):
        discipline.add_step(draft, "revocation")
    with pytest.raises(ProblemsError, match="name must not be empty"):
        discipline.edit_step(draft, 0, " ", "")
    with pytest.raises(ProblemsError, match="there is no step 9"):
        discipline.remove_step(draft, 8)


def test_approvers_and_status_dates() -> None:
    draft = new_draft("Acme")
    assert signoff.add_approver(draft, "Dana Whitfield", "General Counsel", "legal") == 0
    signoff.add_approver(draft, "Carmen Reyes", "HR Business Partner", "hr")
    with pytest.raises(ProblemsError, match="already an approver"):
        signoff.add_approver(draft, "dana whitfield")
    with pytest.raises(ProblemsError, match='role "boss"'):
        signoff.add_approver(draft, "Someone", role="boss")
    with pytest.raises(ProblemsError, match='status "yes"'):
        signoff.set_status(draft, 0, "yes")
    signoff.set_status(draft, 0, "approved", today=TODAY)
    dana = draft.approvers[0]
    assert (dana.status, dana.date, dana.version) == ("approved", TODAY, "0.1")
    signoff.set_status(draft, 0, "approved", today=date(2026, 12, 1))  # no change: the date stays
    assert dana.date == TODAY
    signoff.set_status(draft, 1, "changes requested", today=TODAY)
    assert signoff.approval_summary(draft) == "1 of 2 approved, 1 asked for changes"
    signoff.set_status(draft, 1, "pending")
    assert (draft.approvers[1].date, draft.approvers[1].version) == (None, None)
    signoff.edit_approver(draft, 1, "Carmen Reyes", "HR Director", "hr")
    assert draft.approvers[1].title == "HR Director"
    assert signoff.remove_approver(draft, 1).name == "Carmen Reyes"


def test_next_version() -> None:
    assert signoff.next_version("0.1") == "0.2"
    assert signoff.next_version("0.9") == "0.10"
    assert signoff.next_version("0.3", major=True) == "1.0"
    assert signoff.next_version("1.4", major=True) == "2.0"
    with pytest.raises(ProblemsError, match='"draft" is not a version'):
        signoff.next_version("draft")


def test_bump_adds_a_revision_and_resets_approvals() -> None:
    draft = new_draft("Acme", today=date(2026, 11, 1))
    signoff.add_approver(draft, "Dana Whitfield")
    signoff.set_status(draft, 0, "approved", today=TODAY)
    revision = signoff.bump_version(draft, "Carmen Reyes", "Added texting rules", today=TODAY)
    assert (revision.version, revision.author, revision.summary, revision.date) == (
        "0.2", "Carmen Reyes", "Added texting rules", TODAY)
    assert draft.policy.version == "0.2" and draft.revisions[-1] is revision and len(draft.revisions) == 2
    assert (draft.approvers[0].status, draft.approvers[0].date) == ("pending", None)
    assert signoff.bump_version(draft, "", "For legal", major=True, today=TODAY).version == "1.0"
    with pytest.raises(ProblemsError, match="does not come after"):
        signoff.bump_version(draft, "", "Back", version="0.5")
    with pytest.raises(ProblemsError, match="summary must not be empty"):
        signoff.bump_version(draft, "", " ")
    assert draft.policy.version == "1.0" and len(draft.revisions) == 3


def test_check_warns_of_an_approval_for_another_version(example_draft: Path) -> None:
    document = open_document(example_draft)
    signoff.set_status(document.draft, 1, "approved", today=TODAY)
    # The example leaves people in review on purpose: step 1's work, not sign-off's.
    assert [p.field for p in check_document(document)] == [REVIEW]
    document.draft.policy.version = "0.3"  # as a hand edit would
    (problem,) = [p for p in check_document(document) if p.field != REVIEW]
    assert problem.message.startswith("Dana Whitfield approved an earlier text on 2026-11-25 (version 0.1)")
    assert problem.message.endswith("changed since: was: version: 0.1; now: version: 0.3")


def test_save_and_reload_keeps_everything(example_draft: Path) -> None:
    document = open_document(example_draft)
    draft, people = document.draft, document.roster.employees
    training.add_session(draft, "Launch", date(2026, 12, 1), "in person", "department:Sales, employee:E1011")
    training.record_completion(draft, people, "E1002", "Launch", date(2026, 11, 20), TODAY)
    discipline.move_step(draft, 3, -1)
    signoff.set_status(draft, 0, "changes requested", today=TODAY)
    signoff.bump_version(draft, "Carmen Reyes", "Training added", today=TODAY)
    signoff.set_status(draft, 1, "approved", today=TODAY)
    document.save()
    again = open_document(example_draft)
    assert again.draft == draft
    assert toml_io.dumps(again.draft) == toml_io.dumps(draft)
    assert not again.modified


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(-6, 6)), max_size=20))
def test_moves_only_reorder_the_ladder(moves: list[tuple[int, int]]) -> None:
    draft = new_draft("Acme")
    before = names(draft)
    for index, by in moves:
        if index < len(draft.discipline):
            target = discipline.move_step(draft, index, by)
            assert 0 <= target < len(draft.discipline)
    assert sorted(names(draft)) == sorted(before)


@given(st.integers(0, 50), st.integers(0, 50), st.booleans())
def test_next_version_always_comes_after(big: int, small: int, major: bool) -> None:
    current = f"{big}.{small}"
    draft = new_draft("Acme")
    draft.policy.version = current
    new = signoff.bump_version(draft, "", "next", major=major, today=TODAY).version
    assert signoff._parts(new) > signoff._parts(current)


def test_a_bump_without_an_author_records_the_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("getpass.getuser", lambda: "cmorgan")
    draft = new_draft("Acme")
    assert signoff.bump_version(draft, "  ", "For legal", today=TODAY).author == "cmorgan"
    assert signoff.bump_version(draft, "Carmen Reyes", "Texting", today=TODAY).author == "Carmen Reyes"
    assert [r.author for r in draft.revisions][-2:] == ["cmorgan", "Carmen Reyes"]


def test_who_recorded_a_decision_names_the_user_and_the_name_they_gave(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(signoff, "current_user", lambda: "dwhitfield")
    assert signoff.recorder("Dana  Whitfield") == "dwhitfield (Dana Whitfield)"
    assert signoff.recorder() == "dwhitfield"
    assert signoff.recorder("dwhitfield") == "dwhitfield"
    monkeypatch.setattr(signoff, "current_user", lambda: "")
    assert signoff.recorder("Dana Whitfield") == "Dana Whitfield"
