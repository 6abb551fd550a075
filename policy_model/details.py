"""The policy's details (company, title, owner, effective date, market, industry, ...).

One operation sets them all from what a person typed, checking each, so the TUI's details
form and a test see the same rules. The effective date is read as every other typed date is
(`user_input.parse_day`), so 2027-03-01 and 1 Mar 2027 both work here as in the training
forms. The version is not set here: it only moves forward, with a revision entry, through
`signoff.bump_version`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .draft import MARKETS, Draft, Market
from .user_input import clean_line, optional_day, refuse

WHAT = "policy"
INDUSTRIES = ("general", "financial", "healthcare")


@dataclass(frozen=True)
class Details:
    """The details as text, as a form shows and returns them."""

    company: str
    title: str
    owner: str
    effective_date: str
    market: str
    industry: str
    jurisdiction: str
    review_months: str


def details_of(draft: Draft) -> Details:
    policy = draft.policy
    return Details(policy.company, policy.title, policy.owner,
                   policy.effective_date.isoformat() if policy.effective_date else "",
                   policy.market, policy.industry, policy.jurisdiction,
                   "" if policy.review_months is None else str(policy.review_months))


def set_details(draft: Draft, details: Details) -> None:
    """Check every field, then set them all (nothing changes if any is refused)."""
    company = clean_line(details.company, WHAT, "company name")
    title = clean_line(details.title, WHAT, "policy title")
    owner = clean_line(details.owner, WHAT, "owner", required=False)
    jurisdiction = clean_line(details.jurisdiction, WHAT, "jurisdiction", required=False)
    industry = clean_line(details.industry, WHAT, "industry", required=False) or "general"
    if details.market not in MARKETS:
        raise refuse(WHAT, f'the market must be b2b, b2c or both, not "{details.market}"')
    market: Market = details.market
    effective = optional_day(details.effective_date, WHAT, "effective date")
    months = _months(details.review_months.strip())
    policy = draft.policy
    policy.company, policy.title, policy.owner, policy.jurisdiction = company, title, owner, jurisdiction
    policy.market, policy.industry, policy.effective_date, policy.review_months = market, industry, effective, months


def _months(text: str) -> int | None:
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= 60:
        raise refuse(WHAT, f'the review cycle is a number of months from 1 to 60, not "{text}"')
    return int(text)
