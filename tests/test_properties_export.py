"""Property tests: any text a user types or an HR file holds exports to a Word file that opens.

Control characters, lone surrogates (possible in memory after a lossy decode, never in a
saved TOML file), right-to-left text, emoji, combining marks and very long strings, in any
text field of the draft and in the employees: the .docx re-opens with python-docx and shows
the visible text it was given. And the CSV IT provisions access from cannot run a formula.
"""

from __future__ import annotations

import csv
import io
import re
import typing
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path

import docx
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from exporters.docx import export_bytes, export_docx, schedule_bytes
from exporters.docx.text import property_text
from policy_model.access_list import AccessRow, access_csv
from policy_model.channels import draft_issues as channel_issues
from policy_model.checks import check_document
from policy_model.document import Document, open_document
from policy_model.draft import Override, Revision
from policy_model.policy_view import build_view
from policy_model.training import draft_issues as training_issues

from .conftest import DATA

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Fields that are keys or structured values ("department:Sales"), not free text: the loader
# refuses a malformed one, so no draft it hands over holds arbitrary text there.
KEYS = {"id", "employee_id", "snapshot", "sha256", "source", "groups"}
NASTY = st.sampled_from(["\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\x9f",
                         "\ud800", "\udfff", "\ufffe", "\uffff", "\ufeff", "\u200b", "\u200f", "\u202e",
                         "\u2028", "\u2029", "\t", "\r", "\n", "\r\n", "\U0001f600", "\U0001f469\u200d\U0001f4bb",
                         "e\u0301\u0301", "\u05e9\u05dc\u05d5\u05dd", "\u0645\u0631\u062d\u0628\u0627", "{company}",
                         "{nope}", "<w:t>", "&amp;", "]]>", "=1+1", " ", "\xa0", "Z\u0327\u030c"])
TEXT = st.one_of(
    st.text(max_size=30),  # any code point, surrogates included
    st.lists(st.one_of(NASTY, st.text(max_size=5)), max_size=12).map("".join),
    # Very long: a short piece repeated up to a few thousand characters (cheap to generate).
    st.tuples(st.text(min_size=1, max_size=8), st.integers(50, 500)).map(lambda piece: piece[0] * piece[1]),
)


def base_document(folder: Path) -> Document:
    """The export example with an override of each kind and a revision, so every part has rows."""
    for source in (DATA / "export").glob("policy.*"):
        (folder / source.name).write_bytes(source.read_bytes())
    document = open_document(folder / "policy.toml")
    people = document.roster.employees
    document.draft.eligibility.overrides += [Override(people[0].id, "granted", "kept by the board"),
                                             Override(people[1].id, "denied", "on leave")]
    document.draft.revisions.append(Revision("0.1", date(2026, 11, 1), "Ann", "First draft"))
    return document


def text_fields(node: object) -> typing.Iterator[tuple[object, str, bool]]:
    """(object, field name, is a list) for every str or list-of-str field in a dataclass tree."""
    hints = typing.get_type_hints(type(node))
    for f in fields(node):  # type: ignore[arg-type]
        value = getattr(node, f.name)
        hint = hints[f.name]
        if is_dataclass(value):
            yield from text_fields(value)
        elif isinstance(value, list) and value and is_dataclass(value[0]):
            for item in value:
                yield from text_fields(item)
        elif f.name not in KEYS and hint in (str, str | None):
            yield node, f.name, False
        elif f.name not in KEYS and hint == list[str]:
            yield node, f.name, True


def visible_runs(text: str) -> list[str]:
    """The runs of visible characters a reader must find: `text` split at spaces and anything unprintable."""
    runs, run = [], ""
    for char in text:
        if char.isprintable() and not char.isspace():
            run += char
        elif run:
            runs.append(run)
            run = ""
    return [*runs, run] if run else runs


def all_text(word: docx.document.Document) -> str:
    body = "".join(word.element.body.itertext())
    header = "".join(p.text for p in word.sections[0].header.paragraphs)
    return body + header


