"""Step 1 by role: counting 200,000 people by role, and the roles table with 2,000 titles.

The model's figure is measured side by side with a bare `Counter` of everyone's role in the
same run (the least any count by role can cost), each work run in turn; the ratio is the
median of the runs' ratios, and the best absolute time is printed too. Target: the summary
by role built in well under 200 ms for 200,000 people.

The table's figures are keystrokes in a headless app, against a no-op keystroke in the same
run (a headless `pilot.press` costs tens of milliseconds of its own), and the roles table
filled with 2,000 titles against Textual's DataTable filled with the same rows.

    PYTHONPATH=. python benchmarks/role_view.py [PEOPLE [TITLES]]
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from operator import attrgetter
from pathlib import Path

from policy_model import toml_io
from policy_model.document import new_draft, open_document
from policy_model.draft import Employee
from policy_model.role_view import RoleRow, RosterNames, by_role
from policy_model.roster_index import RosterIndex
from policy_model.roster_snapshot import snapshot_path, write_snapshot

PEOPLE = 200_000
TITLES = 2_000
DEPARTMENTS = [f"Department {n:02d}" for n in range(60)]
REPEATS = 7
KEYS = 20


def generate(count: int, titles: int, seed: int = 3) -> list[Employee]:
    """A public employer: a few titles hold most people (1/rank), each title mostly in its
    own department, a fifth of its holders anywhere."""
    rng = random.Random(seed)
    names = [f"Title {n:04d}" for n in range(titles)]
    home = {name: rng.choice(DEPARTMENTS) for name in names}
    picked = rng.choices(names, [1 / (n + 1) for n in range(titles)], k=count)
    return [Employee(id=f"E{n:06d}", name=f"Person {n}", role=role,
                     department=home[role] if rng.random() < 0.8 else rng.choice(DEPARTMENTS),
                     clients=rng.choice([None, 3, 12, 30]), touch=rng.choice([None, "high", "low"]),
                     customer_facing=rng.choice([None, True, True, False]))
            for n, role in enumerate(picked)]


def side_by_side(works: list[tuple[str, Callable[[], object]]]) -> None:
    """Each work's best time and its ratio to the first (the baseline), run in turn."""
    times: list[list[float]] = [[] for _ in works]
    for _ in range(REPEATS):
        for (_, work), seconds in zip(works, times, strict=True):
            start = time.perf_counter()
            work()
            seconds.append(time.perf_counter() - start)
    for (label, _), seconds in zip(works, times, strict=True):
        ratio = statistics.median(t / b for t, b in zip(seconds, times[0], strict=True))
        print(f"  {label:44} best {min(seconds) * 1000:7.1f} ms  ratio {ratio:6.2f}x")


def model(people: list[Employee]) -> None:
    index = RosterIndex.of_draft(new_draft("Benchmark City"), people)
    names = RosterNames.of(people)
    roles = len(by_role(index, names=names))
    pairs = len(by_role(index, "department", names))
    print(f"summary by role, {len(people):,} people, {roles:,} titles ({pairs:,} title-department pairs):")
    side_by_side([
        ("Counter(roles) (baseline)", lambda: Counter(map(attrgetter("role"), people))),
        ("by_role, from scratch", lambda: by_role(index)),
        ("by_role, names kept (after a decision)", lambda: by_role(index, names=names)),
        ("by_role by department, names kept", lambda: by_role(index, "department", names)),
        ("RosterNames.of (once per roster)", lambda: RosterNames.of(people).spread),
    ])


def write_draft(folder: Path, people: list[Employee]) -> Path:
    path = folder / "city.toml"
    draft = new_draft("Benchmark City")
    write_snapshot(snapshot_path(path), people, [], draft.roster)
    toml_io.save(draft, path)
    return path


