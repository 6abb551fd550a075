"""Opening a 200,000-employee draft: time to the first screen, and until the roster is ready.

Side by side in one run: a bare Textual app (Header + Footer) to its first screen, and
policy-tui on a generated 200,000-employee draft to its first screen and to the moment the
roster has loaded in the background. Each sample is a fresh process; samples alternate.

How each sample is taken, and what "first screen" means, is in `first_screen.py`.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

from first_screen import BARE, OURS, sample  # noqa: E402

from policy_model.document import create_document  # noqa: E402
from policy_model.draft import Employee  # noqa: E402
from policy_model.roster_snapshot import snapshot_path, write_snapshot  # noqa: E402

EMPLOYEES = 200_000
ROUNDS = 5

def make_draft(folder: Path) -> Path:
    path = folder / "national-bank.toml"
    document = create_document(path, company="National Bank", market="both", industry="financial")
    departments = ["Retail Sales", "Wealth Management", "Commercial Banking", "Operations", "IT", "Mailroom"]
    people = [
        Employee(f"E{n:06d}", f"Surname{n}, Given{n % 977}", f"p{n}@bank.example",
                 ["Relationship Banker", "Account Manager", "Teller", "Analyst", "Clerk"][n % 5],
                 departments[n % len(departments)], f"E{n // 10:06d}", n % 40 if n % 7 else None,
                 "high" if n % 3 == 0 else "low", n % 4 != 0)
        for n in range(EMPLOYEES)
    ]
    write_snapshot(snapshot_path(path), people, [], document.draft.roster)
    document.save()
    return path


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = make_draft(Path(folder))
        sample(BARE), sample(OURS, str(path), str(EMPLOYEES))  # warm caches and bytecode
        bare, first, ready = [], [], []
        for _ in range(ROUNDS):
            bare.append(sample(BARE).reports[0])
            ours = sample(OURS, str(path), str(EMPLOYEES)).reports
            first.append(ours[0])
            ready.append(ours[1])
    b, f, r = (statistics.median(x) for x in (bare, first, ready))
    print(f"opening a {EMPLOYEES:,}-employee draft, median of {ROUNDS} fresh processes each (headless 80x24)")
    print(f"  bare Textual app, first screen:         {b * 1000:7.0f} ms")
    print(f"  policy-tui, first screen (interactive): {f * 1000:7.0f} ms   ratio {f / b:.2f}x")
    print(f"  policy-tui, roster loaded:              {r * 1000:7.0f} ms   ratio {r / b:.2f}x")


if __name__ == "__main__":
    main()
