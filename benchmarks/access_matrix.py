"""How the access matrix scales: its cost next to step 1's evaluation, on 200,000 employees.

Step 2 recomputes the matrix after every toggle (in a worker), reusing step 1's decisions;
this prints the matrix's cost as a ratio of one evaluation, measured side by side in one run,
with channels open to all and with every channel narrowed to groups.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from timing import best_of, decide_afresh

from policy_model import channels as ch
from policy_model.access import grants, matrix
from policy_model.document import open_document
from policy_model.eligibility import evaluate

ROWS = 200_000
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "regional-bank.toml"




def main() -> None:
    document = open_document(EXAMPLE)
    base = document.roster.employees
    # 300 branches per department, so the (department, role) cache sees many distinct pairs.
    people = [replace(base[n % len(base)], id=f"E{n:06d}", department=f"{base[n % len(base)].department} {n % 300}")
              for n in range(ROWS)]
    draft = document.draft
    for channel in ch.catalog().channels:
        if channel.archivable:
            ch.set_enabled(draft, channel.id, True)
    decisions = evaluate(draft, people)
    # Deciding everyone afresh (evaluate itself would give its kept answer again).
    evaluation = best_of(3, lambda: decide_afresh(draft, people))
    open_grants = best_of(3, lambda: grants(draft, people, decisions))
    open_matrix = best_of(3, lambda: matrix(draft, people, decisions))
    for channel in draft.channels:
        if channel.enabled:
            ch.restrict(draft, channel.id, ["role:Banker", "department:Sales 7", "employee:E000042"])
    narrow_matrix = best_of(3, lambda: matrix(draft, people, decisions))
    enabled = sum(c.enabled for c in draft.channels)
    print(f"{ROWS} employees, {enabled} enabled channels; ratios to one evaluation of step 1's rules:")
    print(f"  grants, channels open to all : {open_grants / evaluation:.2f}x")
    print(f"  matrix, channels open to all : {open_matrix / evaluation:.2f}x")
    print(f"  matrix, every channel narrowed: {narrow_matrix / evaluation:.2f}x")


if __name__ == "__main__":
    main()
