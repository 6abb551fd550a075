"""Load a draft from TOML with every problem located, and save it deterministically.

Loading reads with tomllib, decodes through `schema`, and places each problem on its line so
that `policy-tui check` reads like a compiler. Saving writes with tomli-w from the dataclasses
in field order, so a save without changes is byte-identical and git diffs stay small.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import tomli_w

from .draft import SCHEMA_VERSION, Draft
from .files import atomic_write
from .problems import Problem, ProblemsError
from .schema import Issue, decode, encode
from .toml_locate import locate_keys, position_of

_TOML_ERROR_AT = re.compile(r"^(.*) \(at line (\d+), column (\d+)\)$")
_TOML_ERROR_AT_END = re.compile(r"^(.*) \(at end of document\)$")


@dataclass
class LoadedDraft:
    """What a load found: the draft (None when it cannot be used) and every problem.

    `read_only` is set for a draft written by a newer policy-tui: it opens so people can read
    it, but saving it here could drop what the newer version added.
    """

    draft: Draft | None
    problems: list[Problem] = field(default_factory=list)
    read_only: bool = False


def dumps(draft: Draft) -> str:
    """The draft's TOML text; the same draft always gives the same bytes."""
    return tomli_w.dumps(encode(draft), multiline_strings=True)


def parse(text: str, file: str) -> LoadedDraft:
    """Decode TOML text into a draft, reporting problems against `file`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return LoadedDraft(None, [_syntax_problem(error, text, file)])
    issues: list[Issue] = []
    version = data.get("schema_version")
    read_only = isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION
    draft = decode(Draft, data, "", issues)
    positions = locate_keys(text)
    problems = [_located(file, positions, path, message) for path, message in issues]
    if read_only:
        problems.insert(0, _located(file, positions, "schema_version",
                                    f"this draft was written by a newer policy-tui (schema {version}; "
                                    f"this one knows {SCHEMA_VERSION}); it opens read-only", "warning"))
    elif isinstance(version, int) and version < 1:
        problems.append(_located(file, positions, "schema_version", f"expected 1 or more, got {version}"))
    problems.extend(_duplicates(draft, file, positions) if draft else [])
    if any(p.severity == "error" for p in problems) and draft is not None and not read_only:
        draft = None
    return LoadedDraft(draft, problems, read_only)


def load(path: Path) -> LoadedDraft:
    """Read and decode a draft file; an unreadable file is one problem, not an exception."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return LoadedDraft(None, [Problem(str(path), "no such file")])
    except IsADirectoryError:
        return LoadedDraft(None, [Problem(str(path), "is a folder, not a draft file")])
    except OSError as error:
        return LoadedDraft(None, [Problem(str(path), f"cannot be read: {error.strerror}")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return LoadedDraft(None, [Problem(str(path), "is not UTF-8 text (a draft must be TOML in UTF-8)", line=line)])
    return parse(text, str(path))


def load_or_raise(path: Path) -> Draft:
    """The draft, or ProblemsError carrying every error (warnings are not fatal)."""
    loaded = load(path)
    if loaded.draft is None:
        raise ProblemsError(loaded.problems)
    return loaded.draft


def save(draft: Draft, path: Path) -> str:
    """Write the draft atomically, keeping the previous file as `PATH.bak`; returns the text."""
    text = dumps(draft)
    atomic_write(Path(path), text.encode("utf-8"), backup=True)
    return text


def _syntax_problem(error: tomllib.TOMLDecodeError, text: str, file: str) -> Problem:
    """tomllib's message, reworded as a located problem ("at end of document" -> last line)."""
    message = str(error)
    line: int | None = None
    column: int | None = None
    if match := _TOML_ERROR_AT.match(message):
        message, line, column = match.group(1), int(match.group(2)), int(match.group(3))
    elif match := _TOML_ERROR_AT_END.match(message):
        message, line = match.group(1), max(1, len(text.splitlines()))
    return Problem(file, f"not valid TOML: {message[0].lower()}{message[1:]}", line=line, column=column)


def _located(file: str, positions: dict[str, tuple[int, int]], path: str, message: str,
             severity: str = "error") -> Problem:
    where = position_of(positions, path)
    line, column = where if where else (None, None)
    return Problem(file, message, field=path, line=line, column=column, severity=severity)  # type: ignore[arg-type]


def _duplicates(draft: Draft, file: str, positions: dict[str, tuple[int, int]]) -> list[Problem]:
    """Keys that must be unique within their list: a second one is an error at its own line."""
    problems: list[Problem] = []
    groups = {
        "eligibility.overrides": ("employee_id", draft.eligibility.overrides, "an override for employee"),
        "eligibility.rules": ("id", draft.eligibility.rules, "a rule with id"),
        "channels": ("id", draft.channels, "a channel with id"),
        "clauses": ("id", draft.clauses, "a clause with id"),
    }
    for path, (key, items, what) in groups.items():
        seen: dict[str, int] = {}
        for n, item in enumerate(items):
            value = getattr(item, key)
            if value in seen:
                problems.append(_located(file, positions, f"{path}[{n}].{key}",
                                         f'duplicate: {what} "{value}" is already at {path}[{seen[value]}]'))
            else:
                seen[value] = n
    return problems
