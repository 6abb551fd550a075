"""Roster at scale: a 200,000-row HR export, measured side by side against a plain read.

Run: `PYTHONPATH=. python benchmarks/roster.py [ROWS]`. Each section prints its figures and
its ratio to the baseline measured in the same run, so the numbers mean the same on any
machine. Targets (issue 3): import + evaluate within 3x a plain `csv.DictReader` pass over the
same file.
"""

from __future__ import annotations

import csv
import gc
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from policy_model.document import create_document
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


def measure(work: Callable[[], Any]) -> tuple[float, int]:
    """(seconds, peak bytes allocated) for one run of `work`; timing and memory are separate runs
    because tracemalloc slows Python code several times over."""
    gc.collect()
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    gc.collect()
    tracemalloc.start()
    work()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak


def section(title: str, baseline: tuple[str, tuple[float, int]], measured: list[tuple[str, tuple[float, int]]],
            target: float | None = None) -> None:
    name, (base_s, base_mem) = baseline
    print(f"\n{title}")
    print(f"  {'':32} {'time':>9} {'ratio':>7} {'peak memory':>12} {'ratio':>7}")
    print(f"  {name:32} {base_s:8.2f}s {1:6.2f}x {base_mem / 2**20:10.1f}MB {1:6.2f}x")
    for label, (seconds, mem) in measured:
        verdict = ""
        if target is not None:
            verdict = f"  (target <= {target:g}x: {'met' if seconds / base_s <= target else 'NOT met'})"
        print(f"  {label:32} {seconds:8.2f}s {seconds / base_s:6.2f}x {mem / 2**20:10.1f}MB "
              f"{mem / base_mem:6.2f}x{verdict}")


def import_section(folder: Path, source: Path, rows: int) -> None:
    """Import + evaluate against a DictReader pass, for a first import and a re-import."""

    def plain_read() -> None:
        with source.open(newline="", encoding="utf-8") as stream:
            for _ in csv.DictReader(stream):
                pass

    def import_and_evaluate(reimport: bool) -> Callable[[], None]:
        def run() -> None:
            document = create_document(folder / "bench.toml", company="Benchmark Bank")
            if reimport:
                import_roster(document, source)
            report = import_roster(document, source)
            assert report.imported == rows, report.imported
            evaluate(document.draft, document.roster.employees)
        return run

    first = measure(import_and_evaluate(reimport=False))
    # A re-import also compares with the previous roster; the first import inside is not timed apart.
    document = create_document(folder / "bench.toml", company="Benchmark Bank")
    import_roster(document, source)

    def reimport() -> None:
        import_roster(document, source)
        evaluate(document.draft, document.roster.employees)

    again = measure(reimport)
    section(f"Import + evaluate, {rows:,} rows ({source.stat().st_size / 2**20:.1f} MB CSV)",
            ("csv.DictReader pass", measure(plain_read)),
            [("import + evaluate (first)", first), ("re-import + evaluate", again)], target=3)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else ROWS
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        source = folder / "hr-export.csv"
        write_roster(source, rows)
        import_section(folder, source, rows)


if __name__ == "__main__":
    main()
