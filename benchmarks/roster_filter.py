"""Filter latency per keystroke in step 1's roster table, over 200,000 people.

A headless `pilot.press` costs tens of milliseconds of its own, so each filtering keystroke is
measured side by side with a no-op keystroke in the same run (a right arrow at the end of the
filter box: it reaches the box and changes nothing); the difference is the filter's own cost
on screen. The model's filter alone is timed too. Target: a keystroke's filter under 100 ms.

    PYTHONPATH=. python benchmarks/roster_filter.py [PEOPLE]
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from policy_model import toml_io
from policy_model.document import new_draft, open_document
from policy_model.draft import Employee
from policy_model.roster_index import RosterIndex
from policy_model.roster_snapshot import snapshot_path, write_snapshot

FIRST = ["Grace", "Liam", "Thi Mai", "Daniel", "Sofia", "Arjun", "Ewa", "Marcus", "Claire", "Omar", "Annika"]
LAST = ["Okafor", "Brennan", "Nguyen", "Schultz", "Alvarez", "Patel", "Kowalski", "Johnson", "Moreau", "Haddad"]
ROLES = ["Relationship Banker", "Account Manager", "Teller", "Mailroom Clerk", "Loan Officer", "Payments Analyst",
         "Private Banker", "Branch Manager", "Systems Administrator", "Compliance Officer"]
DEPARTMENTS = ["Sales", "Retail Banking", "Operations", "Commercial", "IT", "Risk", "Wealth Management",
               "Compliance", "Marketing", "Human Resources"] + [f"Branch {n:03d}" for n in range(40)]
TYPED = "relationship"           # narrowing, one letter at a time
THEN = " status:denied"          # narrowing further by status
REPEATS = 3
PAGES = 30


def generate(count: int, seed: int = 1) -> list[Employee]:
    rng = random.Random(seed)
    return [
        Employee(id=f"E{n:06d}", name=f"{rng.choice(LAST)}, {rng.choice(FIRST)}", email=f"e{n}@bank.example",
                 role=rng.choice(ROLES), department=rng.choice(DEPARTMENTS),
                 clients=rng.choice([None, 2, 5, 9, 14, 20, 27, 40]), touch=rng.choice([None, "high", "low"]),
                 customer_facing=rng.choice([None, True, True, False]))
        for n in range(count)
    ]


def write_draft(folder: Path, count: int) -> Path:
    path = folder / "bank.toml"
    draft = new_draft("Benchmark Bank")
    write_snapshot(snapshot_path(path), generate(count), [], draft.roster)
    toml_io.save(draft, path)
    return path


def model_only(path: Path) -> tuple[list[float], list[float]]:
    """The index's filter alone over the same typing, in ms: (each query from scratch, as typed)."""
    document = open_document(path)
    index = RosterIndex.of_draft(document.draft, document.roster.employees)
    typed = [(TYPED + THEN)[:n] for n in range(1, len(TYPED + THEN) + 1)]
    queries = typed + typed[::-1][1:] + [""]
    scratch, as_typed = [], []
    for text in queries:
        index.refresh(document.draft, [])  # forgets recent results: a full scan
        start = time.perf_counter()
        index.filter(text)
        scratch.append((time.perf_counter() - start) * 1000)
    for text in queries:
        start = time.perf_counter()
        index.filter(text)
        as_typed.append((time.perf_counter() - start) * 1000)
    return scratch, as_typed


async def in_the_tui(path: Path) -> tuple[list[float], list[float], list[float], int, list[float], list[float]]:
    """(no-op keystrokes, narrowing keystrokes, widening keystrokes) in ms, rows shown at the end,
    then (no-op keystrokes, page-down keystrokes) in the table over everyone.

    The first of the repeats types each query for the first time; later ones find recent results.
    """
    from textual.widgets import Input

    from tui.app import PolicyApp
    from tui.widgets.roster_table import RosterTable

    app = PolicyApp(open_document(path))
    noop: list[float] = []
    narrowing: list[float] = []
    widening: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.screen.query_one("#roster-filter", Input).focus()
        await pilot.pause()
        table = app.screen.query_one(RosterTable)

        async def timed(key: str, into: list[float]) -> None:
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            into.append((time.perf_counter() - start) * 1000)

        for _ in range(REPEATS):
            for ch in TYPED + THEN:
                await timed("right", noop)  # interleaved, so both see the same machine load
                await timed("space" if ch == " " else ch, narrowing)
            shown = len(table.rows)
            for _ in TYPED + THEN:
                await timed("right", noop)
                await timed("backspace", widening)
        assert len(table.rows) == len(app.screen.query_one("#step-1").index)  # type: ignore[attr-defined]
        table.focus()
        table_noop: list[float] = []
        paging: list[float] = []
        for _ in range(PAGES):
            await timed("left", table_noop)  # the table is already at its left edge
            await timed("pagedown", paging)
        assert table.cursor > 0
    return noop, narrowing, widening, shown, table_noop, paging


def report(name: str, times: list[float], baseline: float) -> None:
    median = statistics.median(times)
    print(f"  {name:<22} median {median:7.1f} ms  max {max(times):7.1f} ms  "
          f"over no-op {median - baseline:+7.1f} ms  ratio {median / baseline:5.2f}x")


def run(folder: Path, count: int) -> None:
    """The whole figure for `count` people, in `folder` (also a section of benchmarks/roster.py)."""
    start = time.perf_counter()
    path = write_draft(folder, count)
    print(f"roster of {count:,} people generated and written in {time.perf_counter() - start:.1f} s")
    scratch, as_typed = model_only(path)
    print(f"model filter alone: each query from scratch median {statistics.median(scratch):.1f} ms, "
          f"max {max(scratch):.1f} ms; as typed median {statistics.median(as_typed):.1f} ms, "
          f"max {max(as_typed):.1f} ms")
    noop, narrowing, widening, shown, table_noop, paging = asyncio.run(in_the_tui(path))
    baseline = statistics.median(noop)
    first = len(TYPED + THEN)
    print(f"in the TUI at 80x24 ({REPEATS} x typing {TYPED + THEN!r} then deleting it; {shown:,} rows at the end):")
    print(f"  {'no-op keystroke':<22} median {baseline:7.1f} ms  max {max(noop):7.1f} ms")
    report("narrowing, first time", narrowing[:first], baseline)
    report("widening, first time", widening[:first], baseline)
    report("narrowing, all", narrowing, baseline)
    report("widening, all", widening, baseline)
    print(f"scrolling the table over everyone ({PAGES} page-downs):")
    print(f"  {'no-op keystroke':<22} median {statistics.median(table_noop):7.1f} ms  max {max(table_noop):7.1f} ms")
    report("page down", paging, statistics.median(table_noop))
    worst = max(statistics.median(narrowing), statistics.median(widening)) - baseline
    print(f"filter cost per keystroke (median over no-op): {worst:.1f} ms; target under 100 ms: "
          f"{'met' if worst < 100 else 'NOT met'}")


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    with tempfile.TemporaryDirectory() as folder:
        run(Path(folder), count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
