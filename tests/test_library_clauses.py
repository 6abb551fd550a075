"""The clauses published policies carry: each where its conditions hold, lint-clean, citing the packs."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_model import clauses, lint
from policy_model.document import open_document
from policy_model.draft import Draft

from .test_wording_clauses import PEOPLE, full_draft, rendered_ids

# In every policy, whatever the draft says: whom each binds.
ALWAYS = {"definitions": "everyone", "speaking-for-the-company": "everyone", "third-party-content": "granted",
          "accessibility": "granted", "official-accounts": "everyone", "leaving-accounts": "granted",
          "incidents": "everyone", "local-law": "everyone", "status-of-policy": "everyone"}
# Only where the draft says so: the fact each one needs.
WHEN = {"own-device-costs": ("granted", ["own-device"]),
        "after-hours": ("granted", ["response-time", "exempt-status"])}


def every_fact(**policy: object) -> Draft:
    """A draft in which every fact a clause can depend on holds."""
    draft = full_draft(**policy)
    draft.channels[0].devices = ["company phone", "own phone"]
    draft.channels[0].response_time = "1 business day"
    draft.roster.mapping = {"id": "Employee ID", "role": "Job Title", "flsa": "FLSA Status"}
    return draft


def text_of(draft: Draft, clause_id: str, places: tuple[str, ...] = ()) -> str:
    draft.policy.jurisdictions = list(places)
    return next(r.text for r in clauses.render_policy(draft, PEOPLE) if r.id == clause_id)


@pytest.mark.parametrize("clause_id", sorted(ALWAYS))
def test_a_clause_every_policy_carries_is_in_every_policy_binding_its_tier(clause_id: str) -> None:
    library = clauses.library().clause(clause_id)
    assert library is not None and clauses.tier(library) == ALWAYS[clause_id]
    for policy in ({}, {"industry": "Regional bank", "market": "both"}, {"industry": "hospital", "market": "b2c"}):
        assert clause_id in rendered_ids(full_draft(**policy))


@pytest.mark.parametrize("clause_id", sorted(WHEN))
def test_a_clause_with_facts_appears_only_when_every_fact_holds(clause_id: str) -> None:
    tier, facts = WHEN[clause_id]
    library = clauses.library().clause(clause_id)
    assert library is not None and clauses.tier(library) == tier and library.when_fact == facts
    assert clause_id in rendered_ids(every_fact())
    assert clause_id not in rendered_ids(full_draft())


def test_own_device_costs_follow_a_channel_used_on_an_own_device() -> None:
    draft = every_fact()
    draft.channels[0].devices = ["company phone", "company computer"]
    assert "own-device-costs" not in rendered_ids(draft)
    draft.channels[1].devices = ["own computer"]
    assert "own-device-costs" in rendered_ids(draft)
    draft.channels[1].enabled = False  # an own device on a channel nobody uses is no cost to anyone
    assert "own-device-costs" not in rendered_ids(draft)


def test_after_hours_needs_both_a_response_time_and_the_roster_s_exempt_status() -> None:
    draft = every_fact()
    assert "after-hours" in rendered_ids(draft)
    del draft.roster.mapping["flsa"]
    assert "after-hours" not in rendered_ids(draft)
    draft = every_fact()
    draft.channels[0].response_time = ""
    assert "after-hours" not in rendered_ids(draft)


def test_the_after_hours_clause_says_whom_it_binds_and_cites_the_flsa_from_the_pack() -> None:
    text = text_of(every_fact(), "after-hours")
    assert text.startswith("This section applies to non-exempt employees granted access")
    assert "29 U.S.C. § 207" in text and "29 CFR Part 785" in text


def test_the_expense_rule_cited_is_that_of_the_places_people_work() -> None:
    draft = every_fact()
    both = text_of(draft, "own-device-costs", ("US-CA", "US-IL"))
    assert "California (Cal. Lab. Code § 2802" in both and "Illinois (820 ILCS 115/9.5" in both
    illinois = text_of(draft, "own-device-costs", ("US-IL",))
    assert "820 ILCS 115/9.5" in illinois and "2802" not in illinois
    elsewhere = text_of(draft, "own-device-costs", ("US-TX",))
    assert "ILCS" not in elsewhere and "2802" not in elsewhere
    assert elsewhere.endswith("Where the law of the place an employee works requires more, that law applies.")
    assert "[expense_law: not set]" not in elsewhere


@pytest.mark.parametrize("policy", [{}, {"industry": "Regional bank", "market": "both"},
                                    {"industry": "hospital", "market": "b2c"},
                                    {"jurisdictions": ["US-CA", "US-IL"]}])
def test_every_new_text_passes_the_lint(policy: dict[str, object]) -> None:
    draft = every_fact(**policy)
    assert set(ALWAYS) | set(WHEN) <= set(rendered_ids(draft))
    assert lint.lint(draft, PEOPLE, "policy.toml") == []


def test_a_fact_nobody_knows_is_a_warning() -> None:
    draft = every_fact()
    n = next(i for i, c in enumerate(draft.clauses) if c.id == "own-device-costs")
    draft.clauses[n].when_fact = ["own-device", "union-site"]
    assert "own-device-costs" not in rendered_ids(draft)
    found = lint.lint(draft, PEOPLE, "policy.toml")
    assert [p.field for p in found] == [f"clauses[{n}].when_fact[1]"]
    assert "never applies" in found[0].message


def test_describe_conditions_says_the_facts() -> None:
    own_device = clauses.library().clause("own-device-costs")
    assert own_device is not None
    assert clauses.describe_conditions(own_device) == "when a channel may be used on an own device"
    after_hours = clauses.library().clause("after-hours")
    assert after_hours is not None
    assert clauses.describe_conditions(after_hours) == \
        "when a channel sets a response time; when the roster records exempt status"


def test_a_draft_written_before_keeps_its_own_clauses(export_draft: Path) -> None:
    """The library's new clauses reach new drafts only: a signed policy never changes because
    the library did."""
    library = {c.id for c in clauses.library().clauses}
    assert set(ALWAYS) | set(WHEN) <= library
    document = open_document(export_draft)
    assert not ({c.id for c in document.draft.clauses} & (set(ALWAYS) | set(WHEN)))
    assert not document.problems
