"""Sign-off: who approves the policy, where each approval stands, and the revision history.

Lawyers sign a specific text. So an approval records a fingerprint of the content it was
given for (see `signed`), who recorded it and when: any later change to that content makes
it stale, whatever the version number says. A version bump appends a revision and puts
every approver back to pending: an approval of 0.2 says nothing about 0.3.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from .draft import APPROVAL_STATUSES, APPROVER_ROLES, ApprovedText, Approver, ApproverRole, Draft, Revision
from .eligibility import current_user
from .law import record_packs
from .problems import Problem
from .review_cycle import fully_approved_on
from .signed import changes_since, fingerprint, signed_text
from .user_input import clean_line, refuse

APPROVER = "approver"
VERSION = "version"
_VERSION = re.compile(r"^(\d+)\.(\d+)$")


def _at(draft: Draft, index: int) -> Approver:
    if not 0 <= index < len(draft.approvers):
        raise refuse(APPROVER, f"there is no approver {index + 1}; the draft has {len(draft.approvers)}")
    return draft.approvers[index]


def _checked(draft: Draft, name: str, title: str, role: str, editing: Approver | None,
             ) -> tuple[str, str, ApproverRole]:
    name = clean_line(name, APPROVER, "name", limit=100)
    title = clean_line(title, APPROVER, "title", required=False, limit=100)
    if role not in APPROVER_ROLES:
        raise refuse(APPROVER, f'role "{role}": expected {", ".join(APPROVER_ROLES)}')
    for other in draft.approvers:
        if other is not editing and other.name.casefold() == name.casefold():
            raise refuse(APPROVER, f"{other.name} is already an approver")
    return name, title, role


def add_approver(draft: Draft, name: str, title: str = "", role: str = "legal") -> int:
    """Add an approver, pending; returns their position."""
    name, title, checked_role = _checked(draft, name, title, role, None)
    draft.approvers.append(Approver(name=name, title=title, role=checked_role))
    return len(draft.approvers) - 1


def edit_approver(draft: Draft, index: int, name: str, title: str, role: str) -> None:
    """Correct an approver's name, title or role; their status stays as it was."""
    approver = _at(draft, index)
    approver.name, approver.title, approver.role = _checked(draft, name, title, role, approver)


def remove_approver(draft: Draft, index: int) -> Approver:
    approver = _at(draft, index)
    draft.approvers.pop(index)
    return approver


def recorder(name: str = "") -> str:
    """Who records a decision: the operating-system user, with the name the person gave (in
    the app) beside it, as "dwhitfield (Dana Whitfield)"; either alone when that is all there is."""
    user, name = current_user(), " ".join(name.split())
    return f"{user} ({name})" if user and name and name != user else (name or user)


def set_status(draft: Draft, index: int, status: str, today: date | None = None, by: str | None = None) -> None:
    """Record an approver's decision on the content as it is now, dated today, with who
    recorded it (`by`, see `recorder`; the operating-system user by default) and when.

    Setting the status an approver already has on this content changes nothing (not even the
    date); back to pending clears the date, version and content, as there is no decision left.
    """
    approver = _at(draft, index)
    if status not in APPROVAL_STATUSES:
        raise refuse(APPROVER, f'status "{status}": expected {", ".join(APPROVAL_STATUSES)}')
    text = signed_text(draft)
    content = fingerprint(text)
    if status == approver.status and (status == "pending" or approver.content == content):
        return
    approver.status = status
    approver.recorded_by = current_user() if by is None else clean_line(by, APPROVER, "recorded by", limit=100)
    approver.recorded_at = datetime.now(UTC).replace(microsecond=0)
    if status == "pending":
        approver.date, approver.version, approver.content = None, None, None
    else:
        approver.date, approver.version, approver.content = today or date.today(), draft.policy.version, content
        record_packs(draft)  # the law it was signed under, for `check` to say what changed since
        if all(kept.fingerprint != content for kept in draft.approved):
            draft.approved.append(ApprovedText(content, text))
    _forget_unapproved(draft)


def _forget_unapproved(draft: Draft) -> None:
    """Keep only the texts some approver's decision still refers to."""
    wanted = {a.content for a in draft.approvers}
    draft.approved = [kept for kept in draft.approved if kept.fingerprint in wanted]


