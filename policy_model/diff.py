"""What changed between two versions of a policy, in the policy's own terms.

A policy is revised every year and legal re-signs it; they want "WhatsApp was enabled for
Sales" and "Daniel Lee is now granted, by override", not a TOML text diff. `diff_drafts`
compares two drafts item by item (clauses, channels, rules by id; people by employee id) and
`render_lines` words the result. The same `DraftDiff` feeds `policy-tui diff`, the review
step and the Word redline, so the three can never tell different stories.

Who has access depends on the roster as well as on the draft. With both roster snapshots,
every person's decision is evaluated under the old and the new draft; without them, only the
overrides (the decisions a person made by hand) are compared, and the diff says so.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from types import MappingProxyType
from typing import Any, Literal

from .clauses import TIER_WORDS, tier
from .draft import Clause, Draft, Employee, Override
from .eligibility import Decision, decide, evaluate
from .signoff import stale_approvers
from .user_input import visible
from .word_diff import WordOp, inline, word_diff

Kind = Literal["added", "removed", "changed"]
AccessBasis = Literal["rosters", "overrides"]


@dataclass(frozen=True)
class FieldChange:
    """One field whose value differs; `name` is the field's name in the draft."""

    name: str
    old: Any
    new: Any


@dataclass
class ItemChange:
    """A keyed item (rule, channel, clause, approver...) added, removed or changed.

    `moved` is set when the item kept its place in neither list's shared order (order matters
    for rules, where the first match wins, and for clauses, which are the document's order).
    `words` holds the word-level change of a clause's text.
    """

    kind: Kind
    key: str
    label: str
    old: Any = None
    new: Any = None
    fields: list[FieldChange] = field(default_factory=list)
    moved: bool = False
    words: list[WordOp] = field(default_factory=list)
    old_index: int | None = None
    new_index: int | None = None


@dataclass(frozen=True)
class AccessChange:
    """A person whose access differs; None on one side means "not in that roster" (rosters
    basis) or "decided by the rules" (overrides basis)."""

    employee_id: str
    name: str
    old: Decision | None
    new: Decision | None

    @property
    def kind(self) -> str:
        """granted, revoked, changed, joined or left: the word a reader looks for first."""
        old = self.old.status if self.old else None
        new = self.new.status if self.new else None
        if new == "granted" and old != "granted":
            return "granted"
        if old == "granted" and new != "granted":
            return "revoked"
        return "changed"


@dataclass(frozen=True)
class StaleApproval:
    """An approval the changes made stale: who, and what they had given ("approved on ...")."""

    name: str
    given: str

    def __str__(self) -> str:
        return f"{self.name}: {self.given}, now for an earlier text"


@dataclass
class DraftDiff:
    """Every difference between an older and a newer draft, section by section."""

    header: list[FieldChange] = field(default_factory=list)
    roster: list[FieldChange] = field(default_factory=list)
    access: list[AccessChange] = field(default_factory=list)
    access_basis: AccessBasis = "rosters"
    access_note: str = ""
    overrides: list[ItemChange] = field(default_factory=list)
    rules: list[ItemChange] = field(default_factory=list)
    channels: list[ItemChange] = field(default_factory=list)
    clauses: list[ItemChange] = field(default_factory=list)
    sessions: list[ItemChange] = field(default_factory=list)
    completions: list[ItemChange] = field(default_factory=list)
    discipline: list[ItemChange] = field(default_factory=list)
    approvers: list[ItemChange] = field(default_factory=list)
    revisions: list[ItemChange] = field(default_factory=list)
    # Approvals current for the older draft that the newer one's changes made stale.
    stale: list[StaleApproval] = field(default_factory=list)

    @property
    def same(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self) if f.name not in ("access_basis", "access_note"))


# ---------------------------------------------------------------------------------------------
# Comparing


