"""`policy-tui redline NEW OLD -o OUT.docx`: the changes since OLD as Word tracked changes.

`run_redline` is what `policy-tui export NEW --redline-against OLD -o OUT` calls; this
command exists so the redline can be made and tested on its own.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from policy_model.compare import compare, load_side
from policy_model.draft import Draft
from policy_model.files import atomic_writer
from policy_model.problems import Problem, ProblemsError
from tui.cli import print_problems


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "redline", help="a Word document of the changes since an older draft, as tracked changes",
        description="Write OUT.docx: a summary of access and channel changes, then every clause of NEW with "
        "the changes since OLD as Word tracked changes (word by word) that legal can accept or reject.",
        epilog="Exit status: 0 written, 1 a problem with a draft or the output (nothing is written).",
    )
    add_options(parser)
    parser.add_argument("new", type=Path, metavar="NEW", help="the draft to mark up")
    parser.add_argument("old", type=Path, metavar="OLD", help="the earlier draft (for instance the signed version)")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.docx", help="the file to write")
    parser.add_argument("--force", action="store_true", help="replace OUT.docx if it exists")


def add_options(parser: argparse.ArgumentParser) -> None:
    """The options a redline takes besides its drafts; `export` adds these too."""
    parser.add_argument("--author", metavar="NAME",
                        help="who the changes are attributed to (default: the author of NEW's latest revision, "
                        "else the policy owner)")


def run(args: argparse.Namespace) -> int:
    return run_redline(args.new, args.old, args.output, args.force, author=args.author)


def default_author(draft: Draft) -> str:
    latest = draft.revisions[-1].author if draft.revisions else ""
    return latest or draft.policy.owner or "policy-tui"


def run_redline(new: Path, old: Path, out: Path, force: bool, *, author: str | None = None,
                date: datetime | None = None) -> int:
    """Write the redline of NEW against OLD to OUT; raises ProblemsError (nothing written) on trouble."""
    from exporters.redline import redline_document

    out = Path(out)
    if out.exists() and not force:
        raise ProblemsError([Problem(str(out), "already exists; add --force to replace it")])
    if not out.parent.is_dir():
        raise ProblemsError([Problem(str(out), f"the folder {out.parent} does not exist")])
    problems: list[Problem] = []
    sides = []
    for path in (old, new):
        try:
            sides.append(load_side(path))
        except ProblemsError as error:
            problems.extend(error.problems)
    if problems:
        raise ProblemsError(problems)
    before, after = sides
    print_problems([*before.warnings, *after.warnings])
    document = redline_document(before.draft, after.draft, author or default_author(after.draft),
                                date or datetime.now(UTC), diff=compare(before, after))
    try:
        with atomic_writer(out) as stream:
            document.save(stream)
    except OSError as error:
        raise ProblemsError([Problem(str(out), f"cannot be written: {error.strerror}")]) from error
    print(f"Wrote {out}")
    return 0
