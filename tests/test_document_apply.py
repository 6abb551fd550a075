"""The one door: every change goes through `Document.apply`, and what is worked out from a
revision is worked out once."""

from __future__ import annotations

import dataclasses
import importlib
import operator
import pkgutil
import re
import types
import typing
from datetime import date, timezone
from functools import _lru_cache_wrapper
from pathlib import Path

import pytest

import policy_model
from policy_model import document as document_module
from policy_model.checks import check_document
from policy_model.clauses import retitle
from policy_model.document import open_document
from policy_model.draft import Draft, Employee, RosterRef
from policy_model.eligibility import set_override
from policy_model.left_to_do import outstanding
from policy_model.roster import stage_roster
from policy_model.roster_snapshot import Roster


def renamed(draft: Draft) -> None:
    draft.policy.company = "Renamed Bank"


def test_a_change_makes_a_new_draft_and_undo_gives_back_the_old_one(example_draft: Path) -> None:
    document = open_document(example_draft)
    before, company = document.draft, document.draft.policy.company
    document.apply(renamed)
    assert document.draft is not before and document.draft.policy.company == "Renamed Bank"
    assert before.policy.company == company, "the draft a reader was given never changes"
    assert document.undo() and document.draft is before  # held by reference, not re-read from text
    assert document.redo() and document.draft.policy.company == "Renamed Bank"


def test_an_operation_that_fails_half_way_changes_nothing(example_draft: Path) -> None:
    document = open_document(example_draft)
    before, revision = document.draft, document.revision

    def half_done(draft: Draft) -> None:
        draft.policy.company = "Half"
        raise ValueError("refused after the first step")

    with pytest.raises(ValueError):
        document.apply(half_done)
    assert document.draft is before and before.policy.company != "Half"
    assert document.revision == revision and not document.can_undo and not document.modified


def test_a_change_that_changes_nothing_is_no_undo_point(example_draft: Path) -> None:
    document = open_document(example_draft)
    revision = document.revision
    document.apply(lambda draft: None)
    assert not document.can_undo and document.revision == revision


def test_the_revision_moves_with_every_change_undo_redo_and_roster(example_draft: Path) -> None:
    document = open_document(example_draft)
    seen = [document.revision]
    document.apply(renamed)
    seen.append(document.revision)
    document.undo()
    seen.append(document.revision)
    document.redo()
    seen.append(document.revision)
    document.use_roster(Roster(employees=document.roster.employees[:3]))
    seen.append(document.revision)
    assert len(set(seen)) == len(seen)


def test_keystrokes_into_one_field_are_one_undo_point(example_draft: Path) -> None:
    document = open_document(example_draft)
    title = document.draft.clauses[0].title
    for typed in ("P", "Po", "Pol"):
        document.apply(lambda draft: retitle(draft, 0, typed), typing="clauses[0].title #0")  # noqa: B023
    document.apply(lambda draft: retitle(draft, 0, "Pol2"), typing="clauses[0].title #1")  # after a pause
    assert document.undo() and document.draft.clauses[0].title == "Pol"
    assert document.undo() and document.draft.clauses[0].title == title
    assert not document.can_undo


