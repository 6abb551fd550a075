"""The PDF: LibreOffice converts the exported .docx, so the PDF is the Word document exactly,
DRAFT banner and page header included.

LibreOffice runs headless in a temporary folder of its own with a profile of its own, so a
LibreOffice the user has open (or a second conversion) is neither disturbed nor waited for.
The PDF is read back from that folder, and the caller writes it atomically like any export.
A conversion that hangs is killed, with every process it started, after `TIMEOUT` seconds.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from policy_model.problems import Problem, ProblemsError

PROGRAMS = ("soffice", "libreoffice")
TIMEOUT = 180  # a fresh profile and a long policy take tens of seconds on a slow machine
MISSING = ("cannot make a PDF without LibreOffice (no soffice or libreoffice on PATH): install the package "
           "libreoffice-writer (Debian/Ubuntu) or LibreOffice from https://www.libreoffice.org/download/")


def converter() -> str | None:
    """The LibreOffice program on PATH, if any."""
    return next(filter(None, map(shutil.which, PROGRAMS)), None)


def require_converter(target: Path) -> str:
    """The LibreOffice program, or ProblemsError naming the package to install."""
    program = converter()
    if program is None:
        raise ProblemsError([Problem(str(target), MISSING)])
    return program


def pdf_bytes(docx: bytes, target: Path, timeout: float = TIMEOUT) -> bytes:
    """The PDF LibreOffice makes of a .docx; `target` names the file in a problem's words."""
    program = require_converter(target)
    with tempfile.TemporaryDirectory(prefix="policy-tui-pdf-", ignore_cleanup_errors=True) as folder:
        work = Path(folder)
        source = work / "policy.docx"
        source.write_bytes(docx)
        command = [program, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless", "--norestore",
                   "--convert-to", "pdf", "--outdir", str(work / "out"), str(source)]
        output = _run(command, timeout, target)
        pdf = work / "out" / "policy.pdf"
        if not pdf.is_file():
            raise ProblemsError([Problem(str(target), f"LibreOffice made no PDF: {output or 'it gave no reason'}")])
        return pdf.read_bytes()


def _run(command: list[str], timeout: float, target: Path) -> str:
    """Run LibreOffice in a process group of its own, so a timeout ends the whole of it;
    its last line of output when it fails."""
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, errors="replace", start_new_session=True)
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):  # it ended just then
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise ProblemsError([Problem(str(target), f"LibreOffice did not finish the PDF within {timeout:g} seconds; "
                                     "nothing was written")]) from None
    last = next((line.strip() for line in reversed(output.splitlines()) if line.strip()), "")
    if process.returncode != 0:
        raise ProblemsError([Problem(str(target), f"LibreOffice could not make the PDF (exit code "
                                     f"{process.returncode}): {last or 'it gave no reason'}")])
    return last
