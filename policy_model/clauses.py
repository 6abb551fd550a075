"""The written policy: the clause library, the variables clauses use, and the clause operations.

A draft holds its own copy of every clause (seeded from `data/clauses.toml`), so the policy
a lawyer signs never changes because the library did. Clause texts carry `{variables}` that
are filled from the draft and the roster when the policy is shown or exported; conditions
(`when_industry`, `when_market`, `when_channel`, `when_fact`, `when_place`, `when_employer`)
decide which clauses apply to this company, and each clause's tier (`tier`) says whom it binds:
every employee, or those granted access. The law packs add their own clauses to the library:
each place's addendum (applying where people work) and a firm kind's replacements.

`render_policy(draft, employees)` is what the preview and the export read: the enabled,
applicable clauses in order, with their variables filled.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from .channels import channel_name, enabled_channels, industry_groups
from .draft import Clause, Draft, Employee, Tier
from .eligibility import Decision, decided
from .law import covering, draft_places, employer_kinds, firm_pack, pack_clauses, rules_on
from .package_data import read_toml
from .prose import date_text, month_first, possessive, with_full_stop
from .review_cycle import in_force, review_months
from .user_input import unique_id

# ---------------------------------------------------------------------------------------------
# The library


@dataclass(frozen=True)
class Library:
    """The shipped clauses, in policy order (their conditions name the channel catalog's
    industry groups)."""

    clauses: tuple[Clause, ...]

    def clause(self, clause_id: str) -> Clause | None:
        return next((c for c in self.clauses if c.id == clause_id), None)


@cache
def library() -> Library:
    """The clause library, read once from the package data: `clauses.toml`, then the packs'."""
    data = read_toml("clauses.toml")
    return Library((*(Clause(**entry) for entry in data["clauses"]), *pack_clauses()))


def seed_clauses() -> list[Clause]:
    """Fresh copies of every library clause, for a new draft."""
    return [copy.deepcopy(c) for c in library().clauses]


def library_clause(clause: Clause) -> Clause | None:
    """The library clause this one came from, or None for a clause the user added."""
    return library().clause(clause.id)


# ---------------------------------------------------------------------------------------------
# Conditions


def in_industry(draft: Draft, group: str) -> bool:
    return group in industry_groups(draft.policy.industry)


@dataclass(frozen=True)
class Fact:
    """Something about the draft a clause can depend on (`when_fact`), and how it is said."""

    words: str
    holds: Callable[[Draft], bool]


FACTS: Mapping[str, Fact] = MappingProxyType({
    "response-time": Fact("when a channel sets a response time",
                          lambda d: any(c.response_time for c in enabled_channels(d))),
    "own-device": Fact("when a channel may be used on an own device",
                       lambda d: any(v.startswith("own") for c in enabled_channels(d) for v in c.devices)),
    # Read from the import's mapping, so the policy text does not depend on the roster's rows.
    "exempt-status": Fact("when the roster records exempt status", lambda d: "flsa" in d.roster.mapping),
})


def applies(clause: Clause, draft: Draft, places: Sequence[str] | None = None) -> bool:
    """Whether the clause's conditions hold for this draft (every condition set must hold).

    `places` are where the policy applies (`law.draft_places`: the draft's jurisdictions and
    the roster's work locations); None means the draft's own jurisdictions.
    """
    if not all(name in FACTS and FACTS[name].holds(draft) for name in clause.when_fact):
        return False
    if clause.when_industry and not industry_groups(draft.policy.industry) & set(clause.when_industry):
        return False
    if clause.when_market and draft.policy.market not in clause.when_market:
        return False
    if clause.when_employer and not employer_kinds(draft) & set(clause.when_employer):
        return False
    if clause.when_place and not set(clause.when_place) & {
            p.id for p in covering(draft.policy.jurisdictions if places is None else places)}:
        return False
    enabled = {c.id for c in enabled_channels(draft)}
    return not (clause.when_channel and not enabled & set(clause.when_channel))


def in_policy(clause: Clause, draft: Draft, places: Sequence[str] | None = None) -> bool:
    """Whether the clause appears in the policy: switched on and its conditions hold (`places`
    as for `applies`)."""
    return clause.enabled and applies(clause, draft, places)


