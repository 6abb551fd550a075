"""Waiting in Pilot tests for what the app does in the background, without fixed sleeps.

A loaded machine can take longer than one `pilot.pause()` to finish a worker, lay out a
document or run a scroll animation; these helpers wait for the state a test asserts on, so a
test fails only when that state never comes.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.pilot import Pilot

# Generous: a test that needs this long has found a real hang, not a slow machine.
TIMEOUT_SECONDS = 10.0


async def settle(pilot: Pilot[None]) -> None:
    """Wait until no worker runs, including those started by the results of earlier ones."""
    while True:
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if all(worker.is_finished for worker in pilot.app.workers):
            return


async def until(pilot: Pilot[None], condition: Callable[[], bool], timeout: float = TIMEOUT_SECONDS) -> bool:
    """Let the app run until `condition()` holds; its last answer, for the test to assert."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        await pilot.pause(0.05)
    return True
