"""The Word export: a `PolicyView` becomes the .docx that legal signs.

Only `PolicyView` goes in, so this package knows nothing of drafts, rosters or rules.
python-docx is imported by the modules below, which are loaded only when an export runs,
so the command line and the app start without it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import IO

from policy_model.files import atomic_writer
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
    """Build the document completely, then write it to `target` through a temporary file
    renamed into place: a failure part way leaves `target` as it was and nothing beside it."""
    from .builder import build

    document = build(view, template, progress)
    with atomic_writer(Path(target)) as stream:
        document.save(stream)


def write_schedule(view: PolicyView, stream: IO[bytes], template: Path | None = None) -> None:
    """The access schedule (who is granted which channel, by name) as a .docx on `stream`,
    its table rows made and written a chunk at a time (a million of them in constant memory)."""
    from .builder import build_schedule
    from .streamed import save_streamed

    save_streamed(build_schedule(view, template), stream)


def export_schedule(view: PolicyView, target: Path, template: Path | None = None) -> None:
    """The access schedule written to `target` as `export_docx` writes the policy."""
    with atomic_writer(Path(target)) as stream:
        write_schedule(view, stream, template)


def schedule_bytes(view: PolicyView, template: Path | None = None) -> bytes:
    """The access schedule in memory, for a small roster (and tests)."""
    buffer = io.BytesIO()
    write_schedule(view, buffer, template)
    return buffer.getvalue()
