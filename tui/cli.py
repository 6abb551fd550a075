"""The `policy-tui` command: open the TUI, or run a headless command on a draft.

Each headless command lives in `tui/commands/` as a module with `add_parser` and `run`; this
module only dispatches. A user's mistake is printed as one line per problem with exit code 1;
bad usage is argparse's exit code 2; nothing here prints a traceback for either.

Everything a command prints goes through `say` or `say_text`: names, titles and file names
come from files and arguments nobody here controls, and a control character among them would
otherwise reach the terminal (an escape sequence retitles or recolours it; a CR LF starts a
line that passes for ours).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from typing import NoReturn

from policy_model.problems import Problem, ProblemsError
from policy_model.user_input import visible

# Subcommand name -> module in tui.commands; imported only when that command runs.
COMMANDS = {"new": "new", "check": "check", "roster": "roster", "export": "export", "diff": "diff",
            "training": "training", "approve": "approve", "bump": "bump", "accept": "accept",
            "ack": "ack", "status": "status"}
USER_ERROR = 1
_SURROGATE = re.compile("[\ud800-\udfff]")


def package_version() -> str:
    # importlib.metadata takes longer to import than the rest of this module: only --version
    # needs it.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("policy-tui")
    except PackageNotFoundError:
        return "0+unknown"


def say(line: str = "", *, err: bool = False) -> None:
    """Print one line (to stderr with `err`), its control characters shown as escapes."""
    print(visible(line), file=sys.stderr if err else sys.stdout)


def say_text(text: str) -> None:
    """Write text of several lines (a table, a CSV, a diff) to stdout: its line feeds kept, every
    other control character shown as an escape. Each value in it must already be one line."""
    sys.stdout.write("\n".join(map(visible, text.split("\n"))))


class _Parser(argparse.ArgumentParser):
    """argparse, with the argument it complains about ("unrecognized arguments: ...") made
    visible: it is whatever was typed or pasted."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {visible(message)}\n")


class _Version(argparse.Action):
    """--version, with the version looked up only when asked for (see `package_version`)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="show program's version number and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(f"{parser.prog} {package_version()}")
        parser.exit()


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with `only`, that command's alone (a command imports what it
    runs on, so a `check` in a git hook does not import the export too)."""
    parser = _Parser(
        prog="policy-tui",
        description="Write your company's social media and mobile policy: decide who needs access, "
        "choose the channels, word the policy, export it for sign-off.",
        epilog="Run 'policy-tui COMMAND --help' for a command's options. "
        "With no command, opens the app on DRAFT (a new draft if the file does not exist).",
    )
    parser.add_argument("--version", action=_Version)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in COMMANDS.items():
        if only in (None, name):
            import_module(f"tui.commands.{module}").add_parser(subparsers)
    return parser


def build_open_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="policy-tui", description="Open the app on a draft.")
    parser.add_argument("draft", nargs="?", type=Path, metavar="DRAFT",
                        help="the draft to open (created on first save if it does not exist)")
    return parser


def print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        say(str(problem), err=True)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in args_list if not a.startswith("-")), None)
    if first in COMMANDS or not args_list or args_list[0] in ("-h", "--help", "--version"):
        if not args_list:
            return _open(None)
        # The top-level help lists every command; a command needs only its own parser.
        only = first if first in COMMANDS and args_list[0] not in ("-h", "--help") else None
        args = build_parser(only).parse_args(args_list)
        if args.command is None:
            return _open(None)
        undecodable = _undecodable_text(args)
        if undecodable:
            print_problems(undecodable)
            return USER_ERROR
        return _run(lambda: import_module(f"tui.commands.{COMMANDS[args.command]}").run(args))
    args = build_open_parser().parse_args(args_list)
    return _open(args.draft)


def _undecodable_text(args: argparse.Namespace) -> list[Problem]:
    """Text arguments holding bytes that are not UTF-8 (a terminal or script in another encoding).

    Python keeps such bytes as lone surrogates, which no draft can save; a file name may hold
    them (the operating system allows it), so only text arguments are refused.
    """
    problems = []
    for name, value in vars(args).items():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and _SURROGATE.search(text):
                problems.append(Problem(f"--{name.replace('_', '-')}", "is not UTF-8 text (it holds bytes in "
                                        "another encoding); check the terminal's or the script's encoding"))
                break
    return problems


def _run(command: object) -> int:
    try:
        return int(command())  # type: ignore[operator]
    except ProblemsError as error:
        print_problems(error.problems)
        return USER_ERROR
    except KeyboardInterrupt:
        say("interrupted; nothing was written", err=True)
        return USER_ERROR
    except OSError as error:  # a full disk, a folder that went away: the system's words, one line
        say(os_error_line(error), err=True)
        return USER_ERROR


def os_error_line(error: OSError) -> str:
    """An operating-system error as one line: the file, then what went wrong."""
    where = str(error.filename) if error.filename is not None else ""
    what = error.strerror or str(error) or type(error).__name__
    return f"{where}: {what}" if where else what


def _open(draft: Path | None) -> int:
    from tui.launch import launch

    return _run(lambda: launch(draft))


if __name__ == "__main__":
    sys.exit(main())
