"""When the TUI moves work that grows with the roster off its own thread.

From this many people on, deciding everyone (about half a second per 200,000) and checking the
whole draft after a change run in worker threads, so the screen never freezes; below it, doing
the work at once is quicker than a worker and a second draw.
"""

BACKGROUND_FROM = 5_000
