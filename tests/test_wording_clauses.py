"""The clause library, variables, conditions and clause operations, without a terminal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from policy_model import clauses, toml_io
from policy_model.document import new_draft, open_document
from policy_model.draft import Approver, Channel, DisciplineStep, Draft, Employee, TrainingSession

from .drafts import load_draft

PEOPLE = [
    Employee("E1", role="Relationship Banker", department="Retail", customer_facing=True, clients=5),
    Employee("E2", role="Relationship Banker", department="Retail", customer_facing=True, touch="high"),
    Employee("E3", role="Account Manager", department="Commercial", customer_facing=True, clients=4),
    Employee("E4", role="Mailroom Clerk", department="Operations", customer_facing=False),
]


def full_draft(**policy: object) -> Draft:
    """A draft with everything a variable needs."""
    draft = new_draft("Acme Ltd", market="b2b", industry="general", today=date(2026, 11, 1))
    draft.policy.effective_date = date(2027, 1, 1)
    draft.policy.owner = "Pat Lee"
    for key, value in policy.items():
        setattr(draft.policy, key, value)
    draft.channels = [Channel("linkedin", enabled=True, name="LinkedIn"), Channel("sms", enabled=True),
                      Channel("whatsapp", enabled=False, name="WhatsApp")]
    draft.training.sessions = [TrainingSession("Social media basics", format="online")]
    draft.discipline = [DisciplineStep("Reminder"), DisciplineStep("Revocation")]
    draft.approvers = [Approver("Dana Cole", title="General Counsel", role="legal")]
    return draft


def index_of(draft: Draft, clause_id: str) -> int:
    return next(n for n, c in enumerate(draft.clauses) if c.id == clause_id)


def rendered_ids(draft: Draft) -> list[str]:
    return [r.id for r in clauses.render_policy(draft, PEOPLE)]


# --- the library ----------------------------------------------------------------------------


def test_library_has_the_sections_of_a_serious_policy() -> None:
    ids = [c.id for c in clauses.library().clauses]
    for section in ("purpose", "scope", "channels", "acceptable-use", "confidentiality", "record-keeping",
                    "endorsements", "personal-use", "mobile-devices", "account-security", "training",
                    "monitoring", "discipline", "employee-rights", "review", "contacts"):
        assert section in ids
    assert len(ids) == len(set(ids))
    for clause in clauses.library().clauses:
        assert clause.title and clause.text.count(".") >= 2, clause.id
        assert all(u.name in clauses.VARIABLES for u in clauses.variables_in(clause.text)), clause.id


def test_new_draft_is_seeded_from_the_library_and_saves_readably(tmp_path: Path) -> None:
    draft = new_draft("Acme Ltd")
    assert [c.id for c in draft.clauses] == [c.id for c in clauses.library().clauses]
    assert not any(c.customised for c in draft.clauses)
    text = toml_io.dumps(draft)
    assert 'when_industry = [\n    "financial",\n]' in text
    assert "section =" not in text  # a library clause's section is its id, not repeated on disk


def test_example_draft_is_seeded_and_in_saved_form(example_draft: Path) -> None:
    text = example_draft.read_text("utf-8")
    document = open_document(example_draft)
    assert toml_io.dumps(document.draft) == text
    assert [c.id for c in document.draft.clauses] == [c.id for c in clauses.library().clauses]


# --- variables ------------------------------------------------------------------------------


def test_variables_are_filled_from_the_draft_and_the_roster() -> None:
    values = clauses.variable_values(full_draft(), clauses.audience(full_draft(), PEOPLE))
    assert values["company"] == "Acme Ltd"
    assert values["effective_date"] == "1 January 2027"  # no jurisdiction: day first
    assert values["channels"] == "LinkedIn and SMS / text messaging"  # unnamed: the catalog's name
    assert values["granted_count"] == "3"
    assert values["granted_roles"] == "Relationship Banker and Account Manager"  # most common first
    assert values["departments"] == "Retail and Commercial"
    assert values["training"] == "Social media basics (online)"
    assert values["discipline_steps"] == "Reminder and Revocation"
    assert values["review_cycle"] == "at least once a year"
    assert values["contacts"] == "Pat Lee or Dana Cole (General Counsel)"
    assert values["customers"] == "business customers"


def test_long_lists_are_cut_and_commas_inside_items_switch_to_semicolons() -> None:
    assert clauses.join_words(["a", "b", "c"]) == "a, b, and c"
    assert clauses.join_words(["Pat, HR", "Dana", "Lee"]) == "Pat, HR; Dana; and Lee"
    assert clauses.join_words([str(n) for n in range(10)], limit=8, kind="roles") == \
        "0, 1, 2, 3, 4, 5, 6, 7, and 2 other roles"


def test_review_cycle_follows_review_months() -> None:
    draft = full_draft(review_months=6)
    assert clauses.variable_values(draft, clauses.audience(draft, []))["review_cycle"] == "at least every 6 months"


def test_fill_leaves_a_visible_gap_and_names_what_it_could_not_fill() -> None:
    text, unfilled = clauses.fill("{company} uses {channels}; {{literal}} and {nonsense}.",
                                  {"company": "Acme", "channels": ""})
    assert text == "Acme uses [channels: not set]; {literal} and [nonsense: not set]."
    assert unfilled == ("channels", "nonsense")


def test_render_policy_fills_every_enabled_clause_in_order() -> None:
    draft = full_draft()
    rendered = clauses.render_policy(draft, PEOPLE)
    assert rendered[0].id == "purpose" and rendered[0].index == 0
    scope = next(r for r in rendered if r.id == "scope")
    assert "3 employees in Retail and Commercial" in scope.text and "{" not in scope.text
    assert all(not r.unfilled for r in rendered)
    markdown = clauses.policy_markdown(draft, rendered)
    assert "## 1. Purpose" in markdown and "# Social Media and Mobile Communication Policy" in markdown


def test_render_policy_without_roster_reports_unfilled_people_variables() -> None:
    scope = next(r for r in clauses.render_policy(full_draft(), []) if r.id == "scope")
    assert set(scope.unfilled) == {"access_holders"}


# --- conditions -----------------------------------------------------------------------------


@pytest.mark.parametrize(("industry", "expected"), [
    ("financial", {"financial"}), ("Community Banking", {"financial"}), ("Credit Union", {"financial"}),
    ("Hospital", {"healthcare"}), ("general", set()), ("retail", set()),
])
def test_industry_groups_from_free_text(industry: str, expected: set[str]) -> None:
    assert clauses.industry_groups(industry) == expected


def test_industry_condition() -> None:
    assert "record-keeping" not in rendered_ids(full_draft(industry="retail"))
    assert "record-keeping" in rendered_ids(full_draft(industry="Regional bank"))
    assert "no-patient-information" in rendered_ids(full_draft(industry="dental clinic"))
    assert "no-patient-information" not in rendered_ids(full_draft(industry="Regional bank"))


def test_market_condition_needs_the_channel_too() -> None:
    draft = full_draft(market="b2c")
    assert "consumer-messaging" not in rendered_ids(draft)  # WhatsApp is off
    draft.channels[2].enabled = True
    assert "consumer-messaging" in rendered_ids(draft)
    draft.policy.market = "b2b"
    assert "consumer-messaging" not in rendered_ids(draft)


def test_channel_condition() -> None:
    draft = full_draft()
    assert "text-messaging" in rendered_ids(draft)
    assert "push-to-talk" not in rendered_ids(draft)
    draft.channels[1].enabled = False
    assert "text-messaging" not in rendered_ids(draft)


def test_describe_conditions() -> None:
    consumer = clauses.library().clause("consumer-messaging")
    assert consumer is not None
    assert clauses.describe_conditions(consumer) == \
        "b2c or both markets; when facebook or instagram or whatsapp or wechat is enabled"


# --- operations -----------------------------------------------------------------------------


def test_toggle_removes_a_clause_from_the_policy() -> None:
    draft = full_draft()
    n = index_of(draft, "monitoring")
    assert clauses.toggle(draft, n) is False
    assert "monitoring" not in rendered_ids(draft)
    clauses.set_enabled(draft, n, True)
    assert "monitoring" in rendered_ids(draft)


def test_move_up_and_down_stops_at_the_ends() -> None:
    draft = full_draft()
    assert clauses.move(draft, 0, -1) == 0
    assert clauses.move(draft, 0, 1) == 1
    assert [c.id for c in draft.clauses[:2]] == ["definitions", "purpose"]
    last = len(draft.clauses) - 1
    assert clauses.move(draft, last, 1) == last


def test_rewrite_marks_customised_and_back_to_library_words_unmarks() -> None:
    draft = full_draft()
    n = index_of(draft, "purpose")
    original = draft.clauses[n].text
    clauses.rewrite(draft, n, "We use social media to serve {company}'s customers.")
    assert draft.clauses[n].customised
    assert clauses.render_policy(draft, PEOPLE)[0].text == "We use social media to serve Acme Ltd's customers."
    clauses.rewrite(draft, n, original)
    assert not draft.clauses[n].customised
    clauses.retitle(draft, n, "Why we have this policy")
    assert draft.clauses[n].customised


def test_reset_restores_library_words_and_keeps_the_switch() -> None:
    draft = full_draft()
    n = index_of(draft, "purpose")
    clauses.rewrite(draft, n, "Short.")
    clauses.set_enabled(draft, n, False)
    clauses.reset(draft, n)
    assert draft.clauses[n].text == clauses.library().clause("purpose").text  # type: ignore[union-attr]
    assert not draft.clauses[n].customised and not draft.clauses[n].enabled


def test_add_and_remove_a_users_own_clause() -> None:
    draft = full_draft()
    n = clauses.add(draft, "Social listening", "We listen.", after=0)
    assert n == 1 and draft.clauses[1].id == "social-listening" and draft.clauses[1].customised
    assert clauses.add(draft, "Social listening") == len(draft.clauses) - 1
    assert draft.clauses[-1].id == "social-listening-2"
    assert "social-listening" in rendered_ids(draft)
    with pytest.raises(ValueError, match="your own clause"):
        clauses.reset(draft, 1)
    clauses.remove(draft, 1)
    assert "social-listening" not in [c.id for c in draft.clauses]
    with pytest.raises(ValueError, match="switch it off"):
        clauses.remove(draft, 0)


def test_a_customised_clause_survives_save_and_reload(tmp_path: Path) -> None:
    draft = full_draft()
    n = index_of(draft, "monitoring")
    clauses.rewrite(draft, n, "We review business messages only.")
    path = tmp_path / "p.toml"
    toml_io.save(draft, path)
    loaded = load_draft(path)
    assert loaded.clauses[n].text == "We review business messages only." and loaded.clauses[n].customised
