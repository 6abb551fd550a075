"""One channel's terms: accounts, devices, response time, archiving, and who gets it.

Every change is applied to the draft as it is made (through the model's operations), so the
step behind the dialog, undo and "unsaved changes" all follow at once; escape just closes.
Narrowing the channel says straight away whom it takes the channel from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from policy_model.access import Loss, left_out, who_loses
from policy_model.channels import (
    DEVICES,
    catalog,
    channel_name,
    configure,
    listed_channel,
    recommendations,
    restrict,
    set_enabled,
)
from policy_model.document import Document
from policy_model.draft import Channel, Draft, Employee
from policy_model.eligibility import Decision
from policy_model.groups import group_text, parse_group
from tui.widgets.tick_list import TickList

# The yes/no settings, as (value in the list, what the list says).
SWITCHES: tuple[tuple[str, str], ...] = (
    ("enabled", "Enabled in the policy"),
    ("business_account", "Business account allowed"),
    ("personal_account", "Personal account allowed"),
    *((f"device:{d}", d.capitalize()) for d in DEVICES),
    ("archiving_required", "Messages must be archived"),
)
NAMES_SHOWN = 4


def people_text(people: Sequence[Employee]) -> str:
    """ "3 people: Lee, Daniel; Ng, Mai; Ito, Ken" with the rest counted, for one short line."""
    names = "; ".join(p.name or p.id for p in people[:NAMES_SHOWN])
    more = f" and {len(people) - NAMES_SHOWN} more" if len(people) > NAMES_SHOWN else ""
    return f"{len(people)} {'person' if len(people) == 1 else 'people'}: {names}{more}"


class ChannelSettingsScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="channel-settings.close",
                tooltip="Back to the channel list (changes are already in the draft)"),
        Binding("enter", "close", "Done", show=False, id="channel-settings.done",
                tooltip="Keep the reply time typed and go back to the channel list"),
    ]

    def __init__(self, document: Document, channel_id: str, employees: Sequence[Employee],
                 decisions: Sequence[Decision], on_change: Callable[[], None]) -> None:
        super().__init__()
        self.document = document
        self.channel_id = channel_id
        self.employees = employees
        self.decisions = decisions
        self.on_change = on_change

    @property
    def channel(self) -> Channel:
        return listed_channel(self.document.draft, self.channel_id)

    def compose(self) -> ComposeResult:
        """The controls first, in the order tab visits them (the lists, then the fields below
        them), so every term, "Messages must be archived" included, is on screen at 80x24; the
        recommendation and how to archive follow, whole (step 2 shows them too)."""
        draft = self.document.draft
        channel = self.channel
        recommendation = recommendations(draft).get(channel.id)
        with Vertical(classes="dialog channel-settings"):
            verdict = f" — {recommendation.verdict}" if recommendation else ""
            yield Label(f"{channel_name(channel)}{verdict}", classes="dialog-title", markup=False)
            with Horizontal(classes="channel-columns"):
                yield TickList[str](*self._switches(), id="channel-switches")
                yield TickList[str](*self._groups(), id="channel-groups")
            with Horizontal(classes="channel-fields"):
                with Horizontal(classes="channel-field"):
                    yield Label("Reply within", classes="channel-label")
                    yield Input(channel.response_time, placeholder="e.g. 1 business day",
                                id="channel-response-time", compact=True,
                                tooltip="How soon customers can expect an answer; enter to keep it")
                with Horizontal(classes="channel-field"):
                    yield Label("Add group", classes="channel-label")
                    yield Input(placeholder="role:NAME or employee:ID", id="channel-add-group", compact=True,
                                tooltip="Narrow the channel to a role or a person; enter to add")
            yield Static(id="channel-reach", markup=False)
            yield Static(id="channel-effect", markup=False)
            if recommendation is not None:
                yield Static(recommendation.reason, markup=False, classes="channel-why")
            entry = catalog().get(channel.id)
            if entry is not None:
                yield Static(f"Archiving: {entry.archiving_how}", markup=False, classes="channel-why")
            yield Label("space ticks · tab next · enter or escape: done (in Add group, enter adds)",
                        classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#channel-switches").border_title = "Terms"
        self.query_one("#channel-groups").border_title = "Only for (none ticked: all granted)"
        self._show_reach()

    def _switches(self) -> list[Selection[str]]:
        channel = self.channel
        on = {"enabled": channel.enabled, "business_account": channel.business_account,
              "personal_account": channel.personal_account, "archiving_required": channel.archiving_required,
              **{f"device:{d}": d in channel.devices for d in DEVICES}}
        return [Selection(label, value, on[value]) for value, label in SWITCHES]

    def _groups(self) -> list[Selection[str]]:
        """Every department of the roster (with its granted count), then the channel's other groups."""
        granted = Counter(e.department for e, d in zip(self.employees, self.decisions, strict=True)
                          if d.status == "granted")
        chosen = [str(parse_group(g)) for g in self.channel.groups]
        departments = sorted({e.department for e in self.employees if e.department}, key=str.lower)
        values = [group_text("department", d) for d in departments]
        labels = {v: f"{d} ({granted[d]} granted)" for v, d in zip(values, departments, strict=True)}
        extra = [g for g in chosen if g not in labels]
        return [Selection(labels.get(v, v), v, v in chosen) for v in [*values, *extra]]

    def _apply(self, operation: Callable[[Draft], object]) -> None:
        """Change the channel through the document's one door; the step behind follows."""
        self.document.apply(operation)
        self.on_change()
        self._show_reach()

    @on(SelectionList.SelectedChanged, "#channel-switches")
    def _switches_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        ticked = set(event.selection_list.selected)
        draft = self.document.draft
        before = self.channel.enabled
        losses = [] if "enabled" in ticked or not before else who_loses(
            draft, self.employees, self.decisions, lambda d: set_enabled(d, self.channel_id, False))

        def switched(draft: Draft) -> None:
            set_enabled(draft, self.channel_id, "enabled" in ticked)
            configure(draft, self.channel_id, business_account="business_account" in ticked,
                      personal_account="personal_account" in ticked,
                      devices=[d for d in DEVICES if f"device:{d}" in ticked],
                      archiving_required="archiving_required" in ticked)

        self._say_losses(losses)
        self._apply(switched)

    @on(SelectionList.SelectedChanged, "#channel-groups")
    def _groups_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        self._restrict(list(event.selection_list.selected))

    def _restrict(self, groups: list[str]) -> None:
        draft = self.document.draft
        losses = who_loses(draft, self.employees, self.decisions, lambda d: restrict(d, self.channel_id, groups))
        self._say_losses(losses)
        self._apply(lambda draft: restrict(draft, self.channel_id, groups))

    @on(Input.Submitted, "#channel-add-group")
    def _add_group(self, event: Input.Submitted) -> None:
        try:
            group = str(parse_group(event.value))
        except ValueError as error:
            self.notify(str(error), title="Not added", severity="error", markup=False)
            return
        groups_list = self.query_one("#channel-groups", SelectionList)
        if group not in self.channel.groups:
            if group not in [groups_list.get_option_at_index(n).value for n in range(groups_list.option_count)]:
                groups_list.add_option(Selection(group, group, True))
            else:
                with groups_list.prevent(SelectionList.SelectedChanged):
                    groups_list.select(group)
            self._restrict(list(groups_list.selected))
        event.input.value = ""

    @on(Input.Submitted, "#channel-response-time")
    def _response_time_submitted(self) -> None:
        self.action_close()

    def _save_response_time(self) -> None:
        text = self.query_one("#channel-response-time", Input).value
        if " ".join(text.split()) != self.channel.response_time:
            self._apply(lambda draft: configure(draft, self.channel_id, response_time=text))

    def _say_losses(self, losses: list[Loss]) -> None:
        effect = self.query_one("#channel-effect", Static)
        if losses:
            effect.update(f"This change took {channel_name(self.channel)} from "
                          f"{people_text([loss.employee for loss in losses])}")
            effect.add_class("loses")
        else:
            effect.update("")
            effect.remove_class("loses")

    def _show_reach(self) -> None:
        channel = self.channel
        granted = sum(d.status == "granted" for d in self.decisions)
        if not channel.enabled:
            text = "Disabled: nobody gets this channel."
        elif not channel.groups:
            text = f"Every granted employee gets it ({granted})."
        else:
            out = left_out(self.document.draft, self.employees, self.decisions, self.channel_id)
            text = f"{granted - len(out)} of {granted} granted get it." + (
                f" Left out: {people_text(out)}" if out else "")
        self.query_one("#channel-reach", Static).update(text)

    def action_close(self) -> None:
        self._save_response_time()
        self.dismiss(None)
