"""Load a draft from TOML with every problem located, and save it deterministically.

Loading reads with tomllib, decodes through `schema`, and places each problem on its line so
that `policy-tui check` reads like a compiler. Saving writes with tomli-w from the dataclasses
in field order, so a save without changes is byte-identical and git diffs stay small.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, partial
from itertools import compress, repeat
from pathlib import Path
from typing import Any

import tomli_w

from . import toml_keep
from .channels import draft_issues as channel_issues
from .draft import SCHEMA_VERSION, Draft
from .files import atomic_write, read_bytes
from .law import draft_issues as law_issues
from .problems import Problem, ProblemsError
from .roster_snapshot import draft_issues as roster_issues
from .schema import Issue, decode, encode
from .toml_locate import locate_keys, position_of
from .training import draft_issues as training_issues

# The line and column of each dotted key in the text, computed on first call.
Positions = Callable[[], dict[str, tuple[int, int]]]

_TOML_ERROR_AT = re.compile(r"^(.*) \(at line (\d+), column (\d+)\)$")
_TOML_ERROR_AT_END = re.compile(r"^(.*) \(at end of document\)$")
_BOM = "\ufeff"


# Lists whose entries must be unique by a key: (dotted path, key, how to name an entry).
_UNIQUE = (
    ("eligibility.overrides", "employee_id", "an override for employee"),
    ("eligibility.rules", "id", "a rule with id"),
    ("channels", "id", "a channel with id"),
    ("clauses", "id", "a clause with id"),
)


@dataclass
class LoadedDraft:
    """What a load found: the draft (None when it cannot be used) and every problem.

    `read_only` is set for a draft written by a newer policy-tui: it opens so people can read
    it, but saving it here could drop what the newer version added.
    """

    draft: Draft | None
    problems: list[Problem] = field(default_factory=list)
    read_only: bool = False
    sha256: str | None = None


# How deeply a draft's arrays and tables may nest: a real draft needs four levels; a hostile
# file with thousands would exhaust the recursion of every reader after tomllib.
MAX_DEPTH = 32


def _depth(data: dict[str, Any]) -> int:
    """How many arrays and tables deep the data goes, counted without recursion.

    Only arrays and tables are visited, picked out at C speed (tomllib makes plain dicts and
    lists): a long array of plain values, such as a list of ids, costs one quick pass, since
    loading a draft is on the way to the first screen.
    """
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            break
        items = list(value.values()) if isinstance(value, dict) else value
        stack.extend(zip(compress(items, map(_CONTAINERS.__contains__, map(type, items))), repeat(depth + 1)))
    return deepest


_CONTAINERS = frozenset((dict, list))


def dumps(draft: Draft) -> str:
    """The draft's TOML text; the same draft always gives the same bytes."""
    return tomli_w.dumps(encode(draft), multiline_strings=True)


def parse(text: str, file: str) -> LoadedDraft:
    """Decode TOML text into a draft, reporting problems against `file`.

    A byte-order mark at the start (Notepad and some Windows editors add one to UTF-8) is not
    part of the text; TOML does not allow it, so it is dropped rather than refused.
    """
    text = text.removeprefix(_BOM)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return LoadedDraft(None, [_syntax_problem(error, text, file)])
    except RecursionError:  # tomllib reads nested arrays by recursion
        data = None
    if data is None or _depth(data) > MAX_DEPTH:
        return LoadedDraft(None, [Problem(file, f"values are nested more than {MAX_DEPTH} levels deep (arrays "
                                                "or tables inside each other); a draft never needs that")])
    issues: list[Issue] = []
    version = data.get("schema_version")
    read_only = isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION
    draft = decode(Draft, data, "", issues)
    # Where each key is written, found only when there is a problem to place: a clean draft
    # (the usual case, and every start-up) never pays for the scan.
    positions: Positions = cache(partial(locate_keys, text))
    problems = [_located(file, positions, path, message) for path, message in issues]
    if read_only:
        problems.insert(0, _located(file, positions, "schema_version",
                                    f"this draft was written by a newer policy-tui (schema {version}; "
                                    f"this one knows {SCHEMA_VERSION}); it opens read-only", "warning"))
    elif isinstance(version, int) and version < 1:
        problems.append(_located(file, positions, "schema_version", f"expected 1 or more, got {version}"))
    problems.extend(_duplicates(data, file, positions))
    if draft is not None:
        problems.extend(_located(file, positions, path, message) for path, message in _semantic_issues(draft))
    if any(p.severity == "error" for p in problems) and draft is not None and not read_only:
        draft = None
    return LoadedDraft(draft, problems, read_only)


def load(path: Path) -> LoadedDraft:
    """Read and decode a draft file; an unreadable file is one problem, not an exception."""
    path = Path(path)
    try:
        raw = read_bytes(path, "draft file")
    except ProblemsError as error:
        return LoadedDraft(None, error.problems)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return LoadedDraft(None, [Problem(str(path), "is not UTF-8 text (a draft must be TOML in UTF-8)", line=line)])
    loaded = parse(text, str(path))
    loaded.sha256 = hashlib.sha256(raw).hexdigest()
    return loaded


def save(draft: Draft, path: Path) -> str:
    """Write the draft atomically, keeping the previous file as `PATH.bak`; returns the text
    written (the file's hand comments kept, see `toml_keep`)."""
    return save_text(dumps(draft), path)


def save_text(text: str, path: Path) -> str:
    """`save` for a draft already serialised (`dumps`), so a caller that needs that text too
    serialises once."""
    written = toml_keep.text_to_write(Path(path), text)
    atomic_write(Path(path), written.encode("utf-8"), backup=True)
    return written


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


def _located(file: str, positions: Positions, path: str, message: str, severity: str = "error") -> Problem:
    where = position_of(positions(), path)
    line, column = where if where else (None, None)
    return Problem(file, message, field=path, line=line, column=column, severity=severity)  # type: ignore[arg-type]


# Checks that need a whole decoded draft (ids known to a catalog, references between tables);
# each returns (dotted path, message) pairs that `parse` places on their lines.
_SEMANTIC_CHECKS = (channel_issues, training_issues, roster_issues, law_issues)


def _semantic_issues(draft: Draft) -> list[Issue]:
    return [issue for check in _SEMANTIC_CHECKS for issue in check(draft)]


def _duplicates(data: dict[str, Any], file: str, positions: Positions) -> list[Problem]:
    """Keys that must be unique within their list: a second one is an error at its own line.

    Checked on the parsed TOML rather than the decoded draft, so an entry with another
    problem (a bad status, say) is still seen as the duplicate it is.
    """
    problems: list[Problem] = []
    for path, key, what in _UNIQUE:
        seen: dict[Any, int] = {}
        for n, item in enumerate(_at_path(data, path)):
            value = item.get(key) if isinstance(item, dict) else None
            if value is None or not isinstance(value, (str, int)):
                continue
            if value in seen:
                problems.append(_located(file, positions, f"{path}[{n}].{key}",
                                         f'duplicate: {what} "{value}" is already at {path}[{seen[value]}]'))
            else:
                seen[value] = n
    return problems


def _at_path(data: dict[str, Any], path: str) -> list[Any]:
    node: Any = data
    for part in path.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node if isinstance(node, list) else []
