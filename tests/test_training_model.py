"""Training: sessions, completions by hand and from CSV files, and who is still to be trained."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from policy_model import training
from policy_model.draft import Override, TrainingSession
from policy_model.problems import ProblemsError

DATA = Path(__file__).parent / "data" / "training"
TODAY = date(2026, 11, 25)


@pytest.fixture
def document(untrained_document):  # type: ignore[no-untyped-def]
    return untrained_document


def test_add_session_checks_its_input(document) -> None:
    draft = document.draft
    session = training.add_session(draft, "  Policy launch briefing ", date(2026, 12, 1), "in person")
    assert (session.title, session.format, session.audience) == ("Policy launch briefing", "in person", "granted")
    narrow = training.add_session(draft, "Wealth refresher", audience=" Department: Wealth ,role:Private Banker")
    assert narrow.audience == "department:Wealth, role:Private Banker"
    with pytest.raises(ProblemsError, match="title must not be empty"):
        training.add_session(draft, "   ")
    with pytest.raises(ProblemsError, match="already called"):
        training.add_session(draft, "POLICY LAUNCH BRIEFING")
    with pytest.raises(ProblemsError, match='format "webinar"'):
        training.add_session(draft, "Other", format="webinar")
    with pytest.raises(ProblemsError, match='expected "department:NAME", "role:NAME" or "employee:ID", got "Sales"'):
        training.add_session(draft, "Other", audience="Sales")
    with pytest.raises(ProblemsError, match='did you mean "department"'):
        training.add_session(draft, "Other", audience="departement:Sales")
    with pytest.raises(ProblemsError, match="control character"):
        training.add_session(draft, "Bad\x1b[31m title")
    assert len(draft.training.sessions) == 2


def test_a_new_title_follows_into_completions_and_remove_takes_them(document) -> None:
    draft = document.draft
    training.add_session(draft, "Launch")
    training.record_completion(draft, document.roster.employees, "E1002", "launch", date(2026, 11, 20), TODAY)
    session = training.edit_session(draft, "Launch", "Launch briefing", date(2026, 12, 2), "video call",
                                    "department:Sales")
    assert (session.title, session.audience) == ("Launch briefing", "department:Sales")
    assert draft.training.completions[0].session == "Launch briefing"
    assert training.remove_session(draft, "Launch briefing") == 1
    assert draft.training.sessions == [] and draft.training.completions == []
    with pytest.raises(ProblemsError, match='no session called "Launch briefing"'):
        training.remove_session(draft, "Launch briefing")


def test_record_completion_checks_person_date_and_duplicates(document) -> None:
    draft, people = document.draft, document.roster.employees
    training.add_session(draft, "Launch")
    training.record_completion(draft, people, "E1002", "Launch", date(2026, 11, 20), TODAY)
    with pytest.raises(ProblemsError, match="unknown employee id E9999"):
        training.record_completion(draft, people, "E9999", "launch", date(2026, 11, 20), TODAY)
    with pytest.raises(ProblemsError, match="in the future"):
        training.record_completion(draft, people, "E1003", "launch", date(2026, 12, 20), TODAY)
    with pytest.raises(ProblemsError, match='already completed "Launch" on 2026-11-20'):
        training.record_completion(draft, people, "E1002", "launch", date(2026, 11, 21), TODAY)
    training.remove_completion(draft, "E1002", "Launch")
    assert draft.training.completions == []


def test_pending_lists_granted_people_not_trained(document) -> None:
    draft, people = document.draft, document.roster.employees
    granted = training.granted_employees(draft, people)
    assert granted and all(p.reason == "no training session planned yet" for p in training.pending(draft, people))
    training.add_session(draft, "Launch")
    training.add_session(draft, "Wealth refresher", audience="department:Wealth")
    training.record_completion(draft, people, "E1002", "Launch", date(2026, 11, 20), TODAY)
    ids = {p.employee.id for p in training.pending(draft, people)}
    assert "E1002" not in ids
    assert ids == {e.id for e in granted} - {"E1002"}
    assert ids == {e.id for e in granted if training.needs_training(draft, e)}  # one person at a time
    wealth = next(e for e in granted if "Wealth" in e.department)
    entry = next(p for p in training.pending(draft, people) if p.employee.id == wealth.id)
    assert entry.missing == ("Launch", "Wealth refresher")
    assert entry.reason == "not yet: Launch, Wealth refresher"
    status = training.training_status(draft, people)
    wealth_granted = sum("Wealth" in e.department for e in granted)
    assert status.granted == len(granted)
    assert status.attendance == {"Launch": (1, len(granted)), "Wealth refresher": (0, wealth_granted)}
    # Step 1 denies someone: they are no longer expected at training.
    draft.eligibility.overrides.append(Override(wealth.id, "denied", "moved to back office"))
    assert wealth.id not in {p.employee.id for p in training.pending(draft, people)}


def test_check_reports_completions_left_dangling_by_hand(document) -> None:
    draft, people = document.draft, document.roster.employees
    training.add_session(draft, "Launch")
    training.record_completion(draft, people, "E1002", "Launch", date(2026, 11, 20), TODAY)
    draft.training.completions[0] = replace(draft.training.completions[0], session="Gone")
    (problem,) = training.check_training(draft, people, "d.toml")
    assert problem.field == "training.completions[0].session" and problem.severity == "warning"
    assert problem.message == 'no session is called "Gone"'
    draft.training.sessions.append(TrainingSession("launch", audience="everyone"))
    problems = training.check_training(draft, people, "d.toml")
    assert [(p.field, p.severity) for p in problems[:2]] == [
        ("training.sessions[1].title", "error"), ("training.sessions[1].audience", "warning")]
    assert training.draft_issues(draft) == [
        ("training.sessions[1].title", 'duplicate: a session called "launch" is already at training.sessions[0]')]
