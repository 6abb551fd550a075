"""Start-up: policy-tui opening the example draft, against a bare Textual app, side by side.

The figure is the time from launching the process to the first screen being shown (see
`first_screen.py` for how each sample is taken). Two more apps tell Textual's cost of such a
screen from ours: the same kinds of widgets with fixed text, and the same again after reading
the draft as policy-tui does. Work the app does after its first paint (the check behind the
"left to do" lines) and the time to exit are not counted, as a user already sees and uses the
screen by then; the exit time is printed beside it. Samples alternate between the apps so that
machine load affects all alike; the ratio is of the medians (target <= 1.6).
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from first_screen import BARE, OURS, PLAIN_FIRST_SCREEN, ROOT, Sample, sample  # noqa: E402

EXAMPLE = ROOT / "examples" / "regional-bank.toml"
ROUNDS = 15

# What Textual alone costs for a screen like ours: the kinds and number of widgets policy-tui's
# first screen shows (sidebar, step lines, tabs, filter, table, detail, lazy hidden views), with
# fixed text, Textual's own styles and nothing behind them. What policy-tui takes beyond this is
# ours: the model, the draft, our styles and drawing.
SAME_WIDGETS_APP = """
from textual.app import App
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.lazy import Lazy
from textual.widgets import ContentSwitcher, Footer, Header, Input, OptionList, Static, TabbedContent, TabPane

ROWS = "\\n".join(f"E10{n:02d}  Person {n}  Relationship Banker  Sales  granted  small book" for n in range(12))

class SameWidgets(App):
    def compose(self):
        yield Header()
        with Horizontal():
            yield OptionList("1 Access", "2 Channels", "3 Wording", "4 Review")
            with ContentSwitcher(initial="step"):
                with Vertical(id="step"):
                    yield Static("1. Who needs access - decide which employees need access")
                    yield Static("Left to do: 8 people need review")
                    yield Static("granted 14  review 8  denied 20")
                    with TabbedContent():
                        with TabPane("People", id="people"):
                            with Horizontal():
                                yield Input(placeholder="filter", compact=True)
                                yield Static("42 of 42")
                            with VerticalScroll():
                                yield Static(ROWS)
                            yield Static("E1001  Okafor, Grace A  -  Sales")
                        with TabPane("Roles", id="roles"):
                            yield Lazy(Vertical(Static("roles"), OptionList("a", "b")))
                        with TabPane("Chart", id="chart"), VerticalScroll():
                            yield Static("chart")
                        with TabPane("Rules", id="rules"):
                            yield Lazy(Vertical(Static("Tried in order"), OptionList("a", "b")))
        yield Footer()

SameWidgets().run(headless=True, size=(80, 24), auto_pilot=first_screen)
"""
SAME_WIDGETS = PLAIN_FIRST_SCREEN + SAME_WIDGETS_APP

# The floor for any first screen of this draft built from these widgets: the same app, after
# reading the draft the way policy-tui does before its first screen (our model's imports, the
# TOML parsed and validated, the roster snapshot read; the collector paused meanwhile, as
# `launch` does). What policy-tui takes beyond this is its screen: our styles, steps and table.
SAME_WIDGETS_WITH_DRAFT = PLAIN_FIRST_SCREEN + """
import gc
from pathlib import Path
gc.disable()
from tui.launch import document_for
document_for(Path(sys.argv[2]))
gc.freeze()
gc.enable()
""" + SAME_WIDGETS_APP


def main() -> None:
    runs: dict[str, tuple[str, tuple[str, ...]]] = {
        "bare Textual app (Header + Footer)": (BARE, ()),
        "the same widgets, fixed text": (SAME_WIDGETS, ()),
        "the same widgets, after reading the draft": (SAME_WIDGETS_WITH_DRAFT, (str(EXAMPLE),)),
        "policy-tui on the example draft": (OURS, (str(EXAMPLE),)),
    }
    for code, args in runs.values():
        sample(code, *args)  # warm the file cache and write the bytecode
    samples: dict[str, list[Sample]] = {name: [] for name in runs}
    for _ in range(ROUNDS):
        for name, (code, args) in runs.items():
            samples[name].append(sample(code, *args))
    print(f"start-up, median of {ROUNDS} runs each (fresh process, headless 80x24)")
    print(f"  {'':41} first screen   exited   ratio")
    bare = statistics.median(s.reports[0] for s in samples["bare Textual app (Header + Footer)"])
    for name, taken in samples.items():
        shown = statistics.median(s.reports[0] for s in taken)
        exited = statistics.median(s.exited for s in taken)
        print(f"  {name:41} {shown * 1000:9.0f} ms {exited * 1000:7.0f} ms {shown / bare:6.2f}x")
    print("  target for policy-tui: <= 1.60x the bare app")


if __name__ == "__main__":
    main()
