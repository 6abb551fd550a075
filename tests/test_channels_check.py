"""What `policy-tui check` says about channels: roster-dependent groups and a bank's duties."""

from __future__ import annotations

from pathlib import Path

from policy_model import toml_io
from policy_model.channels import configure, restrict, set_enabled
from policy_model.checks import check_document
from policy_model.document import open_document
from policy_model.eligibility import REVIEW
from tui.cli import main

from .drafts import load_draft


def warnings_of(path: Path) -> dict[str, str]:
    return {p.field: str(p) for p in check_document(open_document(path)) if p.severity == "warning"}


def test_the_example_bank_is_clean_but_for_the_people_it_has_left_in_review(example_draft: Path):
    problems = check_document(open_document(example_draft))
    assert [(p.field, p.severity, p.message.split(":")[0]) for p in problems] == [
        (REVIEW, "todo", "8 people are still in review")]


def test_groups_that_reach_nobody_or_name_someone_not_granted_are_warnings_on_their_line(example_draft: Path):
    draft = load_draft(example_draft)
    restrict(draft, "teams", ["department:Sals", "employee:E1036", "employee:E9999", "role:Banker"])
    text = toml_io.save(draft, example_draft)
    found = warnings_of(example_draft)
    lines = text.splitlines()
    line = lines.index('    "department:Sals",') + 1
    sals = f"{example_draft}:{line}:5: warning: channels[6].groups[0]: "
    assert found["channels[6].groups[0]"] == sals + (
        'no one in the roster has the department "Sals" (did you mean "Sales"?)')
    assert "E1036 is denied in step 1" in found["channels[6].groups[1]"]
    assert found["channels[6].groups[2]"].endswith("no employee E9999 in the roster")
    assert "channels[6].groups[3]" not in found  # "role:Banker" reaches the relationship bankers


def test_a_bank_is_warned_off_unarchivable_and_unarchived_channels(example_draft: Path, capsys):
    draft = load_draft(example_draft)
    set_enabled(draft, "push-to-talk", True)
    configure(draft, "sms", archiving_required=False)
    set_enabled(draft, "whatsapp", True)
    configure(draft, "whatsapp", devices=["company phone", "own phone"])
    toml_io.save(draft, example_draft)
    found = warnings_of(example_draft)
    assert "record-keeping duty rules it out" in found["channels[9].enabled"]
    assert "must archive business messages" in found["channels[4].archiving_required"]
    assert "only be archived on company phones" in found["channels[5].devices"]
    assert main(["check", str(example_draft)]) == 0  # warnings do not fail the check
    assert "0 errors, 3 warnings" in capsys.readouterr().out


def test_check_fails_on_an_unknown_channel_with_its_line(capsys):
    source = Path(__file__).parent / "data" / "channels" / "unknown-channel.toml"
    assert main(["check", str(source)]) == 1
    err = capsys.readouterr().err
    assert f'{source}:17:1: channels[2].id: unknown channel "tiktokk"' in err
    assert "Traceback" not in err
