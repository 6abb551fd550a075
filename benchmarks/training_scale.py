"""Training at a bank's scale: where the time goes, measured side by side in one run.

Prints ratios, not verdicts:
- the pending list against step 1's evaluation alone (what training adds on top of the rules);
- checking a completions CSV (read through the roster's table reader) against reading the same
  file with the csv module alone;
- completions kept in the draft's TOML against the same rows as CSV (the roster's choice).

Run: PYTHONPATH=. python benchmarks/training_scale.py [EMPLOYEES]
"""

from __future__ import annotations

import csv
import io
import sys
import tempfile
from datetime import date
from pathlib import Path

from timing import decide_afresh, timed

from policy_model import toml_io, training, training_import
from policy_model.document import new_draft
from policy_model.draft import Completion, Employee


def main(count: int) -> None:
    employees = [Employee(id=f"E{n:06d}", role="Relationship Banker", department="Sales", customer_facing=True,
                          clients=5 if n % 3 else 40, touch="high" if n % 3 else "low") for n in range(count)]
    draft = new_draft("Bench")
    training.add_session(draft, "Launch")
    trained = [e.id for e in employees[::2]]
    rows = "employee_id,date\n" + "".join(f"{i},2026-11-20\n" for i in trained)
    source = Path(tempfile.mkdtemp()) / "c.csv"
    source.write_text(rows, encoding="utf-8")

    # The pending list first, while nothing is decided yet; then deciding everyone afresh.
    pending = timed(lambda: training.pending(draft, employees))
    rules = timed(lambda: decide_afresh(draft, employees))
    print(f"{count} employees, {len(trained)} completions")
    print(f"pending list / step 1 evaluation alone: {pending / rules:.2f}x ({pending:.2f}s)")

    plain = timed(lambda: list(csv.reader(io.StringIO(source.read_text(encoding="utf-8"), newline=""))))
    checked = timed(lambda: training_import.read_completions(source, draft, employees, today=date(2026, 11, 25)))
    print(f"checking a completions CSV / csv.reader alone: {checked / plain:.1f}x ({checked:.2f}s)")

    draft.training.completions = [Completion(i, "launch", date(2026, 11, 20)) for i in trained]
    text = toml_io.dumps(draft)
    as_toml = timed(lambda: toml_io.dumps(draft))
    read_toml = timed(lambda: toml_io.parse(text, "d.toml"))
    buffer = io.StringIO()
    as_csv = timed(lambda: csv.writer(buffer).writerows((c.employee_id, c.session, c.date.isoformat())
                                                        for c in draft.training.completions))
    read_csv = timed(lambda: list(csv.reader(io.StringIO(buffer.getvalue()))))
    print(f"completions in the TOML / as CSV: write {as_toml / as_csv:.0f}x ({as_toml:.2f}s), "
          f"read {read_toml / read_csv:.0f}x ({read_toml:.2f}s), size {len(text) / len(buffer.getvalue()):.1f}x "
          f"({len(text) / 1e6:.1f} MB)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
