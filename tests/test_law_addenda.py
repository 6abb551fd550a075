"""The policy follows the law packs: an addendum for each place people work, the firm kind's own
rules cited, and a public employer's speech and records clauses instead of the NLRA's.

Every test is parametrised over the shipped packs, so a new pack is covered as it is added.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from textual.widgets import Markdown

from policy_model import clauses, law, lint, signed
from policy_model.clauses import DUTY_TOPICS, in_policy
from policy_model.document import open_document
from policy_model.draft import Draft, Employee
from tests.test_cli import run
from tests.test_wording_clauses import PEOPLE, full_draft, index_of
from tui.app import PolicyApp
from tui.widgets.clause_list import ClauseList

PLACES = [p for p in law.packs().values() if p.kind == "jurisdiction" and p.id != "US"]
FIRMS = [p for p in law.packs().values() if p.kind == "firm"]
ADDENDA = {c.id: c for p in PLACES for c in p.clauses}


def addendum(pack: law.LawPack) -> clauses.Clause:
    (clause,) = pack.clauses
    return clause


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


def roster(path: Path, *locations: str) -> Path:
    """A small HR export with a work-location column, one person per location."""
    rows = [f'E{n},Person {n},Banker,"{where}"' for n, where in enumerate(locations, 1)]
    path.write_text("id,name,role,Work Location\n" + "\n".join(rows) + "\n", "utf-8")
    return path


# --- the addenda as data ----------------------------------------------------------------------


@pytest.mark.parametrize("pack", PLACES, ids=lambda p: p.id)
def test_each_place_has_an_addendum_closing_with_its_rules_citations(pack: law.LawPack) -> None:
    clause = addendum(pack)
    assert clause.when_place == [pack.id] and clause.title.endswith("addendum")
    sources = clause.text.rsplit("\n\n", 1)[-1]
    assert sources.startswith("Sources: ")
    cited = [r for r in pack.rules if r.citation in sources]
    assert cited, "an addendum rests on its pack's rules"
    assert clauses.library().clause(clause.id) == clause, "the library offers every addendum"


def test_the_federal_baseline_has_no_addendum() -> None:
    assert law.packs()["US"].clauses == ()


def test_the_shipped_addenda_and_public_clauses_pass_lint_where_they_apply() -> None:
    draft = full_draft(firm="public-sector", jurisdictions=["US"])
    places = tuple(p.covers[0] for p in PLACES)
    policy = {n for n, c in enumerate(draft.clauses) if clauses.in_policy(c, draft, places)}
    ours = {n for n, c in enumerate(draft.clauses) if c.id in ADDENDA or c.when_employer == ["public"]
            or c.id == "hatch-act"}
    assert ours <= policy and len(ours) == len(PLACES) + 3
    found = lint.lint_findings(draft, clauses.audience(draft, PEOPLE), "policy.toml", places=places)
    assert [f.problem.message for f in found if f.clause in ours] == []


def test_a_place_condition_naming_no_pack_is_a_warning_at_its_field() -> None:
    draft = full_draft(jurisdictions=["US-CA"])
    n = index_of(draft, "addendum-us-ca")
    draft.clauses[n].when_place = ["US-CAL"]
    (problem,) = [p for p in lint.lint(draft, PEOPLE, "policy.toml") if p.field == f"clauses[{n}].when_place[0]"]
    assert problem.severity == "warning" and '"US-CAL", which is not known, so it never applies' in problem.message
    assert addenda_in(draft) == []


# --- which addenda a draft carries --------------------------------------------------------------


def addenda_in(draft: Draft, employees: list[Employee] | None = None) -> list[str]:
    return [r.title for r in clauses.render_policy(draft, employees or []) if r.id in ADDENDA]


def test_a_draft_that_names_no_place_has_no_addendum() -> None:
    assert addenda_in(full_draft(), PEOPLE) == []


def test_a_member_state_gets_the_union_addendum_and_a_state_its_own() -> None:
    assert addenda_in(full_draft(jurisdictions=["DE", "US-CA"])) == ["European Union addendum", "California addendum"]


def test_an_addendum_switched_off_or_rewritten_reads_as_the_user_left_it() -> None:
    draft = full_draft(jurisdictions=["US-NY"])
    n = index_of(draft, "addendum-us-ny")
    clauses.rewrite(draft, n, "Our New York notice is posted in every office.")
    (rendered,) = [r for r in clauses.render_policy(draft, []) if r.id == "addendum-us-ny"]
    assert rendered.text == "Our New York notice is posted in every office."
    clauses.set_enabled(draft, n, False)
    assert addenda_in(draft) == []


def test_the_signed_text_covers_the_addenda() -> None:
    draft = full_draft(jurisdictions=["US-CA"])
    before = signed.signed_text(draft)
    assert "California addendum" in before and "Cal. Lab. Code § 2802" in before
    n = index_of(draft, "addendum-us-ca")
    clauses.rewrite(draft, n, draft.clauses[n].text.replace("reasonable share", "share"))
    assert signed.changes_since(before, signed.signed_text(draft))


@pytest.mark.parametrize("pack", PLACES, ids=lambda p: p.id)
def test_the_export_of_a_draft_in_each_place_carries_its_addendum(
        pack: law.LawPack, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = new(capsys, tmp_path / "d.toml", "--jurisdiction", pack.covers[-1])
    text = exported_text(capsys, path)
    own = addendum(pack)
    assert own.title in text.splitlines()
    assert own.text.rsplit("\n\n", 1)[-1] in text, "the addendum closes with its sources"
    assert [t for t in (a.title for a in ADDENDA.values()) if t in text.splitlines()] == [own.title]


def test_a_roster_across_three_states_gives_exactly_their_three_addenda(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = new(capsys, tmp_path / "d.toml")
    source = roster(tmp_path / "people.csv", "San Diego, CA", "Chicago, IL", "Albany, NY", "Fresno, CA")
    code, _, err = run(capsys, "roster", "import", str(path), str(source))
    assert code == 0, err
    lines = exported_text(capsys, path).splitlines()
    titles = [t for t in lines if t in {a.title for a in ADDENDA.values()}]
    assert titles == ["California addendum", "Illinois addendum", "New York addendum"]
    assert any("820 ILCS 115/9.5" in line for line in lines)


def test_check_finds_a_demand_contradicting_the_addendum_of_where_people_work(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = new(capsys, tmp_path / "d.toml")
    code, _, err = run(capsys, "roster", "import", str(path), str(roster(tmp_path / "people.csv", "Oakland, CA")))
    assert code == 0, err
    text = path.read_text("utf-8")
    marker = "Employees do not use a phone to message customers while driving."
    assert marker in text
    path.write_text(text.replace(marker, marker + " Employees must give HR their personal social media "
                                         "passwords on request."), "utf-8")
    code, out, err = run(capsys, "check", str(path))
    assert code == 1 and "2 errors" in out
    (forbidden,) = [e for e in err.splitlines() if "(password-request)" in e]
    assert '"Mobile devices"' in forbidden and "California: Cal. Lab. Code § 980(b)(1)" in forbidden
    (contradiction,) = [e for e in err.splitlines() if "contradicts itself" in e]
    assert '"California addendum" says the company never does' in contradiction


# --- the firm kind's own rules --------------------------------------------------------------------


def duty_citations(pack: law.LawPack) -> set[str]:
    return {r.citation for r in pack.rules if r.topic in DUTY_TOPICS}


def own_citations(pack: law.LawPack) -> set[str]:
    """What the export of a draft of this kind must cite: its duty rules and its clauses' sources."""
    sources = {c.text.rsplit("\n\n", 1)[-1] for c in pack.clauses if c.when_employer != ["federal"]}
    return duty_citations(pack) | sources


