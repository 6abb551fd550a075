"""Policy lint: what is wrong or risky in the wording of a draft, located like a compiler would.

Errors stop a policy from being exported as it stands: an unknown `{variable}`, a required
section missing, a clause naming a channel that is not enabled. To-dos keep it a DRAFT: a
`{variable}` whose value is not set yet, no approver named. Warnings point at
wording that labour regulators have found overbroad in social media policies, at duties a
regulated or promoting company has left out (each says why, suggests narrower wording and
names its source), and at a clause condition that can never hold. The rules are data
(`data/lint_rules.toml`) so a lawyer can read them.

Only clauses that appear in the policy (enabled, conditions met) are linted. Each problem is
placed on the draft's line where the clause's text has it: a multi-line text written by
`toml_io.save` starts on the line after its key, so line N of the clause is that line plus N;
a text written by hand in another shape is placed on its key's line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from .channels import catalog, channel_name, enabled_channels
from .clauses import (
    FACTS,
    TIER_WORDS,
    VARIABLES,
    Audience,
    applies,
    audience,
    covers,
    describe_conditions,
    in_industry,
    in_policy,
    library,
    library_clause,
    tier,
    variable_values,
    variables_in,
)
from .draft import Draft, Employee
from .eligibility import Decision
from .law import LawPack, checked_text, covering, firm_pack, forbidding, packs
from .package_data import read_toml
from .problems import Problem, Severity
from .tier_rules import misplaced, scope_limits, tier_rules
from .toml_locate import locate_keys, position_of

# ---------------------------------------------------------------------------------------------
# The rules, as read from data


@dataclass(frozen=True)
class WordingRule:
    """Overbroad wording: a phrase, the sentence context that makes it a problem, and the fix."""

    id: str
    pattern: re.Pattern[str]
    why: str
    suggest: str
    source: str
    with_: re.Pattern[str] | None = None
    prohibition: bool = True
    unless: re.Pattern[str] | None = None


@dataclass(frozen=True)
class RequiredSection:
    section: str
    detect: str  # "clause" or "approvers"
    what: str
    source: str


@dataclass(frozen=True)
class Duty:
    """A section the company should have: in an industry, or when the policy's text calls for it."""

    id: str
    section: str
    why: str
    suggest: str
    source: str
    industry: str = ""
    when_text: re.Pattern[str] | None = None
    topics: tuple[str, ...] = ()  # the firm pack's rules of these topics are cited when it has any


@dataclass(frozen=True)
class LawRequest:
    """A request state laws forbid (a password, a friend request): found by `pattern`, judged
    by the law packs' rules of `topic` for the places the draft names."""

    id: str
    topic: str
    what: str
    pattern: re.Pattern[str]
    suggest: str


@dataclass(frozen=True)
class Rules:
    prohibition: re.Pattern[str]
    rights_statement: re.Pattern[str]
    demand: re.Pattern[str]
    personal: re.Pattern[str]
    negation: re.Pattern[str]
    requests: tuple[LawRequest, ...]
    required: tuple[RequiredSection, ...]
    duties: tuple[Duty, ...]
    wording: tuple[WordingRule, ...]
    channel_names: dict[str, tuple[str, ...]]


def _regex(text: str | None) -> re.Pattern[str] | None:
    return re.compile(text, re.IGNORECASE) if text else None


@cache
def rules() -> Rules:
    """The lint rules, read once from the package data."""
    data: dict[str, Any] = read_toml("lint_rules.toml")
    wording = tuple(
        WordingRule(r["id"], re.compile(r["pattern"], re.IGNORECASE), r["why"], r["suggest"], r["source"],
                    _regex(r.get("with")), r.get("prohibition", True), _regex(r.get("unless")))
        for r in data["overbroad"])
    duties = tuple(Duty(d["id"], d["section"], d["why"], d["suggest"], d["source"], d.get("industry", ""),
                        _regex(d.get("when_text")), tuple(d.get("topics", ()))) for d in data["missing"])
    shared = {k: re.compile(v, re.IGNORECASE) for k, v in data["shared"].items()}
    requests = tuple(LawRequest(r["id"], r["topic"], r["what"], re.compile(r["pattern"], re.IGNORECASE), r["suggest"])
                     for r in data["law"])
    return Rules(
        prohibition=shared["prohibition"],
        rights_statement=shared["rights_statement"],
        demand=shared["demand"],
        personal=shared["personal"],
        negation=shared["negation"],
        requests=requests,
        required=tuple(RequiredSection(**r) for r in data["required"]),
        duties=duties,
        wording=wording,
        channel_names={k: tuple(v) for k, v in data["channel_names"].items()},
    )