async def in_the_tui(path: Path) -> dict[str, list[float]]:
    """Milliseconds per keystroke in step 1's roles tab, and of no-op keystrokes between them."""
    from tui.app import PolicyApp
    from tui.widgets.role_table import RoleTable
    from tui.widgets.roles_panel import RolesPanel

    app = PolicyApp(open_document(path))
    times: dict[str, list[float]] = {"no-op": [], "show the chart tab": [], "show the roles tab": [], "down": [],
                                     "page down": [], "group by department (and back)": []}
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()

        async def timed(key: str, what: str) -> None:
            start = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            times[what].append((time.perf_counter() - start) * 1000)

        panel = app.screen.query_one(RolesPanel)
        for _ in range(REPEATS):
            await pilot.press("p")
            await timed("left", "no-op")  # the people table is at its left edge already
            await timed("c", "show the chart tab")  # another tab: what showing any tab costs
            await pilot.press("p")
            panel.recount()  # as after a decision: counted again when the tab is shown
            await pilot.pause()
            await timed("v", "show the roles tab")
        table = app.screen.query_one(RoleTable)
        assert table.has_focus and len(table.rows) > 1000, len(table.rows)
        for _ in range(KEYS):
            await timed("left", "no-op")
            await timed("down", "down")
            await timed("left", "no-op")
            await timed("pagedown", "page down")
        for _ in range(REPEATS):
            await timed("left", "no-op")
            await timed("g", "group by department (and back)")
    return times


async def fill(rows: list[RoleRow]) -> tuple[list[float], list[float]]:
    """Milliseconds to fill and draw 2,000 rows: (Textual's DataTable, the roles table)."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    from tui.widgets.role_table import RoleTable

    class Tables(App[None]):
        CSS = "DataTable, RoleTable { height: 1fr; }"

        def compose(self) -> ComposeResult:
            yield DataTable()
            yield RoleTable()

    cells = [(r.role, f"{r.total:,}", f"{r.granted:,}", f"{r.review:,}", f"{r.denied:,}", str(r.departments))
             for r in rows]
    data_table, role_table = [], []
    app = Tables()
    async with app.run_test(size=(80, 24)) as pilot:
        data = app.query_one(DataTable)
        data.add_columns("ROLE", "PEOPLE", "GRANTED", "REVIEW", "DENIED", "DEPTS")
        roles = app.query_one(RoleTable)
        for _ in range(REPEATS):
            start = time.perf_counter()
            data.clear()
            data.add_rows(cells)
            await pilot.pause()
            data_table.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            roles.show(list(rows), "role")
            await pilot.pause()
            role_table.append((time.perf_counter() - start) * 1000)
    return data_table, role_table


def run(folder: Path, count: int, titles: int) -> None:
    people = generate(count, titles)
    model(people)
    tui_people = people[: min(count, 20_000)]
    times = asyncio.run(in_the_tui(write_draft(folder, tui_people)))
    index = RosterIndex.of_draft(new_draft("Benchmark City"), tui_people)
    shown = len(by_role(index))
    print(f"in the TUI at 80x24, {len(tui_people):,} people, {shown:,} titles (median ms per keystroke):")
    baseline = statistics.median(times["no-op"])
    for what, ms in times.items():
        median = statistics.median(ms)
        extra = "" if what == "no-op" else f"  over no-op {median - baseline:+7.1f} ms  ratio {median / baseline:5.2f}x"
        print(f"  {what:32} median {median:7.1f} ms  max {max(ms):7.1f} ms{extra}")
    rows = by_role(RosterIndex.of_draft(new_draft("Benchmark City"), people))[:titles]
    data_table, role_table = asyncio.run(fill(rows))
    print(f"filling and drawing {len(rows):,} rows (median of {REPEATS}):")
    print(f"  {'Textual DataTable (baseline)':32} median {statistics.median(data_table):7.1f} ms")
    print(f"  {'RoleTable (line API)':32} median {statistics.median(role_table):7.1f} ms  ratio "
          f"{statistics.median(r / d for r, d in zip(role_table, data_table, strict=True)):5.3f}x")


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else PEOPLE
    titles = int(sys.argv[2]) if len(sys.argv) > 2 else TITLES
    with tempfile.TemporaryDirectory() as folder:
        run(Path(folder), count, titles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
