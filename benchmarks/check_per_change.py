"""What a change to a bank-sized draft costs after it is made: the full check and the "left to
do" lines the TUI recomputes, against deciding the roster once, side by side in one run.

After every change the main screen runs `check_document` and `progress.outstanding`; both ask
several readers (access, lint, training, progress) for decisions over the same roster. The
ratio says how many roster evaluations' worth of work one change costs.

Run: PYTHONPATH=. python benchmarks/check_per_change.py [EMPLOYEES]
"""

from __future__ import annotations

import statistics
import sys
from functools import partial
from pathlib import Path

from timing import decide_afresh, timed

from policy_model.checks import check_document
from policy_model.document import create_document
from policy_model.draft import Employee
from policy_model.eligibility import set_override
from policy_model.left_to_do import outstanding
from policy_model.roster_snapshot import Roster

ROUNDS = 5


def main(count: int) -> None:
    document = create_document(Path("bank.toml"), company="National Bank", market="both", industry="financial")
    roles = ["Relationship Banker", "Account Manager", "Teller", "Analyst", "Clerk"]
    document.use_roster(Roster([Employee(f"E{n:06d}", f"Surname{n}, Given{n % 977}", role=roles[n % 5],
                                       department=f"Branch {n % 300}", clients=n % 40 if n % 7 else None,
                                       touch="high" if n % 3 == 0 else "low", customer_facing=n % 4 != 0)
                              for n in range(count)]))
    deciding, applying, changing = [], [], []
    for n in range(ROUNDS):
        deciding.append(timed(lambda: decide_afresh(document.draft, document.roster.employees)))
        change = partial(set_override, employee_id=f"E{n:06d}", status="granted",
                         reason="Signed off by the branch manager", by="HR")
        applying.append(timed(lambda: document.apply(change)))  # noqa: B023 (timed at once, in this round)
        changing.append(timed(lambda: outstanding(document, check_document(document))))
    d, a, c = statistics.median(deciding), statistics.median(applying), statistics.median(changing)
    print(f"after one change to a {count:,}-person draft, median of {ROUNDS}")
    print(f"  deciding the roster once:               {d * 1000:6.0f} ms")
    print(f"  making the change (Document.apply):     {a * 1000:6.0f} ms   ratio {a / d:.2f}x")
    print(f"  check + what is left to do (the TUI's): {c * 1000:6.0f} ms   ratio {c / d:.1f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
