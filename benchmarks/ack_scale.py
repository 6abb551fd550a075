"""Acknowledgments at a bank's scale, measured side by side in one run.

Prints ratios, not verdicts:
- the draft's TOML with everyone's acknowledgment (id lists per version, form and day) against
  the same draft with none: what they add to every save, size and read;
- the same acknowledgments written as one TOML table each (how completions are kept), against
  the id lists.

Run: PYTHONPATH=. python benchmarks/ack_scale.py [EMPLOYEES]
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date, timedelta

import tomli_w
from timing import timed

from policy_model import toml_io
from policy_model.acknowledgments import Entry, entries, record
from policy_model.document import new_draft
from policy_model.schema import encode


def main(count: int) -> None:
    draft = new_draft("Bench")
    empty_text = toml_io.dumps(draft)
    signed = replace(draft)
    signed.acknowledgments = []
    record(signed, (Entry(f"E{n:06d}", "all staff", "0.1", date(2026, 11, 1) + timedelta(days=n % 60))
                    for n in range(count)))
    text = toml_io.dumps(signed)
    write = timed(lambda: toml_io.dumps(signed)) / timed(lambda: toml_io.dumps(draft))
    read = timed(lambda: toml_io.parse(text, "d.toml")) / timed(lambda: toml_io.parse(empty_text, "d.toml"))
    print(f"{count} people, {len(signed.acknowledgments)} records; the draft's TOML is "
          f"{len(text) / 1e6:.1f} MB ({(len(text) - len(empty_text)) / count:.0f} bytes a person)")
    print(f"with them / without: write {write:.0f}x, read {read:.0f}x")
    tables = tomli_w.dumps({"acknowledgments": [encode(e) for e in entries(signed)]})
    print(f"one table each / id lists: size {len(tables) / (len(text) - len(empty_text)):.1f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
