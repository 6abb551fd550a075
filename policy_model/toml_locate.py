"""Find the line and column of a dotted key path in TOML source text.

tomllib gives values but no positions, and people fix a draft by line number. This scanner
understands the shapes a draft uses (tables, arrays of tables, `key = value` lines, multi-line
strings and arrays) well enough to point at the right line; a path it cannot place falls back
to its nearest placed parent, so a report always points somewhere useful.
"""

from __future__ import annotations

import re

Position = tuple[int, int]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_PART = r"""(?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)"""
_KEY = re.compile(rf"^(\s*)({_PART}(?:\s*\.\s*{_PART})*)\s*=")


def _split_key(key: str) -> list[str]:
    parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([A-Za-z0-9_\-]+)', key)
    return [a or b or c for a, b, c in parts]


def _opens_multiline(value: str) -> str | None:
    """The closing delimiter if `value` starts a multi-line string left open on this line."""
    for quote in ('"""', "'''"):
        if value.startswith(quote) and value.count(quote) == 1:
            return quote
    return None


def _bracket_depth(value: str) -> int:
    """Net open brackets in a value, ignoring those inside simple strings."""
    stripped = re.sub(r'"(?:\\.|[^"\\])*"|\'[^\']*\'', "", value.split(" #")[0])
    return stripped.count("[") + stripped.count("{") - stripped.count("]") - stripped.count("}")


def locate_keys(text: str) -> dict[str, Position]:
    """Map every dotted path (`eligibility.rules[2].max_clients`) to its 1-based line, column."""
    positions: dict[str, Position] = {}
    aot_counts: dict[str, int] = {}
    prefix = ""
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        lineno = i + 1
        i += 1
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        header = _HEADER.match(line)
        if header and not _KEY.match(line):
            parts = _split_key(header.group(2))
            path = _join(parts, aot_counts)
            if header.group(1) == "[[":
                index = aot_counts.get(path, 0)
                aot_counts[path] = index + 1
                path = f"{path}[{index}]"
            prefix = path
            positions.setdefault(path, (lineno, line.index("[") + 1))
            continue
        key = _KEY.match(line)
        if not key:
            continue
        path = ".".join(p for p in [prefix, ".".join(_split_key(key.group(2)))] if p)
        positions.setdefault(path, (lineno, len(key.group(1)) + 1))
        value = line[key.end():].strip()
        closing = _opens_multiline(value)
        if closing:
            while i < len(lines) and closing not in lines[i]:
                i += 1
            i += 1
            continue
        depth = _bracket_depth(value)
        item = 0
        while depth > 0 and i < len(lines):
            if depth == 1 and lines[i].strip() not in ("", "]"):
                _locate_item(lines[i], f"{path}[{item}]", i + 1, positions)
                item += 1
            depth += _bracket_depth(lines[i])
            i += 1
    return positions


def _locate_item(line: str, path: str, lineno: int, positions: dict[str, Position]) -> None:
    """One item of a multi-line array, one per line as tomli-w writes it; inline table keys too."""
    positions.setdefault(path, (lineno, len(line) - len(line.lstrip()) + 1))
    blanked = re.sub(r'"(?:\\.|[^"\\])*"|\'[^\']*\'', lambda m: " " * len(m.group()), line)
    for match in re.finditer(r"([A-Za-z0-9_\-]+)\s*=", blanked):
        positions.setdefault(f"{path}.{match.group(1)}", (lineno, match.start(1) + 1))


def _join(parts: list[str], aot_counts: dict[str, int]) -> str:
    """A header path, with the current index of each array of tables it passes through."""
    path = ""
    for n, part in enumerate(parts):
        path = f"{path}.{part}" if path else part
        if path in aot_counts and n < len(parts) - 1:
            path = f"{path}[{aot_counts[path] - 1}]"
    return path


def position_of(positions: dict[str, Position], path: str) -> Position | None:
    """The position of `path`, or of its nearest parent that has one."""
    while path:
        if path in positions:
            return positions[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return None
