"""Step 2's catalog: the channels a company may use with customers, and which ones fit it.

The catalog is data (`data/channels.toml`) so a compliance team can read what each channel
needs without reading code. A draft keeps its own copy of each channel's settings; the
catalog gives their defaults, the recommendation for the company's market and industry, and
the duties the policy takes on (record-keeping in financial services, no patient information
in healthcare) for the clause library to word.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType
from typing import Literal

from .draft import Channel, Device, Draft, Market
from .groups import parse_group
from .law import LawPack, firm_pack
from .package_data import read_toml
from .schema import Issue, decode
from .user_input import unique_id

Kind = Literal["social network", "messaging", "push-to-talk"]
Fit = Literal["strong", "some", "weak"]
Archiving = Literal["account", "device", "none"]
Industry = Literal["general", "financial", "healthcare"]
Verdict = Literal["recommended", "optional", "not needed", "against", "your own"]
DEVICES: tuple[Device, ...] = ("company phone", "own phone", "company computer", "own computer")
_FIT_VERDICT: Mapping[Fit, Verdict] = MappingProxyType({"strong": "recommended", "some": "optional",
                                                        "weak": "not needed"})
_FIT_RANK: Mapping[Fit, int] = MappingProxyType({"strong": 2, "some": 1, "weak": 0})

# "Reply within", "within" or "reply in" typed before a response time.
_LEAD_IN = re.compile(r"^(?:reply|respond|answer)?\s*(?:within|in)\s+|^(?:reply|respond|answer)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Defaults:
    """The settings a catalog channel starts with in a draft."""

    business_account: bool = True
    personal_account: bool = False
    devices: list[Device] = field(default_factory=list)
    response_time: str = ""


@dataclass(frozen=True)
class CatalogChannel:
    """One channel of the catalog: what it is, whom it suits, and whether it can be archived."""

    id: str
    name: str
    short: str
    kind: Kind
    b2b: Fit
    b2c: Fit
    b2b_reason: str
    b2c_reason: str
    archiving: Archiving
    archiving_how: str
    defaults: Defaults = field(default_factory=Defaults)

    @property
    def archivable(self) -> bool:
        return self.archiving != "none"


@dataclass(frozen=True)
class Duty:
    """An obligation the policy takes on because of the company's industry, for a clause to word."""

    id: str
    industry: Industry
    title: str
    text: str


@dataclass(frozen=True)
class Catalog:
    channels: list[CatalogChannel]
    duties: list[Duty]
    industries: dict[str, list[str]]

    def get(self, channel_id: str) -> CatalogChannel | None:
        return next((c for c in self.channels if c.id == channel_id), None)


@dataclass(frozen=True)
class Recommendation:
    """What the method advises for one channel, and why, one reason per consideration."""

    channel_id: str
    verdict: Verdict
    reasons: tuple[str, ...]

    @property
    def reason(self) -> str:
        return "; ".join(self.reasons)


@cache
def catalog() -> Catalog:
    """The shipped catalog, read once; a broken catalog is a bug in the package, so it raises."""
    issues: list[Issue] = []
    loaded = decode(Catalog, read_toml("channels.toml"), "", issues)
    if issues or loaded is None:
        raise ValueError("policy_model/data/channels.toml: " + "; ".join(f"{p}: {m}" for p, m in issues))
    return loaded


def industry_groups(industry: str) -> set[str]:
    """The industry groups ("financial", "healthcare") a free-text industry belongs to: each
    whose words it contains as a whole word or phrase. Clause conditions test these."""
    lowered = industry.lower()
    return {name for name, words in catalog().industries.items()
            if any(re.search(rf"(?<!\w){re.escape(word)}(?!\w)", lowered) for word in words)}


def industry_of(industry: str) -> Industry:
    """The industry whose rules apply to the draft's free-text industry ("Retail banking" ->
    financial): the first of its groups in the catalog's order, else general."""
    groups = industry_groups(industry)
    first = next((name for name in catalog().industries if name in groups), "general")
    return first  # type: ignore[return-value]


