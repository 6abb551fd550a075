"""Problems found in a user's files, each one line a person can act on.

Every loader, importer and lint rule reports through `Problem`, so the command line, the TUI
and the tests all see the same words and locations.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

# An error makes the draft unusable as it stands (`check` exits 1). A warning is a risk to
# weigh. A to-do is work not done yet (a value not set, no approver named): normal in a
# draft being written, but it keeps the exported document a DRAFT.
Severity = Literal["error", "warning", "todo"]
_PREFIX = MappingProxyType({"error": "", "warning": "warning: ", "todo": "to do: "})


@dataclass(frozen=True)
class Problem:
    """One problem: where it is (file, line, column, dotted field) and what is wrong."""

    file: str
    message: str
    field: str = ""
    line: int | None = None
    column: int | None = None
    severity: Severity = "error"

    @property
    def id(self) -> str:
        """A short name that stays the same while the problem does (the same field, the same
        words), so a warning can be accepted by name: `policy-tui accept DRAFT W3f9a2c`."""
        return "W" + hashlib.sha256(f"{self.field}\n{self.message}".encode("utf-8", "surrogatepass")).hexdigest()[:6]

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        prefix = _PREFIX[self.severity]
        subject = f"{self.field}: " if self.field else ""
        return f"{where}: {prefix}{subject}{self.message}"


class ProblemsError(Exception):
    """Raised when a file cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def errors_in(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


def blocking_final(problems: list[Problem]) -> list[Problem]:
    """What keeps a document from being FINAL: errors, and work not done yet."""
    return [p for p in problems if p.severity in ("error", "todo")]


def summary(problems: list[Problem]) -> str:
    """ "2 errors, 1 warning, 3 to do": the counts a person reads first."""
    counts = {severity: sum(1 for p in problems if p.severity == severity) for severity in _PREFIX}
    parts = [f"{counts['error']} error{'s' * (counts['error'] != 1)}",
             f"{counts['warning']} warning{'s' * (counts['warning'] != 1)}"]
    if counts["todo"]:
        parts.append(f"{counts['todo']} to do")
    return ", ".join(parts)
