"""Loading, validating and saving the draft's TOML file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from policy_model import toml_io
from policy_model.document import new_draft, open_document
from policy_model.draft import Approver, Override
from policy_model.problems import ProblemsError

from .conftest import DATA, EXAMPLE
from .drafts import load_draft

DRAFTS = DATA / "drafts"


def problems_of(name: str) -> list[str]:
    loaded = toml_io.load(DRAFTS / name)
    return [str(p).replace(str(DRAFTS) + "/", "") for p in loaded.problems]


def test_example_loads_without_problems() -> None:
    loaded = toml_io.load(EXAMPLE)
    assert loaded.problems == []
    assert loaded.draft is not None
    assert loaded.draft.policy.company == "Harbor Community Bank"
    assert [a.role for a in loaded.draft.approvers] == ["compliance", "legal", "executive"]


def test_save_of_unchanged_draft_is_byte_identical(example_draft: Path) -> None:
    before = example_draft.read_bytes()
    document = open_document(example_draft)
    assert not document.modified
    document.save()
    assert example_draft.read_bytes() == before


def test_new_draft_saves_and_loads_back_equal(tmp_path: Path) -> None:
    draft = new_draft("Acme", "b2c", "healthcare", today=date(2026, 1, 2))
    draft.eligibility.overrides.append(Override("E1", "granted", "Runs the pilot", by="hr"))
    draft.approvers.append(Approver("Dana", "General Counsel", "legal"))
    path = tmp_path / "acme.toml"
    toml_io.save(draft, path)
    assert load_draft(path) == draft
    assert toml_io.dumps(load_draft(path)) == path.read_text(encoding="utf-8")


def test_multiline_clause_text_round_trips(tmp_path: Path) -> None:
    from policy_model.draft import Clause

    draft = new_draft("Acme")
    draft.clauses.append(Clause("our-own-words", text='Line one\n\n  "quoted" line two\\ with a backslash\n'))
    path = tmp_path / "d.toml"
    toml_io.save(draft, path)
    assert load_draft(path).clauses == draft.clauses
    assert '"""' in path.read_text(encoding="utf-8"), "multi-line text stays readable by hand"


def test_wrong_type_names_line_and_field() -> None:
    assert problems_of("wrong_type.toml") == [
        'wrong_type.toml:8:1: roster.rows: expected a whole number, got the text "forty"',
    ]


def test_missing_required_field() -> None:
    assert problems_of("missing_required.toml") == [
        "missing_required.toml:3:1: policy.company: missing required key; expected text",
    ]


def test_bad_date() -> None:
    assert problems_of("bad_date.toml") == [
        'bad_date.toml:5:1: policy.effective_date: expected a date (YYYY-MM-DD), got "2027-02-30", '
        "which is not a valid date",
    ]


def test_a_date_typed_by_hand_as_text_is_read_as_a_form_reads_it() -> None:
    loaded = toml_io.parse('schema_version = 1\n[policy]\ncompany = "Acme"\neffective_date = "1 Mar 2027"\n', "d.toml")
    assert loaded.problems == [] and loaded.draft is not None
    assert loaded.draft.policy.effective_date == date(2027, 3, 1)


def test_unknown_keys_are_reported_with_suggestions() -> None:
    assert problems_of("unknown_key.toml") == [
        "unknown_key.toml:5:1: policy.compnay_size: unknown key",
        'unknown_key.toml:6:1: policy.markett: unknown key (did you mean "market"?)',
    ]


def test_duplicate_employee_override_and_bad_status() -> None:
    assert problems_of("duplicate_override.toml") == [
        'duplicate_override.toml:13:1: eligibility.overrides[1].status: expected granted, review or denied, '
        'got the text "yes"',
        'duplicate_override.toml:12:1: eligibility.overrides[1].employee_id: duplicate: an override for employee '
        '"E0042" is already at eligibility.overrides[0]',
    ]


def test_syntax_error_is_located() -> None:
    [problem] = toml_io.load(DRAFTS / "syntax_error.toml").problems
    assert problem.line == 4
    assert problem.message.startswith("not valid TOML")


def test_every_problem_is_reported_not_just_the_first() -> None:
    assert problems_of("many_problems.toml") == [
        'many_problems.toml:3:24: revisions[0].date: expected a date (YYYY-MM-DD), got "last tuesday", '
        "which is not a valid date",
        "many_problems.toml:7:1: policy.company: expected text, got the number 42",
        'many_problems.toml:8:1: policy.market: expected b2b, b2c or both, got the text "b2x"',
        'many_problems.toml:14:1: eligibility.rules[0].max_clients: expected a whole number, got the text "ten"',
        'many_problems.toml:18:1: channels[0].enabled: expected true or false, got the text "yes"',
    ]


def test_newer_schema_opens_read_only_and_refuses_to_save(tmp_path: Path) -> None:
    path = tmp_path / "newer.toml"
    path.write_bytes((DRAFTS / "newer_schema.toml").read_bytes())
    document = open_document(path)
    assert document.read_only
    assert "newer policy-tui" in str(document.problems[0])
    with pytest.raises(ProblemsError):
        document.save()
    assert path.read_bytes() == (DRAFTS / "newer_schema.toml").read_bytes()


@pytest.mark.parametrize("content, expected", [
    (b"\xff\xfe\x00binary", "is not UTF-8 text"),
    (b"", "missing required key"),
])
def test_unusable_files_give_one_clear_problem(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "x.toml"
    path.write_bytes(content)
    loaded = toml_io.load(path)
    assert loaded.draft is None
    assert any(expected in str(p) for p in loaded.problems)


def test_missing_and_folder_paths(tmp_path: Path) -> None:
    assert "no such file" in str(toml_io.load(tmp_path / "nope.toml").problems[0])
    assert "is a folder" in str(toml_io.load(tmp_path).problems[0])


def test_a_control_character_in_a_single_line_field_is_refused_at_its_line() -> None:
    text = ('[policy]\ncompany = "Acme\\u001b]0;pwned\\u0007"\nowner = "Ann\\r\\n0 errors"\n\n'
            '[[clauses]]\nid = "scope"\ntitle = "Scope\\tand use"\ntext = """\nLine one.\n\tLine two."""\n')
    loaded = toml_io.parse(text, "p.toml")
    assert loaded.draft is None
    assert [str(p) for p in loaded.problems] == [
        'p.toml:2:1: policy.company: holds a control character (\\x1b); text on one line cannot hold '
        "tabs, line breaks or other control characters",
        'p.toml:3:1: policy.owner: holds a control character (\\r); text on one line cannot hold '
        "tabs, line breaks or other control characters",
        'p.toml:7:1: clauses[0].title: holds a control character (\\t); text on one line cannot hold '
        "tabs, line breaks or other control characters",
    ]


def test_a_control_character_other_than_a_line_break_or_tab_in_a_clause_text_is_refused() -> None:
    loaded = toml_io.parse('[policy]\ncompany = "Acme"\n\n[[clauses]]\nid = "scope"\ntext = "a\\nb\\u001b[2J"\n',
                           "p.toml")
    assert [str(p) for p in loaded.problems] == [
        "p.toml:6:1: clauses[0].text: holds a control character (\\x1b); only line breaks and tabs are allowed here"]