# ---------------------------------------------------------------------------------------------
# Findings


@dataclass(frozen=True)
class Finding:
    """A problem, and where it is in the draft's clauses (for the editor to jump to)."""

    problem: Problem
    clause: int | None = None
    start: int | None = None
    end: int | None = None


class _Locator:
    """Places a clause offset on a line of the draft's TOML source.

    Without the source (an unsaved or modified draft) problems carry no line, as elsewhere in
    `check`: lines of a text written from memory could point at the wrong place in the file.
    """

    def __init__(self, file: str, source: str | None) -> None:
        self.file = file
        self.lines = source.split("\n") if source is not None else []  # as locate_keys counts lines
        self.positions = locate_keys(source) if source is not None else {}

    def line_of(self, field: str, text: str | None = None, offset: int | None = None) -> int | None:
        where = position_of(self.positions, field)
        if where is None:
            return None
        line = where[0]
        if text is None or offset is None or line > len(self.lines):
            return line
        value = self.lines[line - 1].split("=", 1)[-1].strip()
        if value in ('"""', "'''"):
            return line + 1 + text.count("\n", 0, offset)
        return line

    def problem(self, message: str, field: str, severity: Severity = "error", text: str | None = None,
                offset: int | None = None) -> Problem:
        return Problem(self.file, message, field=field, line=self.line_of(field, text, offset), severity=severity)


