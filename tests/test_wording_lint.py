"""Policy lint: each rule has a case that fires and one that does not."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from policy_model import clauses, lint, toml_io
from policy_model.checks import check_document
from policy_model.document import open_document
from policy_model.draft import Draft
from policy_model.problems import Problem
from tests.test_wording_clauses import PEOPLE, full_draft, index_of

from .drafts import load_draft

FILE = "policy.toml"


def problems(draft: Draft) -> list[Problem]:
    return lint.lint(draft, PEOPLE, FILE)


def with_sentence(sentence: str, draft: Draft | None = None) -> list[Problem]:
    """The problems after appending one sentence to the acceptable-use clause."""
    draft = draft or full_draft()
    n = index_of(draft, "acceptable-use")
    clauses.rewrite(draft, n, draft.clauses[n].text + "\n\n" + sentence)
    return problems(draft)


def test_the_library_policy_is_clean() -> None:
    assert problems(full_draft()) == []
    assert problems(full_draft(industry="Regional bank", market="both")) == []
    assert problems(full_draft(industry="hospital", market="b2c")) == []


# --- overbroad wording (warnings) -----------------------------------------------------------

OVERBROAD = {
    "disparaging": ("Employees must not make disparaging comments about the company.",
                    "Employees must not post statements that are maliciously false."),
    "criticising-employer": ("Never criticise the company or its management online.",
                             "Never criticise a customer's choices in public."),
    "discussing-pay": ("Employees may not discuss their salary or bonus on social media.",
                       "Employees share their salary expectations with recruiters."),
    "confidential-employment-terms": ("Salary information is confidential.",
                                      "Trade secrets are confidential."),
    "company-name-logo": ("Do not use the company's name or logo on social media.",
                          "Do not use the company's logo for commercial purposes."),
    "anything-about-work": ("Do not post anything about your job or your colleagues.",
                            "Do not post customer account details."),
    "media-and-agencies": ("Employees must not speak to the media about the company.",
                           "Only authorised spokespeople speak to the media on behalf of the company."),
    "vague-conduct": ("Do not post inappropriate remarks about colleagues.",
                      "Do not send inappropriate files to customers."),
    "prior-approval": ("Obtain prior approval from HR before you mention your work online.",
                       "Posts on the company account need prior approval from marketing."),
    "monitoring-personal": ("The company may monitor your personal accounts at any time.",
                            "The company does not monitor your personal accounts."),
    "photos-recordings": ("Taking photos or recordings in the office is prohibited.",
                          "Do not photograph customer documents in the office."),
    "identify-and-disclaim": ("Employees who post about the company must identify themselves and add a disclaimer.",
                              "When you promote our products online, disclose that you work for {company}."),
    "respectful-to-management": ("Keep your posts respectful toward management.",
                                 "Be courteous to customers when you answer them."),
}


def test_every_wording_rule_has_a_case() -> None:
    assert set(OVERBROAD) == {r.id for r in lint.rules().wording}


@pytest.mark.parametrize("rule_id", sorted(OVERBROAD))
def test_overbroad_rule_fires_with_quote_reason_suggestion_and_source(rule_id: str) -> None:
    fires, _ = OVERBROAD[rule_id]
    found = [p for p in with_sentence(fires) if f"({rule_id})" in p.message]
    assert len(found) == 1, with_sentence(fires)
    problem = found[0]
    rule = next(r for r in lint.rules().wording if r.id == rule_id)
    assert problem.severity == "warning"
    assert problem.field == f"clauses[{index_of(full_draft(), 'acceptable-use')}].text"
    assert rule.why in problem.message and rule.suggest in problem.message and rule.source in problem.message
    assert rule.pattern.search(problem.message.split('"')[1])  # the offending phrase, quoted


@pytest.mark.parametrize("rule_id", sorted(OVERBROAD))
def test_overbroad_rule_does_not_fire_on_narrow_wording(rule_id: str) -> None:
    _, narrow = OVERBROAD[rule_id]
    assert with_sentence(narrow) == []


def test_a_sentence_that_protects_rights_is_never_flagged() -> None:
    assert with_sentence("Nothing in this policy prevents employees from discussing their wages.") == []


def test_a_disabled_clause_is_not_linted() -> None:
    draft = full_draft()
    n = index_of(draft, "acceptable-use")
    clauses.rewrite(draft, n, "Do not make disparaging comments about the company.")
    assert problems(draft)
    clauses.set_enabled(draft, n, False)
    assert problems(draft) == []


# --- errors ---------------------------------------------------------------------------------


def test_unknown_variable_is_an_error_with_a_suggestion() -> None:
    found = with_sentence("Contact {compny} for help.")
    assert len(found) == 1 and found[0].severity == "error"
    assert "unknown variable {compny}" in found[0].message and "did you mean {company}?" in found[0].message
    assert with_sentence("Contact {company} for help.") == []


def test_a_variable_without_a_value_is_an_error_saying_what_to_set() -> None:
    draft = full_draft()
    draft.training.sessions = []
    (found,) = problems(draft)
    assert found.field == f"clauses[{index_of(draft, 'training')}].text"
    assert "{training}" in found.message and "plan at least one training session" in found.message


def test_a_variable_in_a_title_is_checked_too() -> None:
    draft = full_draft()
    clauses.retitle(draft, 0, "Purpose at {compnay}")
    assert [p.field for p in problems(draft)] == ["clauses[0].title"]


@pytest.mark.parametrize("section", ["scope", "channels", "training", "discipline"])
def test_a_required_section_missing_is_an_error(section: str) -> None:
    draft = full_draft()
    n = index_of(draft, section)
    clauses.set_enabled(draft, n, False)
    found = [p for p in problems(draft) if "required section missing" in p.message]
    assert len(found) == 1 and found[0].severity == "error"
    assert found[0].field == f"clauses[{n}].enabled"
    # The user's own clause can cover the section instead.
    clauses.add(draft, "Our own words", "Text.", section=section)
    assert problems(draft) == []


def test_missing_approvers_is_an_error() -> None:
    draft = full_draft()
    draft.approvers = []
    found = problems(draft)
    assert [p.field for p in found] == ["approvers"]  # {contacts} still has the owner
    assert "who signs the policy off" in found[0].message


def test_naming_a_channel_that_is_not_enabled_is_an_error() -> None:
    found = with_sentence("Customers may also reach you on WhatsApp or Slack Connect.")
    assert sorted(p.message.split(" names ")[1].split(",")[0] for p in found) == ["Slack Connect", "WhatsApp"]
    assert all(p.severity == "error" for p in found)
    assert with_sentence("Customers may also reach you on LinkedIn.") == []  # LinkedIn is enabled


# --- missing duties (warnings) --------------------------------------------------------------


def test_missing_record_keeping_in_financial_services() -> None:
    bank = full_draft(industry="Community bank")
    clauses.set_enabled(bank, index_of(bank, "record-keeping"), False)
    (found,) = problems(bank)
    assert found.severity == "warning" and "missing-record-keeping" in found.message
    assert "FFIEC" in found.message and "17a-4" not in found.message, "a bank is cited its own rules"
    retail = full_draft(industry="retail")
    clauses.set_enabled(retail, index_of(retail, "record-keeping"), False)
    assert problems(retail) == []


def test_missing_endorsement_disclosure_when_employees_promote_products() -> None:
    draft = full_draft()
    clauses.set_enabled(draft, index_of(draft, "endorsements"), False)
    (found,) = problems(draft)
    assert "missing-endorsement-disclosure" in found.message and "16 CFR Part 255" in found.message
    # A policy that never has employees promote anything needs no disclosure clause.
    clauses.set_enabled(draft, index_of(draft, "purpose"), False)
    assert problems(draft) == []


# --- locations and the check command --------------------------------------------------------


def test_a_problem_is_placed_on_its_line_in_the_saved_draft(tmp_path: Path) -> None:
    draft = full_draft()
    n = index_of(draft, "acceptable-use")
    clauses.rewrite(draft, n, "First paragraph.\n\nSecond.\nDo not disparage the company.")
    path = tmp_path / "p.toml"
    toml_io.save(draft, path)
    (found,) = lint.lint(draft, PEOPLE, str(path), path.read_text("utf-8"))
    line = path.read_text("utf-8").splitlines()[found.line - 1]  # type: ignore[operator]
    assert line == 'Do not disparage the company."""'


