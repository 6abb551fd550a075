"""Start-up: policy-tui opening the example draft, against a bare Textual app, side by side.

Each sample is a fresh Python process that imports, builds the app, shows its first screen
headless and exits, so import time counts as a user feels it. The figure is the time from
launching the process to the first screen being shown: the child notes the moment its screen
has processed its messages and painted (Pilot's `_wait_for_screen`, for both apps alike).
Work the app does after its first paint (the check behind the "left to do" lines) and the time
to exit are printed beside it, not counted: a user already sees and uses the screen by then.

Bytecode is cached as in any installed copy, even where the environment asks Python not to
write it (PYTHONDONTWRITEBYTECODE): otherwise our modules, unlike Textual's, would be compiled
from source on every start. Samples alternate between the two apps so that machine load
affects both alike; the ratio is of the medians (target <= 1.3).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "regional-bank.toml"
ROUNDS = 15

SHOW_FIRST_SCREEN = """
import sys, time

async def first_screen(pilot):
    await pilot._wait_for_screen()
    print(time.time())
    shown = type(pilot.app.screen).__name__
    pilot.app.exit()
    if shown not in ("Screen", "MainScreen"):
        sys.exit(f"unexpected first screen {shown}")
"""

BARE = SHOW_FIRST_SCREEN + """
from textual.app import App
from textual.widgets import Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield Footer()

Bare().run(headless=True, size=(80, 24), auto_pilot=first_screen)
"""

# The way the `policy-tui DRAFT` command opens the app; a recent-drafts list kept nowhere, so
# the benchmark leaves the user's own alone.
OURS = SHOW_FIRST_SCREEN + f"""
from pathlib import Path
from tui.launch import launch
from tui.recent import RecentDrafts

launch(Path({str(EXAMPLE)!r}), RecentDrafts(None), headless=True, size=(80, 24), auto_pilot=first_screen)
"""

ENVIRONMENT = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def sample(code: str) -> tuple[float, float]:
    """Seconds from launch to the first screen, and to the process's exit."""
    launched = time.time()
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=ENVIRONMENT, check=True,
                          capture_output=True, text=True)
    exited = time.time()
    return float(done.stdout.split()[-1]) - launched, exited - launched


def main() -> None:
    sample(BARE), sample(OURS)  # warm the file cache and write the bytecode for both
    bare, ours = [], []
    for _ in range(ROUNDS):
        bare.append(sample(BARE))
        ours.append(sample(OURS))
    print(f"start-up, median of {ROUNDS} runs each (fresh process, headless 80x24)")
    print("                                      first screen   exited")
    for name, samples in (("bare Textual app (Header + Footer)", bare), ("policy-tui on the example draft", ours)):
        shown, exited = (statistics.median(s[i] for s in samples) for i in (0, 1))
        print(f"  {name:34} {shown * 1000:9.0f} ms {exited * 1000:7.0f} ms")
    ratio = statistics.median(s[0] for s in ours) / statistics.median(s[0] for s in bare)
    print(f"  ratio to first screen: {ratio:.2f}x (target <= 1.30x)")


if __name__ == "__main__":
    main()