def _sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence) for each sentence of a clause; paragraphs always end a sentence."""
    for match in re.finditer(r"[^.!?\n]+(?:[.!?]+[\"')\]]*|$)", text, re.MULTILINE):
        if match.group().strip():
            yield match.start(), match.group()


def _quote(phrase: str) -> str:
    return '"' + " ".join(phrase.split()) + '"'


def lint(draft: Draft, employees: Sequence[Employee], file: str, source: str | None = None,
         decisions: Sequence[Decision] | None = None) -> list[Problem]:
    """Every lint problem in the draft's policy; `source` is the draft's TOML text, for lines."""
    who = audience(draft, employees, decisions)
    return [f.problem for f in lint_findings(draft, who, file, source, who.places)]


def lint_findings(draft: Draft, who: Audience, file: str, source: str | None = None,
                  places: Sequence[str] | None = None) -> list[Finding]:
    """The problems with the clause and character range each concerns, errors first.

    `places` are the jurisdictions the policy answers to (the draft's and the roster's work
    locations, see `law.draft_places`); None means the draft's own.
    """
    at = _Locator(file, source)
    places = draft.policy.jurisdictions if places is None else places
    found = [*_variables(draft, who, at, places), *_sections(draft, at, places), *_channels(draft, at, places),
             *_wording(draft, at, places), *_requests(draft, at, places), *_duties(draft, at, places),
             *_conditions(draft, at), *_tiers(draft, at, places), *_pack_clauses(draft, at, places),
             *_library_limits(draft, at, places)]
    return sorted(found, key=lambda f: (f.problem.severity != "error", f.clause if f.clause is not None else -1))


def _in_policy(draft: Draft, places: Sequence[str]) -> Iterator[tuple[int, Any]]:
    return ((n, c) for n, c in enumerate(draft.clauses) if in_policy(c, draft, places))


def _variables(draft: Draft, who: Audience, at: _Locator, places: Sequence[str]) -> Iterator[Finding]:
    """Each unknown `{name}` where it is written; each empty one once, where first used.

    A new draft without a company name would otherwise report `{company}` thirty times for
    one thing to set.
    """
    values = variable_values(draft, who)
    empty: dict[str, list[Finding]] = {}
    for n, clause in _in_policy(draft, places):
        for part in ("title", "text"):
            text = getattr(clause, part)
            field = f"clauses[{n}].{part}"
            for use in variables_in(text):
                if use.name not in VARIABLES:
                    close = difflib.get_close_matches(use.name, list(VARIABLES), n=1)
                    hint = f" (did you mean {{{close[0]}}}?)" if close else f"; known: {', '.join(VARIABLES)}"
                    message = f'unknown variable {{{use.name}}} in "{clause.title}"{hint}'
                    yield Finding(at.problem(message, field, "error", text, use.start), n, use.start, use.end)
                elif not values[use.name]:
                    message = f'{{{use.name}}} in "{clause.title}" cannot be filled: {VARIABLES[use.name].fix}'
                    empty.setdefault(use.name, []).append(
                        Finding(at.problem(message, field, "todo", text, use.start), n, use.start, use.end))
    for uses in empty.values():
        first = uses[0]
        if len(uses) > 1:
            more = f" (used {len(uses)} times in the policy)"
            first = replace(first, problem=replace(first.problem, message=first.problem.message + more))
        yield first


def _conditions(draft: Draft, at: _Locator) -> Iterator[Finding]:
    """A condition naming an industry group, channel, fact or law pack nobody knows never holds: say so."""
    groups = set(catalog().industries)
    channels = set(rules().channel_names) | {c.id for c in draft.channels}
    places = {p.id for p in packs().values() if p.kind == "jurisdiction"}
    for n, clause in enumerate(draft.clauses):
        for key, names, known in (("when_industry", clause.when_industry, groups),
                                  ("when_channel", clause.when_channel, channels),
                                  ("when_fact", clause.when_fact, set(FACTS)),
                                  ("when_place", clause.when_place, places)):
            for i, name in enumerate(names):
                if name not in known:
                    message = (f'"{clause.title}" is included only for {key.removeprefix("when_")} "{name}", '
                               f"which is not known, so it never applies; known: {', '.join(sorted(known))}")
                    yield Finding(at.problem(message, f"clauses[{n}].{key}[{i}]", "warning"), n)


def _covered(draft: Draft, section: str, places: Sequence[str]) -> bool:
    return any(covers(c) == section for _, c in _in_policy(draft, places))


def _library_index(draft: Draft, section: str) -> int | None:
    """Where in the draft the library clause for a section is, if it is there (but off)."""
    return next((n for n, c in enumerate(draft.clauses) if c.id == section), None)


def _section_advice(draft: Draft, section: str) -> tuple[str, str]:
    """(field, advice) for a missing section: point at the library clause when the draft has it."""
    index = _library_index(draft, section)
    original = library().clause(section)
    if index is not None:
        return f"clauses[{index}].enabled", f'switch on the "{draft.clauses[index].title}" clause'
    named = f'add the library\'s "{original.title}" clause' if original else "add a clause"
    return "clauses", f'{named}, or give your own clause section = "{section}"'


def _pack_clauses(draft: Draft, at: _Locator, places: Sequence[str]) -> Iterator[Finding]:
    """A clause the packs add for this draft (a place's addendum, a public employer's speech
    clause) that the draft lacks: a draft holds its own copy of the library, so one made
    before the clause existed, or before people worked there, never gains it by itself."""
    present = {covers(c) for c in draft.clauses}
    for pack in [firm_pack(draft), *covering(places)]:
        for clause in pack.clauses:
            if clause.id not in present and applies(clause, draft, places):
                why = f"people work under {pack.name} law" if pack.kind == "jurisdiction" else (
                    f"the firm is of the kind {pack.name}")
                message = (f'{why}, but the policy has no "{clause.title}", which the library adds for it (a '
                           f'draft made before then lacks it): add it as your own clause with section = '
                           f'"{clause.id}" (a new draft holds the library\'s text to copy)')
                yield Finding(at.problem(message, "clauses", "warning"))


def _library_limits(draft: Draft, at: _Locator, places: Sequence[str]) -> Iterator[Finding]:
    """A clause in force that the library now limits to drafts unlike this one: a draft holds
    its own copy of each clause, conditions and all, so one made before the library learned
    that the NLRA clause is for private employers keeps citing the NLRA to a city."""
    for n, clause in _in_policy(draft, places):
        original = library_clause(clause)
        if original is not None and not applies(original, draft, places):
            message = (f'"{clause.title}" is in the policy, but the library now limits it to '
                       f"{describe_conditions(original)}, which this draft does not meet (its copy was made "
                       "before): switch it off, or keep it and accept this warning with the reason")
            yield Finding(at.problem(message, f"clauses[{n}]", "warning"), n)


def _sections(draft: Draft, at: _Locator, places: Sequence[str]) -> Iterator[Finding]:
    for required in rules().required:
        if required.detect == "approvers":
            if not draft.approvers:
                yield Finding(at.problem(f"no approver yet: {required.what}; "
                                         "add at least one approver (legal, HR or executive)", "approvers", "todo"))
        elif not _covered(draft, required.section, places):
            field, advice = _section_advice(draft, required.section)
            yield Finding(at.problem(f"required section missing: {required.section} ({required.what}); {advice}",
                                     field), _library_index(draft, required.section))


def _channel_patterns(draft: Draft) -> list[tuple[str, re.Pattern[str]]]:
    """(how the policy would name it, pattern) for every known channel that is not enabled."""
    enabled = enabled_channels(draft)
    enabled_ids = {c.id for c in enabled}
    enabled_names = {channel_name(c).lower() for c in enabled}
    names: dict[str, str] = {}  # lowercase name -> as written
    for channel_id, aliases in rules().channel_names.items():
        if channel_id not in enabled_ids:
            names.update({a.lower(): a for a in aliases})
    for channel in draft.channels:
        if not channel.enabled:
            names[channel_name(channel).lower()] = channel_name(channel)
    # The longest name first, so "Slack Connect" is reported rather than "Slack".
    ordered = sorted((n for n in names if n not in enabled_names), key=len, reverse=True)
    return [(names[n], re.compile(rf"(?<![\w-]){re.escape(n)}(?![\w-])", re.IGNORECASE)) for n in ordered]


def _channels(draft: Draft, at: _Locator, places: Sequence[str]) -> Iterator[Finding]:
    patterns = _channel_patterns(draft)
    for n, clause in _in_policy(draft, places):
        taken: list[tuple[int, int]] = []
        for name, pattern in patterns:
            for match in pattern.finditer(clause.text):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue
                taken.append((match.start(), match.end()))
                message = (f'"{clause.title}" names {name}, which is not an enabled channel: '
                           "enable it in step 2, or take it out of this clause")
                yield Finding(at.problem(message, f"clauses[{n}].text", "error", clause.text, match.start()),
                              n, match.start(), match.end())


def _speech_source(firm: LawPack) -> str:
    """What the overbroad-wording rules cite for a firm the NLRA does not cover (a public
    employer): its own pack's speech rules instead of the NLRB's; empty for everyone else."""
    if firm.nlra:
        return ""
    cited = [*firm.on("nlra-excluded"), *firm.on("public-speech")]
    return "; ".join(r.citation for r in cited)


def _wording(draft: Draft, at: _Locator, places: Sequence[str]) -> Iterator[Finding]:
    shared = rules()
    source = _speech_source(firm_pack(draft))
    for n, clause in _in_policy(draft, places):
        for offset, sentence in _sentences(clause.text):
            if shared.rights_statement.search(sentence):
                continue
            prohibits = bool(shared.prohibition.search(sentence))
            for rule in shared.wording:
                if rule.prohibition and not prohibits:
                    continue
                if rule.with_ and not rule.with_.search(sentence):
                    continue
                if rule.unless and rule.unless.search(sentence):
                    continue
                match = rule.pattern.search(sentence)
                if not match:
                    continue
                start = offset + match.start()
                message = (f'overbroad wording {_quote(match.group())} in "{clause.title}" ({rule.id}): {rule.why}. '
                           f'Narrower: "{rule.suggest}" Source: {source or rule.source}')
                yield Finding(at.problem(message, f"clauses[{n}].text", "warning", clause.text, start),
                              n, start, offset + match.end())


def _duties(draft: Draft, at: _Locator, places: Sequence[str]) -> Iterator[Finding]:
    firm = firm_pack(draft)
    for duty in rules().duties:
        if _covered(draft, duty.section, places):
            continue
        own = [r for topic in duty.topics for r in firm.on(topic)]
        if duty.industry and not in_industry(draft, duty.industry) and not own:
            continue
        if duty.when_text and not any(duty.when_text.search(c.text) for _, c in _in_policy(draft, places)):
            continue
        field = f"clauses[{i}].enabled" if (i := _library_index(draft, duty.section)) is not None else "clauses"
        source = "; ".join(f"{r.citation} ({checked_text(r)})" for r in own) if own else duty.source
        message = f"no {duty.section} clause ({duty.id}): {duty.why}; {duty.suggest}. Source: {source}"
        yield Finding(at.problem(message, field, "warning"), _library_index(draft, duty.section))


def _tiers(draft: Draft, at: _Locator, places: Sequence[str]) -> Iterator[Finding]:
    """A rule in the wrong tier, and a scope that limits the policy to those granted access."""
    for n, clause, rule in misplaced(draft, places):
        message = (f'"{clause.title}" applies to {TIER_WORDS[tier(clause)]}, but {rule.why}: make it apply to '
                   f"{TIER_WORDS[rule.tier]} (w in step 3, or applies_to in the draft). Source: {rule.source}")
        yield Finding(at.problem(message, f"clauses[{n}].applies_to" if clause.applies_to else f"clauses[{n}]",
                                 "warning"), n)
    limited = tier_rules().scope_limited
    for n, clause, match in scope_limits(draft, places):
        message = (f'"{clause.title}" says {_quote(match.group())}: {limited.why}. Narrower: "{limited.suggest}" '
                   f"Source: {limited.source}")
        yield Finding(at.problem(message, f"clauses[{n}].text", "warning", clause.text, match.start()),
                      n, match.start(), match.end())


def _request_sentences(draft: Draft, places: Sequence[str]
                       ) -> Iterator[tuple[int, int, str, LawRequest, re.Match[str], bool]]:
    """(clause, offset, sentence, request, match, promise) for each sentence naming a request;
    `promise` when it says the company will not make it."""
    shared = rules()
    for n, clause in _in_policy(draft, places):
        for offset, sentence in _sentences(clause.text):
            if not shared.personal.search(sentence):
                continue
            for request in shared.requests:
                if match := request.pattern.search(sentence):
                    if shared.negation.search(sentence):
                        yield n, offset, sentence, request, match, True
                    elif shared.demand.search(sentence):
                        yield n, offset, sentence, request, match, False


def _requests(draft: Draft, at: _Locator, places: Sequence[str]) -> Iterator[Finding]:
    """A request a state forbids: an error where the policy applies and a law forbids it, a
    warning naming those states otherwise; an error too when another sentence promises the
    company never makes it."""
    where = covering(places)
    found = list(_request_sentences(draft, places))
    promises = {r.id: draft.clauses[n].title for n, _, _, r, _, promise in found if promise}
    for n, offset, _, request, match, promise in found:
        if promise:
            continue
        clause = draft.clauses[n]
        start, end = offset + match.start(), offset + match.end()
        here = [(p, rule) for p in where for rule in p.on(request.topic)]
        head = f'{_quote(match.group())} in "{clause.title}" ({request.id}) {request.what}'
        if here:
            laws = "; ".join(f"{p.name}: {r.citation} ({checked_text(r)}, {r.source})" for p, r in here)
            message = f'{head}, which the law where the policy applies forbids: {laws}. Instead: "{request.suggest}"'
            severity: Severity = "error"
        else:
            states = sorted({p.name for p, _ in forbidding(request.topic)})
            message = (f"{head}, which {', '.join(states)} forbid; name the places people work "
                       f'(jurisdictions or the roster\'s location column) to know. Instead: "{request.suggest}"')
            severity = "warning"
        yield Finding(at.problem(message, f"clauses[{n}].text", severity, clause.text, start), n, start, end)
        if request.id in promises:
            message = (f'"{clause.title}" {request.what}, but "{promises[request.id]}" says the company never '
                       "does: the policy contradicts itself")
            yield Finding(at.problem(message, f"clauses[{n}].text", "error", clause.text, start), n, start, end)
