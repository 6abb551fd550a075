"""`policy-tui new DRAFT`: start a draft file with the method's defaults."""

from __future__ import annotations

import argparse
from pathlib import Path

from policy_model.document import Document, create_document
from policy_model.draft import MARKETS, Market
from policy_model.problems import Problem, ProblemsError
from policy_model.user_input import clean_line
from tui.cli import say
from tui.commands import changes_draft


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("new", help="create a new draft file",
                                   description="Create a new draft with the method's defaults.")
    parser.add_argument("draft", type=Path, metavar="DRAFT", help="the .toml file to create")
    parser.add_argument("--company", default="", help="the company's name")
    parser.add_argument("--market", choices=MARKETS, default="b2b",
                        help="who the company sells to: b2b, b2c or both (default b2b)")
    parser.add_argument("--industry", default="general",
                        help="for example general, financial or healthcare (default general)")


@changes_draft
def run(args: argparse.Namespace) -> int:
    path: Path = args.draft
    create_new(path, company=args.company, market=args.market, industry=args.industry,
               fields={"company": "--company", "industry": "--industry"})
    say(f"created {path}; open it with 'policy-tui {path}'")
    return 0


def create_new(path: Path, *, company: str = "", market: Market = "b2b", industry: str = "general",
               fields: dict[str, str] | None = None) -> Document:
    """Check what is asked of a new draft, create it with the method's defaults and write it:
    the one way to start a draft, from the command line and from the app's New draft dialog.

    `fields` names where each value was typed ("--company", or a dialog's field), for the
    problems; raises ProblemsError, and writes nothing, when a value cannot be used.
    """
    where = {"company": "company", "industry": "industry", **(fields or {})}
    if path.exists():
        raise ProblemsError([Problem(str(path), "already exists; choose another name or open it with "
                                     f"'policy-tui {path}'")])
    if not path.parent.is_dir():
        raise ProblemsError([Problem(str(path), f"the folder {path.parent} does not exist")])
    company = clean_line(company, where["company"], "company name", required=False)
    industry = clean_line(industry, where["industry"], "industry", required=False) or "general"
    document = create_document(path, company=company, market=market, industry=industry)
    document.save()
    return document
