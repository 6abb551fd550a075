"""A draft edited by hand keeps its `#` comments through saves from the app and the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_model import files, toml_io, toml_keep
from policy_model.document import open_document
from policy_model.draft import Draft
from tests.test_cli import run

from .drafts import load_draft

TOP = "# Owned by HR; ask Carmen before changing the roster.\n"
BESIDE = 'owner = "Carmen Reyes, HR Business Partner"  # until March\n'
IN_CLAUSE = "# Legal reviewed this wording in November.\n"


@pytest.fixture
def commented_draft(example_draft: Path) -> Path:
    """The example with a comment on top, one beside a key and one inside the first clause."""
    text = example_draft.read_text(encoding="utf-8")
    text = TOP + text.replace('owner = "Carmen Reyes, HR Business Partner"\n', BESIDE)
    text = text.replace('[[clauses]]\nid = "purpose"\n', '[[clauses]]\n' + IN_CLAUSE + 'id = "purpose"\n')
    example_draft.write_text(text, encoding="utf-8")
    return example_draft


def _retitle(draft: Draft) -> None:
    draft.policy.title = "Social Media Policy"


def test_hand_comments_survive_a_save(commented_draft: Path) -> None:
    document = open_document(commented_draft)
    document.apply(_retitle)
    document.save()
    text = commented_draft.read_text(encoding="utf-8")
    assert text.startswith(TOP) and BESIDE in text and IN_CLAUSE + 'id = "purpose"' in text
    assert 'title = "Social Media Policy"' in text
    assert load_draft(commented_draft) == document.draft
    assert not document.modified and not document.changed_on_disk()
    assert not open_document(commented_draft).modified


def test_hand_comments_survive_two_saves_in_the_backup_too(commented_draft: Path) -> None:
    document = open_document(commented_draft)
    document.apply(_retitle)
    document.save()
    document.apply(lambda draft: setattr(draft.policy, "owner", "Wei Chen"))
    document.save()
    backup = files.backup_path(commented_draft).read_text(encoding="utf-8")
    text = commented_draft.read_text(encoding="utf-8")
    assert backup.startswith(TOP) and IN_CLAUSE in backup and BESIDE in backup
    assert text.startswith(TOP) and IN_CLAUSE in text
    assert 'owner = "Wei Chen"' in text


def test_a_draft_without_comments_saves_exactly_as_before(example_draft: Path) -> None:
    document = open_document(example_draft)
    document.apply(_retitle)
    document.save()
    assert example_draft.read_text(encoding="utf-8") == toml_io.dumps(document.draft)
    before = example_draft.read_bytes()
    open_document(example_draft).save()
    assert example_draft.read_bytes() == before


def test_a_comment_on_a_removed_item_goes_with_it(commented_draft: Path) -> None:
    document = open_document(commented_draft)
    document.apply(lambda draft: setattr(draft, "clauses", draft.clauses[1:]))
    document.save()
    text = commented_draft.read_text(encoding="utf-8")
    assert IN_CLAUSE not in text and 'id = "purpose"' not in text
    assert text.startswith(TOP) and BESIDE in text
    assert load_draft(commented_draft) == document.draft


def test_approve_on_the_command_line_keeps_hand_comments(commented_draft: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, _err = run(capsys, "approve", str(commented_draft), "--name", "dana whitfield",
                           "--status", "approved")
    assert code == 0
    text = commented_draft.read_text(encoding="utf-8")
    assert text.startswith(TOP) and BESIDE in text and IN_CLAUSE in text
    assert load_draft(commented_draft).approvers[1].status == "approved"


def test_a_hash_inside_a_text_is_no_comment() -> None:
    assert not toml_keep.has_comments('title = "Rule #1"\ntext = """\nsee # 2\n"""\nkey = \'#\'\n')
    assert toml_keep.has_comments('title = "Rule #1"  # a note\n')
