"""How much a diff of two drafts over a large roster costs, against evaluating the roster once.

Diffing evaluates every person under both drafts and compares them, so it should cost about
two evaluations; the figure printed is that ratio, measured side by side in one run.
"""

from __future__ import annotations

import copy
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timing import decide_afresh, timed  # noqa: E402

from policy_model.diff import diff_drafts, render_text  # noqa: E402
from policy_model.document import new_draft  # noqa: E402
from policy_model.draft import Employee, Override  # noqa: E402

PEOPLE = 200_000


def roster(n: int) -> list[Employee]:
    return [Employee(f"E{i:06d}", f"Person {i}", role="Relationship Banker", clients=i % 40,
                     touch="high" if i % 3 else "low", customer_facing=i % 5 != 0) for i in range(n)]


def main() -> None:

    employees = roster(PEOPLE)
    old = new_draft("Bank")
    new = copy.deepcopy(old)
    new.eligibility.rules[1].max_clients = 5  # moves thousands of people out of "granted"
    new.eligibility.overrides = [Override(f"E{i:06d}", "denied", "left the team") for i in range(0, PEOPLE, 100)]
    # Deciding everyone afresh (evaluate itself would give its kept answer again).
    evaluation = timed(lambda: decide_afresh(new, employees))
    result = None

    def diff() -> None:
        nonlocal result
        result = diff_drafts(old, new, employees, employees)

    diffing = timed(diff)
    assert result is not None
    rendering = timed(lambda: render_text(result))
    print(f"{PEOPLE} people, {len(result.access)} access changes")
    print(f"diff / one evaluation:   {diffing / evaluation:.2f}x")
    print(f"render / one evaluation: {rendering / evaluation:.2f}x")


if __name__ == "__main__":
    main()
