"""Typing text in Pilot tests: Pilot presses keys by name, and the space key is "space"."""

from __future__ import annotations

from textual.pilot import Pilot


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type `text` key by key, then let the app handle what the keys changed."""
    await pilot.press(*("space" if c == " " else c for c in text))
    await pilot.pause()
