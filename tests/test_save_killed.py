"""A save killed at any moment leaves the old draft or the new one, always loadable."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from policy_model import toml_io

from .conftest import ROOT

# Saves two different versions of the draft in a loop, as fast as it can.
SAVER = """
import sys
from pathlib import Path
from policy_model import toml_io
from policy_model.draft import Override
path = Path(sys.argv[1])
draft = toml_io.load(path).draft
small = toml_io.dumps(draft)
draft.eligibility.overrides = [Override(f"E{n}", "granted", "reason " * 20) for n in range(400)]
print("ready", flush=True)
while True:
    draft.policy.version = "big"
    toml_io.save(draft, path)
    draft.policy.version = "0.1"
    draft.eligibility.overrides, kept = [], draft.eligibility.overrides
    toml_io.save(draft, path)
    draft.eligibility.overrides = kept
"""

KILLS = 25


def test_kill_nine_during_saves_never_leaves_a_broken_draft(example_draft: Path) -> None:
    rng = random.Random(20261125)
    versions = set()
    for _ in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", SAVER, str(example_draft)], cwd=ROOT,
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, 0.05))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        loaded = toml_io.load(example_draft)
        assert loaded.draft is not None, loaded.problems
        assert loaded.problems == []
        versions.add(loaded.draft.policy.version)
    assert versions <= {"big", "0.1"}
    leftovers = [p.name for p in example_draft.parent.iterdir() if p.name.endswith(".tmp")]
    # A kill between creating and renaming the temporary file may leave one behind; it is never
    # the draft itself, and the next save writes a fresh one.
    assert all(name.startswith(f".{example_draft.name}.") for name in leftovers)
