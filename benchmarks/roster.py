"""Roster at scale: a 200,000-row HR export and next month's, measured side by side against a plain read.

Run: `PYTHONPATH=. python benchmarks/roster.py [ROWS [REPEAT [SECTION ...]]]`, where a SECTION
is import, floor, filter or memory (all of them by default). Each section prints its figures and
its ratio to the baseline measured in the same run, so the numbers mean the same on any machine. The
export is shaped like a national bank's HR report: no customer-facing column, so whether a
person deals with customers is inferred from a long tail of thousands of job titles (or the
department); an employment status and a termination date, with leavers among the rows; pay,
birth date, ethnicity and other sensitive columns, which the import leaves out of the snapshot.
The re-import reads the next month's export of the same people (some joined, some gone, some
terminated, some promoted), so the change report and the revocation of access run as they do
every month in real use.

Targets (issue 13): import + evaluate within 2x a plain `csv.DictReader` pass over the same
file, re-import + evaluate within 2.5x; a keystroke's filter in the TUI table under 100 ms. The
floor section adds up what any import of this design must do at the least (parse, keep the used
columns, one Employee each, the snapshot, a decision each), to set those targets against.
Limits (issue 15): the peak memory of `policy-tui roster import` under 2 GB, of `policy-tui
export` with the access schedule under 1.5 GB, at a million rows. A section is a function in
`SECTIONS`; add one for another figure.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import hashlib
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate, product, repeat
from multiprocessing import get_context
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from policy_model import roles  # noqa: E402
from policy_model.document import Document, create_document, open_document  # noqa: E402
from policy_model.draft import Draft, Employee, Rule  # noqa: E402
from policy_model.eligibility import evaluate, evaluate_with, set_override  # noqa: E402
from policy_model.files import atomic_write  # noqa: E402
from policy_model.roster import import_roster  # noqa: E402
from policy_model.roster.convert import SHARED_FIELDS, read_columns  # noqa: E402
from policy_model.roster.mapping import resolve  # noqa: E402
from policy_model.roster.readers import open_table  # noqa: E402
from policy_model.roster.values import parse_clients, parse_touch  # noqa: E402
from policy_model.roster_snapshot import snapshot_bytes  # noqa: E402
from policy_model.user_input import read_day_column  # noqa: E402
from tests.hr_exports import Person, people, pick, some_day, us_date  # noqa: E402
from tui.cli import main as policy_tui  # noqa: E402

ROWS = 200_000
IMPORT_LIMIT, EXPORT_LIMIT = 2 * 2**30, 1.5 * 2**30  # peak bytes resident
HEADER = ["Employee ID", "Employee Name", "Work Email", "Job Title", "Department", "Manager Name", "Work Location",
          "Employee Status", "Hire Date", "Termination Date", "Termination Reason", "Client Count", "Touch Level",
          "Gender", "Date of Birth", "Ethnicity", "Annual Salary", "Performance Rating"]
NAME, TITLE, DEPARTMENT, STATUS, HIRED, LEFT, REASON = (HEADER.index(column) for column in (
    "Employee Name", "Job Title", "Department", "Employee Status", "Hire Date", "Termination Date",
    "Termination Reason"))
# A bank's jobs: (title, departments, percent of the staff, whether the person keeps a book of
# clients, for which the export has a client count and a touch level). Some titles say nothing
# about customers ("Vice President", "Underwriter"), as in any real roster.
JOBS: list[tuple[str, tuple[str, ...], float, bool]] = [
    ("Teller", ("Retail Banking",), 11, False),
    ("Relationship Banker", ("Retail Banking", "Small Business"), 7, True),
    ("Customer Service Representative", ("Contact Center", "Card Services"), 7, False),
    ("Software Engineer", ("Technology",), 6, False),
    ("Operations Specialist", ("Operations", "Payments"), 5, False),
    ("Personal Banker", ("Retail Banking",), 4, True),
    ("Contact Center Agent", ("Contact Center",), 4, False),
    ("Universal Banker", ("Retail Banking",), 3, False),
    ("Financial Advisor", ("Wealth Management",), 3, True),
    ("Operations Analyst", ("Operations", "Treasury"), 3, False),
    ("Business Analyst", ("Technology", "Operations"), 3, False),
    ("Branch Manager", ("Retail Banking",), 2.5, True),
    ("Relationship Manager", ("Commercial Banking", "Wealth Management", "Private Bank"), 2, True),
    ("Collections Specialist", ("Card Services", "Consumer Lending"), 2, False),
    ("Loan Processor", ("Mortgage", "Consumer Lending"), 2, False),
    ("Underwriter", ("Mortgage", "Commercial Banking", "Consumer Lending"), 2, False),
    ("Data Analyst", ("Technology", "Marketing"), 2, False),
    ("Project Manager", ("Technology", "Operations"), 2, False),
    ("Compliance Analyst", ("Compliance",), 2, False),
    ("Risk Analyst", ("Risk",), 2, False),
    ("Vice President", ("Commercial Banking", "Technology", "Operations", "Risk", "Finance"), 2, False),
    ("Associate", ("Commercial Banking", "Wealth Management", "Operations"), 2, False),
    ("Manager", ("Retail Banking", "Operations", "Technology", "Contact Center"), 2, False),
    ("Assistant Branch Manager", ("Retail Banking",), 1.5, False),
    ("Mortgage Loan Officer", ("Mortgage",), 1.5, True),
    ("Credit Analyst", ("Commercial Banking", "Risk"), 1.5, False),
    ("Systems Administrator", ("Technology",), 1.5, False),
    ("Accountant", ("Finance",), 1.5, False),
    ("Financial Analyst", ("Finance", "Treasury"), 1.5, False),
    ("Administrative Assistant", ("Retail Banking", "Commercial Banking", "Operations"), 1.5, False),
    ("Wealth Advisor", ("Wealth Management",), 1, True),
    ("Auditor", ("Audit",), 1, False),
    ("Security Officer", ("Corporate Security",), 1, False),
    ("Director", ("Technology", "Operations", "Risk", "Finance", "Marketing"), 1, False),
    ("Private Banker", ("Private Bank",), 0.5, True),
    ("HR Business Partner", ("Human Resources",), 0.5, False),
    ("Recruiter", ("Human Resources",), 0.5, False),
    ("Facilities Technician", ("Facilities",), 0.5, False),
    ("Mailroom Clerk", ("Operations",), 0.3, False),
]
# How titles are qualified, with weights: most people hold a plain title, the others spread over
# thousands of combinations ("Senior Relationship Banker II - Small Business").
LEVELS = {"": 60, "Senior ": 20, "Associate ": 6, "Lead ": 6, "Sr. ": 5, "Principal ": 3}
GRADES = {"": 50, " I": 15, " II": 15, " III": 10, " IV": 5, " V": 5}
LINES = {"": 70, " - Retail": 5, " - Commercial": 5, " - Wealth": 4, " - Mortgage": 3, " - Cards": 3,
         " - Small Business": 3, " - Treasury": 2, " - Digital": 2, " - Auto Finance": 1.5, " - Payments": 1.5}
TITLES = [(f"{level}{title}{grade}{line}", departments, book)
          for (title, departments, _, book), level, grade, line in product(JOBS, LEVELS, GRADES, LINES)]
TITLE_WEIGHTS = list(accumulate(share * LEVELS[level] * GRADES[grade] * LINES[line]
                                for (_, _, share, _), level, grade, line in product(JOBS, LEVELS, GRADES, LINES)))
CITIES = ["Portland", "Salem", "Eugene", "Bend", "Medford", "Seattle", "Tacoma", "Spokane", "Boise", "Sacramento",
          "San Jose", "Fresno", "Reno", "Phoenix", "Tucson", "Denver", "Salt Lake City", "Albuquerque", "Dallas",
          "Austin", "Houston", "Chicago", "Columbus", "Charlotte", "Atlanta", "Tampa", "New York", "Boston"]
CLIENT_COUNTS = ["", "", "3", "6", "8", "10", "12", "18", "25", "31", "40", "65"]
TOUCH = ["High", "Low", ""]
STATUSES = {"Active": 96, "Leave of Absence": 2, "Active - Probation": 2}
LEAVER_STATUSES = {"Voluntarily Terminated": 60, "Resigned": 18, "Terminated for Cause": 12, "Retired": 10}
TERM_REASONS = ["Another position", "Relocation", "Retirement", "Performance", "Attendance", "Career change"]
ETHNICITIES = ["White", "Black or African American", "Asian", "Hispanic or Latino", "Two or more races"]
RATINGS = ["Exceeds", "Fully Meets", "Fully Meets", "Fully Meets", "Needs Improvement"]
LEAVERS = 0.06  # of a month's rows: people who left in the past year, still in the export
NOTICE = 0.003  # of a month's rows: staff with a termination date still to come
MONTHLY = 0.02  # of a month's rows: people joined during the next month, and as many gone from its file
TERMINATED = 0.01  # of current staff: terminated during the next month
PROMOTED = 0.02  # of current staff: a new title during the next month


def write_roster(path: Path, rows: int, seed: int = 7, *, next_month: bool = False) -> None:
    """A national bank's HR export of `rows` people in name order, or (`next_month`) the same
    export a month later: the same people but for those gone from the file, plus as many joiners,
    some terminated during the month and some promoted. The same for a seed (on a given day:
    exit dates are set around today, so leavers have left and notices are still running)."""
    rng = random.Random(seed)
    joiners = round(rows * MONTHLY)
    everyone = people(rng, rows + joiners)
    managers = everyone[: max(1, rows // 8)]
    # Six-digit ids while they suffice (the same ids as ever for a seed), more digits beyond.
    ids = rng.sample(range(100_000, max(1_000_000, 100_000 + 2 * (rows + joiners))), rows + joiners)
    today = date.today()
    table = [_person(rng, ids[n], person, rng.choice(managers), today) for n, person in enumerate(everyone)]
    table = _next_month(random.Random(seed + 1), table[:rows], table[rows:], today) if next_month else table[:rows]
    table.sort(key=lambda row: row[NAME])
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        writer.writerows(table)


def _person(rng: random.Random, number: int, person: Person, manager: Person, today: date) -> list[str]:
    """One person's row under HEADER: most are current staff, LEAVERS of them have left."""
    title, departments, book = rng.choices(TITLES, cum_weights=TITLE_WEIGHTS)[0]
    name = f"{person.last}, {person.first}" + (f"  {person.middle}" if person.middle else "")
    mailbox = "".join(filter(str.isalnum, f"{person.first}.{person.last}.{number}".lower()))
    hired = some_day(rng, date(1995, 1, 1), today - timedelta(days=60))
    status, left, reason = pick(rng, STATUSES), "", ""
    draw = rng.random()
    if draw < LEAVERS:
        status, reason = pick(rng, LEAVER_STATUSES), rng.choice(TERM_REASONS)
        left = us_date(some_day(rng, max(hired, today - timedelta(days=365)), today - timedelta(days=35)))
    elif draw < LEAVERS + NOTICE:
        left = us_date(some_day(rng, today + timedelta(days=1), today + timedelta(days=60)))
    return [str(number), name, f"{mailbox}@bank.example", title, rng.choice(departments),
            f"{manager.first} {manager.last}", rng.choice(CITIES), status, us_date(hired), left, reason,
            rng.choice(CLIENT_COUNTS) if book else "", rng.choice(TOUCH) if book else "",
            "Female" if person.sex == "F" else "Male", us_date(some_day(rng, date(1958, 1, 1), date(2004, 12, 31))),
            rng.choice(ETHNICITIES), str(rng.randrange(38_000, 260_000, 500)), rng.choice(RATINGS)]


