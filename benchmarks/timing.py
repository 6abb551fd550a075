"""How the benchmarks time work, and the baseline most of them measure against.

The baseline is deciding every employee afresh (`evaluate_with`, no answer kept): what step 1
costs, so that "x times the decisions" says how a feature compares with the app's core work.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from policy_model.draft import Draft, Employee
from policy_model.eligibility import Decision, evaluate_with, overrides_by_id


def timed(work: Callable[[], object], repeat: int = 1) -> float:
    """Seconds per run of `work`, the mean of `repeat` runs."""
    start = time.perf_counter()
    for _ in range(repeat):
        work()
    return (time.perf_counter() - start) / repeat


def best_of(runs: int, work: Callable[[], object]) -> float:
    """Seconds of the fastest of `runs` runs: the least disturbed by the rest of the machine."""
    return min(timed(work) for _ in range(runs))


def decide_afresh(draft: Draft, employees: Sequence[Employee]) -> list[Decision]:
    """Every employee's decision, worked out again from the rules and overrides."""
    return evaluate_with(employees, draft.eligibility.rules, overrides_by_id(draft))