def duties(draft: Draft) -> list[Duty]:
    """The duties the policy must state, given the draft's industry."""
    industry = industry_of(draft.policy.industry)
    return [duty for duty in catalog().duties if duty.industry == industry]


def recommend(entry: CatalogChannel, market: Market, industry: Industry,
              firm: LawPack | None = None) -> Recommendation:
    """The verdict on a catalog channel for a market, industry and kind of firm, with each
    reason in words; what the firm's law pack rules out (see `law_issues`) is "against"."""
    markets = ("b2b", "b2c") if market == "both" else (market,)
    best = max(_FIT_RANK[getattr(entry, m)] for m in markets)
    fit: Fit = next(f for f, rank in _FIT_RANK.items() if rank == best)
    verdict = _FIT_VERDICT[fit]
    reasons = [f"{m.upper()}: {getattr(entry, f'{m}_reason')}" for m in markets if getattr(entry, m) == fit]
    if industry == "financial":
        if not entry.archivable:
            verdict = "against"
            reasons.insert(0, "Financial services: its messages cannot be archived and supervised, so using it "
                              "for business would break the record-keeping duty")
        elif entry.archiving == "device":
            reasons.append("Financial services: only on company phones whose messages are captured")
        else:
            reasons.append("Financial services: a company account's messages can be archived and supervised")
    elif industry == "healthcare":
        reasons.append("Healthcare: never patient information on it, even in a private message")
    if firm is not None and (ruled_out := _ruled_out(entry, firm)):
        verdict = "against"
        reasons.insert(0, f"{firm.name}: {ruled_out}")
    return Recommendation(entry.id, verdict, tuple(reasons))


def _ruled_out(entry: CatalogChannel, firm: LawPack) -> str:
    """Why the firm's law rules the channel out for customer contact, with the citations; empty if not."""
    if firm.archives and not entry.archivable:
        cited = "; ".join(r.citation for r in firm.on("record-keeping"))
        return f"its messages cannot be archived, and the firm must keep every business message ({cited})"
    if entry.id in firm.no_customer_use:
        why = firm.on("no-customer-use")
        return "; ".join(f"{r.says} ({r.citation})" for r in why)
    return ""


def recommendations(draft: Draft) -> dict[str, Recommendation]:
    """A recommendation for every catalog channel and every custom channel of the draft."""
    industry = industry_of(draft.policy.industry)
    firm = firm_pack(draft)
    result = {entry.id: recommend(entry, draft.policy.market, industry, firm) for entry in catalog().channels}
    for channel in draft.channels:
        if channel.custom:
            reason = "added by you"
            if industry == "financial":
                reason += "; Financial services: confirm with compliance that its messages are archived"
            result[channel.id] = Recommendation(channel.id, "your own", (reason,))
    return result


def default_channel(entry: CatalogChannel, industry: Industry, enabled: bool = False) -> Channel:
    """A catalog channel as it joins a draft; a financial firm archives, and keeps device-only
    channels on company phones, because only those can be captured."""
    devices = list(entry.defaults.devices)
    if industry == "financial" and entry.archiving == "device":
        devices = [d for d in devices if d.startswith("company")] or ["company phone"]
    return Channel(id=entry.id, enabled=enabled, business_account=entry.defaults.business_account,
                   personal_account=entry.defaults.personal_account, devices=devices,
                   response_time=entry.defaults.response_time, archiving_required=industry == "financial")


def seed_channels(industry: str) -> list[Channel]:
    """Every catalog channel for a new draft, disabled: a channel enters a signed policy only by
    someone's choice, and the screen marks which ones the method recommends."""
    kind = industry_of(industry)
    return [default_channel(entry, kind) for entry in catalog().channels]


def enabled_channels(draft: Draft) -> list[Channel]:
    """The channels the policy approves, in the draft's order."""
    return [c for c in draft.channels if c.enabled]


def channel_name(channel: Channel) -> str:
    entry = catalog().get(channel.id)
    return channel.name or (entry.name if entry else channel.id)


def short_name(channel: Channel) -> str:
    """A column heading for the access matrix ("Teams" for "Microsoft Teams chat with customers")."""
    entry = catalog().get(channel.id)
    return entry.short if entry and not channel.name else channel_name(channel)