def tier(clause: Clause) -> Tier:
    """Whom the clause binds: its own `applies_to`, else that of the library clause it is or
    covers the section of, else every employee (the safe reading for a clause the user wrote:
    a rule nobody is bound by protects nobody)."""
    if clause.applies_to:
        return clause.applies_to
    original = library_clause(clause) or (library().clause(clause.section) if clause.section else None)
    return original.applies_to if original is not None and original.applies_to else "everyone"


TIER_WORDS: Mapping[Tier, str] = MappingProxyType({"everyone": "every employee",
                                                   "granted": "employees granted access"})


def applies_line(clause_tier: Tier) -> str:
    """The line under a section's heading that says whom it binds, in the preview and the export."""
    return f"Applies to {TIER_WORDS[clause_tier]}."


def switch_tier(draft: Draft, index: int) -> Tier:
    """Make a clause bind the other tier; returns whom it binds now (kept in the draft, so a
    reader of the file sees it even when it matches the library)."""
    clause = draft.clauses[index]
    clause.applies_to = "granted" if tier(clause) == "everyone" else "everyone"
    return clause.applies_to


def describe_conditions(clause: Clause) -> str:
    """The conditions in words, for the clause list ("financial only; when sms is enabled")."""
    parts = []
    if clause.when_industry:
        parts.append(f"{' or '.join(clause.when_industry)} only")
    if clause.when_market:
        parts.append(f"{' or '.join(clause.when_market)} markets")
    if clause.when_channel:
        parts.append(f"when {' or '.join(clause.when_channel)} is enabled")
    parts += [FACTS[name].words if name in FACTS else f"when {name}" for name in clause.when_fact]
    if clause.when_place:
        parts.append(f"where people work under {' or '.join(clause.when_place)} law")
    if clause.when_employer:
        parts.append(f"{' or '.join(clause.when_employer)} employers")
    return "; ".join(parts)


# ---------------------------------------------------------------------------------------------
# Who the policy is about (from step 1)


@dataclass(frozen=True)
class Audience:
    """The granted employees, summarised for the policy text; computed once per change.

    Evaluating a 200,000-person roster takes a moment, so callers that render often (the
    live preview) compute this when the roster or the rules change and pass it in.
    """

    has_roster: bool
    granted: int
    roles: tuple[str, ...]
    departments: tuple[str, ...]
    places: tuple[str, ...] = ()  # the jurisdictions the draft names and the roster adds


def audience(draft: Draft, employees: Sequence[Employee], decisions: Sequence[Decision] | None = None) -> Audience:
    """Who is granted access, with their roles and departments, most common first."""
    decisions = decided(draft, employees, decisions)
    granted = [e for e, d in zip(employees, decisions, strict=True) if d.status == "granted"]
    roles = Counter(e.role for e in granted if e.role)
    departments = Counter(e.department for e in granted if e.department)
    return Audience(bool(employees), len(granted), _by_count(roles), _by_count(departments),
                    draft_places(draft, employees))


def _by_count(counts: Counter[str]) -> tuple[str, ...]:
    return tuple(name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].lower())))


# ---------------------------------------------------------------------------------------------
# Variables: the one list of what `{name}` may say in a clause


def join_words(items: Sequence[str], limit: int = 0, kind: str = "others", conj: str = "and") -> str:
    """ "a, b, and c"; semicolons when an item has a comma; past `limit`, "and N other <kind>"."""
    items = list(items)
    if limit and len(items) > limit:
        items = [*items[:limit], f"{len(items) - limit} other {kind}"]
    if len(items) <= 2:
        return f" {conj} ".join(items)
    sep = "; " if any("," in i for i in items) else ", "
    return sep.join(items[:-1]) + f"{sep.strip()} {conj} {items[-1]}"


@dataclass(frozen=True)
class Variable:
    """A `{name}` a clause may use: what it means, where its value comes from, how to fill it."""

    name: str
    meaning: str
    fix: str  # what to do when it is empty, said to the user
    value: Callable[[Draft, Audience], str]


