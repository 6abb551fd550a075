"""Which tier each part of the policy belongs in, read from `data/tiers.toml`.

The policy binds every employee to some rules and only those granted access to others (see
`clauses.tier`). A rule in the wrong tier fails quietly: nothing in the text looks wrong,
yet personal use put among the rules for people granted access binds nobody else. These
rules let lint say so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from .clauses import covers, in_policy, tier
from .draft import Clause, Draft, Tier
from .package_data import read_toml


@dataclass(frozen=True)
class SectionTier:
    """The tier a section must be in, why, and where that comes from."""

    section: str
    tier: Tier
    why: str
    source: str
    checked: str


@dataclass(frozen=True)
class ScopeLimited:
    """Wording that limits the whole policy to those granted access."""

    pattern: re.Pattern[str]
    why: str
    suggest: str
    source: str
    checked: str


@dataclass(frozen=True)
class TierRules:
    sections: dict[str, SectionTier]
    scope_limited: ScopeLimited


@cache
def tier_rules() -> TierRules:
    """The rules, read once from the package data."""
    data = read_toml("tiers.toml")
    limited = dict(data["scope_limited"])
    limited["pattern"] = re.compile(limited["pattern"], re.IGNORECASE)
    return TierRules({s["section"]: SectionTier(**s) for s in data["sections"]}, ScopeLimited(**limited))


def misplaced(draft: Draft, places: Sequence[str] | None = None) -> Iterator[tuple[int, Clause, SectionTier]]:
    """Each clause in the policy whose section belongs in the other tier (`places` as for
    `clauses.applies`)."""
    wanted = tier_rules().sections
    for n, clause in enumerate(draft.clauses):
        rule = wanted.get(covers(clause))
        if rule is not None and in_policy(clause, draft, places) and tier(clause) != rule.tier:
            yield n, clause, rule


def scope_limits(draft: Draft, places: Sequence[str] | None = None) -> Iterator[tuple[int, Clause, re.Match[str]]]:
    """Each scope clause in the policy that limits it to those granted access, when some
    clause in the policy is meant to bind everyone (otherwise the limit is what it says)."""
    policy = [(n, c) for n, c in enumerate(draft.clauses) if in_policy(c, draft, places)]
    if not any(tier(c) == "everyone" and covers(c) != "scope" for _, c in policy):
        return
    for n, clause in policy:
        if covers(clause) == "scope" and (match := tier_rules().scope_limited.pattern.search(clause.text)):
            yield n, clause, match
