"""Sign-off: who approves the policy, where each approval stands, and the revision history.

Lawyers sign a specific text. So an approval records the version it was given for, and a
version bump (a new text) appends a revision and puts every approver back to pending: an
approval of 0.2 says nothing about 0.3.
"""

from __future__ import annotations

import re
from datetime import date

from .draft import APPROVAL_STATUSES, APPROVER_ROLES, Approver, ApproverRole, Draft, Revision
from .eligibility import current_user
from .problems import Problem
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


def set_status(draft: Draft, index: int, status: str, today: date | None = None) -> None:
    """Record an approver's decision on the current version, dated today.

    Setting the status an approver already has changes nothing (not even the date); back to
    pending clears the date and version, since there is no decision left to date.
    """
    approver = _at(draft, index)
    if status not in APPROVAL_STATUSES:
        raise refuse(APPROVER, f'status "{status}": expected {", ".join(APPROVAL_STATUSES)}')
    if status == approver.status and approver.version in (draft.policy.version, None):
        return
    approver.status = status
    if status == "pending":
        approver.date, approver.version = None, None
    else:
        approver.date, approver.version = today or date.today(), draft.policy.version


def approval_summary(draft: Draft) -> str:
    """"2 of 3 approved, 1 asked for changes" for a header line."""
    counts = {s: sum(a.status == s for a in draft.approvers) for s in APPROVAL_STATUSES}
    if not draft.approvers:
        return "no approvers yet"
    text = f"{counts['approved']} of {len(draft.approvers)} approved"
    if counts["changes requested"]:
        text += f", {counts['changes requested']} asked for changes"
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
    revision = Revision(version=new, date=today or date.today(), author=author, summary=summary)
    draft.revisions.append(revision)
    draft.policy.version = new
    for approver in draft.approvers:
        approver.status, approver.date, approver.version = "pending", None, None
    return revision


def check_signoff(draft: Draft, file: str) -> list[Problem]:
    """What `policy-tui check` reports about sign-off: a decision given on another version's text."""
    problems = []
    for n, a in enumerate(draft.approvers):
        if a.status != "pending" and a.version and a.version != draft.policy.version:
            problems.append(Problem(file, f"{a.name}'s status ({a.status}) was given for version {a.version}; "
                                    f"the policy is now {draft.policy.version}", field=f"approvers[{n}].status",
                                    severity="warning"))
    return problems


def find_approver(draft: Draft, name: str) -> int:
    """The position of the approver called `name` (case-insensitive), for the command line."""
    wanted = name.strip().casefold()
    for n, approver in enumerate(draft.approvers):
        if approver.name.casefold() == wanted:
            return n
    known = ", ".join(a.name for a in draft.approvers) or "none yet"
    raise refuse(APPROVER, f'no approver is called "{name}"; the approvers are: {known}')