@SETTINGS
@given(data=st.data())
def test_any_text_in_any_field_exports_to_a_docx_that_reopens(tmp_path_factory, data: st.DataObject) -> None:
    folder = tmp_path_factory.mktemp("export")
    document = base_document(folder)
    for node, name, is_list in list(text_fields(document.draft)):
        if data.draw(st.integers(0, 3)) == 0:
            value = data.draw(st.lists(TEXT, max_size=3) if is_list else TEXT, label=name)
            # Frozen records (overrides, completions) too: the draft is still being built
            # here, before anything has read it.
            object.__setattr__(node, name, value)
    people = document.roster.employees
    for person in people[:: max(1, len(people) // 6)]:
        for name in ("name", "email", "role", "department", "manager"):
            setattr(person, name, data.draw(TEXT, label=f"employee {name}"))
    draft = document.draft
    assume(not channel_issues(draft) and not training_issues(draft))  # what the loader would refuse
    view = build_view(document, check_document(document))  # as `policy-tui export` does
    target = folder / "policy.docx"
    export_docx(view, target)
    word = docx.Document(str(target))
    shown = all_text(word)
    samples = [draft.policy.company, draft.policy.title, draft.policy.owner]
    samples += [a.name for a in draft.approvers[:1]] + [d.name for d in draft.discipline[:1]]
    for sample in samples:
        for run in visible_runs(sample):
            assert run in shown, (run, sample)
    schedule = docx.Document(io.BytesIO(schedule_bytes(view)))  # names people: the policy does not
    listed = "\n".join(c.text for t in schedule.tables for row in t.rows for c in row.cells)
    for sample in [g.name for g in view.granted[:1]]:
        for run in visible_runs(sample):
            assert run in listed, (run, sample)
    assert word.core_properties.title is not None


@settings(SETTINGS, max_examples=20)
@given(company=TEXT, title=TEXT, version=TEXT)
def test_header_fields_of_any_length_export(tmp_path_factory, company: str, title: str, version: str) -> None:
    document = base_document(tmp_path_factory.mktemp("export"))
    document.draft.policy.company, document.draft.policy.title, document.draft.policy.version = company, title, version
    word = docx.Document(io.BytesIO(export_bytes(build_view(document))))
    shown = all_text(word)
    for run in visible_runs(company):
        assert run in shown
    assert word.core_properties.title == property_text(title)


# --- The access list for IT --------------------------------------------------------------------

# What a spreadsheet reads as the start of a formula. Excel, LibreOffice Calc and Google Sheets
# evaluate a cell whose first character is =, + , - or @. LibreOffice's CSV import can trim
# leading spaces before it evaluates ("Trim spaces" with "Evaluate formulas"), and some
# programs skip a leading tab or line break, so a formula behind leading whitespace is a
# formula too.
FORMULA = re.compile(r"\s*[=+\-@]")
CELLS = st.one_of(st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00")),
                  st.tuples(st.sampled_from(["", " ", "\t", "\r", "\n", " \t", "\xa0", "\u3000"]),
                            st.sampled_from("=+-@"), st.text(max_size=20)).map("".join))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(CELLS, min_size=9, max_size=9), max_size=6))
@example([[" =1+1", "a\rb", "\r", "\t-2", "\n@x", "\u3000+3", "", "'", "x=1"]])
def test_access_csv_never_starts_a_cell_with_a_formula(rows: list[list[str]]) -> None:
    people = [AccessRow(*cells) for cells in rows]  # type: ignore[arg-type]
    text = access_csv(people)
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert len(parsed) == len(rows) + 1
    for given_cells, written in zip(rows, parsed[1:], strict=True):
        for original, cell in zip(given_cells, written, strict=True):
            assert not FORMULA.match(cell) and not cell.startswith(("\t", "\r", "\n")), cell
            assert cell in (original, "'" + original)  # nothing but the quote is added
