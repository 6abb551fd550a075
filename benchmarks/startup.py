"""Start-up: policy-tui opening the example draft, against a bare Textual app, side by side.

The figure is the time from launching the process to the first screen being shown (see
`first_screen.py` for how each sample is taken). Work the app does after its first paint (the
check behind the "left to do" lines) and the time to exit are not counted, as a user already
sees and uses the screen by then; the exit time is printed beside it. Samples alternate between
the two apps so that machine load affects both alike; the ratio is of the medians (target
<= 1.3).
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from first_screen import BARE, OURS, ROOT, Sample, sample  # noqa: E402

EXAMPLE = ROOT / "examples" / "regional-bank.toml"
ROUNDS = 15


def main() -> None:
    sample(BARE), sample(OURS, str(EXAMPLE))  # warm the file cache and write the bytecode for both
    bare: list[Sample] = []
    ours: list[Sample] = []
    for _ in range(ROUNDS):
        bare.append(sample(BARE))
        ours.append(sample(OURS, str(EXAMPLE)))
    print(f"start-up, median of {ROUNDS} runs each (fresh process, headless 80x24)")
    print("                                      first screen   exited")
    shown = {}
    for name, samples in (("bare Textual app (Header + Footer)", bare), ("policy-tui on the example draft", ours)):
        shown[name] = statistics.median(s.reports[0] for s in samples)
        exited = statistics.median(s.exited for s in samples)
        print(f"  {name:34} {shown[name] * 1000:9.0f} ms {exited * 1000:7.0f} ms")
    b, o = shown.values()
    print(f"  ratio to first screen: {o / b:.2f}x (target <= 1.30x)")


if __name__ == "__main__":
    main()
