"""Law packs: the rules of each place and each kind of regulated firm, as data a lawyer can read.

A pack (`data/law/*.toml`) is one jurisdiction ("US-CA", "EU") or one kind of firm
("broker-dealer"). Each rule carries its citation, a source URL, the day it was last checked
against that source (None when it was not re-checked) and the day it last changed. Lint and the
channel checks look rules up by topic ("credentials", "record-keeping"), so a broker-dealer is
cited 17a-4 and an adviser 204-2 from the same code.

A draft names its firm kind and jurisdictions; the roster's work-location column adds the
places people actually work (`roster_places`). A draft with no firm kind (one made before
firm kinds existed) is read from its free-text industry when that names one kind unambiguously,
else "general".
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from .draft import Clause, Draft, Employee, Employer
from .package_data import DATA, read_toml
from .problems import Severity

FIRM_KINDS = ("broker-dealer", "investment-adviser", "bank", "insurance", "healthcare", "public-sector", "general")


@dataclass(frozen=True)
class LawRule:
    """One rule of law: what it says, where it is written, and when it was checked and changed."""

    id: str
    topic: str
    says: str
    citation: str
    source: str
    updated: date
    checked: date | None = None


@dataclass(frozen=True)
class LawPack:
    """A jurisdiction's or a firm kind's rules; `updated` is when any of them last changed."""

    id: str
    kind: str  # "jurisdiction" or "firm"
    name: str
    updated: date
    rules: tuple[LawRule, ...]
    covers: tuple[str, ...] = ()
    industry: str = "general"
    industry_words: tuple[str, ...] = ()
    archives: bool = False
    no_customer_use: tuple[str, ...] = ()
    nlra: bool = True
    clauses: tuple[Clause, ...] = ()

    def on(self, topic: str) -> tuple[LawRule, ...]:
        return tuple(r for r in self.rules if r.topic == topic)


@dataclass(frozen=True)
class Places:
    countries: frozenset[str]
    us_states: dict[str, str]
    names: dict[str, str]  # lowercase name -> code


def _pack(data: dict[str, Any]) -> LawPack:
    updated: date = data["updated"]
    rules = tuple(LawRule(r["id"], r["topic"], r["says"], r["citation"], r["source"], r.get("updated", updated),
                          r.get("checked")) for r in data.get("rules", []))
    clauses = tuple(_clause(data, entry, rules) for entry in data.get("clauses", []))
    return LawPack(data["id"], data["kind"], data["name"], max([updated, *(r.updated for r in rules)]), rules,
                   tuple(data.get("covers", ())), data.get("industry", "general"),
                   tuple(data.get("industry_words", ())), data.get("archives", False),
                   tuple(data.get("no_customer_use", ())), data.get("nlra", True), clauses)


def _clause(data: dict[str, Any], entry: dict[str, Any], rules: Sequence[LawRule]) -> Clause:
    """A pack's clause for the library: its text ends with the citations of the rules it
    `cites`, so the policy names its sources and a reworded rule cannot drift from its
    citation. A jurisdiction's clause (its addendum) applies where the pack does."""
    entry = dict(entry)
    by_id = {r.id: r for r in rules}
    citations = list(dict.fromkeys(by_id[rule_id].citation for rule_id in entry.pop("cites", [])))
    if citations:
        entry["text"] = f"{entry['text'].rstrip()}\n\nSources: {'; '.join(citations)}."
    if data["kind"] == "jurisdiction":
        entry.setdefault("when_place", [data["id"]])
    return Clause(**entry)


@cache
def packs() -> dict[str, LawPack]:
    """Every shipped pack by id, read once."""
    found = [_pack(read_toml(f"law/{path.name}")) for path in sorted((DATA / "law").glob("*.toml"))
             if path.name != "places.toml"]
    return {p.id: p for p in found}


@cache
def places() -> Places:
    data = read_toml("law/places.toml")
    states: dict[str, str] = data["us_states"]
    names = {k.lower(): v for k, v in data["country_names"].items()}
    names.update({v.lower(): f"US-{k}" for k, v in states.items()})
    return Places(frozenset(data["countries"]), states, names)


