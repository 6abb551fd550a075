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
from .law import FIRM_KINDS, firm_kind, firm_of_industry, jurisdiction_code
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
    firm: str = ""  # empty: the kind the industry names (see `law.firm_kind`)
    jurisdictions: str = ""  # ISO 3166 codes, separated by commas or spaces


def details_of(draft: Draft) -> Details:
    policy = draft.policy
    return Details(policy.company, policy.title, policy.owner,
                   policy.effective_date.isoformat() if policy.effective_date else "",
                   policy.market, policy.industry, policy.jurisdiction,
                   "" if policy.review_months is None else str(policy.review_months),
                   firm_kind(draft), ", ".join(policy.jurisdictions))


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
    firm = checked_firm(details.firm.strip()) if details.firm.strip() else ""
    codes = jurisdiction_codes(details.jurisdictions)
    policy = draft.policy
    # A firm kind left as the industry names it stays unset, so it follows a later industry.
    if not policy.firm and firm == firm_of_industry(industry):
        firm = ""
    policy.firm, policy.jurisdictions = firm, codes
    policy.company, policy.title, policy.owner, policy.jurisdiction = company, title, owner, jurisdiction
    policy.market, policy.industry, policy.effective_date, policy.review_months = market, industry, effective, months


def checked_firm(firm: str) -> str:
    """A firm kind from `FIRM_KINDS`; a refusal names them."""
    if firm not in FIRM_KINDS:
        raise refuse(WHAT, f'the kind of firm must be one of {", ".join(FIRM_KINDS)}, not "{firm}"')
    return firm


def jurisdiction_codes(text: str) -> list[str]:
    """The ISO 3166 codes typed, separated by commas or spaces, each once; a refusal names a bad one."""
    try:
        return list(dict.fromkeys(jurisdiction_code(part) for part in text.replace(",", " ").split()))
    except ValueError as error:
        raise refuse(WHAT, str(error)) from None


def _months(text: str) -> int | None:
    if not text:
        return None
    if not text.isdigit() or not 1 <= int(text) <= 60:
        raise refuse(WHAT, f'the review cycle is a number of months from 1 to 60, not "{text}"')
    return int(text)