def _date(draft: Draft, _: Audience) -> str:
    return date_text(draft.policy.effective_date, month_first(draft.policy.jurisdiction))


def _review_cycle(draft: Draft, _: Audience) -> str:
    """"at least once a year", and once a version is in force, the day its review is due."""
    months = review_months(draft)
    cycle = "at least once a year" if months == 12 else f"at least every {months} months"
    force = in_force(draft)
    if force is None:
        return cycle
    return f"{cycle} (next by {date_text(force.review_due, month_first(draft.policy.jurisdiction))})"


def _customers(draft: Draft, _: Audience) -> str:
    return {"b2b": "business customers", "b2c": "consumers", "both": "business customers and consumers"}[
        draft.policy.market]


def _training(draft: Draft, _: Audience) -> str:
    return join_words([f"{s.title} ({s.format})" for s in draft.training.sessions])


def _contacts(draft: Draft, _: Audience) -> str:
    people = [draft.policy.owner] if draft.policy.owner else []
    people += [f"{a.name} ({a.title})" if a.title else a.name
               for a in draft.approvers if a.role in ("legal", "compliance", "hr")]
    # The owner is often an approver too; each person is named once, in the order first given.
    return join_words(list(dict.fromkeys(people)), conj="or")


# The firm kind's rules a regulated duty rests on, in the order its pack lists them.
DUTY_TOPICS = ("record-keeping", "supervision", "communications")


def _firm_rules(draft: Draft, _: Audience) -> str:
    """The citations of the firm kind's own rules on keeping, supervising and approving
    customer communications: a broker-dealer's 17a-4 and FINRA rules, an adviser's 204-2 and
    Marketing Rule, never the other's; empty for a firm kind with none."""
    cited = [r.citation for r in firm_pack(draft).rules if r.topic in DUTY_TOPICS]
    return join_words(list(dict.fromkeys(cited)))


def _granted_count(_: Draft, who: Audience) -> str:
    return str(who.granted) if who.has_roster else ""


def _access_holders(_: Draft, who: Audience) -> str:
    """Who holds access, as a clause in a sentence; says so plainly when nobody does, since a
    policy whose rules for everyone still bind all staff is sound with no one granted."""
    if not who.has_roster:
        return ""
    if not who.granted:
        return "no employee holds access"
    people = f"{who.granted} employee{'s' * (who.granted != 1)}"
    where = f" in {join_words(who.departments, limit=8, kind='departments')}" if who.departments else ""
    roles = f", in the following roles: {join_words(who.roles, limit=8, kind='roles')}" if who.roles else ""
    return f"{people}{where} {'hold' if who.granted != 1 else 'holds'} access{roles}"


def _hours_law(_: Draft, __: Audience) -> str:
    """The federal rules on paying for hours worked: exempt status is a US classification, so
    a roster that records it brings US law whatever places the draft names."""
    return "; ".join(rule.citation for _, rule in rules_on("hours-worked", ["US"]))


def _expense_law(_: Draft, who: Audience) -> str:
    """The places where people work whose law requires work expenses to be reimbursed, as a
    sentence with each statute; where none does, the reminder that local law may ask more."""
    found = rules_on("expenses", who.places)
    if not found:
        return "Where the law of the place an employee works requires more, that law applies"
    places = join_words([f"{pack.name} ({rule.citation})" for pack, rule in found], conj="or")
    return f"The law requires this reimbursement for employees who work in {places}"