def listed_channels(draft: Draft) -> list[Channel]:
    """The channels step 2 lists: the draft's, then catalog channels it does not hold yet
    (a newer catalog may add some), with their defaults. The extra ones are not in the draft
    until a model operation touches them."""
    held = {c.id for c in draft.channels}
    industry = industry_of(draft.policy.industry)
    return [*draft.channels, *(default_channel(e, industry) for e in catalog().channels if e.id not in held)]


def listed_channel(draft: Draft, channel_id: str) -> Channel:
    """A listed channel by id, without changing the draft (unlike `channel_to_change`); KeyError if unknown."""
    for channel in listed_channels(draft):
        if channel.id == channel_id:
            return channel
    raise KeyError(f'unknown channel "{channel_id}"')


# --- operations: every change step 2 makes to the draft -------------------------------------


def channel_to_change(draft: Draft, channel_id: str) -> Channel:
    """The draft's channel, adding a catalog channel with its defaults the first time it is touched."""
    for channel in draft.channels:
        if channel.id == channel_id:
            return channel
    entry = catalog().get(channel_id)
    if entry is None:
        raise KeyError(f'unknown channel "{channel_id}"')
    channel = default_channel(entry, industry_of(draft.policy.industry))
    draft.channels.append(channel)
    return channel


def set_enabled(draft: Draft, channel_id: str, enabled: bool) -> Channel:
    channel = channel_to_change(draft, channel_id)
    channel.enabled = enabled
    return channel


def toggle(draft: Draft, channel_id: str) -> Channel:
    channel = channel_to_change(draft, channel_id)
    channel.enabled = not channel.enabled
    return channel


def enable_recommended(draft: Draft) -> list[str]:
    """Enable every channel the method recommends; returns the ids that were switched on."""
    switched = []
    for channel_id, recommendation in recommendations(draft).items():
        if recommendation.verdict == "recommended" and not channel_to_change(draft, channel_id).enabled:
            set_enabled(draft, channel_id, True)
            switched.append(channel_id)
    return switched


def configure(draft: Draft, channel_id: str, *, business_account: bool | None = None,
              personal_account: bool | None = None, devices: list[Device] | None = None,
              response_time: str | None = None, archiving_required: bool | None = None) -> Channel:
    """Change any of a channel's settings; a setting left as None is kept."""
    channel = channel_to_change(draft, channel_id)
    if devices is not None:
        unknown = [d for d in devices if d not in DEVICES]
        if unknown:
            raise ValueError(f"unknown device {unknown[0]!r}; expected one of {', '.join(DEVICES)}")
        channel.devices = [d for d in DEVICES if d in devices]
    if business_account is not None:
        channel.business_account = business_account
    if personal_account is not None:
        channel.personal_account = personal_account
    if response_time is not None:
        # The policy and the app say "reply within ..." around it: words typed to begin the
        # same sentence would be said twice ("reply within within 2 business hours").
        channel.response_time = _LEAD_IN.sub("", " ".join(response_time.split()))
    if archiving_required is not None:
        channel.archiving_required = archiving_required
    return channel


def restrict(draft: Draft, channel_id: str, groups: list[str]) -> Channel:
    """Narrow a channel to groups ("department:Sales"); ValueError names a malformed group."""
    parsed = [str(parse_group(g)) for g in groups]
    channel = channel_to_change(draft, channel_id)
    channel.groups = list(dict.fromkeys(parsed))
    return channel


def custom_id(draft: Draft, name: str) -> str:
    """A readable id for a custom channel's name, unique in the draft and the catalog."""
    return unique_id(name, {c.id for c in draft.channels} | {c.id for c in catalog().channels}, "channel")


def add_custom(draft: Draft, name: str) -> Channel:
    """A channel the catalog lacks (a CRM's messaging, a regional app), enabled, with safe defaults."""
    name = " ".join(name.split())
    if not name:
        raise ValueError("a custom channel needs a name")
    if any(channel_name(c).lower() == name.lower() for c in listed_channels(draft)):
        raise ValueError(f'there is already a channel called "{name}"')
    financial = industry_of(draft.policy.industry) == "financial"
    channel = Channel(id=custom_id(draft, name), enabled=True, name=name, custom=True, devices=["company phone"],
                      archiving_required=financial)
    draft.channels.append(channel)
    return channel


