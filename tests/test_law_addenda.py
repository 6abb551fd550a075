"""The policy follows the law packs: the firm kind's own rules cited.

Every test is parametrised over the shipped packs, so a new pack is covered as it is added.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from policy_model import law, lint
from policy_model.clauses import DUTY_TOPICS
from tests.test_cli import run
from tests.test_wording_clauses import PEOPLE, full_draft

FIRMS = [p for p in law.packs().values() if p.kind == "firm"]


def exported_text(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    """The exported .docx's paragraphs, re-opened, one per line."""
    out = path.with_suffix(".docx")
    code, _, err = run(capsys, "export", str(path), "-o", str(out))
    assert code == 0, err
    return "\n".join(p.text for p in docx.Document(str(out)).paragraphs)


def new(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> Path:
    code, _, err = run(capsys, "new", str(path), "--company", "Acme", *args)
    assert code == 0, err
    return path


# --- the firm kind's own rules --------------------------------------------------------------------


def duty_citations(pack: law.LawPack) -> set[str]:
    return {r.citation for r in pack.rules if r.topic in DUTY_TOPICS}


@pytest.mark.parametrize("pack", FIRMS, ids=lambda p: p.id)
def test_the_export_of_each_firm_kind_cites_its_own_rules_and_no_other_kinds(
        pack: law.LawPack, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = new(capsys, tmp_path / "d.toml", "--firm", pack.id)
    text = exported_text(capsys, path)
    assert all(c in text for c in duty_citations(pack))
    others = set().union(*(duty_citations(p) for p in FIRMS if p is not pack)) - duty_citations(pack)
    assert [c for c in others if c in text] == []


@pytest.mark.parametrize(("firm", "cites", "never"), [
    ("broker-dealer", ("17a-4", "FINRA Rule 4511"), ("204-2", "206(4)-1")),
    ("investment-adviser", ("204-2", "206(4)-1"), ("17a-4", "FINRA")),
])
def test_a_broker_dealer_and_an_adviser_are_each_cited_their_own_record_keeping(
        firm: str, cites: tuple[str, ...], never: tuple[str, ...], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    text = exported_text(capsys, new(capsys, tmp_path / "d.toml", "--firm", firm))
    (duty,) = [line for line in text.splitlines() if "These duties follow from" in line]
    assert all(c in duty for c in cites) and not any(n in text for n in never)


def test_a_financial_draft_with_no_firm_kind_is_asked_to_name_it() -> None:
    draft = full_draft(industry="financial")
    problems = lint.lint(draft, PEOPLE, "policy.toml")
    assert any("{firm_rules}" in p.message and "policy.firm" in p.message for p in problems)