def _next_month(rng: random.Random, staff: list[list[str]], joiners: list[list[str]], today: date) -> list[list[str]]:
    """`staff` a month later: as many gone as `joiners` join (mostly earlier leavers the export
    drops, some current staff), TERMINATED of the rest terminated and PROMOTED given a new title."""
    table = [row[:] for row in staff]
    leavers = [n for n, row in enumerate(table) if row[STATUS] in LEAVER_STATUSES]
    current = [n for n, row in enumerate(table) if row[STATUS] not in LEAVER_STATUSES]
    gone = set(rng.sample(leavers, min(len(leavers), len(joiners) * 2 // 3)))
    gone |= set(rng.sample(current, len(joiners) - len(gone)))
    staying = [n for n in current if n not in gone]
    for n in rng.sample(staying, round(len(staying) * TERMINATED)):
        table[n][STATUS], table[n][REASON] = pick(rng, LEAVER_STATUSES), rng.choice(TERM_REASONS)
        table[n][LEFT] = us_date(some_day(rng, today - timedelta(days=28), today - timedelta(days=1)))
    for n in rng.sample(staying, round(len(staying) * PROMOTED)):
        title, departments, _ = rng.choices(TITLES, cum_weights=TITLE_WEIGHTS)[0]
        table[n][TITLE], table[n][DEPARTMENT] = title, rng.choice(departments)
    for row in joiners:
        row[STATUS], row[LEFT], row[REASON] = "Active", "", ""
        row[HIRED] = us_date(some_day(rng, today - timedelta(days=28), today))
    return [row for n, row in enumerate(table) if n not in gone] + joiners


@dataclass
class Work:
    """Work to measure, with what readies it off the clock before each run (a draft restored to
    how last month left it, caches a new process would not have), and its target ratio."""

    label: str
    run: Callable[[], Any]
    target: float | None = None
    ready: Callable[[], None] = lambda: None


def interleaved_times(works: list[Work], repeat: int) -> list[list[float]]:
    """Seconds of each work, run in turn `repeat` times: a machine busy with something else
    then slows the baseline and the work measured against it alike.

    What a work returns (the rows it kept, the roster it imported) is released after the
    clock stops: freeing it is not part of reading or importing.
    """
    times: list[list[float]] = [[] for _ in works]
    for _ in range(repeat):
        for work, seconds in zip(works, times, strict=True):
            work.ready()
            gc.collect()
            start = time.perf_counter()
            result = work.run()
            seconds.append(time.perf_counter() - start)
            del result
    return times


def peak_memory(work: Work) -> int:
    """Peak bytes allocated by one run (a separate run: tracemalloc slows Python code down)."""
    work.ready()
    gc.collect()
    tracemalloc.start()
    work.run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def print_table(title: str, rows: list[tuple[str, list[float], int | None, float | None]],
                memory_base: int | None) -> None:
    """Each work's best time and peak memory (None: not measured), with its ratios to the first
    row (the baseline).

    The time ratio is the median of the ratios of runs made one after the other, which is
    steadier on a shared machine than a ratio of two best times.
    """
    print(f"\n{title}")
    print(f"  {'':34} {'best':>8} {'ratio':>7}" + (f" {'peak memory':>12} {'ratio':>7}" if memory_base else ""))
    base_times = rows[0][1]
    for label, times, memory, target in rows:
        ratio = statistics.median(t / b for t, b in zip(times, base_times, strict=True))
        verdict = f"  (target <= {target:g}x: {'met' if ratio <= target else 'NOT met'})" if target else ""
        memory_columns = f" {memory / 2**20:10.1f}MB {memory / memory_base:6.2f}x" if memory and memory_base else ""
        print(f"  {label:34} {min(times):7.2f}s {ratio:6.2f}x{memory_columns}{verdict}")


def forget_titles() -> None:
    """Empty the caches of job titles read: an import in a new process reads every title afresh."""
    roles._said.cache_clear()
    roles._verdict.cache_clear()


def last_months_draft(path: Path, source: Path, rows: int) -> dict[Path, bytes]:
    """The bytes of a draft and its snapshot as last month's import of `source` left them, with
    a few overrides made since, to put back before each re-import. Nothing else of it is kept:
    a roster held on the side would make every collection of Python's garbage slower."""
    document = create_document(path, company="Benchmark Bank")
    import_roster(document, source)
    for person in document.roster.employees[:: max(1, rows // 20)]:
        document.apply(lambda draft: set_override(draft, person.id, "review",  # noqa: B023 (applied at once)
                                                  "moved to a new team: check their clients", by="hr"))
    document.save()
    return {file: file.read_bytes() for file in (path, path.with_name(document.draft.roster.snapshot))}


def import_section(folder: Path, source: Path, rows: int, repeat: int) -> None:
    """Import + evaluate, first import and the next month's re-import, against plain
    csv.DictReader passes.

    Time is compared with a DictReader pass that keeps nothing (the fastest way to look at
    every row); memory with one that keeps every row as a dict (what holding the roster as
    read costs). The next month's file has as many rows, and about as many bytes, as the first.
    The re-import is that of `policy-tui roster import`: the draft and its snapshot are opened
    (off the clock) as last month's import left them, with a few overrides made since.
    """
    later = folder / "hr-export-next-month.csv"
    write_roster(later, rows, next_month=True)

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

    draft = folder / "again.toml"
    saved = last_months_draft(draft, source, rows)
    opened: list[Document] = []

    def reopen() -> None:
        for path, data in saved.items():
            path.write_bytes(data)
        opened[:] = [open_document(draft)]
        forget_titles()

    def reimport() -> Document:
        document = opened.pop()
        report = import_roster(document, later)
        assert report.changes is not None and report.changes.joined and report.revoked, "not a month's changes"
        evaluate(document.draft, document.roster.employees)
        return document

    works = [Work("csv.DictReader pass", read_pass), Work("csv.DictReader, rows kept", read_and_keep),
             Work("import + evaluate (first import)", first_import, 2.0, forget_titles),
             Work("re-import next month + evaluate", reimport, 2.5, reopen)]
    times = interleaved_times(works, repeat)
    memory = [peak_memory(work) for work in works]
    print_table(f"Import + evaluate, {rows:,} rows ({source.stat().st_size / 2**20:.1f} MB CSV), {repeat} runs each; "
                "time against the pass, memory against the rows kept",
                [(work.label, t, m, work.target) for work, t, m in zip(works, times, memory, strict=True)],
                memory[1])


def collector_paused(run: Callable[[], Any]) -> Callable[[], Any]:
    """`run` with Python's cycle collector paused, as `import_roster` runs."""
    def paused() -> Any:
        gc.disable()
        try:
            return run()
        finally:
            gc.enable()
    return paused


def floor_section(folder: Path, source: Path, rows: int, repeat_count: int) -> None:
    """The least any import + evaluate of this design costs, step by step against the same
    DictReader pass: parse the file, keep the columns the policy uses (as the import reads
    them), build one Employee per person, write the snapshot, decide everyone.

    Nothing is checked (no trimming, widths, lengths, duplicate ids or control characters),
    no report is made and nobody is told apart as a leaver but by the rules: each row is what
    the import must do at the least, so a target below the last row cannot be met by tuning
    the import, only by changing what it holds (one object per person, a snapshot, a decision
    per person). Python's cycle collector is paused in every step, as the import pauses it.
    """
    rules = create_document(folder / "floor.toml", company="Benchmark Bank").draft.eligibility.rules

    def read_pass() -> None:
        with source.open(newline="", encoding="utf-8") as stream:
            for _ in csv.DictReader(stream):
                pass

    def parse() -> None:
        with source.open(newline="", encoding="utf-8") as stream:
            for _ in csv.reader(stream):
                pass

    def keep() -> list[list[Any]]:
        """The columns an Employee is made of, in its fields' order (`extra` left out)."""
        table = open_table(source)
        index = resolve(table.header, table.file).columns
        read = read_columns(table, {}, None, set(index.values()), {index[name] for name in SHARED_FIELDS
                                                                  if name in index}, None)
        assert read is not None
        cells: dict[str, list[str]] = {name: column for name, i in index.items() if (column := read[0][i]) is not None}
        count = len(cells["id"])

        def texts(name: str) -> list[str]:
            return cells.get(name) or [""] * count

        days = {text: day.isoformat() for text, day in read_day_column(texts("left_on")).days.items()
                if isinstance(day, date)}
        parsed = [list(map({text: parse(text) for text in set(texts(name))}.__getitem__, texts(name)))
                  for name, parse in (("clients", parse_clients), ("touch", parse_touch))]
        return [*map(texts, ("id", "name", "email", "role", "department", "manager")), *parsed, [None] * count,
                *map(texts, ("location", "employment")), list(map({**days, "": ""}.get, texts("left_on"))),
                [""] * count, [""] * count]

    def employees() -> tuple[list[Employee], list[list[Any]]]:
        columns = keep()
        extra: Iterator[dict[str, str]] = map(dict, repeat((), len(columns[0])))
        return list(map(Employee, *columns[:9], extra, *columns[9:])), columns

    def snapshot() -> list[Employee]:
        people, columns = employees()
        data = snapshot_bytes(people, [], columns)
        atomic_write(folder / f"floor.roster.{hashlib.sha256(data).hexdigest()[:12]}.csv", data)
        return people

    def decide() -> list[Any]:
        return evaluate_with(snapshot(), rules, {})

    works = [Work("csv.DictReader pass", read_pass), Work("csv.reader pass (parse only)", collector_paused(parse)),
             Work("+ keep the used columns", collector_paused(keep)),
             Work("+ one Employee per person", collector_paused(employees)),
             Work("+ write the snapshot", collector_paused(snapshot)),
             Work("+ decide everyone", collector_paused(decide), None, forget_titles)]
    times = interleaved_times(works, repeat_count)
    print_table(f"The least an import + evaluate costs, {rows:,} rows, {repeat_count} runs each; each row adds "
                "its step to the one above, against the pass",
                [(work.label, t, None, None) for work, t in zip(works, times, strict=True)], None)


def filter_section(folder: Path, source: Path, rows: int, repeat: int) -> None:
    """Filter latency per keystroke in the TUI table, against a no-op keystroke (roster_filter.py)."""
    import roster_filter  # beside this script

    print()
    (folder / "filter").mkdir()
    roster_filter.run(folder / "filter", rows)


def measured_command(argv: list[str]) -> tuple[int, float, int]:
    """Run `policy-tui ARGV` (its output dropped) in this process: exit code, seconds, and
    the process's peak resident bytes. Run in a fresh process, as `memory_section` does."""
    start = time.perf_counter()
    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet), contextlib.redirect_stderr(quiet):
        code = policy_tui(argv)
    seconds = time.perf_counter() - start
    return code, seconds, peak_resident()


def peak_resident() -> int:
    """This process's peak resident bytes. On Linux, VmHWM: ru_maxrss keeps, across the exec
    that starts a fresh process, the peak of the process it was forked from (this script,
    holding a million rows by then)."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)


def _grant_everyone(draft: Draft) -> None:
    """Every current employee granted every channel: the longest access schedule there can be."""
    draft.eligibility.rules = [Rule(id="everyone", outcome="granted", reason="every current employee")]
    for channel in draft.channels[:3]:
        channel.enabled = True


def memory_section(folder: Path, source: Path, rows: int, repeat: int) -> None:
    """Peak memory of the roster import and of the export (the policy, and the policy with its
    access schedule), each command run once in a fresh process, against the limits.

    The peak is the process's maximum resident set, so what lxml and zlib allocate in C counts
    (tracemalloc sees only Python's own allocations). The draft grants every current employee,
    so the schedule lists nearly the whole roster.
    """
    draft = folder / "memory.toml"
    document = create_document(draft, company="Benchmark Bank")
    document.apply(_grant_everyone)
    document.save()
    policy, schedule = str(folder / "policy.docx"), str(folder / "schedule.docx")
    steps = [("roster import", ["roster", "import", str(draft), str(source)], IMPORT_LIMIT),
             ("export policy", ["export", str(draft), "-o", policy], EXPORT_LIMIT),
             ("export policy + access schedule",
              ["export", str(draft), "-o", policy, "--schedule", schedule, "--force"], EXPORT_LIMIT)]
    print(f"\nPeak memory, {rows:,} rows, each command in a fresh process (maximum resident set)")
    print(f"  {'':34} {'time':>8} {'peak memory':>12}")
    for label, argv, limit in steps:
        with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
            code, seconds, peak = pool.submit(measured_command, argv).result()
        verdict = f"limit {limit / 2**20:,.0f}MB: {'met' if peak < limit else 'NOT met'}"
        print(f"  {label:34} {seconds:7.2f}s {peak / 2**20:10.1f}MB  ({verdict})"
              + ("" if code == 0 else f"  exit code {code}"))


# Each section takes the folder, the generated roster, its row count and the repeat count.
SECTIONS: list[Callable[[Path, Path, int, int], None]] = [import_section, floor_section, filter_section,
                                                          memory_section]


def chosen_sections(names: list[str]) -> list[Callable[[Path, Path, int, int], None]]:
    """The sections named on the command line ("import" for `import_section`), in the order
    given; every section when none is named. SystemExit for a name that is not a section."""
    by_name = {section.__name__.removesuffix("_section"): section for section in SECTIONS}
    if unknown := [name for name in names if name not in by_name]:
        raise SystemExit(f"no section {', '.join(unknown)}; the sections are {', '.join(by_name)}")
    return [by_name[name] for name in names] or SECTIONS


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else ROWS
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    sections = chosen_sections(sys.argv[3:])
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        source = folder / "hr-export.csv"
        write_roster(source, rows)
        for section in sections:
            section(folder, source, rows, repeat)


if __name__ == "__main__":
    main()
