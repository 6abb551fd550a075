"""The Word export: a `PolicyView` becomes the .docx that legal signs.

Only `PolicyView` goes in, so this package knows nothing of drafts, rosters or rules.
python-docx is imported by the modules below, which are loaded only when an export runs,
so the command line and the app start without it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from policy_model.files import atomic_write
from policy_model.policy_view import PolicyView

# Called as the export goes with (parts done, parts in all), for a progress bar.
Progress = Callable[[int, int], None]


def export_bytes(view: PolicyView, template: Path | None = None, progress: Progress | None = None) -> bytes:
    """The whole .docx in memory; raises ProblemsError for a template that cannot be used."""
    from .builder import build

    document = build(view, template, progress)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def export_docx(view: PolicyView, target: Path, template: Path | None = None,
                progress: Progress | None = None) -> None:
    """Build the document completely, then replace `target` in one atomic rename."""
    atomic_write(Path(target), export_bytes(view, template, progress))


def schedule_bytes(view: PolicyView, template: Path | None = None) -> bytes:
    """The access schedule (who is granted which channel, by name) in memory."""
    from .builder import build_schedule

    buffer = io.BytesIO()
    build_schedule(view, template).save(buffer)
    return buffer.getvalue()