VARIABLES: Mapping[str, Variable] = MappingProxyType({v.name: v for v in (
    Variable("company", "the company's name", "set the company name (policy.company)",
             lambda d, _: d.policy.company),
    Variable("policy_title", "the policy's title", "set the policy title (policy.title)",
             lambda d, _: d.policy.title),
    Variable("version", "the policy's version", "set the version (policy.version)",
             lambda d, _: d.policy.version),
    Variable("effective_date", "the date the policy takes effect, e.g. January 1, 2027",
             "set the effective date (policy.effective_date)", _date),
    Variable("owner", "the person who owns the policy", "set the policy owner (policy.owner)",
             lambda d, _: d.policy.owner),
    Variable("jurisdiction", "where the policy applies", "set the jurisdiction (policy.jurisdiction)",
             lambda d, _: d.policy.jurisdiction),
    Variable("customers", "who the customers are, from the market", "set the market (policy.market)",
             _customers),
    Variable("channels", "the enabled channels, e.g. LinkedIn, X (Twitter), and SMS",
             "enable at least one channel in step 2",
             lambda d, _: join_words([channel_name(c) for c in enabled_channels(d)])),
    Variable("firm_rules", "the rules of the firm's kind on keeping and supervising customer communications, "
             "e.g. SEC Rule 17a-4 and FINRA Rule 4511 for a broker-dealer",
             "set the kind of firm (policy.firm) to one whose rules apply", _firm_rules),
    Variable("granted_count", "how many employees are granted access", "import the roster in step 1",
             _granted_count),
    Variable("access_holders", "who holds access, e.g. 12 employees in Sales hold access, in the following "
             "roles: Banker", "import the roster in step 1", _access_holders),
    Variable("granted_roles", "the roles of granted employees, most common first",
             "grant access to at least one employee (with a role) in step 1",
             lambda _, w: join_words(w.roles, limit=8, kind="roles")),
    Variable("departments", "the departments of granted employees, most common first",
             "grant access to at least one employee (with a department) in step 1",
             lambda _, w: join_words(w.departments, limit=8, kind="departments")),
    Variable("training", "the training sessions, e.g. Social media basics (online)",
             "plan at least one training session", _training),
    Variable("discipline_steps", "the discipline ladder's steps, in order",
             "add the steps of the discipline ladder",
             lambda d, _: join_words([s.name for s in d.discipline])),
    Variable("review_cycle", "how often the policy is reviewed, e.g. at least once a year",
             "set how often the policy is reviewed (policy.review_months)", _review_cycle),
    Variable("contacts", "the owner and the legal, compliance and HR approvers",
             "set the policy owner or add a legal, compliance or HR approver", _contacts),
    Variable("hours_law", "the law on paying for hours worked, e.g. 29 U.S.C. § 207", "no action needed: "
             "it comes from the law packs", _hours_law),
    Variable("expense_law", "the laws on reimbursing work expenses where people work, as a sentence",
             "no action needed: it comes from the law packs", _expense_law),
)})


# ---------------------------------------------------------------------------------------------
# Filling a clause


_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}")
# A variable with the full stop or "'s" that may follow it, which depend on how the value ends.
_FILLED = re.compile(rf"(?:{_TOKEN.pattern})(?P<after>\.|'s\b)?")


@dataclass(frozen=True)
class VariableUse:
    """A `{name}` written in a clause, where it is (character offsets in the text)."""

    name: str
    start: int
    end: int


def variables_in(text: str) -> Iterator[VariableUse]:
    """Every `{name}` in a text; `{{` and `}}` are literal braces, not variables."""
    for match in _TOKEN.finditer(text):
        if match.group(1) is not None:
            yield VariableUse(match.group(1).strip(), match.start(), match.end())


def variable_values(draft: Draft, who: Audience) -> dict[str, str]:
    """Every variable's value for this draft; an empty string means it cannot be filled yet."""
    return {name: variable.value(draft, who).strip() for name, variable in VARIABLES.items()}


def placeholder(name: str) -> str:
    """What an unfilled variable shows in the preview and the export, so the gap is visible."""
    return f"[{name}: not set]"


def fill(text: str, values: dict[str, str]) -> tuple[str, tuple[str, ...]]:
    """The text with its variables filled, and the names that could not be filled."""
    unfilled: list[str] = []

    def replace(match: re.Match[str]) -> str:
        after = match.group("after") or ""
        if match.group(1) is None:
            return match.group(0)[0] + after
        name = match.group(1).strip()
        value = values.get(name, "")
        if not value:
            unfilled.append(name)
            return placeholder(name) + after
        return {".": with_full_stop, "'s": possessive}[after](value) if after else value

    return _FILLED.sub(replace, text), tuple(unfilled)