def diff_drafts(old: Draft, new: Draft, old_employees: Sequence[Employee] | None = None,
                new_employees: Sequence[Employee] | None = None, *, missing: str = "") -> DraftDiff:
    """Compare two drafts; pass both rosters to compare every person's access.

    `missing` names the roster snapshot that could not be read, for the note that explains
    why access was compared through overrides only.
    """
    names = {e.id: e.name for e in (*(old_employees or ()), *(new_employees or ()))}
    result = DraftDiff(
        header=_field_changes(old.policy, new.policy),
        roster=_field_changes(old.roster, new.roster),
        overrides=_keyed(old.eligibility.overrides, new.eligibility.overrides, lambda o: o.employee_id,
                         lambda o: f"{o.employee_id} {names.get(o.employee_id, '')}".strip(), ordered=False),
        rules=_keyed(old.eligibility.rules, new.eligibility.rules, lambda r: r.id, lambda r: r.id),
        channels=_keyed(old.channels, new.channels, lambda c: c.id, lambda c: c.name or c.id, ordered=False),
        clauses=_clauses(old.clauses, new.clauses),
        sessions=_keyed(old.training.sessions, new.training.sessions, lambda s: s.title, lambda s: s.title,
                        ordered=False),
        completions=_keyed(old.training.completions, new.training.completions,
                           lambda c: f"{c.employee_id}/{c.session}", lambda c: f"{c.employee_id}/{c.session}",
                           ordered=False),
        discipline=_keyed(old.discipline, new.discipline, lambda s: s.name, lambda s: s.name),
        approvers=_keyed(old.approvers, new.approvers, lambda a: a.name, lambda a: a.name, ordered=False),
        revisions=_keyed(old.revisions, new.revisions, lambda r: f"{r.version} {r.date}",
                         lambda r: f"version {r.version} of {r.date}", ordered=False),
    )
    if old.schema_version != new.schema_version:
        result.header.insert(0, FieldChange("schema_version", old.schema_version, new.schema_version))
    result.stale = newly_stale(old, new)
    if old_employees is not None and new_employees is not None:
        result.access = access_changes(old, new, old_employees, new_employees)
    else:
        result.access_basis = "overrides"
        result.access_note = (f"roster snapshot not available ({missing or 'one of the drafts'}): "
                              "access changes are computed from overrides only")
        result.access = override_access_changes(old.eligibility.overrides, new.eligibility.overrides, names)
    return result


def newly_stale(old: Draft, new: Draft) -> list[StaleApproval]:
    """Each approval the older draft held current and the newer one's changes made stale."""
    stale_before = set(stale_approvers(old))
    current_before = {a.name for n, a in enumerate(old.approvers) if n not in stale_before}
    given = (new.approvers[n] for n in stale_approvers(new))
    return [StaleApproval(a.name, f"{a.status}" + (f" on {a.date}" if a.date else "")
                          + (f" (version {a.version})" if a.version else ""))
            for a in given if a.name in current_before]


def access_changes(old: Draft, new: Draft, old_employees: Sequence[Employee],
                   new_employees: Sequence[Employee]) -> list[AccessChange]:
    """Everyone whose status differs, in new roster order, then those who left."""
    before = {e.id: d for e, d in zip(old_employees, evaluate(old, old_employees), strict=True)}
    changes: list[AccessChange] = []
    seen: set[str] = set()
    for employee, decision in zip(new_employees, evaluate(new, new_employees), strict=True):
        seen.add(employee.id)
        was = before.get(employee.id)
        if was is None or was.status != decision.status:
            changes.append(AccessChange(employee.id, employee.name, was, decision))
    for employee in old_employees:
        if employee.id not in seen:
            changes.append(AccessChange(employee.id, employee.name, before[employee.id], None))
    return changes


def override_access_changes(old: Sequence[Override], new: Sequence[Override],
                            names: dict[str, str]) -> list[AccessChange]:
    """Access changes visible without a roster: overrides whose status came or went."""
    before = {o.employee_id: o for o in old}
    after = {o.employee_id: o for o in new}
    changes = []
    for employee_id in [*after, *(k for k in before if k not in after)]:
        was, now = before.get(employee_id), after.get(employee_id)
        if was is not None and now is not None and was.status == now.status:
            continue
        changes.append(AccessChange(employee_id, names.get(employee_id, ""), _override_decision(was),
                                    _override_decision(now)))
    return changes


def _override_decision(override: Override | None) -> Decision | None:
    """The decision an override makes, worded as the eligibility step words it."""
    return None if override is None else decide(Employee(override.employee_id), (), override)


def _field_changes(old: Any, new: Any) -> list[FieldChange]:
    return [FieldChange(f.name, getattr(old, f.name), getattr(new, f.name)) for f in fields(old)
            if getattr(old, f.name) != getattr(new, f.name)]


