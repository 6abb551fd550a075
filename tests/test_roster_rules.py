"""Model operations of step 1: overrides, rule thresholds and order, and what decides whom."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from policy_model import toml_io
from policy_model.checks import check_document
from policy_model.document import new_draft, open_document
from policy_model.draft import Draft, Employee, Rule
from policy_model.eligibility import (
    REVIEW,
    clear_override,
    current_user,
    decide,
    describe_rule,
    evaluate,
    find_rule,
    move_rule,
    overrides_by_id,
    set_override,
)
from policy_model.rule_edit import replace_rule

from .drafts import load_draft

AT = datetime(2026, 11, 20, 10, 30, tzinfo=UTC)


def banker(id_: str = "E1", clients: int | None = 12, touch: str | None = "low") -> Employee:
    return Employee(id=id_, name="Brennan, Liam", role="Relationship Banker", department="Sales",
                    clients=clients, touch=touch, customer_facing=True)  # type: ignore[arg-type]


def test_override_beats_the_rules_and_says_so() -> None:
    draft = new_draft("Acme")
    set_override(draft, "E1", "denied", "  moved to a back-office project\n until March ", by="carmen", at=AT)
    decision = evaluate(draft, [banker(clients=5, touch="high")])[0]
    assert (decision.status, decision.rule_id, decision.overridden) == ("denied", "override", True)
    assert decision.reason == "override by carmen: moved to a back-office project until March"


def test_override_records_the_os_user_and_now_in_utc_by_default() -> None:
    draft = new_draft("Acme")
    before = datetime.now(UTC).replace(microsecond=0)
    override = set_override(draft, "E1", "granted", "covers for a colleague")
    assert override.by == current_user()
    assert override.at is not None and override.at.tzinfo is not None
    assert before <= override.at <= datetime.now(UTC)


@pytest.mark.parametrize("reason", ["", "   ", "\n\t"])
def test_override_without_a_reason_is_refused(reason: str) -> None:
    draft = new_draft("Acme")
    with pytest.raises(ValueError, match="needs a reason"):
        set_override(draft, "E1", "granted", reason)
    assert draft.eligibility.overrides == []


def test_override_with_an_unknown_status_is_refused() -> None:
    draft = new_draft("Acme")
    with pytest.raises(ValueError, match="granted, review or denied"):
        set_override(draft, "E1", "yes", "because")  # type: ignore[arg-type]


def test_second_override_replaces_the_first_in_place() -> None:
    draft = new_draft("Acme")
    set_override(draft, "E1", "granted", "first", by="a", at=AT)
    set_override(draft, "E2", "denied", "other", by="a", at=AT)
    set_override(draft, "E1", "review", "second thoughts", by="b", at=AT)
    assert [(o.employee_id, o.status, o.reason) for o in draft.eligibility.overrides] == [
        ("E1", "review", "second thoughts"), ("E2", "denied", "other")]


def test_clearing_an_override_hands_the_person_back_to_the_rules() -> None:
    draft = new_draft("Acme")
    set_override(draft, "E1", "denied", "left the team", by="a", at=AT)
    removed = clear_override(draft, "E1")
    assert removed is not None and removed.reason == "left the team"
    assert "E1" not in overrides_by_id(draft)
    assert clear_override(draft, "E1") is None
    assert evaluate(draft, [banker(clients=5, touch="high")])[0].rule_id == "small-book"


def test_override_survives_save_and_load(tmp_path: Path) -> None:
    draft = new_draft("Acme")
    set_override(draft, "E7", "granted", "launching the new branch", by="carmen", at=AT)
    toml_io.save(draft, tmp_path / "d.toml")
    loaded = load_draft(tmp_path / "d.toml")
    assert loaded.eligibility.overrides == draft.eligibility.overrides


def set_thresholds(draft: Draft, rule_id: str, max_clients: int | None, min_clients: int | None) -> Rule:
    """A rule's client-count limits changed as the rule form changes them."""
    rule = replace(find_rule(draft, rule_id), max_clients=max_clients, min_clients=min_clients)
    return replace_rule(draft, rule_id, rule)


def test_raising_the_small_book_threshold_grants_a_twelve_client_banker() -> None:
    draft = new_draft("Acme")
    person = banker(clients=12, touch="low")
    assert evaluate(draft, [person])[0].rule_id == "customer-facing"
    set_thresholds(draft, "small-book", max_clients=15, min_clients=None)
    decision = evaluate(draft, [person])[0]
    assert (decision.status, decision.rule_id) == ("granted", "small-book")
    assert decision.reason == "Relationship Banker, 12 clients, low touch: small book of clients to grow"


def test_lowering_the_large_book_threshold_denies_a_twenty_client_banker() -> None:
    draft = new_draft("Acme")
    person = banker(clients=20, touch="low")
    assert evaluate(draft, [person])[0].status == "review"
    set_thresholds(draft, "large-low-touch", max_clients=None, min_clients=20)
    assert evaluate(draft, [person])[0].rule_id == "large-low-touch"


