"""The channel catalog, recommendations, duties and the operations step 2 makes on a draft."""

from __future__ import annotations

from pathlib import Path

import pytest

from policy_model import toml_io
from policy_model.channels import (
    DEVICES,
    add_custom,
    catalog,
    channel_to_change,
    configure,
    duties,
    enable_recommended,
    industry_of,
    listed_channel,
    listed_channels,
    recommendations,
    remove_custom,
    restrict,
    set_enabled,
    toggle,
)
from policy_model.document import new_draft
from policy_model.draft import Channel

REQUIRED = {"facebook", "instagram", "x", "linkedin", "sms", "whatsapp", "teams", "slack-connect", "wechat",
            "push-to-talk"}


def verdicts(market: str, industry: str) -> dict[str, str]:
    return {cid: r.verdict for cid, r in recommendations(new_draft("Acme", market, industry)).items()}  # type: ignore[arg-type]


def test_catalog_holds_the_method_channels_with_kind_fit_and_archiving():
    entries = {c.id: c for c in catalog().channels}
    assert REQUIRED <= set(entries)
    assert entries["push-to-talk"].kind == "push-to-talk"
    assert entries["linkedin"].kind == "social network" and entries["sms"].kind == "messaging"
    assert not entries["push-to-talk"].archivable and entries["teams"].archivable
    assert all(c.archiving_how and c.b2b_reason and c.b2c_reason for c in catalog().channels)
    assert all(set(c.defaults.devices) <= set(DEVICES) for c in catalog().channels)


@pytest.mark.parametrize("industry", ["general", "financial", "healthcare"])
def test_b2b_recommends_linkedin_x_and_text_and_not_the_consumer_networks(industry):
    draft = new_draft("Acme", "b2b", industry, firm="general")  # the firm's law: test_channels_law.py
    recs = recommendations(draft)
    for cid in ("linkedin", "x", "sms"):
        assert recs[cid].verdict == "recommended"
        assert recs[cid].reasons[0].startswith("B2B: ")
    assert "LinkedIn is where your buyers are" in recs["linkedin"].reason
    assert recs["facebook"].verdict == recs["instagram"].verdict == "not needed"
    assert all("B2C" not in r.reason for r in recs.values())
    _industry_specifics(recs, industry, draft)


@pytest.mark.parametrize("industry", ["general", "financial", "healthcare"])
def test_b2c_recommends_facebook_instagram_whatsapp_and_text_and_not_linkedin(industry):
    draft = new_draft("Acme", "b2c", industry, firm="general")  # the firm's law: test_channels_law.py
    recs = recommendations(draft)
    for cid in ("facebook", "instagram", "whatsapp", "sms"):
        assert recs[cid].verdict == "recommended"
        assert any(reason.startswith("B2C: ") for reason in recs[cid].reasons)
    assert recs["linkedin"].verdict == recs["teams"].verdict == "not needed"
    assert all("B2B" not in r.reason for r in recs.values())
    _industry_specifics(recs, industry, draft)


@pytest.mark.parametrize("industry", ["general", "financial", "healthcare"])
def test_both_markets_recommend_what_either_market_needs_with_both_reasons(industry):
    draft = new_draft("Acme", "both", industry, firm="general")  # the firm's law: test_channels_law.py
    recs = recommendations(draft)
    for cid in ("linkedin", "x", "facebook", "instagram", "whatsapp", "sms", "teams"):
        assert recs[cid].verdict == "recommended"
    assert "B2B: " in recs["sms"].reason and "B2C: " in recs["sms"].reason
    assert "B2C" not in recs["linkedin"].reason  # only the market that makes it a strong fit
    _industry_specifics(recs, industry, draft)


def _industry_specifics(recs, industry, draft):
    duty_ids = [d.id for d in duties(draft)]
    if industry == "financial":
        assert recs["push-to-talk"].verdict == "against"
        assert "record-keeping" in recs["push-to-talk"].reasons[0]
        assert "only on company phones whose messages are captured" in recs["sms"].reason
        assert duty_ids == ["record-keeping"]
    else:
        assert recs["push-to-talk"].verdict != "against"
        assert "Financial" not in " ".join(r.reason for r in recs.values())
    if industry == "healthcare":
        assert all("never patient information" in r.reason for r in recs.values())
        assert duty_ids == ["no-patient-information"]
    else:
        assert "patient" not in " ".join(r.reason for r in recs.values())
    if industry == "general":
        assert duty_ids == []


def test_duties_carry_text_for_the_clause_engine():
    (duty,) = duties(new_draft("Bank", "b2c", "financial"))
    assert duty.title and "archived" in duty.text


@pytest.mark.parametrize(("text", "industry"), [
    ("Retail Banking", "financial"), ("insurance", "financial"), ("Dental clinic", "healthcare"),
    ("health care", "healthcare"), ("retail", "general"), ("", "general"), ("Bankruptcy law", "general"),
])
def test_free_text_industry_maps_to_the_rules_that_apply(text, industry):
    assert industry_of(text) == industry


def test_new_draft_lists_every_catalog_channel_disabled_with_industry_defaults():
    bank = new_draft("Bank", "both", "financial")
    assert [c.id for c in bank.channels] == [c.id for c in catalog().channels]
    assert not any(c.enabled for c in bank.channels)
    assert all(c.archiving_required for c in bank.channels)
    assert channel_to_change(bank, "whatsapp").devices == ["company phone"]
    shop = new_draft("Shop", "b2c")
    assert not any(c.archiving_required for c in shop.channels)


