"""policy_model.diff: every kind of change between two drafts, worded in policy terms."""

from __future__ import annotations

import copy
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from exporters.redline import summary_rows
from policy_model.diff import diff_drafts, render_text
from policy_model.draft import Approver, Clause, Completion, Draft, Employee, Override, Revision, TrainingSession
from policy_model.roster_snapshot import read_snapshot
from policy_model.signoff import set_status

from .diff_support import signed


@pytest.fixture
def old(example_draft: Path) -> Draft:
    return signed(example_draft)


@pytest.fixture
def employees(example_draft: Path, old: Draft) -> list[Employee]:
    return read_snapshot(example_draft, old.roster).employees


def text_of(old: Draft, new: Draft, employees: list[Employee] | None = None) -> str:
    return render_text(diff_drafts(old, new, employees, employees))


def test_identical_drafts_are_the_same(old: Draft, employees: list[Employee]) -> None:
    result = diff_drafts(old, copy.deepcopy(old), employees, employees)
    assert result.same
    assert render_text(result) == "No changes between old and new.\n"


def test_header_fields(old: Draft) -> None:
    new = copy.deepcopy(old)
    new.policy.version = "1.0"
    new.policy.effective_date = date(2028, 1, 1)
    new.policy.jurisdiction = ""
    text = text_of(old, new)
    assert "Policy\n" in text
    assert "  Version: 0.1 -> 1.0\n" in text
    assert "  Effective date: 2027-01-01 -> 2028-01-01\n" in text
    assert "  Jurisdiction: Oregon, United States -> (not set)\n" in text


def test_override_grants_access_and_says_why(old: Draft, employees: list[Employee]) -> None:
    new = copy.deepcopy(old)
    new.eligibility.overrides.append(Override("E1004", "denied", "moved to the back office", by="Carmen Reyes"))
    result = diff_drafts(old, new, employees, employees)
    assert [(a.employee_id, a.kind) for a in result.access] == [("E1004", "revoked")]
    text = render_text(result)
    assert ("E1004 Schultz, Daniel: granted -> denied (override by Carmen Reyes: moved to the back office)"
            in text)
    assert "was: rule small-book: Business Development Officer, 4 clients, high touch" in text
    assert "Override for E1004 Schultz, Daniel added (denied by Carmen Reyes: moved to the back office)" in text


def test_override_changed_and_removed(old: Draft, employees: list[Employee]) -> None:
    old.eligibility.overrides = [Override("E1004", "denied", "on leave", by="HR"),
                                 Override("E1002", "review", "new to the role", by="HR")]
    new = copy.deepcopy(old)
    new.eligibility.overrides = [Override("E1002", "review", "new to the role, check in March", by="HR")]
    text = text_of(old, new, employees)
    assert "Override for E1004 Schultz, Daniel removed (was denied by HR: on leave)" in text
    assert "Override for E1002 Brennan, Liam: reason new to the role -> new to the role, check in March" in text
    assert "E1004 Schultz, Daniel: denied -> granted (rule small-book:" in text


def test_rule_change_moves_people(old: Draft, employees: list[Employee]) -> None:
    new = copy.deepcopy(old)
    high_touch = next(r for r in new.eligibility.rules if r.id == "high-touch")
    high_touch.outcome = "review"
    result = diff_drafts(old, new, employees, employees)
    assert [(a.employee_id, a.kind) for a in result.access] == [("E1005", "revoked")]
    text = render_text(result)
    assert "Rule 'high-touch': outcome granted -> review" in text
    assert "E1005 Alvarez, Sofia R: granted -> review (rule high-touch: " in text
    assert "was: rule high-touch" not in text  # same rule and reason: the rule's own change says why


def test_rule_added_removed_reordered(old: Draft) -> None:
    new = copy.deepcopy(old)
    rules = new.eligibility.rules
    rules.insert(0, rules.pop(3))  # large-low-touch first
    removed = rules.pop()
    rules.append(replace(removed, id="catch-all", reason="anyone else"))
    text = text_of(old, new)
    assert "Rule 'large-low-touch': moved from position 4 to 1" in text
    assert "Rule 'not-enough-information' removed (was review: not known to be customer-facing" in text
    assert "Rule 'catch-all' added (review: anyone else)" in text


def test_channels_enabled_disabled_rescoped(old: Draft) -> None:
    new = copy.deepcopy(old)
    linkedin, sms, whatsapp = new.channels
    whatsapp.enabled = True
    linkedin.enabled = False
    sms.groups = ["department:Sales", "role:Banker"]
    sms.archiving_required = False
    text = text_of(old, new)
    assert "Channel WhatsApp enabled\n" in text
    assert "Channel LinkedIn disabled\n" in text
    assert "Channel Text messages re-scoped: now also role:Banker\n" in text
    assert "Channel Text messages: archiving required yes -> no\n" in text


def test_channel_added_and_removed(old: Draft) -> None:
    new = copy.deepcopy(old)
    voxer = replace(new.channels[0], id="voxer", name="Voxer", groups=["role:Banker"])
    new.channels = [voxer, *new.channels[:2]]
    text = text_of(old, new)
    assert "Channel Voxer enabled for role:Banker" in text
    assert "Channel WhatsApp removed\n" in text


