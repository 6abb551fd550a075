"""The data files shipped inside the package: the channel catalog, clause library, lint rules
and column synonyms.

They are read beside this module rather than through `importlib.resources`, whose machinery
(zip support included) costs a few milliseconds at start-up for files that are always
installed as plain files.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"


def read_toml(name: str) -> dict[str, Any]:
    """The parsed contents of `data/<name>`; a missing or broken file is a packaging bug and raises."""
    return tomllib.loads((DATA / name).read_text(encoding="utf-8"))