# ---------------------------------------------------------------------------------------------
# Codes


def jurisdiction_code(text: str) -> str:
    """The ISO 3166 code typed ("us-ca" -> "US-CA"); ValueError, in words, for one not known.

    Countries are ISO 3166-1 alpha-2 codes, US states and DC are US-XX, and "EU" stands for
    the European Union; a dialog and the command line validate with this.
    """
    code = text.strip().upper()
    known = places()
    if code == "EU" or code in known.countries:
        return code
    if code.startswith("US-") and code[3:] in known.us_states:
        return code
    raise ValueError(f'"{text.strip()}" is not a jurisdiction code: use an ISO 3166 country code (GB, DE), '
                     "US-XX for a US state (US-CA), or EU")


def place_of(location: str) -> str | None:
    """The jurisdiction a roster location names ("San Diego, CA" -> "US-CA", "London, UK" ->
    "GB"), or None when it names none we know: a code, a state or country name, or either as
    the last comma-separated part."""
    text = location.strip()
    if not text:
        return None
    known = places()
    for part in (text, text.rsplit(",", 1)[-1].strip()):
        upper = part.upper()
        if upper in known.us_states:
            return f"US-{upper}"
        if upper.startswith("US-") and upper[3:] in known.us_states:
            return upper
        if part.lower() in known.names:
            return known.names[part.lower()]
        if len(upper) == 2 and upper in known.countries:
            return upper
    return None


def roster_places(employees: Sequence[Employee]) -> Counter[str]:
    """How many people work in each jurisdiction, from the roster's location column."""
    counts: Counter[str] = Counter()
    # Each distinct location is read once: a large roster has many people but few sites.
    for location, n in Counter(e.location for e in employees if e.location).items():
        if code := place_of(location):
            counts[code] += n
    return counts


def places_line(employees: Sequence[Employee]) -> str:
    """Where people work, most first, in one line ("US-CA 120, US-NY 40"); empty without locations."""
    counts = roster_places(employees)
    return ", ".join(f"{code} {n}" for code, n in counts.most_common())


# ---------------------------------------------------------------------------------------------
# A draft's firm and places


def firm_kind(draft: Draft) -> str:
    """The draft's firm kind: as set, else the one its industry names unambiguously, else general."""
    if draft.policy.firm:
        return draft.policy.firm
    return firm_of_industry(draft.policy.industry)


