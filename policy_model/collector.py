"""Python's cycle collector paused while a roster of many people is built.

Reading a roster (an import, a snapshot) makes hundreds of thousands of small objects that
live as long as the draft is open and never form cycles; the collector, left running, would
re-scan them again and again as they are made.
"""

from __future__ import annotations

import gc

# From this many people on, reading a roster ends with one collection of Python's garbage
# (see `CollectorPaused`).
MANY_PEOPLE = 100_000


class CollectorPaused:
    """Python's cycle collector paused while 200,000 employees are built; then, after a large
    roster (`collect` set), everything alive moved out of its reach.

    The employees cannot form reference cycles, but the collector, triggered by every few
    hundred new objects, would re-scan the growing list again and again: measured, that was
    about a third of an import's time, and of a snapshot's reading. Reference counting still frees everything as usual.
    Once resumed, the collector would go over every new employee three times within the next
    second of work (as young objects, middle-aged, then in the full collection a heap grown by
    a quarter triggers), and even one full collection cost 0.1-0.3 s for 200,000 people, as it
    touches every value of every employee. `gc.freeze` leaves them out of every later
    collection at no cost, as the app's start-up does for its own long-lived objects
    (`tui.launch`); the price is that garbage cycles not yet collected by then stay in
    memory, so the young and middle-aged garbage, all but a few objects, is collected first.
    """

    def __init__(self) -> None:
        self.enabled = True
        self.collect = False

    def __enter__(self) -> CollectorPaused:
        self.enabled = gc.isenabled()
        gc.collect(1)  # the young and middle-aged garbage: a few thousand objects at most
        gc.disable()
        return self

    def __exit__(self, *exception: object) -> None:
        if self.enabled:
            if self.collect:
                gc.freeze()
            gc.enable()