def moved_keys(old_keys: Sequence[str], new_keys: Sequence[str]) -> set[str]:
    """Keys in both lists that are outside their longest shared order: the ones that moved."""
    matcher = difflib.SequenceMatcher(None, list(old_keys), list(new_keys), autojunk=False)
    kept = {new_keys[j] for block in matcher.get_matching_blocks() for j in range(block.b, block.b + block.size)}
    return (set(old_keys) & set(new_keys)) - kept


def _keyed(old: Sequence[Any], new: Sequence[Any], key: Callable[[Any], str], label: Callable[[Any], str],
           *, ordered: bool = True) -> list[ItemChange]:
    """Items matched by key: removed ones first (in old order), then added or changed (new order)."""
    before = _by_key(old, key)
    after = _by_key(new, key)
    moved = moved_keys(list(before), list(after)) if ordered else set()
    changes = [ItemChange("removed", k, label(item), old=item, old_index=n)
               for k, (n, item) in before.items() if k not in after]
    for k, (n, item) in after.items():
        if k not in before:
            changes.append(ItemChange("added", k, label(item), new=item, new_index=n))
            continue
        was_at, was = before[k]
        changed = _field_changes(was, item)
        if changed or k in moved:
            changes.append(ItemChange("changed", k, label(item), old=was, new=item, fields=changed,
                                      moved=k in moved, old_index=was_at, new_index=n))
    return changes


def _by_key(items: Sequence[Any], key: Callable[[Any], str]) -> dict[str, tuple[int, Any]]:
    """Items by key with their position; a repeated key (two approvers of one name) gets " #2"."""
    found: dict[str, tuple[int, Any]] = {}
    for n, item in enumerate(items):
        k = base = key(item)
        repeat = 1
        while k in found:
            repeat += 1
            k = f"{base} #{repeat}"
        found[k] = (n, item)
    return found


def _clauses(old: Sequence[Clause], new: Sequence[Clause]) -> list[ItemChange]:
    changes = _keyed(old, new, lambda c: c.id, lambda c: c.title or c.id)
    for change in changes:
        if change.kind == "changed" and change.old.text != change.new.text:
            change.words = word_diff(change.old.text, change.new.text)
    return changes


# ---------------------------------------------------------------------------------------------
# Wording

LineStyle = Literal["heading", "added", "removed", "changed", "note"]


@dataclass(frozen=True)
class Line:
    """One line of the summary and how to show it (the TUI colours by `style`).

    A `paragraph` is a clause's text, whose line breaks are its own; in any other line a line
    break belongs to a value and is shown as an escape.
    """

    style: LineStyle
    text: str
    indent: int = 0
    paragraph: bool = False


_LABELS = MappingProxyType({
    "effective_date": "effective date", "business_account": "business account",
    "personal_account": "personal accounts", "response_time": "response time",
    "archiving_required": "archiving required", "customer_facing": "customer-facing",
    "max_clients": "at most clients", "min_clients": "at least clients", "clients_unknown": "client load unknown",
    "employee_id": "employee", "imported_at": "imported at", "schema_version": "schema version",
    "exact": "role or department matched exactly",
})


def _label(name: str) -> str:
    return _LABELS.get(name, name.replace("_", " "))


def show(value: Any) -> str:
    """A field value as a person reads it: yes/no, lists comma-separated, "(not set)"."""
    if value is None or value == "" or value == [] or value == {}:
        return "(not set)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(show(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return str(value)


def _fields_text(changes: Sequence[FieldChange]) -> str:
    return "; ".join(f"{_label(c.name)} {show(c.old)} -> {show(c.new)}" for c in changes)


def decision_text(decision: Decision | None, basis: AccessBasis) -> str:
    if decision is None:
        return "not in the roster" if basis == "rosters" else "decided by the rules"
    return decision.status


def why(decision: Decision) -> str:
    return decision.reason if decision.overridden else f"rule {decision.rule_id}: {decision.reason}"