@pytest.mark.parametrize("pack", FIRMS, ids=lambda p: p.id)
def test_the_export_of_each_firm_kind_cites_its_own_rules_and_no_other_kinds(
        pack: law.LawPack, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = new(capsys, tmp_path / "d.toml", "--firm", pack.id, "--jurisdiction", "US-CO")
    text = exported_text(capsys, path)
    assert all(c in text for c in own_citations(pack))
    others = set().union(*(duty_citations(p) for p in FIRMS if p is not pack)) - duty_citations(pack)
    assert [c for c in others if c in text] == []
    assert "Colorado addendum" in text


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


# --- a public employer ----------------------------------------------------------------------------


def rendered_ids(draft: Draft) -> list[str]:
    return [r.id for r in clauses.render_policy(draft, PEOPLE)]


def test_a_public_employer_has_speech_and_records_clauses_instead_of_the_nlra() -> None:
    city = rendered_ids(full_draft(firm="public-sector", jurisdictions=["US-CA"]))
    assert "employee-rights" not in city
    assert {"public-employee-rights", "public-records"} <= set(city) and "hatch-act" not in city
    company = rendered_ids(full_draft(jurisdictions=["US-CA"]))
    assert "employee-rights" in company and "public-records" not in company


def test_a_federal_employer_adds_the_hatch_act(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = new(capsys, tmp_path / "d.toml", "--firm", "public-sector", "--jurisdiction", "US")
    text = exported_text(capsys, path)
    assert "Political activity of federal employees" in text and "5 U.S.C. §§ 7321-7326" in text
    assert "Garcetti v. Ceballos" in text and "National Labor Relations Act" not in text


@pytest.mark.parametrize(("firm", "jurisdictions", "kinds"), [
    ("general", ["US"], {"private"}),
    ("public-sector", ["US-NY"], {"public"}),
    ("public-sector", ["US", "US-NY"], {"public"}),
    ("public-sector", ["US"], {"public", "federal"}),
])
def test_the_kind_of_employer_follows_the_firm_pack_and_the_named_places(
        firm: str, jurisdictions: list[str], kinds: set[str]) -> None:
    assert law.employer_kinds(full_draft(firm=firm, jurisdictions=jurisdictions)) == kinds


# --- step 3 ---------------------------------------------------------------------------------------


async def test_step_3_lists_the_addenda_and_switches_one_off(example_draft: Path) -> None:
    app = PolicyApp(open_document(example_draft))  # a bank in Oregon
    oregon, california = (index_of(app.document.draft, f"addendum-{p}") for p in ("us-or", "us-ca"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3")
        listed = app.screen.query_one(ClauseList)
        in_force = sum(in_policy(c, app.document.draft, ("US-OR",)) for c in app.document.draft.clauses)
        assert str(listed.border_title) == f"Clauses {in_force}/{len(app.document.draft.clauses)}"
        await pilot.press(*["down"] * california)
        assert "does not apply here (where people work under US-CA law)" in str(listed.tooltip)
        await pilot.press(*["down"] * (oregon - california))
        assert str(listed.tooltip).startswith("Oregon addendum: in the policy")
        await pilot.press("space", "p")
        assert not app.document.draft.clauses[oregon].enabled
        source = app.screen.query_one("#policy-preview", Markdown).source
        assert "Oregon addendum" not in source and "California addendum" not in source


# --- a draft made before the packs' clauses ---------------------------------------------------------


@pytest.mark.parametrize(("firm", "places", "missing", "warned"), [
    ("general", ("US-CA",), "addendum-us-ca", 'people work under California law, but the policy has no '
                                              '"California addendum"'),
    ("public-sector", ("US",), "hatch-act", 'the firm is of the kind Public sector, but the policy has no '
                                            '"Political activity of federal employees"'),
])
def test_a_draft_lacking_a_clause_its_packs_add_is_warned(firm: str, places: tuple[str, ...], missing: str,
                                                          warned: str) -> None:
    draft = full_draft(firm=firm, jurisdictions=["US"])
    who = clauses.audience(draft, PEOPLE)

    def pack_warnings() -> list[str]:
        return [f.problem.message for f in lint.lint_findings(draft, who, "policy.toml", places=places)
                if "which the library adds for it" in f.problem.message]

    assert pack_warnings() == []
    del draft.clauses[index_of(draft, missing)]
    (message,) = pack_warnings()
    assert message.startswith(warned) and f'section = "{missing}"' in message
    clauses.add(draft, "Our own", "Our own words.", section=missing)
    assert pack_warnings() == []


def library_limit_warnings(draft: Draft) -> list[str]:
    who = clauses.audience(draft, PEOPLE)
    return [f.problem.message for f in lint.lint_findings(draft, who, "policy.toml")
            if "but the library now limits it to" in f.problem.message]


def test_a_public_draft_whose_nlra_clause_predates_its_limit_is_warned() -> None:
    draft = full_draft(firm="public-sector", jurisdictions=["US-CA"])
    assert library_limit_warnings(draft) == [], "a new draft's copy holds the library's limit"
    rights = draft.clauses[index_of(draft, "employee-rights")]
    rights.when_employer = []  # as copied into a draft before the library limited it
    (message,) = library_limit_warnings(draft)
    assert message.startswith(f'"{rights.title}" is in the policy') and "private employers" in message
    clauses.set_enabled(draft, index_of(draft, "employee-rights"), False)
    assert library_limit_warnings(draft) == [], "switched off, it binds nobody"


def test_a_private_draft_with_the_same_old_copy_is_not_warned() -> None:
    draft = full_draft(firm="general", jurisdictions=["US-CA"])
    draft.clauses[index_of(draft, "employee-rights")].when_employer = []
    assert library_limit_warnings(draft) == []
