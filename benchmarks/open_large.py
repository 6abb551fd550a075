"""Opening a 200,000-employee draft: time to the first screen, and until the roster is ready.

Side by side in one run: a bare Textual app (Header + Footer) to its first screen, and
policy-tui on a generated 200,000-employee draft to its first screen and to the moment the
roster has loaded in the background. Each sample is a fresh process; samples alternate.

"First screen" is when the screen has processed its messages and painted (Pilot's
`_wait_for_screen`, used for both apps alike); `pilot.pause()` would instead wait for the CPU
to be idle, which never happens while the roster loads.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_model.document import create_document  # noqa: E402
from policy_model.draft import Employee  # noqa: E402
from policy_model.roster_snapshot import snapshot_path, write_snapshot  # noqa: E402

EMPLOYEES = 200_000
ROUNDS = 5

BARE = """
import sys, time
from textual.app import App
from textual.widgets import Footer, Header

async def first_screen(pilot):
    await pilot._wait_for_screen()
    print(time.perf_counter() - START)
    pilot.app.exit()

START = float(sys.argv[1])
class Bare(App):
    def compose(self):
        yield Header()
        yield Footer()

Bare().run(headless=True, size=(80, 24), auto_pilot=first_screen)
"""

OURS = """
import asyncio, sys, time
from pathlib import Path
from tui.app import PolicyApp
from tui.launch import document_for
from tui.recent import RecentDrafts

async def first_screen(pilot):
    await pilot._wait_for_screen()
    print(time.perf_counter() - START)
    while not pilot.app.document.roster_loaded:
        await asyncio.sleep(0.01)
    assert len(pilot.app.document.roster.employees) == int(sys.argv[3])
    print(time.perf_counter() - START)
    pilot.app.exit()

START = float(sys.argv[1])
app = PolicyApp(document_for(Path(sys.argv[2])), recent=RecentDrafts(None), autosave_seconds=3600)
app.run(headless=True, size=(80, 24), auto_pilot=first_screen)
"""


def make_draft(folder: Path) -> Path:
    path = folder / "national-bank.toml"
    document = create_document(path, company="National Bank", market="both", industry="financial")
    departments = ["Retail Sales", "Wealth Management", "Commercial Banking", "Operations", "IT", "Mailroom"]
    people = [
        Employee(f"E{n:06d}", f"Surname{n}, Given{n % 977}", f"p{n}@bank.example",
                 ["Relationship Banker", "Account Manager", "Teller", "Analyst", "Clerk"][n % 5],
                 departments[n % len(departments)], f"E{n // 10:06d}", n % 40 if n % 7 else None,
                 "high" if n % 3 == 0 else "low", n % 4 != 0)
        for n in range(EMPLOYEES)
    ]
    write_snapshot(snapshot_path(path), people, [], document.draft.roster)
    document.save()
    return path


def timed(code: str, *args: str) -> list[float]:
    result = subprocess.run([sys.executable, "-c", code, str(time.perf_counter()), *args], cwd=ROOT,
                            check=True, capture_output=True, text=True)
    return [float(line) for line in result.stdout.split()]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = make_draft(Path(folder))
        timed(BARE), timed(OURS, str(path), str(EMPLOYEES))  # warm caches
        bare, first, ready = [], [], []
        for _ in range(ROUNDS):
            bare.append(timed(BARE)[0])
            ours = timed(OURS, str(path), str(EMPLOYEES))
            first.append(ours[0])
            ready.append(ours[1])
    b, f, r = (statistics.median(x) for x in (bare, first, ready))
    print(f"opening a {EMPLOYEES:,}-employee draft, median of {ROUNDS} fresh processes each (headless 80x24)")
    print(f"  bare Textual app, first screen:         {b * 1000:7.0f} ms")
    print(f"  policy-tui, first screen (interactive): {f * 1000:7.0f} ms   ratio {f / b:.2f}x")
    print(f"  policy-tui, roster loaded:              {r * 1000:7.0f} ms   ratio {r / b:.2f}x")


if __name__ == "__main__":
    main()