def render_lines(diff: DraftDiff, *, old_name: str = "old", new_name: str = "new") -> list[Line]:
    """The diff as lines of text in policy terms, section by section; empty sections left out."""
    lines: list[Line] = []

    def section(title: str, body: list[Line]) -> None:
        if body:
            lines.append(Line("heading", title))
            lines.extend(replace(line, indent=line.indent + 1) for line in body)

    section("Policy", [Line("changed", f"{_label(c.name).capitalize()}: {show(c.old)} -> {show(c.new)}")
                       for c in diff.header])
    section("Roster snapshot", [_roster_line(c) for c in diff.roster])
    section("Access", _access_lines(diff))
    # Without rosters the access section already lists the overrides whose status changed.
    shown = {a.employee_id for a in diff.access} if diff.access_basis == "overrides" else set()
    section("Overrides", [_item_line(c, "Override for", _override_summary, quote=False) for c in diff.overrides
                          if c.key not in shown])
    section("Eligibility rules", [_item_line(c, "Rule", lambda r: f"{r.outcome}: {r.reason}") for c in diff.rules])
    section("Channels", [line for c in diff.channels for line in _channel_lines(c)])
    section("Clauses", [line for c in diff.clauses for line in _clause_lines(c)])
    section("Training", [_item_line(c, "Session", lambda s: f"{s.format}, {show(s.date)}") for c in diff.sessions]
            + _completion_lines(diff.completions))
    section("Discipline", [_item_line(c, "Step", lambda s: s.description) for c in diff.discipline])
    section("Approvers", [_item_line(c, "Approver", lambda a: f"{a.title or a.role}, {a.status}")
                          for c in diff.approvers] + [Line("changed", str(s)) for s in diff.stale])
    section("Revisions", [_item_line(c, "Revision", lambda r: r.summary or r.author) for c in diff.revisions])
    if not lines:
        lines.append(Line("note", f"No changes between {old_name} and {new_name}."))
    return lines


def render_text(diff: DraftDiff, *, old_name: str = "old", new_name: str = "new") -> str:
    """The diff for a terminal: a paragraph's lines each at its indent, and every control
    character of a value shown as an escape, so no value writes a line that passes for ours."""
    return "".join("  " * line.indent + visible(part) + "\n"
                   for line in render_lines(diff, old_name=old_name, new_name=new_name)
                   for part in (line.text.split("\n") if line.paragraph else [line.text]))


def _roster_line(change: FieldChange) -> Line:
    if change.name == "sha256":
        return Line("changed", "Snapshot contents changed (re-imported)")
    if change.name == "mapping":
        return Line("changed", "Column mapping changed")
    if change.name == "clients":
        crm = change.new
        if crm is None:
            return Line("changed", "Client counts from a CRM export no longer recorded")
        return Line("changed", f"Client counts read from the CRM export {show(crm.source)} ({show(crm.imported_at)})")
    return Line("changed", f"{_label(change.name).capitalize()}: {show(change.old)} -> {show(change.new)}")


def _override_summary(override: Override) -> str:
    by = f" by {override.by}" if override.by else ""
    return f"{override.status}{by}: {override.reason}"


def _item_line(change: ItemChange, noun: str, summary: Callable[[Any], str], *, quote: bool = True) -> Line:
    name = f"{noun} '{change.label}'" if quote else f"{noun} {change.label}"
    if change.kind == "added":
        return Line("added", f"{name} added ({summary(change.new)})")
    if change.kind == "removed":
        return Line("removed", f"{name} removed (was {summary(change.old)})")
    parts = [_fields_text(change.fields)] if change.fields else []
    if change.moved:
        parts.append(f"moved from position {_position(change.old_index)} to {_position(change.new_index)}")
    return Line("changed", f"{name}: {'; '.join(parts)}")


def _access_lines(diff: DraftDiff) -> list[Line]:
    lines = [Line("note", diff.access_note)] if diff.access_note else []
    if not diff.access:
        return lines if diff.access_basis == "overrides" and diff.overrides else []
    counts: dict[str, int] = {}
    for change in diff.access:
        counts[change.kind] = counts.get(change.kind, 0) + 1
    lines.append(Line("note", ", ".join(f"{n} {kind}" for kind, n in counts.items())))
    for change in diff.access:
        who = f"{change.employee_id} {change.name}".strip()
        old = decision_text(change.old, diff.access_basis)
        new = decision_text(change.new, diff.access_basis)
        style: LineStyle = {"granted": "added", "revoked": "removed"}.get(change.kind, "changed")  # type: ignore[assignment]
        reason = f" ({why(change.new)})" if change.new else ""
        lines.append(Line(style, f"{who}: {old} -> {new}{reason}"))
        if change.old and (not change.new or why(change.old) != why(change.new)):
            lines.append(Line("note", f"was: {why(change.old)}", indent=1))
    return lines


