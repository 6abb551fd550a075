"""The draft: every decision of a policy, as plain typed data.

The dataclasses here are the schema of the TOML file: `toml_io` reads and writes them by
walking their fields, so a field added here is loaded, validated and saved with no other
change. Field order is the order on disk; a field with a default may be left out by hand.
`None` means "not set" and is not written (TOML has no null).

The employees themselves are not part of the draft: they live in the roster snapshot beside
it (see `roster_snapshot`), and the draft keeps only a reference to that file.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

SCHEMA_VERSION = 1

Market = Literal["b2b", "b2c", "both"]
Employer = Literal["private", "public", "federal"]
Status = Literal["granted", "review", "denied"]
Touch = Literal["high", "low"]
ApproverRole = Literal["legal", "hr", "executive", "compliance", "other"]
ApprovalStatus = Literal["pending", "approved", "changes requested"]
TrainingFormat = Literal["in person", "online", "self-paced", "video call"]
AckForm = Literal["all staff", "access"]
ACK_FORMS: tuple[AckForm, ...] = ("all staff", "access")
APPROVER_ROLES: tuple[ApproverRole, ...] = ("legal", "hr", "executive", "compliance", "other")
APPROVAL_STATUSES: tuple[ApprovalStatus, ...] = ("pending", "approved", "changes requested")
TRAINING_FORMATS: tuple[TrainingFormat, ...] = ("in person", "online", "self-paced", "video call")
# Whom a clause binds: every employee, or only those granted access (see `clauses.tier`).
Tier = Literal["everyone", "granted"]
Device = Literal["company phone", "own phone", "company computer", "own computer"]
# Whether a person is exempt from overtime (FLSA status); empty when the roster does not say.
Exemption = Literal["", "exempt", "non-exempt", "unknown"]
EXEMPTIONS: tuple[Exemption, ...] = ("", "exempt", "non-exempt", "unknown")

# `date` for fields that follow one named `date`, where the name means the field.
Day = date

STATUSES: tuple[Status, ...] = ("granted", "review", "denied")
MARKETS: tuple[Market, ...] = ("b2b", "b2c", "both")


@dataclass
class PolicyHeader:
    """Who the policy is for and what it is called; the title block of the export.

    `review_months` is how often the owner reviews the policy; unset means once a year.
    `firm` is the kind of firm whose law pack applies (see `law.FIRM_KINDS`); empty, as in
    drafts made before firm kinds, means the one `industry` names, else general.
    `jurisdictions` are ISO 3166 codes ("US-CA", "GB", "EU") of the places whose law the policy
    follows, besides those the roster's work locations add; `jurisdiction` stays a free label.
    """

    company: str
    title: str = "Social Media and Mobile Communication Policy"
    version: str = "0.1"
    effective_date: date | None = None
    owner: str = ""
    market: Market = "b2b"
    industry: str = "general"
    jurisdiction: str = ""
    review_months: int | None = None
    firm: str = field(default="", metadata={"omit_default": True})
    jurisdictions: list[str] = field(default_factory=list)


@dataclass
class ClientsRef:
    """Where the roster's client counts and touch came from: the CRM account export last read.

    HR files carry no client counts; a CRM export does, as accounts per owner. `mapping`
    (owner, tier, account -> the export's column header) and `high_touch` (the tiers whose
    accounts are looked after closely) let next quarter's export be read without asking
    again. `accounts` is how many accounts the export listed, `matched` how many of them
    belong to someone in the roster, and `people` how many people were given a count.
    """

    source: str = ""
    sheet: str | None = None
    imported_at: datetime | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    high_touch: list[str] = field(default_factory=list)
    accounts: int = 0
    matched: int = 0
    people: int = 0


@dataclass
class RosterRef:
    """Where the employees are: the snapshot file beside the draft, and how it was made.

    `sha256` and `rows` let a load notice a snapshot that was replaced or edited since the
    import; `mapping` (our field -> the source's column header) and `keep` (the source's
    other columns the user chose to keep in the snapshot) let next month's re-import run
    without asking again. `clients` is set once client counts were read from a CRM export
    (`roster clients`); until then the counts, if any, are the HR file's.
    """

    snapshot: str = ""
    sha256: str = ""
    rows: int = 0
    source: str = ""
    imported_at: datetime | None = None
    sheet: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    keep: list[str] = field(default_factory=list)
    clients: ClientsRef | None = None


@dataclass
class Rule:
    """One eligibility rule: every condition that is set must hold; first match wins.

    Conditions left unset match anyone. `roles` and `departments` match when the person's
    role or department contains any of the words given (case-insensitive); with `exact`, when
    it is one of them (case and surrounding spaces aside), so a rule for "Manager" does not
    also decide every "Account Manager".
    """

    id: str
    outcome: Status
    reason: str
    roles: list[str] = field(default_factory=list)
    departments: list[str] = field(default_factory=list)
    # Written only when true: drafts without exact rules stay as they were, readable by
    # versions of policy-tui that do not know the key.
    exact: bool = field(default=False, metadata={"omit_default": True})
    customer_facing: bool | None = None
    max_clients: int | None = None
    min_clients: int | None = None
    touch: Touch | None = None
    clients_unknown: bool | None = None


@dataclass(frozen=True)
class Override:
    """A person's status decided by someone rather than by the rules, and why.

    Frozen, like `Completion`: a draft can hold one for each of 200,000 people, and a change
    to the draft then copies the list, not every record in it (see `copied`)."""

    employee_id: str
    status: Status
    reason: str
    by: str = ""
    at: datetime | None = None


@dataclass
class Eligibility:
    """The ordered rules of step 1, and the exceptions made by hand."""

    rules: list[Rule] = field(default_factory=list)
    overrides: list[Override] = field(default_factory=list)


@dataclass
class Channel:
    """A channel the company may use with customers, and on what terms.

    `groups` narrows who gets the channel ("department:Sales", "role:Banker",
    "employee:E0042"); empty means every granted employee.
    """

    id: str
    enabled: bool = False
    name: str | None = None
    custom: bool = False
    business_account: bool = True
    personal_account: bool = False
    devices: list[Device] = field(default_factory=list)
    response_time: str = ""
    archiving_required: bool = False
    groups: list[str] = field(default_factory=list)


@dataclass
class Clause:
    """A section of the written policy. `text` holds `{variables}` filled at export.

    `customised` marks text the user rewrote, so a newer library text never replaces it.
    `section` names the part of the policy the clause covers (scope, training, ...) when it is
    not the clause's id; lint uses it to find the required sections. The `when_*` conditions
    include the clause only for those industries (groups from the clause library), markets, or
    when one of those channels is enabled, `when_fact` only when each fact it names holds
    (`clauses.FACTS`, such as "own devices are allowed"), where one of those law packs applies
    (`when_place`, pack ids such as "US-CA": the draft's jurisdictions and where the roster says
    people work), or for those kinds of employer (`when_employer`: private, public, federal; see
    `law.employer_kinds`); empty means always. `applies_to` says whom the clause binds; unset, a
    library clause binds whom the library says and the user's own clause binds every employee
    (so drafts written before the two tiers read the same).
    Text comes last so a long clause does not hide its settings in a hand-edited file.
    """

    id: str
    enabled: bool = True
    title: str = ""
    section: str | None = None
    when_industry: list[str] = field(default_factory=list)
    when_market: list[Market] = field(default_factory=list)
    when_channel: list[str] = field(default_factory=list)
    when_fact: list[str] = field(default_factory=list)
    when_place: list[str] = field(default_factory=list)
    when_employer: list[Employer] = field(default_factory=list)
    applies_to: Tier | None = None
    customised: bool = False
    text: str = field(default="", metadata={"paragraph": True})


@dataclass
class TrainingSession:
    """A training session people must attend before they use a channel with customers.

    Completions name their session by its title, so a title is unique in a draft (renaming a
    session in the app renames it in its completions too). `audience` is who must attend among
    the granted employees: "granted" for all of them, or groups such as "department:Sales,
    role:Banker, employee:E0042" (the same words as a channel's groups).
    """

    title: str
    date: date | None = None
    format: TrainingFormat = "online"
    audience: str = "granted"


@dataclass(frozen=True)
class Completion:
    """One person who completed one session (by its title), and when; by hand or from a CSV."""

    employee_id: str
    session: str
    date: date


@dataclass
class Training:
    """Training that every granted employee completes before using a channel."""

    sessions: list[TrainingSession] = field(default_factory=list)
    completions: list[Completion] = field(default_factory=list)


@dataclass
class DisciplineStep:
    """One rung of the ladder from a reminder to revoking access, in the order they apply."""

    name: str
    description: str = field(default="", metadata={"paragraph": True})


@dataclass
class Approver:
    """Someone who signs the policy off, and where their sign-off stands.

    A sign-off is for one text: `content` is the fingerprint of what they approved (see
    `signed`; the text itself is kept in the draft's `approved`), `version` the policy version
    then and `date` the day; `recorded_by` and `recorded_at` say who entered it and when. Any
    change to that content makes the approval stale, and a version bump puts every approver
    back to pending.
    """

    name: str
    title: str = ""
    role: ApproverRole = "legal"
    status: ApprovalStatus = "pending"
    date: date | None = None
    version: str | None = None
    content: str | None = None
    recorded_by: str = field(default="", metadata={"omit_default": True})
    recorded_at: datetime | None = None


@dataclass(frozen=True)
class AcceptedWarning:
    """A warning of `check` someone weighed and accepted, with why, who and when: what legal
    reads in the accepted-exceptions note. `id` is the warning's (`Problem.id`)."""

    id: str
    warning: str
    reason: str
    by: str = ""
    at: datetime | None = None


@dataclass(frozen=True)
class ApprovedText:
    """A text someone approved, kept so `check` can say what changed since (see `signed`)."""

    fingerprint: str
    text: str = field(metadata={"paragraph": True})


@dataclass
class Revision:
    """One entry of the revision history: a version, when it was made, by whom and why.

    `approved` is the day every approver had approved this version, kept when a bump starts
    the next one (which puts the approvers back to pending): the version in force, and when its
    review falls due, are read from it (see `review_cycle`).
    """

    version: str
    date: date
    author: str = ""
    summary: str = ""
    approved: Day | None = None


@dataclass(frozen=True)
class Acknowledged:
    """Everyone who acknowledged one version of the policy on one form on one day, by employee id.

    One record per (version, form, day), not one per person: a bank's 200,000 people would
    otherwise be 200,000 tables in the TOML (about 18 MB); as ids in a list they are about 15
    bytes each. Only each person's latest version of each form is kept (see
    `acknowledgments.record`), so the list stays as long as the roster whatever the number of
    versions. Frozen, and its list never changed in place: a change makes a new record.
    """

    version: str
    form: AckForm
    date: date
    employees: list[str] = field(default_factory=list)


@dataclass
class Draft:
    """A whole policy draft: the single source of truth the TUI edits and the export reads."""

    policy: PolicyHeader
    schema_version: int = SCHEMA_VERSION
    roster: RosterRef = field(default_factory=RosterRef)
    eligibility: Eligibility = field(default_factory=Eligibility)
    channels: list[Channel] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    training: Training = field(default_factory=Training)
    discipline: list[DisciplineStep] = field(default_factory=list)
    approvers: list[Approver] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    approved: list[ApprovedText] = field(default_factory=list)
    accepted: list[AcceptedWarning] = field(default_factory=list)
    acknowledgments: list[Acknowledged] = field(default_factory=list)
    # The law packs the draft was last checked against at sign-off: pack id -> the pack's
    # last change then (see `law.record_packs`), so `check` can say what changed since.
    law: dict[str, date] = field(default_factory=dict)


def copied(draft: Draft) -> Draft:
    """A copy of `draft` that can be changed without touching the original.

    Every change to an open draft is made on a copy (see `Document.apply`), so a draft, once
    made, never changes: undo and workers hold it by reference. Overrides, completions and
    acknowledgments are frozen, so their lists are copied and the records shared: a bank-sized
    draft copies in a few milliseconds, not one record at a time.
    """
    shared = {id(draft.eligibility.overrides): list(draft.eligibility.overrides),
              id(draft.training.completions): list(draft.training.completions),
              id(draft.acknowledgments): list(draft.acknowledgments)}
    return copy.deepcopy(draft, shared)


@dataclass(slots=True)
class Employee:
    """One row of the roster snapshot, in our canonical fields.

    `extra` keeps the source's other columns that the user chose to keep, in order. The
    employment fields come last: `employment` is the status as HR wrote it ("Active",
    "Voluntarily Terminated"), `left_on` an exit date as YYYY-MM-DD, and `revoke` the day of
    the import that found a person granted before gone or terminated, so IT removes their
    access (see `leavers`). `flsa` is whether the person is exempt from overtime, empty when
    the roster has no such column and "unknown" when its value does not say. Slots keep
    200,000 of these small.
    """

    id: str
    name: str = ""
    email: str = ""
    role: str = ""
    department: str = ""
    manager: str = ""
    clients: int | None = None
    touch: Touch | None = None
    customer_facing: bool | None = None
    extra: dict[str, str] = field(default_factory=dict)
    location: str = ""
    employment: str = ""
    left_on: str = ""
    revoke: str = ""
    flsa: Exemption = ""
