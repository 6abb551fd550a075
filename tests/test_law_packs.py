"""Law packs: every rule sourced and dated, the draft's firm kind and jurisdictions, where people work."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from policy_model import law, toml_io
from policy_model.details import details_of, set_details
from policy_model.document import new_draft, open_document
from policy_model.draft import Employee
from policy_model.problems import ProblemsError
from policy_model.roster_snapshot import snapshot_path, write_snapshot
from policy_model.signed import fingerprint, signed_text
from policy_model.signoff import add_approver, set_status
from tui.app import PolicyApp
from tui.screens.form import FormScreen

from .drafts import load_draft
from .test_cli import run
from .waiting import settle


def test_every_rule_has_a_citation_a_source_and_a_date() -> None:
    packs = law.packs()
    assert set(law.FIRM_KINDS) <= set(packs), "a pack for every kind of firm"
    for pack in packs.values():
        for rule in pack.rules:
            assert rule.citation and rule.says, rule.id
            assert rule.source.startswith("https://"), rule.id
            assert rule.updated <= date(2026, 12, 7) and (rule.checked is None or rule.checked <= rule.updated)


@pytest.mark.parametrize(("state", "topic"), [("US-CA", "credentials"), ("US-AR", "contacts"),
                                              ("US-OR", "in-presence"), ("US-IL", "credentials"),
                                              ("US-MD", "credentials"), ("US-WA", "privacy-settings"),
                                              ("US-NY", "monitoring-notice"), ("US-CT", "monitoring-notice"),
                                              ("US-DE", "monitoring-notice"), ("US-CO", "off-duty"),
                                              ("US-CA", "expenses"), ("US-IL", "expenses"), ("US", "hours-worked"),
                                              ("EU", "data-minimisation"), ("GB", "monitoring-notice")])
def test_a_state_pack_holds_its_rule(state: str, topic: str) -> None:
    assert law.packs()[state].on(topic)


def test_a_state_is_covered_by_its_own_pack_and_the_federal_one_a_member_state_by_the_eus() -> None:
    assert {p.id for p in law.covering(["US-CA"])} == {"US-CA", "US"}
    assert {p.id for p in law.covering(["DE"])} == {"EU"}
    assert {p.id for p in law.covering(["US-TX"])} == {"US"}, "a state without a pack still has federal law"


@pytest.mark.parametrize(("typed", "code"), [("us-ca", "US-CA"), (" GB ", "GB"), ("eu", "EU"), ("de", "DE")])
def test_jurisdiction_codes_are_iso_3166(typed: str, code: str) -> None:
    assert law.jurisdiction_code(typed) == code


@pytest.mark.parametrize("typed", ["US-XX", "California", "UK", "ZZ", ""])
def test_an_unknown_jurisdiction_code_is_refused_in_words(typed: str) -> None:
    with pytest.raises(ValueError, match="not a jurisdiction code"):
        law.jurisdiction_code(typed)


@pytest.mark.parametrize(("location", "code"), [("CA", "US-CA"), ("San Diego, CA", "US-CA"), ("New York", "US-NY"),
                                                ("London, UK", "GB"), ("Germany", "DE"), ("Remote", None)])
def test_a_work_location_names_its_jurisdiction(location: str, code: str | None) -> None:
    assert law.place_of(location) == code


@pytest.mark.parametrize(("industry", "firm"), [("Retail banking", "bank"), ("Brokerage", "broker-dealer"),
                                                ("Hospital", "healthcare"), ("financial", "general"),
                                                ("Software", "general")])
def test_an_old_drafts_industry_names_a_firm_kind_only_when_unambiguous(industry: str, firm: str) -> None:
    assert law.firm_kind(new_draft("Acme", industry=industry)) == firm


def test_details_set_the_firm_kind_and_jurisdictions_and_refuse_unknown_ones() -> None:
    draft = new_draft("Acme")
    set_details(draft, replace(details_of(draft), firm="investment-adviser", jurisdictions="us-ny, GB"))
    assert (draft.policy.firm, draft.policy.jurisdictions) == ("investment-adviser", ["US-NY", "GB"])
    for bad in ({"firm": "hedge fund"}, {"jurisdictions": "US-CA, Narnia"}):
        with pytest.raises(ProblemsError):
            set_details(draft, replace(details_of(draft), **bad))
    assert draft.policy.jurisdictions == ["US-NY", "GB"], "nothing changes when a field is refused"


def test_details_left_as_the_industry_says_keep_the_firm_unset() -> None:
    draft = new_draft("Acme", industry="Retail banking")
    set_details(draft, replace(details_of(draft), owner="HR"))
    assert draft.policy.firm == "" and law.firm_kind(draft) == "bank"


def test_new_with_firm_and_jurisdictions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.toml"
    code, _, err = run(capsys, "new", str(path), "--firm", "broker-dealer", "--jurisdiction", "us-ca",
                       "--jurisdiction", "EU")
    assert code == 0, err
    draft = load_draft(path)
    assert (draft.policy.firm, draft.policy.jurisdictions) == ("broker-dealer", ["US-CA", "EU"])
    assert draft.policy.industry == "financial", "the firm kind's industry, so its clauses apply"


@pytest.mark.parametrize(("option", "value"), [("--firm", "hedge-fund"), ("--jurisdiction", "US-ZZ")])
def test_new_refuses_an_unknown_firm_or_jurisdiction_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                 option: str, value: str) -> None:
    path = tmp_path / "x.toml"
    code, _, err = run(capsys, "new", str(path), option, value)
    assert code == 1 and err.startswith(f"{option}: ") and err.count("\n") == 1
    assert not path.exists()


def test_an_old_draft_loads_and_saves_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "old.toml"
    toml_io.save(new_draft("Acme", industry="financial"), path)
    before = path.read_text(encoding="utf-8")
    assert "\nfirm = " not in before and "\njurisdictions = " not in before and "[law]" not in before
    toml_io.save(toml_io.load(path).draft, path)  # type: ignore[arg-type]
    assert path.read_text(encoding="utf-8") == before


def test_a_draft_file_with_an_unknown_firm_is_an_error_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    toml_io.save(new_draft("Acme"), path)
    path.write_text(path.read_text(encoding="utf-8").replace('jurisdiction = ""', 'jurisdiction = ""\nfirm = "hedge"'),
                    encoding="utf-8")
    problems = toml_io.load(path).problems
    assert any(p.field == "policy.firm" and p.line and "unknown kind of firm" in p.message for p in problems)


def located_roster(path: Path) -> Path:
    draft = new_draft("Acme")
    sites = ["San Diego, CA"] * 3 + ["NY"] * 2 + ["Portland, OR"]
    employees = [Employee(id=f"E{n}", name=f"Person {n}", role="Banker", location=site)
                 for n, site in enumerate(sites)]
    write_snapshot(snapshot_path(path), employees, [], draft.roster)
    toml_io.save(draft, path)
    return path


def test_the_roster_adds_the_places_people_work(tmp_path: Path) -> None:
    document = open_document(located_roster(tmp_path / "x.toml"))
    document.draft.policy.jurisdictions = ["GB"]
    assert law.draft_places(document.draft, document.roster.employees) == ("GB", "US-CA", "US-NY", "US-OR")


async def test_step_1_shows_where_people_work_with_counts(tmp_path: Path) -> None:
    app = PolicyApp(open_document(located_roster(tmp_path / "x.toml")))
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        summary = str(app.screen.query_one("#roster-summary", Static).render())
        assert "works in US-CA 3, US-NY 2, US-OR 1" in summary


def test_a_change_of_firm_kind_makes_an_approval_stale() -> None:
    draft = new_draft("Acme")
    before = fingerprint(signed_text(draft))
    draft.policy.firm = "broker-dealer"
    assert fingerprint(signed_text(draft)) != before


def signed_draft(path: Path, firm: str = "general", places: tuple[str, ...] = ("US-CA",)) -> Path:
    draft = new_draft("Acme", firm=firm, jurisdictions=places)
    add_approver(draft, "Lee Legal")
    set_status(draft, 0, "approved", by="tester")
    toml_io.save(draft, path)
    return path


def test_a_sign_off_records_the_packs_it_was_given_under() -> None:
    draft = new_draft("Acme", jurisdictions=["US-CA"])
    add_approver(draft, "Lee Legal")
    set_status(draft, 0, "approved", by="tester")
    assert draft.law["US-CA"] == law.packs()["US-CA"].updated and "broker-dealer" in draft.law
    assert law.changed_since(draft) == []


def test_check_names_the_rules_changed_since_the_draft_was_signed(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    path = signed_draft(tmp_path / "x.toml")
    draft = load_draft(path)
    draft.law = {pack_id: date(2026, 1, 1) for pack_id in draft.law}  # signed under older packs
    toml_io.save(draft, path)
    code, out, err = run(capsys, "check", str(path))
    lines = [line for line in (out + err).splitlines() if "changed since" in line]
    assert any("California (US-CA)" in line and "ca-credentials (Cal. Lab. Code § 980(b)(1))" in line
               for line in lines)
    assert not any("(US-NY)" in line for line in lines), "only the packs the policy answers to"


def test_check_is_quiet_about_packs_unchanged_since_signing(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    _, out, err = run(capsys, "check", str(signed_draft(tmp_path / "x.toml")))
    assert "changed since" not in out + err


def test_check_names_a_clause_the_states_people_work_in_forbid(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = located_roster(tmp_path / "x.toml")  # people in California, New York and Oregon
    draft = load_draft(path)
    clause = next(c for c in draft.clauses if c.id == "acceptable-use")
    clause.text += "\n\nEmployees must give HR their personal social media passwords on request."
    toml_io.save(draft, path)
    code, _, err = run(capsys, "check", str(path))
    (line,) = [line for line in err.splitlines() if "(password-request)" in line]
    assert code == 1 and "Cal. Lab. Code § 980(b)(1)" in line and "ORS 659A.330(1)(a)" in line
    assert "clauses[" in line


async def test_the_details_form_sets_the_places_whose_law_applies(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("4", "e")
        assert isinstance(app.screen, FormScreen)
        await pilot.press(*["tab"] * 9, "ctrl+u", *"us-or, GB", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, FormScreen), "the form closed: the codes were taken"
        assert app.document is not None and app.document.draft.policy.jurisdictions == ["US-OR", "GB"]
        table = app.screen.query_one("#details-table", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(n)] for n in range(table.row_count)]
        assert ["Law of (ISO codes)", "US-OR, GB"] in rows and ["Kind of firm", "bank"] in rows


async def test_the_details_form_refuses_an_unknown_code_and_stays_open(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("4", "e")
        await pilot.press(*["tab"] * 9, "ctrl+u", *"Narnia", "enter")
        await settle(pilot)
        assert isinstance(app.screen, FormScreen)
        assert app.document is not None and app.document.draft.policy.jurisdictions == ["US-OR"]
