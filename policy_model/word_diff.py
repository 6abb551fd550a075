"""Word-level differences between two texts, shared by `policy-tui diff` and the Word redline.

A lawyer reads a reworded clause word by word, so the unit of change is a word, a run of
spaces, a line break or a punctuation mark: "client," -> "customer;" is two changes (the word
and the comma), not one. Joining the tokens gives back the text exactly, so applying every
insertion gives the new text and applying every deletion gives the old one.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

Op = Literal["equal", "insert", "delete"]

# A line break, a run of other whitespace, a word, or one punctuation mark.
_TOKEN = re.compile(r"\n|[^\S\n]+|\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class WordOp:
    """A stretch of text that is kept, inserted or deleted."""

    op: Op
    text: str


def tokens(text: str) -> list[str]:
    """The text as word, whitespace and punctuation tokens; `"".join(tokens(t)) == t`."""
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[WordOp]:
    """The changes that turn `old` into `new`, adjacent stretches of one kind merged.

    Within a replaced stretch the deletion comes first, as Word shows it. Changes separated
    only by spaces are read as one: "[-The bank monitors-]{+Our firm archives+}" rather than
    three one-word swaps with the spaces between them "kept".
    """
    a, b = tokens(old), tokens(new)
    raw: list[WordOp] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            raw.append(WordOp("equal", "".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            raw.append(WordOp("delete", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            raw.append(WordOp("insert", "".join(b[j1:j2])))
    return _join_changes(raw)


def _join_changes(raw: list[WordOp]) -> list[WordOp]:
    """Fold kept whitespace that sits between two changes into them: one deletion, one insertion."""
    ops: list[WordOp] = []
    deleted: list[str] = []
    inserted: list[str] = []

    def flush() -> None:
        _add(ops, "delete", "".join(deleted))
        _add(ops, "insert", "".join(inserted))
        deleted.clear()
        inserted.clear()

    for n, op in enumerate(raw):
        if op.op == "delete":
            deleted.append(op.text)
        elif op.op == "insert":
            inserted.append(op.text)
        elif (deleted or inserted) and not op.text.strip(" ") and n + 1 < len(raw):
            deleted.append(op.text)
            inserted.append(op.text)
        else:
            flush()
            _add(ops, "equal", op.text)
    flush()
    return ops


def _add(ops: list[WordOp], op: Op, text: str) -> None:
    if not text:
        return
    if ops and ops[-1].op == op:
        ops[-1] = WordOp(op, ops[-1].text + text)
    else:
        ops.append(WordOp(op, text))


def old_text(ops: list[WordOp]) -> str:
    return "".join(o.text for o in ops if o.op != "insert")


def new_text(ops: list[WordOp]) -> str:
    return "".join(o.text for o in ops if o.op != "delete")


def inline(ops: list[WordOp]) -> str:
    """The changes in one line of text, as `git diff --word-diff` writes them: [-old-]{+new+}."""
    marks = {"equal": ("", ""), "delete": ("[-", "-]"), "insert": ("{+", "+}")}
    return "".join(marks[o.op][0] + o.text + marks[o.op][1] for o in ops)
