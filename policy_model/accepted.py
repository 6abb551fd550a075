"""Warnings accepted rather than fixed: a lawyer may weigh a warning and let the wording stand.

FINAL needs every warning of `check` either fixed or accepted here, with a reason, who and
when. The draft keeps the acceptances (`Draft.accepted`); `check` lists them and the export
gives legal a short note of them, never the employees' copy of the policy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from .draft import AcceptedWarning, Draft
from .eligibility import current_user
from .problems import Problem
from .user_input import clean_line, refuse

ACCEPT = "accept"


def accept_warning(draft: Draft, problems: Sequence[Problem], warning_id: str, reason: str, *,
                   by: str | None = None, at: datetime | None = None) -> AcceptedWarning:
    """Accept the warning `warning_id` among `problems` (what `check` found just now)."""
    wanted = warning_id.strip()
    found = next((p for p in problems if p.severity == "warning" and p.id == wanted), None)
    if found is None:
        raise refuse(ACCEPT, f'no warning has the id "{warning_id}"; policy-tui check lists each with its id')
    said = f"{found.field}: {found.message}" if found.field else found.message
    accepted = AcceptedWarning(id=found.id, warning=" ".join(said.split()),  # kept on one line of the draft
                               reason=clean_line(reason, ACCEPT, "reason", limit=500),
                               by=current_user() if by is None else clean_line(by, ACCEPT, "by", limit=100),
                               at=(at or datetime.now(UTC)).replace(microsecond=0))
    draft.accepted = [a for a in draft.accepted if a.id != found.id] + [accepted]
    return accepted


def unaccepted(draft: Draft, problems: Sequence[Problem]) -> list[Problem]:
    """The warnings neither fixed nor accepted: each keeps the document a DRAFT."""
    ids = {a.id for a in draft.accepted}
    return [p for p in problems if p.severity == "warning" and p.id not in ids]


def accepted_now(draft: Draft, problems: Sequence[Problem]) -> list[AcceptedWarning]:
    """The acceptances of warnings `check` still finds (one for a warning since fixed is moot)."""
    ids = {p.id for p in problems if p.severity == "warning"}
    return [a for a in draft.accepted if a.id in ids]


@dataclass(frozen=True)
class LegalNote:
    """What legal reads beside the policy: each warning accepted rather than fixed, with why,
    who and when. It is never part of the employees' copy."""

    company: str
    title: str
    version: str
    rows: tuple[tuple[str, str, str, str], ...]  # warning, reason, accepted by, accepted on


def legal_note(draft: Draft, problems: Sequence[Problem]) -> LegalNote:
    rows = tuple((a.warning, a.reason, a.by or "(not recorded)", a.at.date().isoformat() if a.at else "")
                 for a in accepted_now(draft, problems))
    return LegalNote(draft.policy.company, draft.policy.title, draft.policy.version, rows)
