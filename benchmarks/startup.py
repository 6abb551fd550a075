"""Start-up: policy-tui opening the example draft, against a bare Textual app, side by side.

Each sample is a fresh Python process that imports, builds the app, shows its first screen
headless and exits, so import time counts as a user feels it. "Shown" is when the screen has
processed its messages and painted (Pilot's `_wait_for_screen`, for both apps alike); work the
app schedules after its first paint (the list of what is left to do) is not counted, as a user
already sees and uses the screen by then. Samples alternate between the two so that machine
load affects both alike; the figure is the ratio of the medians (target <= 1.3).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "regional-bank.toml"
ROUNDS = 15

EXIT_AFTER_FIRST_SCREEN = """
import sys

async def first_screen(pilot):
    await pilot._wait_for_screen()
    shown = type(pilot.app.screen).__name__
    pilot.app.exit()
    if shown not in ("Screen", "MainScreen"):
        sys.exit(f"unexpected first screen {shown}")
"""

BARE = EXIT_AFTER_FIRST_SCREEN + """
from textual.app import App
from textual.widgets import Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield Footer()

Bare().run(headless=True, size=(80, 24), auto_pilot=first_screen)
"""

OURS = EXIT_AFTER_FIRST_SCREEN + f"""
from pathlib import Path
from tui.app import PolicyApp
from tui.launch import document_for
from tui.recent import RecentDrafts

app = PolicyApp(document_for(Path({str(EXAMPLE)!r})), recent=RecentDrafts(None))
app.run(headless=True, size=(80, 24), auto_pilot=first_screen)
"""


def sample(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
    return time.perf_counter() - start


def main() -> None:
    sample(BARE), sample(OURS)  # warm the file cache and bytecode for both
    bare, ours = [], []
    for _ in range(ROUNDS):
        bare.append(sample(BARE))
        ours.append(sample(OURS))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"start-up to first screen, median of {ROUNDS} runs each (fresh process, headless 80x24)")
    print(f"  bare Textual app (Header + Footer): {b * 1000:7.0f} ms")
    print(f"  policy-tui on the example draft:    {o * 1000:7.0f} ms")
    print(f"  ratio: {o / b:.2f}x (target <= 1.30x)")


if __name__ == "__main__":
    main()
