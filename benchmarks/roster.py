"""Roster at scale: a 200,000-row HR export, measured side by side against a plain read.

Run: `PYTHONPATH=. python benchmarks/roster.py [ROWS [REPEAT]]`. Each section prints its figures and
its ratio to the baseline measured in the same run, so the numbers mean the same on any
machine. Targets (issue 3): import + evaluate within 3x a plain `csv.DictReader` pass over the
same file; a keystroke's filter in the TUI table under 100 ms. A section is a function in
`SECTIONS`; add one for another figure.
"""

from __future__ import annotations

import csv
import gc
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from policy_model.document import Document, create_document
from policy_model.eligibility import evaluate
from policy_model.roster import import_roster

ROWS = 200_000
HEADER = ["Employee ID", "Full Name", "Work Email", "Job Title", "Department", "Manager ID", "Client Count",
          "Touch Level", "Customer Facing", "Location", "Hire Date"]
ROLES = [("Relationship Banker", "Retail Banking", True), ("Account Manager", "Commercial", True),
         ("Teller", "Retail Banking", True), ("Mailroom Clerk", "Operations", False),
         ("Loan Officer", "Lending", True), ("Analyst", "Finance", False), ("IT Engineer", "Technology", False)]
TOWNS = ["Portland", "Salem", "Eugene", "Bend", "Medford", "Corvallis"]


def write_roster(path: Path, rows: int, seed: int = 7) -> None:
    """A realistic HR export: quoted "Last, First" names, blanks, and the odd high-touch banker."""
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        for n in range(rows):
            role, department, facing = ROLES[n % len(ROLES)]
            clients = rng.choice(["", "3", "8", "12", "25", "40"]) if facing else ""
            touch = rng.choice(["High", "Low", ""]) if facing else ""
            writer.writerow([f"E{n:06d}", f"Surname{n}, Given{n % 997} Q", f"person{n}@bank.example", role,
                             department, f"E{n // 50 * 50:06d}", clients, touch, "Y" if facing else "N",
                             TOWNS[n % len(TOWNS)], f"20{n % 24:02d}-0{n % 9 + 1}-15"])


def interleaved_times(works: list[Callable[[], Any]], repeat: int) -> list[list[float]]:
    """Seconds of each work, run in turn `repeat` times: a machine busy with something else
    then slows the baseline and the work measured against it alike.

    What a work returns (the rows it kept, the roster it imported) is released after the
    clock stops: freeing it is not part of reading or importing.
    """
    times: list[list[float]] = [[] for _ in works]
    for _ in range(repeat):
        for work, seconds in zip(works, times, strict=True):
            gc.collect()
            start = time.perf_counter()
            result = work()
            seconds.append(time.perf_counter() - start)
            del result
    return times


def peak_memory(work: Callable[[], Any]) -> int:
    """Peak bytes allocated by one run (a separate run: tracemalloc slows Python code down)."""
    gc.collect()
    tracemalloc.start()
    work()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def print_table(title: str, rows: list[tuple[str, list[float], int, float | None]], memory_base: int) -> None:
    """Each work's best time and peak memory, with its ratios to the first row (the baseline).

    The time ratio is the median of the ratios of runs made one after the other, which is
    steadier on a shared machine than a ratio of two best times.
    """
    print(f"\n{title}")
    print(f"  {'':34} {'best':>8} {'ratio':>7} {'peak memory':>12} {'ratio':>7}")
    base_times = rows[0][1]
    for label, times, memory, target in rows:
        ratio = statistics.median(t / b for t, b in zip(times, base_times, strict=True))
        verdict = f"  (target <= {target:g}x: {'met' if ratio <= target else 'NOT met'})" if target else ""
        print(f"  {label:34} {min(times):7.2f}s {ratio:6.2f}x {memory / 2**20:10.1f}MB "
              f"{memory / memory_base:6.2f}x{verdict}")


def import_section(folder: Path, source: Path, rows: int, repeat: int) -> None:
    """Import + evaluate, first import and re-import, against plain csv.DictReader passes.

    Time is compared with a DictReader pass that keeps nothing (the fastest way to look at
    every row); memory with one that keeps every row as a dict (what holding the roster as
    read costs).
    """

    def read_pass() -> None:
        with source.open(newline="", encoding="utf-8") as stream:
            for _ in csv.DictReader(stream):
                pass

    def read_and_keep() -> list[dict[str, str]]:
        with source.open(newline="", encoding="utf-8") as stream:
            return list(csv.DictReader(stream))

    def first_import() -> Document:
        document = create_document(folder / "bench.toml", company="Benchmark Bank")
        report = import_roster(document, source)
        assert report.imported == rows, report.imported
        evaluate(document.draft, document.roster.employees)
        return document

    document = create_document(folder / "again.toml", company="Benchmark Bank")
    import_roster(document, source)

    def reimport() -> None:
        import_roster(document, source)
        evaluate(document.draft, document.roster.employees)

    works = [("csv.DictReader pass", read_pass, None), ("csv.DictReader, rows kept", read_and_keep, None),
             ("import + evaluate (first import)", first_import, 3.0), ("re-import + evaluate", reimport, 3.0)]
    times = interleaved_times([work for _, work, _ in works], repeat)
    memory = [peak_memory(work) for _, work, _ in works]
    print_table(f"Import + evaluate, {rows:,} rows ({source.stat().st_size / 2**20:.1f} MB CSV), {repeat} runs each; "
                "time against the pass, memory against the rows kept",
                [(label, t, m, target) for (label, _, target), t, m in zip(works, times, memory, strict=True)],
                memory[1])


def filter_section(folder: Path, source: Path, rows: int, repeat: int) -> None:
    """Filter latency per keystroke in the TUI table, against a no-op keystroke (roster_filter.py)."""
    import roster_filter  # beside this script

    print()
    (folder / "filter").mkdir()
    roster_filter.run(folder / "filter", rows)


# Each section takes the folder, the generated roster, its row count and the repeat count.
SECTIONS: list[Callable[[Path, Path, int, int], None]] = [import_section, filter_section]


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else ROWS
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        source = folder / "hr-export.csv"
        write_roster(source, rows)
        for section in SECTIONS:
            section(folder, source, rows, repeat)


if __name__ == "__main__":
    main()
