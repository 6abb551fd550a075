"""Keep a person's `#` comments when a hand-edited draft is saved again.

The README invites editing a draft by hand, and tomli-w (which writes every draft) knows
nothing of comments: each save would drop them, and the `.bak` after the next one. When the
file being replaced holds comments, its text is parsed with tomlkit and brought in place to the
new content, so comments and the layout of what did not change survive. The result is used only
when it reads back exactly as the tomli-w text; otherwise that text is written, so keeping a
comment can never cost data. A file without comments gets the tomli-w text unchanged, so an
unchanged draft still saves byte for byte the same.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, MutableMapping
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import AoT

# A TOML string (whose `#` is no comment) or a `#`; the first to match wins at each place.
_STRING_OR_HASH = re.compile(r'"""(?:\\[\s\S]|[^\\])*?"{3,5}|\'\'\'[\s\S]*?\'{3,5}'
                             r'|"(?:\\.|[^"\\\n])*"|\'[^\'\n]*\'|#')


def text_to_write(path: Path, new_text: str) -> str:
    """The text to save at `path` for the content of `new_text` (tomli-w's), comments kept."""
    try:
        old_text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return new_text
    if not has_comments(old_text):
        return new_text
    return merged(old_text, new_text)


def has_comments(text: str) -> bool:
    """Whether the TOML text holds a `#` outside every string."""
    return any(match.group() == "#" for match in _STRING_OR_HASH.finditer(text))


def merged(old_text: str, new_text: str) -> str:
    """`old_text` updated in place to the content of `new_text`, or `new_text` when the result
    would not read back as exactly that content (or tomlkit cannot follow the old layout)."""
    new = tomllib.loads(new_text)
    try:
        document = tomlkit.parse(old_text)
        _update(document, new)
        text = tomlkit.dumps(document)
    except Exception:  # any tomlkit failure only means the comments cannot be kept
        return new_text
    try:
        same = tomllib.loads(text) == new
    except tomllib.TOMLDecodeError:
        same = False
    return text if same else new_text


def _update(table: MutableMapping[str, Any], new: Mapping[str, Any]) -> None:
    """Make `table` hold `new`: keys gone are removed, tables and same-length arrays of tables
    are updated entry by entry (keeping their comments), other changed values assigned."""
    for key in [key for key in table if key not in new]:
        del table[key]
    for key, value in new.items():
        current = table.get(key)
        if isinstance(value, dict) and isinstance(current, MutableMapping):
            _update(current, value)
        elif isinstance(current, AoT) and isinstance(value, list) and len(current) == len(value):
            for item, new_item in zip(current, value, strict=True):
                _update(item, new_item)
        elif current is None or _plain(current) != value:
            table[key] = value


def _plain(item: Any) -> Any:
    """A tomlkit value as the plain Python value tomllib would give."""
    return item.unwrap() if hasattr(item, "unwrap") else item
