"""Why step 3 caches who is granted: the cost of one preview and lint pass, side by side.

On every pause in typing, step 3 fills in the policy and lints it. Filling needs the granted
employees (for {granted_count}, {granted_roles}, {departments}); evaluating a large roster's
eligibility is far slower than the rest, so the step computes it only when the roster or the
rules change. This prints each part's cost as a ratio of the cheapest, in one run.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import timed  # noqa: E402

from policy_model import clauses, lint  # noqa: E402
from policy_model.document import new_draft  # noqa: E402
from policy_model.draft import Employee  # noqa: E402


def main(size: int = 200_000) -> None:
    rng = random.Random(7)
    employees = [Employee(f"E{n}", role=rng.choice(["Relationship Banker", "Teller", "Advisor", "Clerk"]),
                          department=rng.choice(["Retail", "Operations", "Wealth"]),
                          customer_facing=rng.random() < 0.6, clients=rng.choice([None, 3, 12, 30]),
                          touch=rng.choice(["high", "low", None])) for n in range(size)]
    draft = new_draft("Big Bank", industry="bank")
    who = clauses.audience(draft, employees)
    costs = {
        "evaluate the roster (audience)": timed(lambda: clauses.audience(draft, employees), 3),
        "fill in the policy (render_policy, cached audience)": timed(
            lambda: clauses.render_policy(draft, employees, who), 50),
        "lint the policy (lint_findings, cached audience)": timed(
            lambda: lint.lint_findings(draft, who, "bench.toml"), 20),
    }
    cheapest = min(costs.values())
    print(f"{size:,} employees, {len(draft.clauses)} clauses")
    for name, cost in costs.items():
        print(f"  {name:<55} {cost / cheapest:8.1f}x")


if __name__ == "__main__":
    main()