def firm_of_industry(industry: str) -> str:
    lowered = industry.lower()
    named = [p.id for p in packs().values() if p.kind == "firm"
             and any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", lowered) for w in p.industry_words)]
    return named[0] if len(named) == 1 else "general"


def firm_pack(draft: Draft) -> LawPack:
    return packs().get(firm_kind(draft)) or packs()["general"]


def employer_kinds(draft: Draft) -> frozenset[Employer]:
    """Which kinds of employer the draft is, for clause conditions (`when_employer`).

    "private" where the firm kind's pack says the NLRA applies; "public" where it does not
    (a public employer's people have First Amendment and public-records duties instead). A
    public employer is federal ("public" and "federal") when the draft's own jurisdictions
    name the United States ("US") and no state: a city or a state agency names its state
    (US-CA), while a federal agency answers to federal law wherever its people work, so the
    roster's work locations do not decide it.
    """
    if firm_pack(draft).nlra:
        return frozenset({"private"})
    named = draft.policy.jurisdictions
    federal = "US" in named and not any(code.startswith("US-") for code in named)
    return frozenset({"public", "federal"} if federal else {"public"})


def draft_places(draft: Draft, employees: Iterable[Employee] = ()) -> tuple[str, ...]:
    """The jurisdictions the draft names, then those the roster adds, each once."""
    roster = roster_places(list(employees))
    return tuple(dict.fromkeys([*draft.policy.jurisdictions, *(c for c, _ in roster.most_common())]))


def covering(codes: Iterable[str]) -> list[LawPack]:
    """The jurisdiction packs that apply where `codes` are: a state's own pack and its
    country's ("US-CA" -> US-CA and US), a member state's union's ("DE" -> EU)."""
    wanted = set()
    for code in codes:
        wanted.add(code)
        if "-" in code:
            wanted.add(code.split("-", 1)[0])
    return [p for p in packs().values() if p.kind == "jurisdiction" and wanted & set(p.covers)]


def packs_for(draft: Draft, employees: Iterable[Employee] = ()) -> list[LawPack]:
    """The packs the draft answers to: its firm kind's, then those of every place it names."""
    return [firm_pack(draft), *covering(draft_places(draft, employees))]


def rules_on(topic: str, codes: Iterable[str]) -> list[tuple[LawPack, LawRule]]:
    """The rules on a topic of the places `codes` names (a state's and its country's), in pack order."""
    return [(p, r) for p in covering(codes) for r in p.on(topic)]


def pack_clauses() -> tuple[Clause, ...]:
    """The clauses the packs bring to the library: the firm kinds' first, then each place's
    addendum, in file order."""
    ordered = sorted(packs().values(), key=lambda p: p.kind != "firm")
    return tuple(c for p in ordered for c in p.clauses)


def forbidding(topic: str) -> list[tuple[LawPack, LawRule]]:
    """Every jurisdiction's rule on a topic, in pack order (for naming where else it is unlawful)."""
    return [(p, r) for p in packs().values() if p.kind == "jurisdiction" for r in p.on(topic)]


def checked_text(rule: LawRule) -> str:
    return f"checked {rule.checked.isoformat()}" if rule.checked else "not re-checked"


# ---------------------------------------------------------------------------------------------
# What changed since a draft was signed


def record_packs(draft: Draft) -> None:
    """Note in the draft the version (last change) of every pack, as a sign-off is given: the
    roster may later add places, and their packs' versions then are known too."""
    draft.law = {p.id: p.updated for p in packs().values()}


@dataclass(frozen=True)
class PackChange:
    pack: LawPack
    recorded: date
    rules: tuple[LawRule, ...]


def changed_since(draft: Draft, employees: Iterable[Employee] = ()) -> list[PackChange]:
    """Each pack the draft answers to that changed since it was recorded, with the rules changed then."""
    changes = []
    for pack in packs_for(draft, employees):
        recorded = draft.law.get(pack.id)
        if recorded is not None and pack.updated > recorded:
            changes.append(PackChange(pack, recorded, tuple(r for r in pack.rules if r.updated > recorded)))
    return changes


def change_problems(draft: Draft, employees: Iterable[Employee]) -> list[tuple[str, str, Severity]]:
    """(field, message, severity) for each pack changed since the draft was signed under it."""
    found: list[tuple[str, str, Severity]] = []
    for change in changed_since(draft, employees):
        rules = ", ".join(f"{r.id} ({r.citation})" for r in change.rules) or "none of its rules, only its list"
        found.append(("law", f"the law pack {change.pack.name} ({change.pack.id}) changed on "
                             f"{change.pack.updated.isoformat()}, after the policy was signed under it on "
                             f"{change.recorded.isoformat()}; changed since: {rules}. Review the policy "
                             "against them before it is signed again", "warning"))
    return found


def draft_issues(draft: Draft) -> list[tuple[str, str]]:
    """A firm kind or jurisdiction code in the file that no pack knows, as (dotted path, message)."""
    issues = []
    if draft.policy.firm and draft.policy.firm not in FIRM_KINDS:
        issues.append(("policy.firm", f'unknown kind of firm "{draft.policy.firm}"; expected one of '
                                      f"{', '.join(FIRM_KINDS)}"))
    for n, code in enumerate(draft.policy.jurisdictions):
        try:
            if jurisdiction_code(code) != code:
                issues.append((f"policy.jurisdictions[{n}]", f'write the code "{code}" as "{jurisdiction_code(code)}"'))
        except ValueError as error:
            issues.append((f"policy.jurisdictions[{n}]", str(error)))
    return issues
