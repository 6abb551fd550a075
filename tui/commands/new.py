"""`policy-tui new DRAFT`: start a draft file with the method's defaults."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from policy_model.details import checked_firm, jurisdiction_codes
from policy_model.document import Document, create_document
from policy_model.draft import MARKETS, Market
from policy_model.law import FIRM_KINDS, packs
from policy_model.problems import Problem, ProblemsError
from policy_model.user_input import clean_line
from tui.cli import say
from tui.commands import changes_draft

T = TypeVar("T")


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("new", help="create a new draft file",
                                   description="Create a new draft with the method's defaults.")
    parser.add_argument("draft", type=Path, metavar="DRAFT", help="the .toml file to create")
    parser.add_argument("--company", default="", help="the company's name")
    parser.add_argument("--market", choices=MARKETS, default="b2b",
                        help="who the company sells to: b2b, b2c or both (default b2b)")
    parser.add_argument("--industry", default=None,
                        help="for example general, financial or healthcare (default: the firm kind's, else general)")
    parser.add_argument("--firm", default="", metavar="KIND",
                        help=f"the kind of firm whose law applies: {', '.join(FIRM_KINDS)} "
                             "(default: the one the industry names, else general)")
    parser.add_argument("--jurisdiction", action="append", default=[], metavar="CODE",
                        help="an ISO 3166 code whose law the policy follows (US-CA, GB, EU); repeat for more")


@changes_draft
def run(args: argparse.Namespace) -> int:
    path: Path = args.draft
    create_new(path, company=args.company, market=args.market, industry=args.industry or "",
               firm=args.firm, jurisdictions=" ".join(args.jurisdiction),
               fields={"company": "--company", "industry": "--industry", "firm": "--firm",
                       "jurisdictions": "--jurisdiction"})
    say(f"created {path}; open it with 'policy-tui {path}'")
    return 0


def create_new(path: Path, *, company: str = "", market: Market = "b2b", industry: str = "", firm: str = "",
               jurisdictions: str = "", fields: dict[str, str] | None = None) -> Document:
    """Check what is asked of a new draft, create it with the method's defaults and write it:
    the one way to start a draft, from the command line and from the app's New draft dialog.

    `fields` names where each value was typed ("--company", or a dialog's field), for the
    problems; raises ProblemsError, and writes nothing, when a value cannot be used. An empty
    industry is the firm kind's, else general.
    """
    where = {"company": "company", "industry": "industry", "firm": "firm", "jurisdictions": "jurisdictions",
             **(fields or {})}
    if path.exists():
        raise ProblemsError([Problem(str(path), "already exists; choose another name or open it with "
                                     f"'policy-tui {path}'")])
    if not path.parent.is_dir():
        raise ProblemsError([Problem(str(path), f"the folder {path.parent} does not exist")])
    company = clean_line(company, where["company"], "company name", required=False)
    kind = _option(where["firm"], lambda: checked_firm(firm.strip()) if firm.strip() else "")
    codes = _option(where["jurisdictions"], lambda: jurisdiction_codes(jurisdictions))
    default_industry = packs()[kind].industry if kind else "general"
    industry = clean_line(industry, where["industry"], "industry", required=False) or default_industry
    document = create_document(path, company=company, market=market, industry=industry, firm=kind,
                               jurisdictions=codes)
    document.save()
    return document


def _option(option: str, read: Callable[[], T]) -> T:
    """The option's value as read, or the refusal placed on the option rather than on "policy"."""
    try:
        return read()
    except ProblemsError as error:
        raise ProblemsError([Problem(option, p.message) for p in error.problems]) from None