def stale_approvers(draft: Draft) -> list[int]:
    """The approvers whose decision was given for content that has changed since (pending is
    never stale: there is no decision to be out of date)."""
    content = fingerprint(signed_text(draft))
    return [n for n, a in enumerate(draft.approvers) if a.status != "pending" and a.content != content]


def approval_summary(draft: Draft) -> str:
    """"2 of 3 approved, 1 asked for changes, 1 for an earlier text" for a header line."""
    stale = set(stale_approvers(draft))
    current = [a for n, a in enumerate(draft.approvers) if n not in stale]
    counts = {s: sum(a.status == s for a in current) for s in APPROVAL_STATUSES}
    if not draft.approvers:
        return "no approvers yet"
    text = f"{counts['approved']} of {len(draft.approvers)} approved"
    if counts["changes requested"]:
        text += f", {counts['changes requested']} asked for changes"
    if stale:
        text += f", {len(stale)} for an earlier text"
    return text


def _parts(version: str) -> tuple[int, int]:
    match = _VERSION.match(version.strip())
    if not match:
        raise refuse(VERSION, f'"{version}" is not a version like 0.1 or 2.3')
    return int(match.group(1)), int(match.group(2))


def _current(version: str) -> tuple[int, int]:
    """The current version's numbers; one written by hand as "draft" counts as before any number."""
    return _parts(version) if _VERSION.match(version.strip()) else (-1, -1)


def next_version(current: str, major: bool = False) -> str:
    """0.1 -> 0.2 (a revision), or 0.3 -> 1.0 (a major version, such as the one legal signs)."""
    big, small = _parts(current)
    return f"{big + 1}.0" if major else f"{big}.{small + 1}"


def bump_version(draft: Draft, author: str, summary: str, *, major: bool = False, version: str | None = None,
                 today: date | None = None) -> Revision:
    """Start a new version: record it in the history and reset every approval to pending.

    `version` may be given outright (it must come after the current one); otherwise the next
    minor or major number is used. The approvals reset because they were given for the old text.
    A blank author is the operating system's user, so the history never has a nameless entry.
    """
    author = clean_line(author, VERSION, "author", required=False, limit=100) or current_user()
    summary = clean_line(summary, VERSION, "summary", limit=300)
    if version is None:
        new = next_version(draft.policy.version, major)
    else:
        new = version.strip()
        if _parts(new) <= _current(draft.policy.version):
            raise refuse(VERSION, f"version {new} does not come after the current version {draft.policy.version}")
    _keep_approval(draft)
    revision = Revision(version=new, date=today or date.today(), author=author, summary=summary)
    draft.revisions.append(revision)
    draft.policy.version = new
    for approver in draft.approvers:
        approver.status, approver.date, approver.version, approver.content = "pending", None, None, None
    _forget_unapproved(draft)
    return revision


def _keep_approval(draft: Draft) -> None:
    """Record in the current version's revision entry the day its sign-off was complete."""
    approved = fully_approved_on(draft)
    leaving = next((r for r in reversed(draft.revisions) if r.version == draft.policy.version), None)
    if approved is not None and leaving is not None:
        leaving.approved = approved


def check_signoff(draft: Draft, file: str) -> list[Problem]:
    """What `policy-tui check` reports about sign-off: a decision given on another text, with
    what changed since it was given."""
    now = signed_text(draft)
    texts = {kept.fingerprint: kept.text for kept in draft.approved}
    problems = []
    for n in stale_approvers(draft):
        a = draft.approvers[n]
        given = f"on {a.date.isoformat()}" if a.date else "before"
        if a.content is None:
            since = "it was recorded without the text it was for: ask for it again"
        elif a.content in texts:
            since = "changed since: " + "; ".join(changes_since(texts[a.content], now))
        else:
            since = "the text it was for is no longer in the draft"
        version = f" (version {a.version})" if a.version else ""
        problems.append(Problem(file, f"{a.name} {a.status} an earlier text {given}{version}; {since}",
                                field=f"approvers[{n}].status", severity="warning"))
    return problems


def find_approver(draft: Draft, name: str) -> int:
    """The position of the approver called `name` (case-insensitive), for the command line."""
    wanted = name.strip().casefold()
    for n, approver in enumerate(draft.approvers):
        if approver.name.casefold() == wanted:
            return n
    known = ", ".join(a.name for a in draft.approvers) or "none yet"
    raise refuse(APPROVER, f'no approver is called "{name}"; the approvers are: {known}')
