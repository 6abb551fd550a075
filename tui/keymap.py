"""The user's own keys: `keymap.toml` in their config folder, binding id = key.

    help = "f2"
    save = "ctrl+w"

The file is read once, when the app is built, and handed to it with what was wrong with it:
a misspelt id, a key that no terminal sends or a file that is not TOML is one line each,
shown when the app starts, and the rest of the file still applies. Nothing in it can stop
the app from starting.
"""

from __future__ import annotations

import difflib
import importlib
import pkgutil
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_config_path
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import Keys, _character_to_key, key_to_character

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
# The names Textual gives printable characters ("slash", "question_mark"), as bindings write them.
_CHARACTER_NAMES = frozenset(_character_to_key(chr(code)) for code in range(33, 127))
# Where the bindings of the app live; all are read to learn every id, but only when a keymap exists.
_PACKAGES = ("tui.screens", "tui.steps", "tui.widgets")


@dataclass(frozen=True)
class Keymap:
    """The keys asked for, by binding id, and one sentence per entry that could not be used."""

    keys: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def keymap_path() -> Path:
    """`$XDG_CONFIG_HOME/policy-tui/keymap.toml` on Linux, the platform's config folder elsewhere."""
    return user_config_path("policy-tui") / "keymap.toml"


def load_keymap(path: Path) -> Keymap:
    """Read a keymap file; a missing file is an empty keymap, never an error."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Keymap()
    except (OSError, UnicodeDecodeError) as error:
        return Keymap(problems=[f"{path}: cannot be read ({error}); the usual keys apply"])
    try:
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return Keymap(problems=[f"{path}: not valid TOML ({error}); the usual keys apply"])
    known = binding_ids()
    keys, problems = {}, []
    for binding_id, key in table.items():
        line = _line_of(text, binding_id)
        where = f"{path}:{line}: {binding_id}" if line else f"{path}: {binding_id}"
        if binding_id not in known:
            close = difflib.get_close_matches(binding_id, sorted(known), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else "; F1 help lists the keys, the palette their names"
            problems.append(f"{where}: no key has this id{hint}")
        elif not isinstance(key, str) or not all(is_key(k) for k in key.split(",")):
            problems.append(f"{where}: {key!r} is not a key; write it as Textual names keys, "
                            "for example \"f2\", \"ctrl+w\" or \"f2,ctrl+w\"")
        else:
            keys[binding_id] = key.replace(" ", "")
    return Keymap(keys, problems)


def is_key(text: str) -> bool:
    """Whether `text` names one key a terminal can send: "f2", "ctrl+w", "slash", "x"."""
    *modifiers, key = text.strip().lower().split("+")
    if not key or any(m not in MODIFIERS for m in modifiers):
        return False
    return (len(key) == 1 or key in _CHARACTER_NAMES or key in {k.value for k in Keys}
            or key_to_character(key) is not None)


def binding_ids() -> set[str]:
    """Every binding id in the app, from the classes that declare them."""
    from tui.app import PolicyApp

    for package in _PACKAGES:
        for module in pkgutil.iter_modules(importlib.import_module(package).__path__):
            importlib.import_module(f"{package}.{module.name}")
    ids = {b.id for b in PolicyApp.BINDINGS if isinstance(b, Binding) and b.id}
    for cls in _subclasses(DOMNode):
        if cls.__module__.startswith("tui."):
            ids |= {b.id for b in cls.BINDINGS if isinstance(b, Binding) and b.id}
    return ids


def _subclasses(cls: type[DOMNode]) -> list[type[DOMNode]]:
    found: list[type[DOMNode]] = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def _line_of(text: str, key: str) -> int | None:
    """The line a top-level key is set on, for the message."""
    for number, line in enumerate(text.splitlines(), start=1):
        name = line.split("=", 1)[0].strip().strip('"\'')
        if "=" in line and name == key:
            return number
    return None