def _channel_lines(change: ItemChange) -> list[Line]:
    name = f"Channel {change.label}"
    if change.kind == "added":
        state = "enabled" if change.new.enabled else "added (not enabled)"
        scope = f" for {show(change.new.groups)}" if change.new.enabled and change.new.groups else ""
        return [Line("added" if change.new.enabled else "changed", f"{name} {state}{scope}")]
    if change.kind == "removed":
        return [Line("removed", f"{name} removed{' (was enabled)' if change.old.enabled else ''}")]
    lines = []
    rest = []
    for c in change.fields:
        if c.name == "enabled":
            lines.append(Line("added" if c.new else "removed", f"{name} {'enabled' if c.new else 'disabled'}"))
        elif c.name == "groups":
            gained = [g for g in c.new if g not in c.old]
            lost = [g for g in c.old if g not in c.new]
            words = [f"now also {show(gained)}"] * bool(gained) + [f"no longer {show(lost)}"] * bool(lost)
            scope = "; ".join(words) if words else "groups reordered"
            if not c.new:
                scope = "now every granted employee" + (f" (was {show(c.old)})" if c.old else "")
            lines.append(Line("changed", f"{name} re-scoped: {scope}"))
        else:
            rest.append(c)
    if rest:
        lines.append(Line("changed", f"{name}: {_fields_text(rest)}"))
    return lines


def _clause_lines(change: ItemChange) -> list[Line]:
    name = f"Clause '{change.label}'"
    if change.kind == "added":
        return [Line("added", f"{name} added{'' if change.new.enabled else ' (disabled)'}"),
                Line("added", change.new.text, indent=1, paragraph=True)]
    if change.kind == "removed":
        return [Line("removed", f"{name} removed"), Line("removed", change.old.text, indent=1, paragraph=True)]
    lines = []
    for c in change.fields:
        if c.name == "enabled":
            lines.append(Line("added" if c.new else "removed", f"{name} {'enabled' if c.new else 'disabled'}"))
        elif c.name == "title":
            lines.append(Line("changed", f"Clause '{show(c.old)}' retitled '{show(c.new)}'"))
        elif c.name == "customised":
            lines.append(Line("note", f"{name} {'now marked' if c.new else 'no longer marked'} as customised"))
    if (was := tier(change.old)) != (now := tier(change.new)):
        lines.append(Line("changed", f"{name} now applies to {TIER_WORDS[now]} (was {TIER_WORDS[was]})"))
    if change.moved:
        lines.append(Line("changed", f"{name} moved from position {_position(change.old_index)} "
                                     f"to {_position(change.new_index)}"))
    if change.words:
        lines.append(Line("changed", f"{name} reworded:"))
        lines.append(Line("changed", inline(change.words), indent=1, paragraph=True))
    return lines


def _position(index: int | None) -> str:
    return "?" if index is None else str(index + 1)


def _completion_lines(changes: Sequence[ItemChange]) -> list[Line]:
    added = sum(c.kind == "added" for c in changes)
    removed = sum(c.kind == "removed" for c in changes)
    changed = len(changes) - added - removed
    words = [f"{added} recorded"] * bool(added) + [f"{removed} removed"] * bool(removed) \
        + [f"{changed} re-dated"] * bool(changed)
    return [Line("changed", f"Training completions: {', '.join(words)}")] if words else []


def change_summary(old: Draft, new: Draft) -> str:
    """One change to a draft in a few words, as undo and redo name it: the first line of the
    diff, its parenthesis dropped, with a count of the rest ("approver 'Dana Whitfield' added")."""
    lines = [line.text for line in render_lines(diff_drafts(old, new))
             if line.style not in ("heading", "note") and not line.paragraph]
    if not lines:
        return "a change"
    first = lines[0].split(" (", 1)[0].rstrip(":")
    more = f" and {len(lines) - 1} more" if len(lines) > 1 else ""
    return visible(first[:1].lower() + first[1:] + more)
