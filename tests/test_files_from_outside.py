"""Files the draft lives among: links, marks an editor adds, devices, leftovers of a killed write."""

from __future__ import annotations

import os
import resource
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui.cli import main
from tui.launch import document_for

from .conftest import ROOT
from .drafts import load_draft


def approve(draft: Path) -> int:
    return main(["approve", str(draft), "--name", "Wei Chen", "--status", "approved"])


def symlinked(draft: Path) -> tuple[Path, Path]:
    """Move the draft into a folder of its own and leave a symlink in its place, as a synced
    folder does; returns that folder and the draft's new place."""
    folder = draft.parent / "synced"
    folder.mkdir()
    target = folder / draft.name
    shutil.move(draft, target)
    draft.symlink_to(target)
    return folder, target


def test_a_symlinked_draft_is_written_through_to_its_target(example_draft: Path) -> None:
    folder, target = symlinked(example_draft)
    assert approve(example_draft) == 0
    assert example_draft.is_symlink(), "the link is still a link"
    assert load_draft(target).approvers[0].status == "approved"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == [target.name, target.name + ".bak"]



def test_a_utf8_bom_at_the_start_of_a_draft_is_accepted(example_draft: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    example_draft.write_bytes(b"\xef\xbb\xbf" + example_draft.read_bytes())
    assert load_draft(example_draft).policy.company
    assert main(["check", str(example_draft)]) == 0, capsys.readouterr().err


@pytest.fixture
def device(tmp_path: Path) -> Path:
    """A device like /dev/null, made in the test's folder: a write that wrongly replaced it must
    not replace the machine's own /dev/null."""
    path = tmp_path / "null"
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.stat("/dev/null").st_rdev)
    except PermissionError:
        pytest.skip("making a device needs privileges this machine does not give")
    return path


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The command in a process of its own, capped in time and memory: reading a device or a FIFO
    that is not refused never ends."""
    def cap_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run([sys.executable, "-m", "tui.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=30, preexec_fn=cap_memory)


@pytest.mark.parametrize("special", ["device", "fifo"])
def test_export_force_over_a_device_or_fifo_is_refused_and_leaves_it_alone(
        special: str, export_draft: Path, request: pytest.FixtureRequest,
        capsys: pytest.CaptureFixture[str]) -> None:
    target: Path = request.getfixturevalue(special)
    kind = target.stat().st_mode
    assert main(["export", str(export_draft), "-o", str(target), "--force"]) == 1
    words = "a device" if special == "device" else "a named pipe (FIFO)"
    expected = f"{target}: is {words}; give the name of the file to write (.docx, .pdf, .html or .md)\n"
    assert capsys.readouterr().err == expected
    assert target.stat().st_mode == kind


def test_roster_show_output_to_a_fifo_is_refused(example_draft: Path, fifo: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["roster", "show", str(example_draft), "-o", str(fifo)]) == 1
    assert capsys.readouterr().err == f"{fifo}: is a named pipe (FIFO), not a file to write; nothing was written\n"
    assert stat.S_ISFIFO(fifo.stat().st_mode)


@pytest.mark.parametrize("command", [("roster", "import"), ("roster", "clients"), ("training", "import")])
@pytest.mark.parametrize("source", ["/dev/zero", "/dev/null", "fifo"])
def test_an_import_from_a_device_or_fifo_is_refused(command: tuple[str, str], source: str, example_draft: Path,
                                                    fifo: Path) -> None:
    path = fifo if source == "fifo" else Path(source)
    before = example_draft.read_bytes()
    result = run_cli(*command, str(example_draft), str(path))
    words = "a named pipe (FIFO)" if source == "fifo" else "a device"
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"{path}: is {words}, not a CSV or Excel file\n"
    assert example_draft.read_bytes() == before


def leftovers(draft: Path) -> dict[str, Path]:
    """Temporary files as killed writes leave them beside a draft: of the draft, its roster
    snapshot and its recovery file from an earlier run, one being written now, and one of
    another draft in the same folder."""
    folder = draft.parent
    made = {"draft": folder / f".{draft.name}.k3j4h5g6.tmp",
            "snapshot": folder / f".{draft.stem}.roster.csv.a1b2c3d4.tmp",
            "recovery": folder / f".{draft.name}.recovery.zz_90xy1.tmp",
            "writing now": folder / f".{draft.name}.n0w0n0w0.tmp",
            "another draft's": folder / ".other.toml.q1w2e3r4.tmp"}
    earlier = time.time() - 3600
    for name, path in made.items():
        path.write_bytes(b"E1001,Zoe Muller,...")
        if name != "writing now":
            os.utime(path, (earlier, earlier))
    made["writing now"].touch()
    return made


def assert_only_leftovers_of_the_draft_removed(made: dict[str, Path]) -> None:
    assert sorted(name for name, path in made.items() if path.exists()) == ["another draft's", "writing now"]


def test_a_kill_nine_during_import_leftover_is_removed_by_the_next_import(example_draft: Path) -> None:
    made = leftovers(example_draft)
    source = example_draft.with_name("hr.csv")
    shutil.copy(example_draft.with_name("regional-bank.roster.csv"), source)
    assert main(["roster", "import", str(example_draft), str(source)]) == 0
    assert_only_leftovers_of_the_draft_removed(made)


def test_a_kill_nine_during_import_leftover_is_removed_when_the_app_opens_the_draft(example_draft: Path) -> None:
    made = leftovers(example_draft)
    document_for(example_draft)
    assert_only_leftovers_of_the_draft_removed(made)
    assert not list(example_draft.parent.glob("*.lock"))


def test_a_kill_nine_leftover_of_a_symlinked_draft_is_removed_beside_link_and_target(example_draft: Path) -> None:
    folder, target = symlinked(example_draft)
    made = {**leftovers(example_draft), "beside the target": folder / f".{target.name}.t4rg3t00.tmp"}
    earlier = time.time() - 3600
    made["beside the target"].touch()
    os.utime(made["beside the target"], (earlier, earlier))
    assert approve(example_draft) == 0
    assert_only_leftovers_of_the_draft_removed(made)
