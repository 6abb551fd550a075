"""Find the line and column of a dotted key path in TOML source text.

tomllib gives values but no positions, and people fix a draft by line number. This scanner
understands the shapes a draft uses (tables, arrays of tables, `key = value` lines, multi-line
strings, arrays and inline tables) well enough to point at the right line; a path it cannot
place falls back to its nearest placed parent, so a report always points somewhere useful.

The text is read as tokens, and a string of any of TOML's four kinds is one token before
anything else looks at it: a "#", a bracket, a comma or an "=" inside a string is part of the
string, so a title such as "Policy [v2 #1]" cannot open an array or start a comment. Lines are
counted as tomllib and an editor count them, at "\\n" only (a U+2028 inside a string is not a
line break in the file).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field

Position = tuple[int, int]

# A multi-line string may hold one or two quotes in a row and end with up to two more before
# its closing three; one left open runs to the end of the text (tomllib refuses that file).
_STRING = r"""(?:
      \"\"\"(?:[^"\\]|\\.|"{1,2}(?!"))*(?:"{3,5}|\Z)
    | '''(?:[^']|'{1,2}(?!'))*(?:'{3,5}|\Z)
    | "(?:[^"\\\n]|\\.)*"?
    | '[^'\n]*'?
)"""
# A value that is not a string or a bracket: a number, a boolean, a date or a time.
_WORD = r"""[^\s\[\]{},="'\#]+"""
_PART = r"""(?:"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[A-Za-z0-9_\-]+)"""
_KEY_PATH = rf"{_PART}(?:[ \t]*\.[ \t]*{_PART})*"
_TOKEN = re.compile(rf"""
      (?P<key>{_KEY_PATH})[ \t]*=[ \t]*(?P<scalar>{_STRING}|{_WORD})?
    | (?P<newline>\n)
    | (?P<bracket>[\[\]{{}},])
    | (?P<comment>\#[^\n]*)
    | (?P<value>{_STRING}|{_WORD})
""", re.VERBOSE | re.DOTALL)
# A table header, from its opening bracket to the end of its line.
_HEADER = re.compile(rf"(\[\[?)[ \t]*({_KEY_PATH})[ \t]*\]\]?[ \t\r]*(?:#[^\n]*)?(?:\n|\Z)")
_KEY_PARTS = re.compile(r'"((?:\\.|[^"\\])*)"|\'([^\']*)\'|([A-Za-z0-9_\-]+)')


def _key_parts(written: str) -> list[str]:
    """The parts of a dotted key as written (`a."b c".d`), each unquoted and unescaped."""
    parts = []
    for basic, literal, bare in _KEY_PARTS.findall(written):
        if "\\" in basic:
            try:
                basic = tomllib.loads(f'k = "{basic}"')["k"]
            except tomllib.TOMLDecodeError:
                pass  # a key being edited: its text as written is still the best name for it
        parts.append(basic or literal or bare)
    return parts


@dataclass
class _Frame:
    """A table, array or inline table being read: its path, and the path its next value has.

    The bottom frame is the current table; its `pending` is a key waiting for its value.
    """

    path: str
    array: bool = False
    items: int = 0
    pending: str | None = None


@dataclass
class _Scanner:
    """One pass over the tokens of a text, keeping the path of what is being read.

    `aot_counts` is how many items each array of tables has had so far, so a `[[rules]]`
    header knows its index and a `[rules.terms]` header knows which rule it belongs to.
    """

    text: str
    positions: dict[str, Position] = field(default_factory=dict)
    aot_counts: dict[str, int] = field(default_factory=dict)
    frames: list[_Frame] = field(default_factory=lambda: [_Frame("")])
    # Each key as written -> its dotted name: a draft writes the same few keys many times.
    names: dict[str, str] = field(default_factory=dict)

    def scan(self) -> dict[str, Position]:
        """Every path's position; columns count characters from the line's start."""
        lineno, line_start, skip_line, at_line_start = 1, 0, False, True
        frames, positions = self.frames, self.positions
        for token in _TOKEN.finditer(self.text):
            kind = token.lastgroup
            if kind == "newline":
                lineno, line_start, skip_line, at_line_start = lineno + 1, token.end(), False, True
                continue
            start = token.start()
            first, at_line_start = at_line_start, False
            if skip_line or kind == "comment":
                continue
            frame = frames[-1]
            bracket = token.group("bracket")
            if first and bracket == "[" and len(frames) == 1 and frame.pending is None:
                header = _HEADER.match(self.text, start)
                if header:
                    self._header(header, (lineno, start - line_start + 1))
                    skip_line = True  # the header's own tokens
                    continue
            if kind in ("key", "scalar"):  # a key, and its value when it is not an array or table
                if not frame.array and frame.pending is None:
                    written = token.group("key")
                    name = self.names.get(written)
                    if name is None:
                        name = self.names[written] = ".".join(_key_parts(written))
                    path = f"{frame.path}.{name}" if frame.path else name
                    positions.setdefault(path, (lineno, start - line_start + 1))
                    if token.group("scalar") is None:
                        frame.pending = path
                value = token.group("scalar") or ""
            elif bracket in ("]", "}"):
                if len(frames) > 1:
                    frames.pop()
                continue
            elif bracket == ",":
                if frame.array:
                    frame.pending = f"{frame.path}[{frame.items}]"
                continue
            else:
                value = token.group()
                if frame.pending is not None:  # else the rest of a value (the time of a date-time)
                    path, frame.pending = frame.pending, None
                    if frame.array:
                        frame.items += 1
                        positions.setdefault(path, (lineno, start - line_start + 1))
                    if bracket is not None:
                        array = bracket == "["
                        frames.append(_Frame(path, array, pending=f"{path}[0]" if array else None))
            if "\n" in value:  # a multi-line string
                lineno += value.count("\n")
                line_start = token.end() - len(value) + value.rindex("\n") + 1
        return positions

    def _header(self, header: re.Match[str], where: Position) -> None:
        path = self._join(_key_parts(header.group(2)))
        if header.group(1) == "[[":
            index = self.aot_counts.get(path, 0)
            self.aot_counts[path] = index + 1
            path = f"{path}[{index}]"
        self.frames[:] = [_Frame(path)]
        self.positions.setdefault(path, where)

    def _join(self, parts: list[str]) -> str:
        """A header path, with the current index of each array of tables it passes through."""
        path = ""
        for n, part in enumerate(parts):
            path = f"{path}.{part}" if path else part
            if path in self.aot_counts and n < len(parts) - 1:
                path = f"{path}[{self.aot_counts[path] - 1}]"
        return path


def locate_keys(text: str) -> dict[str, Position]:
    """Map every dotted path (`eligibility.rules[2].max_clients`) to its 1-based line, column.

    Keys of tables and inline tables are placed where the key is written; items of arrays
    where the item begins.
    """
    return _Scanner(text).scan()


def position_of(positions: dict[str, Position], path: str) -> Position | None:
    """The position of `path`, or of its nearest parent that has one."""
    while path:
        if path in positions:
            return positions[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return None