def test_findings_give_the_clause_and_the_range_of_the_phrase() -> None:
    draft = full_draft()
    clauses.rewrite(draft, 0, "Never criticise management.")
    (finding,) = lint.lint_findings(draft, clauses.audience(draft, PEOPLE), FILE)
    assert finding.clause == 0
    assert draft.clauses[0].text[finding.start:finding.end] == "criticise"


def edit_example(path: Path, change: Callable[[Draft], object]) -> Path:
    draft = load_draft(path)
    change(draft)
    toml_io.save(draft, path)
    return path


def test_check_document_reports_lint(example_draft: Path) -> None:
    edit_example(example_draft, lambda draft: [setattr(c, "enabled", False) for c in draft.channels])
    found = check_document(open_document(example_draft))
    assert any(p.field.endswith(".text") and "{channels}" in p.message and p.line and p.severity == "todo"
               for p in found)


def test_an_empty_variable_is_reported_once_however_often_it_is_used() -> None:
    draft = full_draft(company="")
    (found,) = problems(draft)
    assert found.field == "clauses[0].text" and "{company}" in found.message and "times in the policy" in found.message


def test_check_command_prints_lint_and_exits_1_on_errors(
        example_draft: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli import main

    assert main(["check", str(example_draft)]) == 0
    edit_example(example_draft, lambda draft: clauses.rewrite(draft, 0, "Welcome to {compnay}."))
    assert main(["check", str(example_draft)]) == 1
    err = capsys.readouterr().err
    assert "unknown variable {compnay}" in err and f"{example_draft}:" in err


def test_a_condition_nobody_knows_is_a_warning() -> None:
    draft = full_draft()
    n = index_of(draft, "record-keeping")
    draft.clauses[n].when_industry = ["finance"]
    draft.clauses[n].when_channel = ["sms", "carrier-pigeon"]
    found = problems(draft)
    assert [p.field for p in found] == [f"clauses[{n}].when_industry[0]", f"clauses[{n}].when_channel[1]"]
    assert all(p.severity == "warning" and "never applies" in p.message for p in found)


def test_missing_patient_privacy_in_healthcare() -> None:
    clinic = full_draft(industry="dental clinic")
    clauses.set_enabled(clinic, index_of(clinic, "no-patient-information"), False)
    (found,) = problems(clinic)
    assert "missing-patient-privacy" in found.message and "45 CFR Part 164" in found.message
    bank = full_draft(industry="bank")
    clauses.set_enabled(bank, index_of(bank, "no-patient-information"), False)
    assert problems(bank) == []


def test_clauses_and_lint_import_without_textual() -> None:
    import subprocess
    import sys

    code = "import sys, policy_model.clauses, policy_model.lint; assert 'textual' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parent.parent)


def test_without_the_files_text_problems_carry_no_line() -> None:
    # An unsaved or modified draft: a line in text written from memory could point anywhere.
    found = problems(full_draft(company=""))
    assert found and all(p.line is None for p in found)