@dataclass(frozen=True)
class RenderedClause:
    """A clause as it reads in the policy: its place in the draft, title and filled text."""

    index: int
    id: str
    title: str
    text: str
    unfilled: tuple[str, ...] = ()
    tier: Tier = "everyone"


def render_policy(draft: Draft, employees: Sequence[Employee], who: Audience | None = None) -> list[RenderedClause]:
    """The enabled, applicable clauses in order, filled in; what the preview and the export show."""
    who = who if who is not None else audience(draft, employees)
    values = variable_values(draft, who)
    rendered = []
    for index, clause in enumerate(draft.clauses):
        if in_policy(clause, draft, who.places):
            text, unfilled = fill(clause.text, values)
            title, title_unfilled = fill(clause.title, values)
            rendered.append(RenderedClause(index, clause.id, title, text, title_unfilled + unfilled, tier(clause)))
    return rendered


def policy_markdown(draft: Draft, rendered: Sequence[RenderedClause]) -> str:
    """The whole policy as Markdown, numbered as the export numbers it (for the preview)."""
    policy = draft.policy
    lines = [f"# {policy.title}", "", f"**{policy.company or placeholder('company')}** — version {policy.version}"]
    for n, clause in enumerate(rendered, start=1):
        lines += ["", f"## {n}. {clause.title}", "", f"*{applies_line(clause.tier)}*", "", clause.text]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Operations on the draft's clauses (each one is a user action in step 3)


def set_enabled(draft: Draft, index: int, enabled: bool) -> None:
    draft.clauses[index].enabled = enabled


def toggle(draft: Draft, index: int) -> bool:
    """Switch a clause on or off; returns whether it is now on."""
    clause = draft.clauses[index]
    clause.enabled = not clause.enabled
    return clause.enabled


def move(draft: Draft, index: int, delta: int) -> int:
    """Move a clause up (-1) or down (+1); returns its new index (unchanged at either end)."""
    target = index + delta
    if not 0 <= target < len(draft.clauses):
        return index
    clauses = draft.clauses
    clauses[index], clauses[target] = clauses[target], clauses[index]
    return target


def _mark_customised(clause: Clause) -> None:
    """A clause is customised when its words differ from the library's (a user's own always is)."""
    original = library_clause(clause)
    clause.customised = original is None or (clause.text, clause.title) != (original.text, original.title)


def rewrite(draft: Draft, index: int, text: str) -> None:
    """Replace a clause's text with the user's words; it is kept as written from now on."""
    clause = draft.clauses[index]
    clause.text = text
    _mark_customised(clause)


def retitle(draft: Draft, index: int, title: str) -> None:
    clause = draft.clauses[index]
    clause.title = title
    _mark_customised(clause)


def _unique_id(draft: Draft, title: str) -> str:
    return unique_id(title, {c.id for c in draft.clauses} | {c.id for c in library().clauses}, "clause")


def add(draft: Draft, title: str, text: str = "", after: int | None = None, section: str | None = None) -> int:
    """Add the user's own clause after `after` (at the end when None); returns its index."""
    clause = Clause(id=_unique_id(draft, title), title=title, text=text, section=section, customised=True)
    index = len(draft.clauses) if after is None else after + 1
    draft.clauses.insert(index, clause)
    return index


def remove(draft: Draft, index: int) -> None:
    """Delete a clause the user added; a library clause is switched off instead, never lost."""
    if library_clause(draft.clauses[index]) is not None:
        raise ValueError(f'"{draft.clauses[index].title}" is a library clause: switch it off instead')
    del draft.clauses[index]


def reset(draft: Draft, index: int) -> None:
    """Put a library clause back to the library's words and conditions."""
    clause = draft.clauses[index]
    original = library_clause(clause)
    if original is None:
        raise ValueError(f'"{clause.title}" is your own clause: there is no library text to go back to')
    enabled = clause.enabled
    draft.clauses[index] = copy.deepcopy(original)
    draft.clauses[index].enabled = enabled


def covers(clause: Clause) -> str:
    """The policy section a clause covers: its `section`, or its id for a library clause."""
    return clause.section or clause.id
