"""Lint from the law packs: requests states forbid, contradictions, and the firm's own citations."""

from __future__ import annotations

import pytest

from policy_model import clauses, lint
from policy_model.draft import Draft
from policy_model.problems import Problem
from tests.test_wording_clauses import PEOPLE, full_draft, index_of

FILE = "policy.toml"

REQUESTS = {
    "password-request": ("Employees must give HR their personal social media passwords on request.",
                         "Employees must not share the password of a company account with anyone."),
    "required-contact": ("Employees must accept friend requests from their supervisor on social media.",
                         "Employees may choose whether to connect with colleagues on LinkedIn."),
    "shoulder-surfing": ("During an investigation you must log in to your personal accounts in front of a manager.",
                         "You will never be asked to open your personal accounts in front of a manager."),
    "privacy-settings": ("Employees are required to make their personal profiles public so HR can review them.",
                         "Employees choose the privacy settings of their personal accounts."),
}


def found(sentence: str, draft: Draft | None = None, places: tuple[str, ...] | None = None) -> list[Problem]:
    draft = draft or full_draft()
    n = index_of(draft, "acceptable-use")
    clauses.rewrite(draft, n, draft.clauses[n].text + "\n\n" + sentence)
    who = clauses.audience(draft, PEOPLE)
    return [f.problem for f in lint.lint_findings(draft, who, FILE, places=places)]


def test_every_request_rule_has_a_case() -> None:
    assert set(REQUESTS) == {r.id for r in lint.rules().requests}


@pytest.mark.parametrize("rule_id", sorted(REQUESTS))
def test_a_request_is_an_error_where_a_state_forbids_it_naming_the_statute(rule_id: str) -> None:
    offending, _ = REQUESTS[rule_id]
    (problem,) = [p for p in found(offending, places=("US-WA", "US-IL", "US-CA", "US-AR", "US-OR"))
                  if f"({rule_id})" in p.message]
    assert problem.severity == "error"
    assert "RCW 49.44.200" in problem.message and "(checked 2026-12-07, https://app.leg.wa.gov" in problem.message


def test_a_password_request_names_each_forbidding_statute_where_people_work() -> None:
    offending, _ = REQUESTS["password-request"]
    (problem,) = [p for p in found(offending, places=("US-CA", "US-MD", "US-TX")) if "(password-request)" in p.message]
    assert problem.severity == "error"
    assert "Cal. Lab. Code § 980(b)(1)" in problem.message and "Lab. & Empl. § 3-712" in problem.message
    assert "checked 2026-12-07" in problem.message


@pytest.mark.parametrize("rule_id", sorted(REQUESTS))
def test_a_request_elsewhere_is_a_warning_naming_the_states(rule_id: str) -> None:
    offending, _ = REQUESTS[rule_id]
    (problem,) = [p for p in found(offending, places=("US-TX",)) if f"({rule_id})" in p.message]
    assert problem.severity == "warning" and "Washington" in problem.message


@pytest.mark.parametrize("rule_id", sorted(REQUESTS))
def test_lawful_wording_passes(rule_id: str) -> None:
    _, lawful = REQUESTS[rule_id]
    assert found(lawful, places=("US-CA", "US-WA", "US-AR")) == []


def test_a_demand_contradicting_the_promise_of_another_clause_is_an_error() -> None:
    promised = full_draft()  # the library's monitoring clause says passwords are never asked for
    problems = found(REQUESTS["password-request"][0], promised, places=("US-TX",))
    assert any(p.severity == "error" and "contradicts itself" in p.message for p in problems)
    unpromised = full_draft()
    for clause in unpromised.clauses:
        clause.text = clause.text.replace("password", "secret")
    assert not any("contradicts" in p.message for p in found(REQUESTS["password-request"][0], unpromised))


@pytest.mark.parametrize("sentence", ["Follow the law when posting about the company.",
                                      "Employees must not post customer information on social media.",
                                      "Never share trade secrets on social media."])
def test_lawful_sentences_about_social_media_pass(sentence: str) -> None:
    assert found(sentence) == []


def test_anything_negative_about_managers_is_overbroad() -> None:
    (problem,) = found("Do not post anything negative about the company or its managers.")
    assert "(disparaging)" in problem.message and "Narrower" in problem.message


def test_a_public_employer_is_not_cited_the_nlra() -> None:
    city = full_draft()
    city.policy.firm = "public-sector"
    (problem,) = found("Employees must not make disparaging comments about the city's management.", city)
    assert "Pickering" in problem.message and "152(2)" in problem.message
    assert "NLRB" not in problem.message and "National Labor Relations Act, Section 7" not in problem.message


@pytest.mark.parametrize(("firm", "cites", "never"), [
    ("broker-dealer", ("17a-4", "FINRA Rule 4511"), ("204-2", "206(4)-1")),
    ("investment-adviser", ("204-2", "206(4)-1"), ("17a-4", "FINRA")),
])
def test_a_firm_is_cited_its_own_record_keeping_rules(firm: str, cites: tuple[str, ...],
                                                     never: tuple[str, ...]) -> None:
    draft = full_draft(industry="financial")
    draft.policy.firm = firm
    clauses.set_enabled(draft, index_of(draft, "record-keeping"), False)
    (problem,) = lint.lint(draft, PEOPLE, FILE)
    assert "missing-record-keeping" in problem.message
    assert all(c in problem.message for c in cites) and not any(n in problem.message for n in never)