def counting_evaluate(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count how often the roster is decided for a document's readers."""
    calls: list[int] = []
    real = document_module.evaluate

    def counted(draft: Draft, employees: object) -> object:
        calls.append(1)
        return real(draft, employees)  # type: ignore[arg-type]

    monkeypatch.setattr(document_module, "evaluate", counted)
    return calls


def test_every_reader_of_a_revision_shares_one_deciding(example_draft: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = open_document(example_draft)
    calls = counting_evaluate(monkeypatch)
    outstanding(document, check_document(document))  # the check, lint and progress all decide
    assert len(calls) == 1
    document.apply(lambda draft: retitle(draft, 0, "Why we have this policy"))
    outstanding(document, check_document(document))
    assert len(calls) == 1, "a wording change leaves every decision as it was"
    person = document.roster.employees[0].id
    document.apply(lambda draft: set_override(draft, person, "denied", "on leave", by="hr"))
    left = outstanding(document, check_document(document))
    assert len(calls) == 2
    assert document.decisions()[0].status == "denied" and left["1"] == ["7 people need review"]


def test_a_worker_given_the_revision_fills_what_the_ui_thread_reads(example_draft: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    document = open_document(example_draft)
    calls = counting_evaluate(monkeypatch)
    now = document.at_revision()
    document.apply(renamed)  # the keyboard goes on while the worker reads
    assert now.draft.policy.company != "Renamed Bank"
    assert now.decisions() is document.decisions() and len(calls) == 1


def test_staging_an_import_leaves_the_document_as_it_was_until_installed(example_draft: Path,
                                                                         tmp_path: Path) -> None:
    document = open_document(example_draft)
    source = tmp_path / "next-month.csv"
    source.write_text("Employee ID,Name,Job Title\nN1,New Person,Relationship Banker\n", encoding="utf-8")
    draft, roster, revision = document.draft, document.roster, document.revision
    report = stage_roster(document, source)  # what the import dialog's worker runs
    assert (document.draft, document.roster, document.revision) == (draft, roster, revision)
    assert document.draft.roster == draft.roster and draft.roster.source != "next-month.csv"
    assert report.install(document)
    assert document.draft.roster.source == "next-month.csv"
    assert "N1" in [e.id for e in document.roster.employees]
    assert document.undo() and document.draft is draft


# What a module may hold at its top level: constants that cannot change.
IMMUTABLE = (str, bytes, int, float, bool, type(None), re.Pattern, Path, date, timezone, types.MappingProxyType,
             tuple, frozenset)


# Code, and names for types: not state. A functools cache is not state either: it memoises a
# pure function, or data read once from the package (the same answer every time).
CODE = (types.ModuleType, type, types.FunctionType, types.BuiltinFunctionType, _lru_cache_wrapper,
        operator.attrgetter, operator.itemgetter, operator.methodcaller, types.GenericAlias, types.UnionType,
        typing.TypeVar)


def mutable_globals(module: types.ModuleType) -> list[str]:
    """Names of a module's top-level values that could be changed at run time."""
    return [f"{module.__name__}.{name}: {type(value).__name__}" for name, value in vars(module).items()
            if not name.startswith("__") and not is_immutable(value)]


def is_immutable(value: object) -> bool:
    if isinstance(value, CODE) or type(value).__module__ in ("typing", "__future__"):
        return True
    if dataclasses.is_dataclass(value):
        return value.__dataclass_params__.frozen and all(  # type: ignore[attr-defined]
            is_immutable(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, tuple | frozenset):
        return all(is_immutable(v) for v in value)
    if isinstance(value, types.MappingProxyType):
        return all(is_immutable(v) for v in value.values())
    return isinstance(value, IMMUTABLE)


def test_no_module_of_the_model_holds_mutable_state() -> None:
    """State shared by the UI thread and workers belongs to a Document (per revision), never
    to a module: the cache that was `eligibility._last` is what this guards against."""
    names = [m.name for m in pkgutil.walk_packages(policy_model.__path__, "policy_model.")]
    found = [problem for name in names for problem in mutable_globals(importlib.import_module(name))]
    assert found == []
    probe = types.ModuleType("probe")
    probe.cache, probe.seen, probe.LIMIT = {}, [], 10  # type: ignore[attr-defined]
    assert mutable_globals(probe) == ["probe.cache: dict", "probe.seen: list"]


def test_installing_a_roster_read_for_an_older_draft_is_refused(example_draft: Path) -> None:
    document = open_document(example_draft, with_roster=False)
    read_for = document.draft.roster
    roster = Roster(employees=[Employee("E1", "Read Late")])
    document.apply(lambda draft: setattr(draft, "roster", RosterRef(snapshot="newer.csv", sha256="1" * 64)))
    assert not document.install_roster(read_for, roster)
    assert document.roster.employees == []