def test_toggle_enable_and_enable_recommended():
    draft = new_draft("Acme", "b2b")
    assert toggle(draft, "linkedin").enabled
    assert not toggle(draft, "linkedin").enabled
    switched = enable_recommended(draft)
    assert set(switched) == {"linkedin", "x", "sms", "teams"}
    assert enable_recommended(draft) == []


def test_a_catalog_channel_missing_from_the_draft_is_listed_and_added_when_touched():
    draft = new_draft("Acme")
    draft.channels = [c for c in draft.channels if c.id != "wechat"]
    assert "wechat" in [c.id for c in listed_channels(draft)]
    assert listed_channel(draft, "wechat").id == "wechat"
    assert "wechat" not in [c.id for c in draft.channels]  # looking does not change the draft
    set_enabled(draft, "wechat", True)
    assert draft.channels[-1] == channel_to_change(draft, "wechat") and draft.channels[-1].enabled


def test_configure_changes_only_the_settings_given():
    draft = new_draft("Acme")
    channel = configure(draft, "sms", personal_account=True, devices=["own phone", "company phone"],
                        response_time="  within   2 hours ")
    assert channel.personal_account and channel.business_account
    assert channel.devices == ["company phone", "own phone"]  # catalog order, whatever was given
    assert channel.response_time == "2 hours"
    configure(draft, "sms", archiving_required=True)
    assert channel.archiving_required and channel.response_time == "2 hours"
    with pytest.raises(ValueError, match="unknown device"):
        configure(draft, "sms", devices=["pager"])  # type: ignore[list-item]


@pytest.mark.parametrize("typed", ["within 2 business hours", "Reply within 2 business hours",
                                   "reply in 2 business hours", "2 business hours"])
def test_a_response_time_typed_with_reply_within_is_not_said_twice(typed: str) -> None:
    draft = new_draft("Acme")
    assert configure(draft, "sms", response_time=typed).response_time == "2 business hours"
    # "same business day" has no lead-in to drop.
    assert configure(draft, "sms", response_time="same business day").response_time == "same business day"


def test_restrict_to_groups_and_back_to_every_granted_employee():
    draft = new_draft("Acme")
    channel = restrict(draft, "teams", ["Department: Sales", "role:Banker", "department:Sales", "employee:E0042"])
    assert channel.groups == ["department:Sales", "role:Banker", "employee:E0042"]
    with pytest.raises(ValueError, match='did you mean "department"'):
        restrict(draft, "teams", ["departmnt:Sales"])
    assert channel.groups == ["department:Sales", "role:Banker", "employee:E0042"]  # unchanged on error
    assert restrict(draft, "teams", []).groups == []


def test_custom_channels_are_added_named_and_removed():
    draft = new_draft("Bank", "both", "financial")
    channel = add_custom(draft, "  Client   Portal ")
    assert (channel.id, channel.name, channel.custom, channel.enabled) == ("client-portal", "Client Portal", True, True)
    assert channel.archiving_required
    assert recommendations(draft)["client-portal"].verdict == "your own"
    assert add_custom(draft, "Client-Portal!").id == "client-portal-2"
    with pytest.raises(ValueError, match="already a channel"):
        add_custom(draft, "linkedin")
    with pytest.raises(ValueError, match="needs a name"):
        add_custom(draft, "   ")
    with pytest.raises(ValueError, match="disable it instead"):
        remove_custom(draft, "sms")
    remove_custom(draft, "client-portal")
    assert "client-portal" not in [c.id for c in draft.channels]
    again = toml_io.parse(toml_io.dumps(draft), "d.toml")
    assert again.draft is not None and again.draft.channels == draft.channels


def test_unknown_channel_id_is_an_error_on_its_line():
    source = Path(__file__).parent / "data" / "channels" / "unknown-channel.toml"
    loaded = toml_io.load(source)
    assert loaded.draft is None
    lines = [str(p) for p in loaded.problems]
    assert f'{source}:17:1: channels[2].id: unknown channel "tiktokk"' in lines[1]
    assert f"{source}:14:31: channels[1].groups[1]: unknown kind of group" in lines[0]
    assert f"{source}:20:1: channels[3].name: a custom channel needs a name" in lines[2]
    assert len(lines) == 3


def test_unknown_channel_id_suggests_a_close_one():
    draft = new_draft("Acme")
    draft.channels.append(Channel(id="linkdin"))
    loaded = toml_io.parse(toml_io.dumps(draft), "d.toml")
    (problem,) = loaded.problems
    assert 'unknown channel "linkdin" (did you mean "linkedin"?)' in problem.message
    assert problem.line == toml_io.dumps(draft).splitlines().index('id = "linkdin"') + 1


def test_a_hand_written_channel_table_loads_and_a_custom_one_may_not_reuse_a_catalog_id():
    text = ('schema_version = 1\n[policy]\ncompany = "Acme"\n\n[[channels]]\nid = "sms"\nenabled = true\n'
            'groups = ["Department: Sales"]\n\n[[channels]]\nid = "teams"\ncustom = true\nname = "Our Teams"\n')
    loaded = toml_io.parse(text, "d.toml")
    (problem,) = loaded.problems
    assert (problem.line, problem.field) == (12, "channels[1].custom")
    assert 'is a catalog channel; remove "custom = true"' in problem.message
    fixed = toml_io.parse(text.replace("custom = true\n", ""), "d.toml")
    assert fixed.draft is not None and fixed.problems == []
    assert [c.id for c in listed_channels(fixed.draft)][:2] == ["sms", "teams"]
    assert len(listed_channels(fixed.draft)) == len(catalog().channels)
