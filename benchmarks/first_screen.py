"""What the start-up benchmarks share: fresh processes that show a first screen and say when.

Each sample is a new Python process, so imports count as a user feels them. A child reports
the seconds since its parent launched it at each moment that matters, first of all when its
first screen is shown: when the screen has processed its messages and painted (Pilot's
`_wait_for_screen`, for both apps alike; `pilot.pause()` would wait for an idle CPU, which never
comes while a roster loads in the background).

Bytecode is cached as in an installed copy, even where the environment asks Python not to write
it (PYTHONDONTWRITEBYTECODE): otherwise our modules, unlike Textual's, would be compiled from
source on every start.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}

REPORT = """
import sys, time

def report():
    print(time.time() - float(sys.argv[1]), flush=True)

def check_screen(app, expected):
    if type(app.screen).__name__ != expected:
        sys.exit(f"unexpected first screen {type(app.screen).__name__}")
"""

# The auto-pilot of an app whose first screen is Textual's default one.
PLAIN_FIRST_SCREEN = REPORT + """
async def first_screen(pilot):
    await pilot._wait_for_screen()
    report()
    check_screen(pilot.app, "Screen")
    pilot.app.exit()
"""

# The baseline: a bare Textual app with a header and a footer.
BARE = PLAIN_FIRST_SCREEN + """
from textual.app import App
from textual.widgets import Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield Footer()

Bare().run(headless=True, size=(80, 24), auto_pilot=first_screen)
"""

# policy-tui on the draft given as the child's second argument, opened by the `policy-tui DRAFT`
# command itself (`tui.cli.main`): only Textual's run options are added, to run headless with
# the auto-pilot. Its recent-drafts list is kept in a throwaway data folder (see `sample`), so
# the user's own is left alone. With a third argument, a roster size, it also reports when the
# roster has loaded in the background, after checking its size.
OURS = REPORT + """
import asyncio
from functools import partial
import tui.launch

async def first_screen(pilot):
    await pilot._wait_for_screen()
    report()
    check_screen(pilot.app, "MainScreen")
    if len(sys.argv) > 3:
        while not pilot.app.document.roster_loaded:
            await asyncio.sleep(0.01)
        assert len(pilot.app.document.roster.employees) == int(sys.argv[3])
        report()
    pilot.app.exit()

tui.launch.launch = partial(tui.launch.launch, headless=True, size=(80, 24), auto_pilot=first_screen)
from tui.cli import main
sys.exit(main([sys.argv[2]]))
"""


@dataclass(frozen=True)
class Sample:
    """Seconds from launch to each moment the child reported, and to its exit."""

    reports: list[float]
    exited: float


def sample(code: str, *args: str) -> Sample:
    with tempfile.TemporaryDirectory() as data:
        launched = time.time()
        done = subprocess.run([sys.executable, "-c", code, repr(launched), *args], cwd=ROOT,
                              env=ENVIRONMENT | {"XDG_DATA_HOME": data}, check=True, capture_output=True, text=True)
    exited = time.time() - launched
    return Sample([float(line) for line in done.stdout.split()], exited)
