"""`policy-tui export DRAFT -o OUT.docx`: the Word document that legal signs.

The same policy is written as a PDF (`OUT.pdf`, LibreOffice converting the .docx) or as the
intranet page (`OUT.html`) or Markdown (`OUT.md`) that every employee reads; the format follows
the extension (or `--format`). The access schedule names employees, so it goes only with a
.docx or .pdf, never with a page meant for publishing.

With `--redline-against OLD`, the document instead shows every change since OLD (the version
legal signed, say) as Word tracked changes, word by word, with a summary of access and channel
changes up front.

Problems `check` finds are printed first. They do not stop the export: a document with
problems is still worth circulating for review, but it is marked DRAFT (never FINAL) until
they are fixed, so an unfinished policy cannot be mistaken for the signed one.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from exporters.formats import DESCRIPTIONS, FORMATS, Format, check_companions, format_of
from policy_model.accepted import legal_note
from policy_model.checks import check_document
from policy_model.compare import compare, load_sides
from policy_model.document import open_document
from policy_model.draft import Draft
from policy_model.files import atomic_write, atomic_writer, special_kind
from policy_model.policy_view import build_view
from policy_model.problems import Problem, ProblemsError
from policy_model.user_input import clean_line
from tui.cli import print_problems, say


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("export", help="export the policy as a Word document for sign-off, a PDF or "
                                   "an intranet page",
                                   description="Write the policy as a .docx, .pdf, .html or .md: DRAFT while any "
                                   "approver is pending or check finds an error, FINAL when every approver approved.")
    parser.add_argument("draft", type=Path, metavar="DRAFT", help="the draft to export")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.docx",
                        help="the file to write: .docx, .pdf (needs LibreOffice), .html or .md")
    parser.add_argument("--format", choices=FORMATS,
                        help="the format, when not the output's extension: " +
                        ", ".join(f"{fmt} ({words})" for fmt, words in DESCRIPTIONS.items()))
    parser.add_argument("--template", type=Path, metavar="COMPANY.docx",
                        help="a .docx whose letterhead, page set-up and styles the document uses")
    parser.add_argument("--force", action="store_true", help="replace OUT.docx if it exists")
    parser.add_argument("--redline-against", type=Path, metavar="OLD.toml",
                        help="mark every change since the older draft OLD.toml as a Word tracked change")
    parser.add_argument("--schedule", type=Path, metavar="SCHEDULE.docx",
                        help="also write the access schedule: every granted employee and their channels, by "
                        "name (confidential; the policy itself names no one)")
    parser.add_argument("--legal-note", type=Path, metavar="NOTE.docx",
                        help="also write the note for legal: the warnings accepted rather than fixed, with why")
    parser.add_argument("--author", metavar="NAME",
                        help="with --redline-against: who the changes are attributed to (default: the author of "
                        "DRAFT's latest revision, else the policy owner)")


def check_target(output: Path, force: bool) -> None:
    """Refuse to replace a file unless asked, or to write where it cannot."""
    kind = special_kind(output)
    if kind:
        raise ProblemsError([Problem(str(output), f"is {kind}; give the name of the file to write "
                                     "(.docx, .pdf, .html or .md)")])
    if output.exists() and not force:
        raise ProblemsError([Problem(str(output), "already exists; add --force to replace it")])
    if not output.parent.is_dir():
        raise ProblemsError([Problem(str(output), f"the folder {output.parent} does not exist")])


def check_options(args: argparse.Namespace, fmt: Format) -> None:
    """Refuse what a format cannot carry, before anything is written."""
    check_companions(fmt, args.schedule, args.template)
    if fmt != "docx" and args.redline_against:
        raise ProblemsError([Problem(str(args.output), "--redline-against: tracked changes are written only to a "
                                     ".docx")])
    if fmt == "pdf":
        from exporters.pdf import require_converter

        require_converter(args.output)


def run(args: argparse.Namespace) -> int:
    output: Path = args.output
    for target in (output, args.schedule, args.legal_note):
        if target is not None:  # every file refused before any is written, a device first of all
            check_target(target, args.force)
    fmt = format_of(output, args.format)
    check_options(args, fmt)
    if args.redline_against:
        return run_redline(args.draft, args.redline_against, output, author=args.author)
    document = open_document(args.draft)
    problems = check_document(document)
    print_problems(problems)
    view = build_view(document, problems)

    from exporters.docx.base import template_notes
    from exporters.formats import export

    for left_out in template_notes(args.template) if args.template else ():
        say(f"{args.template}: {left_out}")
    try:
        export(view, fmt, output, args.template)
    except OSError as error:
        raise ProblemsError([Problem(str(output), f"cannot be written: {error.strerror}")]) from None
    why = f" ({'; '.join(view.draft_reasons)})" if view.draft_reasons else ""
    say(f"wrote {output}: {view.status}{why}")
    if args.schedule:
        from exporters.docx import export_schedule

        granted = len(view.granted)
        write_beside(args.schedule, lambda path: export_schedule(view, path, args.template),
                     f"the access schedule, {granted} granted employee{'s' * (granted != 1)}")
    if args.legal_note:
        from exporters.docx.legal_note import legal_note_bytes

        note = legal_note(document.draft, problems)
        write_beside(args.legal_note, lambda path: atomic_write(path, legal_note_bytes(note)),
                     f"{len(note.rows)} accepted warning{'s' * (len(note.rows) != 1)}, for legal")
    return 0


def write_beside(target: Path, write: Callable[[Path], None], what: str) -> None:
    """Write a document that goes with the policy (the access schedule, legal's note)."""
    try:
        write(target)
    except OSError as error:
        raise ProblemsError([Problem(str(target), f"cannot be written: {error.strerror}")]) from None
    say(f"wrote {target}: {what}")


def default_author(draft: Draft) -> str:
    latest = draft.revisions[-1].author if draft.revisions else ""
    return latest or draft.policy.owner or "policy-tui"


def run_redline(new: Path, old: Path, out: Path, *, author: str | None = None, date: datetime | None = None) -> int:
    """Write the redline of NEW against OLD to OUT; raises ProblemsError (nothing written) on trouble."""
    from exporters.redline import redline_document

    before, after = load_sides(old, new)
    print_problems([*before.warnings, *after.warnings])
    texts = {id(side.draft): side for side in (before, after)}
    author = clean_line(author, "--author", "author", limit=100) if author is not None else None
    document = redline_document(before.draft, after.draft, author or default_author(after.draft),
                                date or datetime.now(UTC), diff=compare(before, after),
                                clause_text=lambda draft, clause: texts[id(draft)].clause_text(clause))
    try:
        with atomic_writer(out) as stream:
            document.save(stream)
    except OSError as error:
        raise ProblemsError([Problem(str(out), f"cannot be written: {error.strerror}")]) from error
    say(f"wrote {out}: the changes since {old} as tracked changes")
    return 0
