"""What an approver signs: the policy's content as a reader meets it, apart from the file.

An approval is bound to this content, not to a version number: the details, the clauses in
force, the channels and their terms, the access rules, the training and the discipline
ladder, one line each. Who was decided by hand (overrides), who completed training, the
approvals themselves and the file's layout are not part of it: recording a completion
leaves every approval current, rewording a clause makes them stale.
"""

from __future__ import annotations

import difflib
import hashlib

from .channels import channel_name
from .clauses import TIER_WORDS, tier
from .draft import Draft
from .eligibility import describe_rule

# How many changed lines `changes_since` names before summing up the rest.
CHANGES_SHOWN = 3


def signed_text(draft: Draft) -> str:
    """The content an approval covers, as lines of plain text (what `changes_since` compares)."""
    policy = draft.policy
    lines = [f"{label}: {value}" for label, value in (
        ("company", policy.company), ("title", policy.title), ("version", policy.version),
        ("effective date", policy.effective_date or ""), ("owner", policy.owner), ("market", policy.market),
        ("industry", policy.industry), ("jurisdiction", policy.jurisdiction),
        ("review every", f"{policy.review_months} months" if policy.review_months else ""))]
    # Only when set, so approvals given before firm kinds and codes existed stay current.
    lines += [f"{label}: {value}" for label, value in (
        ("kind of firm", policy.firm), ("law of", ", ".join(policy.jurisdictions))) if value]
    for clause in (c for c in draft.clauses if c.enabled):
        heading = (f'clause "{clause.title}"' + (f" ({clause.section})" if clause.section else "")
                   + f", for {TIER_WORDS[tier(clause)]}")
        lines += [f"{heading}: {line}" for line in clause.text.splitlines() or [""]]
    for channel in (c for c in draft.channels if c.enabled):
        terms = [f"business account {_yes(channel.business_account)}",
                 f"personal account {_yes(channel.personal_account)}", f"archived {_yes(channel.archiving_required)}",
                 "devices " + (", ".join(channel.devices) or "none named"),
                 f"response time {channel.response_time or 'not set'}",
                 "for " + (", ".join(channel.groups) or "everyone granted")]
        lines.append(f"channel {channel_name(channel)}: " + "; ".join(terms))
    for rule in draft.eligibility.rules:
        lines.append(f"access rule {rule.id}: {describe_rule(rule) or 'everyone'} -> {rule.outcome}: {rule.reason}")
    for session in draft.training.sessions:
        lines.append(f'training "{session.title}": {session.format}, for {session.audience}, '
                     f"on {session.date or 'a date to be set'}")
    for n, step in enumerate(draft.discipline, 1):
        lines.append(f"discipline {n}. {step.name}: {step.description}")
    return "\n".join(lines) + "\n"


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def fingerprint(text: str) -> str:
    """A short, stable name for one signed text (16 hex digits of its sha256)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def changes_since(approved: str, now: str) -> list[str]:
    """What changed between the text approved and the text now, as a few lines for `check`:
    `now: clause "Scope": ...` and `was: ...`, then how many more."""
    changed = [("now: " if line[0] == "+" else "was: ") + line[2:]
               for line in difflib.ndiff(approved.splitlines(), now.splitlines()) if line[:1] in "+-"]
    shown = [line if len(line) <= 160 else line[:159] + "…" for line in changed[:CHANGES_SHOWN]]
    if len(changed) > CHANGES_SHOWN:
        shown.append(f"and {len(changed) - CHANGES_SHOWN} more changed lines")
    return shown