@pytest.mark.parametrize(("max_clients", "min_clients", "message"), [
    (-1, None, "cannot be negative"),
    (None, -3, "cannot be negative"),
    (5, 10, "no one could match"),
])
def test_impossible_thresholds_are_refused(max_clients: int | None, min_clients: int | None, message: str) -> None:
    draft = new_draft("Acme")
    with pytest.raises(ValueError, match=message):
        set_thresholds(draft, "small-book", max_clients, min_clients)
    assert find_rule(draft, "small-book").max_clients == 10


def test_unknown_rule_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match='no rule "tiny-book"'):
        set_thresholds(new_draft("Acme"), "tiny-book", 3, None)


def test_moving_a_rule_changes_which_matches_first() -> None:
    draft = new_draft("Acme")
    person = banker(clients=5, touch="high")
    assert move_rule(draft, "high-touch", -1) == 1
    assert [r.id for r in draft.eligibility.rules][:3] == ["back-office", "high-touch", "small-book"]
    assert evaluate(draft, [person])[0].rule_id == "high-touch"
    assert move_rule(draft, "back-office", -5) == 0
    last = len(draft.eligibility.rules) - 1
    assert move_rule(draft, "back-office", 99) == last


def test_rules_are_described_in_words() -> None:
    draft = new_draft("Acme")
    assert describe_rule(find_rule(draft, "small-book")) == "customer-facing, at most 10 clients"
    assert describe_rule(find_rule(draft, "large-low-touch")) == "customer-facing, at least 25 clients, low touch"
    assert describe_rule(find_rule(draft, "not-enough-information")) == "anyone"


def test_example_people_are_decided_with_reasons_in_words(example_draft: Path) -> None:
    document = open_document(example_draft)
    people = document.roster.by_id()
    decision = decide(people["E1002"], document.draft.eligibility.rules)
    assert decision.reason == "Relationship Banker, 6 clients, high touch: small book of clients to grow"
    assert decide(people["E1036"], document.draft.eligibility.rules).status == "denied"


def test_check_reports_hand_edited_eligibility_mistakes_on_their_lines(example_draft: Path) -> None:
    text = example_draft.read_text(encoding="utf-8")
    text = text.replace("max_clients = 10\n", "max_clients = 10\nmin_clients = 12\n")
    text += ('\n[[eligibility.overrides]]\nemployee_id = "E1002"\nstatus = "denied"\nreason = " "\n'
             '\n[[eligibility.overrides]]\nemployee_id = "E9999"\nstatus = "granted"\nreason = "new hire"\n')
    example_draft.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    problems = [str(p) for p in check_document(open_document(example_draft)) if p.field != REVIEW]
    small_book = lines.index('id = "small-book"')  # the line after its [[eligibility.rules]] header
    reason_line = lines.index('reason = " "') + 1
    ghost_line = lines.index('employee_id = "E9999"') + 1
    assert problems == [
        f"{example_draft}:{small_book}:1: eligibility.rules[1]: rule small-book: "
        "at least 12 and at most 10 clients: no one could match",
        f"{example_draft}:{reason_line}:1: eligibility.overrides[0].reason: the override for E1002 has no reason; "
        "say why they are an exception",
        f"{example_draft}:{ghost_line}:1: warning: eligibility.overrides[1].employee_id: E9999 is not in the roster "
        "(left the company?); the override has no effect",
    ]


def test_example_has_no_eligibility_problems_but_its_people_in_review(example_draft: Path) -> None:
    assert [p.field for p in check_document(open_document(example_draft))] == [REVIEW]


def test_the_same_roster_is_decided_again_after_each_change_to_rules_or_overrides() -> None:
    """evaluate keeps its last answer for the same roster list: every kind of change, made in
    place as the TUI makes it, must still be seen."""
    draft = new_draft("Acme")
    roster = [banker("E1", clients=12, touch="low"), banker("E2", clients=30, touch="low")]
    first = evaluate(draft, roster)
    assert [d.rule_id for d in first] == ["customer-facing", "large-low-touch"]
    first.clear()  # a caller's own copy: changing it changes nothing kept
    assert [d.rule_id for d in evaluate(draft, roster)] == ["customer-facing", "large-low-touch"]
    set_thresholds(draft, "small-book", max_clients=15, min_clients=None)  # a rule changed in place
    assert evaluate(draft, roster)[0].rule_id == "small-book"
    move_rule(draft, "large-low-touch", -3)
    assert evaluate(draft, roster)[0].rule_id == "small-book"
    set_override(draft, "E2", "granted", "Signed off by the CCO", by="HR", at=AT)
    assert evaluate(draft, roster)[1].overridden
    find_rule(draft, "small-book").max_clients = 5  # a hand edit, as a reload would bring it
    assert evaluate(draft, roster)[0].rule_id == "customer-facing"
    clear_override(draft, "E2")
    assert not evaluate(draft, roster)[1].overridden
    roster.append(banker("E3", clients=None))  # a list grown in place is not the same roster
    assert len(evaluate(draft, roster)) == 3
