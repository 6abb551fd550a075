"""Every background worker says what it does in words of its own.

Without a `description`, Textual's `@work` writes one from repr() of the method's arguments, on
the UI thread, before the worker starts. For a draft with its roster that is the whole roster as
text: 0.26 s and 31 MB for one 200,000-person side of a comparison, more than the work sent to
the background. This test holds every `@work` in the app to the rule.
"""

from __future__ import annotations

import re
from pathlib import Path

TUI = Path(__file__).resolve().parent.parent / "tui"
DECORATOR = re.compile(r"@work\((?P<arguments>[^)]*)\)")


def test_every_worker_has_a_description() -> None:
    found = [(path, m.group("arguments")) for path in sorted(TUI.rglob("*.py"))
             for m in DECORATOR.finditer(path.read_text(encoding="utf-8"))]
    assert found, "no @work found: the pattern no longer matches how workers are declared"
    undescribed = [f"{path.relative_to(TUI.parent)}: @work({arguments})" for path, arguments in found
                   if "description=" not in arguments]
    assert not undescribed, "\n".join(undescribed)
