"""Channel law as errors: what the firm kind's pack rules out, with its citation."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_model import channels, toml_io
from policy_model.document import new_draft
from policy_model.draft import Draft

from .test_cli import run


def firm_draft(firm: str, *enabled: str) -> Draft:
    draft = new_draft("Acme", industry="financial" if firm != "healthcare" else "hospital", firm=firm)
    for channel_id in enabled:
        channels.set_enabled(draft, channel_id, True)
    return draft


def test_a_broker_dealer_may_not_enable_a_channel_that_cannot_be_archived() -> None:
    ((path, message),) = channels.law_issues(firm_draft("broker-dealer", "push-to-talk"))
    assert path.endswith(".enabled") and "17a-4" in message and "FINRA Rule 4511" in message
    assert "204-2" not in message


def test_an_adviser_is_cited_its_own_record_keeping_rule() -> None:
    ((_, message),) = channels.law_issues(firm_draft("investment-adviser", "push-to-talk"))
    assert "204-2" in message and "17a-4" not in message


def test_an_unarchived_channel_of_an_archiving_firm_is_an_error() -> None:
    draft = firm_draft("broker-dealer", "linkedin")
    channels.configure(draft, "linkedin", archiving_required=False)
    ((path, message),) = channels.law_issues(draft)
    assert path.endswith(".archiving_required") and "17a-4" in message
    assert channels.policy_issues(draft) == [], "not repeated as a warning"


@pytest.mark.parametrize("channel_id", ["whatsapp", "facebook", "sms"])
def test_consumer_messaging_for_patients_is_an_error_with_the_reason(channel_id: str) -> None:
    ((_, message),) = channels.law_issues(firm_draft("healthcare", channel_id))
    assert "business associate agreement" in message and "164.308(b)" in message


def test_a_firm_without_such_law_gets_no_error() -> None:
    draft = new_draft("Acme", industry="financial")  # ambiguous: general, so still only warnings
    channels.set_enabled(draft, "push-to-talk", True)
    assert channels.law_issues(draft) == [] and channels.policy_issues(draft)
    assert channels.law_issues(firm_draft("bank", "push-to-talk")) == []


def test_recommendations_follow_the_same_facts() -> None:
    assert channels.recommendations(firm_draft("healthcare"))["whatsapp"].verdict == "against"
    adviser = channels.recommendations(firm_draft("investment-adviser"))["push-to-talk"]
    assert adviser.verdict == "against" and "204-2" in adviser.reason
    assert channels.recommendations(new_draft("Acme", industry="hospital"))["teams"].verdict != "against"


def test_check_exits_1_on_channel_law(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.toml"
    toml_io.save(firm_draft("healthcare", "whatsapp"), path)
    code, _, err = run(capsys, "check", str(path))
    assert code == 1 and "WhatsApp is enabled for customer contact" in err and "164.308(b)" in err