def test_clauses_added_removed_reordered_reworded(old: Draft) -> None:
    new = copy.deepcopy(old)
    purpose, monitoring, devices, conduct = new.clauses
    monitoring.text = "The bank archives all client messages; it keeps them for seven years."
    new.clauses = [purpose, monitoring, conduct, devices, Clause("training", title="Training", text="Train yearly.")]
    new.clauses.remove(purpose)
    text = text_of(old, new)
    assert "Clause 'Purpose' removed\n    This policy sets out" in text
    assert "Clause 'Training' added\n    Train yearly.\n" in text
    assert ("Clause 'Monitoring' reworded:\n"
            "    The bank [-monitors-]{+archives+} all client messages[-, and-]{+; it+} "
            "keeps them for [-five-]{+seven+} years.\n") in text
    assert "Clause 'Conduct' moved from position 4 to 2" in text


def test_clause_retitled_and_disabled(old: Draft) -> None:
    new = copy.deepcopy(old)
    new.clauses[2].title = "Phones and computers"
    new.clauses[3].enabled = False
    text = text_of(old, new)
    assert "Clause 'Devices' retitled 'Phones and computers'" in text
    assert "Clause 'Conduct' disabled" in text


def test_a_clause_moved_to_the_other_tier(old: Draft) -> None:
    new = copy.deepcopy(old)
    new.clauses[3].applies_to = "granted"
    assert "Clause 'Conduct' now applies to employees granted access (was every employee)" in text_of(old, new)
    # Writing down the tier a clause already has is no change.
    same = copy.deepcopy(old)
    same.clauses[3].applies_to = "everyone"
    assert "now applies to" not in text_of(old, same)


def test_approvers(old: Draft) -> None:
    new = copy.deepcopy(old)
    new.approvers[0].status = "approved"
    new.approvers[0].date = date(2026, 12, 1)
    new.approvers.pop()
    new.approvers.append(Approver("Sam Ortiz", title="Chief Risk Officer", role="executive"))
    text = text_of(old, new)
    assert "Approver 'Wei Chen': status pending -> approved; date (not set) -> 2026-12-01" in text
    assert "Approver 'Grace Okafor' removed (was Chief Commercial Officer, pending)" in text
    assert "Approver 'Sam Ortiz' added (Chief Risk Officer, pending)" in text


def test_an_approval_the_changes_made_stale_is_named(old: Draft) -> None:
    set_status(old, 0, "approved", today=date(2026, 12, 1))
    new = copy.deepcopy(old)
    new.clauses[0].text += " Employees must give their passwords to HR."
    text = text_of(old, new)
    assert "Wei Chen: approved on 2026-12-01 (version 0.1), now for an earlier text" in text
    redline = summary_rows(diff_drafts(old, new))
    assert ("Approval", "Wei Chen", "approved on 2026-12-01 (version 0.1)", "now for an earlier text") in redline
    assert diff_drafts(old, copy.deepcopy(old)).stale == []


def test_training_and_discipline(old: Draft) -> None:
    old.training.sessions = [TrainingSession("Policy basics", date(2026, 12, 1))]
    new = copy.deepcopy(old)
    new.training.sessions[0].format = "in person"
    new.training.sessions.append(TrainingSession("Archiving texts", format="video call"))
    new.training.completions = [Completion("E1002", "Policy basics", date(2026, 12, 2)),
                                Completion("E1003", "Policy basics", date(2026, 12, 2))]
    new.discipline[1].description = "The employee repeats the training within 14 days."
    text = text_of(old, new)
    assert "Training\n  Session 'Policy basics': format online -> in person" in text
    assert "Session 'Archiving texts' added (video call, (not set))" in text
    assert "Training completions: 2 recorded" in text
    assert "Discipline\n  Step 'Re-education': description" in text


def test_revisions_added(old: Draft) -> None:
    new = copy.deepcopy(old)
    new.revisions.append(Revision("1.0", date(2026, 12, 1), "Carmen Reyes", "Annual review"))
    assert "Revision 'version 1.0 of 2026-12-01' added (Annual review)" in text_of(old, new)


def test_people_joining_and_leaving_the_roster(old: Draft, employees: list[Employee]) -> None:
    joined = Employee("E9001", "Park, Ana", role="Relationship Banker", clients=3, touch="high", customer_facing=True)
    result = diff_drafts(old, copy.deepcopy(old), employees, [*employees[1:], joined])
    text = render_text(result)
    assert "E9001 Park, Ana: not in the roster -> granted (rule small-book:" in text
    assert f"{employees[0].id} {employees[0].name}: review -> not in the roster" in text


def test_without_a_roster_access_comes_from_overrides(old: Draft, employees: list[Employee]) -> None:
    new = copy.deepcopy(old)
    new.eligibility.overrides.append(Override("E1004", "denied", "moved to the back office", by="HR"))
    result = diff_drafts(old, new, employees, None, missing="new.roster.csv")
    assert result.access_basis == "overrides"
    text = render_text(result)
    assert ("roster snapshot not available (new.roster.csv): access changes are computed from overrides only"
            in text)
    assert "E1004 Schultz, Daniel: decided by the rules -> denied (override by HR: moved to the back office)" in text
    assert "Overrides" not in text  # already said under Access


def test_two_approvers_with_one_name_are_both_compared(old: Draft) -> None:
    old.approvers.append(Approver("Wei Chen", title="Deputy Compliance Officer", role="compliance"))
    new = copy.deepcopy(old)
    new.approvers[-1].status = "approved"
    text = text_of(old, new)
    assert "Approver 'Wei Chen': status pending -> approved" in text
    assert text.count("Approver '") == 1