def remove_custom(draft: Draft, channel_id: str) -> None:
    """Delete a custom channel; a catalog channel is disabled instead, never removed."""
    channel = channel_to_change(draft, channel_id)
    if not channel.custom:
        raise ValueError(f'"{channel_name(channel)}" is in the catalog: disable it instead')
    draft.channels.remove(channel)


# --- checks of a loaded draft ----------------------------------------------------------------


def draft_issues(draft: Draft) -> list[Issue]:
    """Errors in the draft's channels that the schema alone cannot see, as (dotted path, message)."""
    issues: list[Issue] = []
    known = [c.id for c in catalog().channels]
    for n, channel in enumerate(draft.channels):
        where = f"channels[{n}]"
        if channel.custom:
            if not (channel.name or "").strip():
                issues.append((f"{where}.name", "a custom channel needs a name"))
            if channel.id in known:
                issues.append((f"{where}.custom", f'"{channel.id}" is a catalog channel; remove "custom = true"'))
        elif channel.id not in known:
            close = difflib.get_close_matches(channel.id, known, n=1, cutoff=0.5)
            hint = f' (did you mean "{close[0]}"?)' if close else ""
            issues.append((f"{where}.id", f'unknown channel "{channel.id}"{hint}; '
                                          f'for a channel of your own add "custom = true" and a name'))
        for g, text in enumerate(channel.groups):
            try:
                parse_group(text)
            except ValueError as error:
                issues.append((f"{where}.groups[{g}]", str(error)))
    return issues


def law_issues(draft: Draft) -> list[Issue]:
    """Errors: an enabled channel the firm kind's law rules out for customer contact (one that
    cannot be archived where every business message must be kept, a consumer messaging app for
    patients), or one left unarchived where the law requires it; each with the citation."""
    firm = firm_pack(draft)
    issues: list[Issue] = []
    for n, channel in enumerate(draft.channels):
        if not channel.enabled:
            continue
        entry = catalog().get(channel.id)
        if entry is not None and (why := _ruled_out(entry, firm)):
            issues.append((f"channels[{n}].enabled", f"{entry.name} is enabled for customer contact, but for a "
                                                    f"{firm.name.lower()} {why}: disable it"))
        elif firm.archives and not channel.archiving_required:
            cited = "; ".join(r.citation for r in firm.on("record-keeping"))
            issues.append((f"channels[{n}].archiving_required",
                           f"{channel_name(channel)} must be archived: a {firm.name.lower()} keeps every business "
                           f"message with customers ({cited})"))
    return issues


def policy_issues(draft: Draft) -> list[Issue]:
    """Warnings about what the enabled channels commit the company to, as (dotted path, message);
    what the firm kind's law makes an error (`law_issues`) is not repeated here."""
    if industry_of(draft.policy.industry) != "financial":
        return []
    archives = firm_pack(draft).archives
    issues: list[Issue] = []
    for n, channel in enumerate(draft.channels):
        if not channel.enabled:
            continue
        entry = catalog().get(channel.id)
        if archives and (not channel.archiving_required or (entry is not None and not entry.archivable)):
            continue
        if entry is not None and not entry.archivable:
            issues.append((f"channels[{n}].enabled", f"{entry.name} cannot be archived and supervised; "
                                                    "a financial firm's record-keeping duty rules it out"))
        elif not channel.archiving_required:
            issues.append((f"channels[{n}].archiving_required",
                           f"a financial firm must archive business messages on every approved channel, "
                           f"{channel_name(channel)} too"))
        elif entry is not None and entry.archiving == "device" and (
                channel.personal_account or any(d.startswith("own") for d in channel.devices)):
            issues.append((f"channels[{n}].devices", f"{entry.name} can only be archived on company phones "
                                                    "with capture; personal accounts and own devices escape it"))
    return issues
