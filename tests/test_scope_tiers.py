"""The policy in two tiers: rules for every employee, and rules for those granted access."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import docx
import pytest

from exporters.docx import export_bytes
from policy_model import clauses, toml_io
from policy_model.document import create_document, new_draft, open_document
from policy_model.draft import Clause, Employee
from policy_model.lint import lint
from policy_model.policy_view import build_view
from policy_model.roster_snapshot import Roster
from policy_model.signed import signed_text
from tui.app import PolicyApp
from tui.widgets.clause_list import ClauseList

from .waiting import until

OLD_SCOPE = ("This policy applies to every employee of {company} who is granted social media or mobile access "
             "to customers, and to the managers who supervise them.")


def at(draft_clauses: list[Clause], clause_id: str) -> int:
    return next(n for n, c in enumerate(draft_clauses) if c.id == clause_id)


@pytest.mark.parametrize(("clause_id", "expected"), [
    ("personal-use", "everyone"), ("confidentiality", "everyone"), ("employee-rights", "everyone"),
    ("endorsements", "everyone"), ("scope", "everyone"), ("discipline", "everyone"),
    ("channels", "granted"), ("record-keeping", "granted"), ("training", "granted"), ("acceptable-use", "granted"),
])
def test_the_library_puts_each_rule_in_its_tier(clause_id: str, expected: str) -> None:
    clause = clauses.library().clause(clause_id)
    assert clause is not None and clauses.tier(clause) == expected


def test_a_clause_without_a_tier_reads_as_the_library_says_or_binds_everyone() -> None:
    # A draft written before the two tiers has no applies_to: it must read as the library does.
    assert clauses.tier(Clause("training")) == "granted"
    assert clauses.tier(Clause("my-own", title="Our own rule")) == "everyone"
    assert clauses.tier(Clause("my-training", section="training")) == "granted"
    assert clauses.tier(Clause("training", applies_to="everyone")) == "everyone"


def test_the_tier_is_kept_in_the_draft_file_and_unset_stays_unset(tmp_path: Path) -> None:
    draft = new_draft("Acme", "b2b", "general")
    draft.clauses.append(Clause("my-own", title="Own", text="Text."))
    draft.clauses[at(draft.clauses, "personal-use")].applies_to = "granted"
    path = tmp_path / "draft.toml"
    toml_io.save(draft, path)
    text = path.read_text()
    assert 'applies_to = "granted"' in text
    again = toml_io.load(path).draft
    assert again is not None
    assert again.clauses[at(again.clauses, "personal-use")].applies_to == "granted"
    assert again.clauses[-1].applies_to is None


def test_a_draft_with_nobody_granted_still_binds_everyone_to_the_rules_for_all(tmp_path: Path) -> None:
    document = create_document(tmp_path / "new.toml", company="Acme")
    # Two people, neither granted: with no rule, both are in review.
    document.use_roster(Roster(employees=[Employee("E1", "Ann Lee", role="Accountant"),
                                          Employee("E2", "Bo Chan", role="Engineer")]))
    word = docx.Document(io.BytesIO(export_bytes(build_view(document))))
    texts = [p.text for p in word.paragraphs if not p.style.name.startswith("TOC")]
    scope = texts[texts.index("Scope and who is granted access"):][:4]
    assert scope[1] == "Applies to every employee."
    assert scope[2].startswith("This policy applies to every employee of Acme. Each section says whom it binds.")
    assert "At the date of this policy no employee holds access." in scope[3]
    personal = texts.index("Personal use at work")
    assert texts[personal + 1] == "Applies to every employee."
    assert texts[texts.index("Training") + 1] == "Applies to employees granted access."
    # The one acknowledgment every employee signs has no training statement.
    assert [t for t in texts if "cknowledgment" in t] == ["Employee acknowledgment"]


def test_the_scope_counts_those_granted_in_words() -> None:
    who = clauses.Audience(True, 1, ("Banker",), ("Retail",))
    values = clauses.variable_values(new_draft("Acme", "b2b", "general"), who)
    assert values["access_holders"] == "1 employee in Retail holds access, in the following roles: Banker"
    who = clauses.Audience(True, 3, ("Banker", "Adviser"), ())
    values = clauses.variable_values(new_draft("Acme", "b2b", "general"), who)
    assert values["access_holders"] == "3 employees hold access, in the following roles: Banker and Adviser"


def tier_warnings(draft_clauses: list[Clause]) -> list[str]:
    draft = new_draft("Acme", "b2b", "general")
    draft.clauses = draft_clauses
    return [p.message for p in lint(draft, [], "policy.toml") if "applies to" in p.message or "scope" in p.message]


def test_lint_warns_of_a_rule_for_everyone_put_among_the_rules_for_those_granted() -> None:
    seeded = clauses.seed_clauses()
    assert tier_warnings(seeded) == []
    n = at(seeded, "personal-use")
    seeded[n] = replace(seeded[n], applies_to="granted")
    (warning,) = tier_warnings(seeded)
    assert warning.startswith('"Personal use at work" applies to employees granted access, but any employee may')
    assert "make it apply to every employee" in warning and "29 U.S.C. 157" in warning


def test_lint_warns_of_training_bound_on_everyone() -> None:
    seeded = clauses.seed_clauses()
    n = at(seeded, "training")
    seeded[n] = replace(seeded[n], applies_to="everyone")
    (warning,) = tier_warnings(seeded)
    assert "only employees granted access take the training" in warning


def test_lint_warns_of_a_scope_that_limits_the_policy_to_those_granted() -> None:
    seeded = clauses.seed_clauses()
    n = at(seeded, "scope")
    seeded[n] = replace(seeded[n], text=OLD_SCOPE)
    (warning,) = tier_warnings(seeded)
    assert '"Scope and who is granted access" says "applies to every employee of {company} who is granted"' in warning
    assert "bind nobody else" in warning
    # The library's own scope, which binds everyone, passes.
    seeded[n] = replace(seeded[n], text=clauses.library().clause("scope").text)  # type: ignore[union-attr]
    assert tier_warnings(seeded) == []


def test_moving_a_rule_to_the_other_tier_changes_what_approvers_signed() -> None:
    draft = new_draft("Acme", "b2b", "general")
    before = signed_text(draft)
    clauses.switch_tier(draft, at(draft.clauses, "personal-use"))
    assert signed_text(draft) != before
    assert 'clause "Personal use at work", for employees granted access' in signed_text(draft)


async def test_w_in_step_3_switches_whom_a_clause_binds(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        assert isinstance(app.focused, ClauseList)
        index = app.focused.highlighted
        assert index is not None and clauses.tier(app.document.draft.clauses[index]) == "everyone"
        await pilot.press("w")
        assert app.document.draft.clauses[index].applies_to == "granted"
        await until(pilot, lambda: any("now applies to employees granted access" in n.message
                                       for n in app._notifications))
        await pilot.press("p")
        await until(pilot, lambda: "*Applies to employees granted access.*" in app.screen.query_one(
            "#policy-preview").source)
        await pilot.press("escape", "ctrl+z")
        assert app.document.draft.clauses[index].applies_to is None
