"""Step 2: which channels need engagement, and who may use which.

The catalog is listed with the method's verdict for the company's market and industry;
space switches a channel on or off, enter opens its terms and groups, and the access matrix
below counts who gets what. The matrix is computed in a thread worker, because over a large
roster the eligibility decisions behind it take a noticeable moment.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import OptionList, Static
from textual.worker import get_current_worker

from policy_model.access import GroupBy, Loss, matrix, who_loses
from policy_model.channels import (
    add_custom,
    channel_name,
    duties,
    enable_recommended,
    listed_channel,
    listed_channels,
    recommendations,
    remove_custom,
    set_enabled,
    toggle,
)
from policy_model.document import Derived, Document
from policy_model.draft import Channel, Employee
from policy_model.eligibility import Decision
from tui.screens.channel_settings import ChannelSettingsScreen, people_text
from tui.screens.text_prompt import TextPrompt
from tui.steps.base import Step
from tui.widgets.access_matrix import AccessMatrix
from tui.widgets.channel_list import ChannelList, ChannelRow


def terms_text(channel: Channel) -> str:
    """A channel's terms in one line: "business account; company phone; reply within 1 day; archived"."""
    terms = [a for a, on in (("business account", channel.business_account),
                             ("personal account", channel.personal_account)) if on]
    terms.append(", ".join(channel.devices) or "no device approved")
    if channel.response_time:
        terms.append(f"reply within {channel.response_time}")
    if channel.archiving_required:
        terms.append("archived")
    terms.append(f"only {', '.join(channel.groups)}" if channel.groups else "all granted")
    return "; ".join(terms)


class ChannelsStep(Step):
    KEY = "2"
    FOCUS = "#channel-list"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "enable_recommended", "Recommended", id="channels.enable-recommended",
                tooltip="Enable every channel the method recommends for your market and industry"),
        Binding("n", "add_custom", "New channel", id="channels.add-custom",
                tooltip="Add a channel the catalog lacks (your own app, a regional messenger)"),
        Binding("delete", "remove_custom", "Remove", id="channels.remove-custom",
                tooltip="Remove the highlighted custom channel (catalog channels are disabled instead)"),
        Binding("g", "group_by", "By role/dept", id="channels.group-by",
                tooltip="Count the access matrix by department or by role"),
    ]

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self.group_by: GroupBy = "department"
        self._highlight_next: str | None = None  # a channel just added, highlighted once it is listed

    def compose_body(self) -> ComposeResult:
        yield ChannelList(id="channel-list")
        yield Static(id="channel-why", markup=False)
        yield Static(id="channel-terms", markup=False)
        yield AccessMatrix(id="access-matrix")

    def on_mount(self) -> None:
        # Textual then runs the base class's on_mount too, which draws the step.
        self.query_one(ChannelList).border_title = "Channels  ★ recommended ○ optional ✗ against"

    # --- rendering ---------------------------------------------------------------------------

    def render_document(self) -> None:
        draft = self.document.draft
        recs = recommendations(draft)
        rows = [ChannelRow(c, channel_name(c), recs[c.id]) for c in listed_channels(draft) if c.id in recs]
        self.query_one(ChannelList).show(rows, highlight=self._highlight_next)
        self._highlight_next = None
        self._show_detail()
        self._refresh_matrix()

    def _show_detail(self) -> None:
        """The highlighted channel's verdict with its reasons, and its terms in one line."""
        channel_id = self.query_one(ChannelList).highlighted_id
        draft = self.document.draft
        why, terms = "", ""
        if channel_id is not None:
            channel = listed_channel(draft, channel_id)
            recommendation = recommendations(draft)[channel_id]
            why = f"{recommendation.verdict.capitalize()}: {recommendation.reason}"
            terms = terms_text(channel)
        self.query_one("#channel-why", Static).update(why)
        self.query_one("#channel-terms", Static).update(terms)
        self.query_one(ChannelList).border_subtitle = " · ".join(f"duty: {d.title}" for d in duties(draft))

    def decisions(self) -> tuple[Sequence[Employee], Sequence[Decision]]:
        """The roster and step 1's decisions, worked out once per revision of the document."""
        return self.document.roster.employees, self.document.decisions()

    def _refresh_matrix(self) -> None:
        table = self.query_one(AccessMatrix)
        table.border_title = f"Who gets which, by {self.group_by}"
        table.border_subtitle = "" if self.document.roster.employees else "no roster yet: import it in step 1"
        # The worker is given this revision's answers: the keyboard may change the draft while
        # it counts, which makes a new revision and leaves this one as it is.
        self._compute_matrix(self.document.derived, self.group_by)

    @work(thread=True, exclusive=True, group="access-matrix", description="counting the access matrix")
    def _compute_matrix(self, derived: Derived, by: GroupBy) -> None:
        computed = matrix(derived.draft, derived.roster.employees, derived.decisions(), by=by)
        if not get_current_worker().is_cancelled:  # a newer change has started a newer count
            self.app.call_from_thread(self.query_one(AccessMatrix).show, computed)

    # --- changes -----------------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#channel-list")
    def _highlighted(self) -> None:
        self._show_detail()

    @on(ChannelList.Toggled)
    def _toggled(self, event: ChannelList.Toggled) -> None:
        draft = self.document.draft
        losses: list[Loss] = []
        if listed_channel(draft, event.channel_id).enabled:
            employees, decided = self.decisions()
            losses = who_loses(draft, employees, decided, lambda d: set_enabled(d, event.channel_id, False))
        channel = self.apply(lambda draft: toggle(draft, event.channel_id))
        if losses:
            self.notify(f"{channel_name(channel)} disabled: {people_text([loss.employee for loss in losses])} "
                        "lose it", markup=False)

    @on(OptionList.OptionSelected, "#channel-list")
    def _open_settings(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is None:
            return
        employees, decided = self.decisions()
        self.app.push_screen(ChannelSettingsScreen(self.document, event.option.id, employees, decided,
                                                   on_change=self.draft_changed))

    def action_enable_recommended(self) -> None:
        switched = self.apply(enable_recommended)
        if not switched:
            self.notify("Every recommended channel is already enabled")
            return
        self.notify(f"Enabled {len(switched)} recommended channel{'s' * (len(switched) != 1)}")

    def action_add_custom(self) -> None:
        def named(name: str | None) -> None:
            if name is None:
                return
            try:
                channel = self.apply(lambda draft: add_custom(draft, name))
            except ValueError as error:
                self.notify(str(error), title="Not added", severity="error", markup=False)
                return
            self._highlight_next = channel.id

        self.app.push_screen(TextPrompt("Add a channel of your own", "its name, e.g. Client Portal chat"), named)

    def action_remove_custom(self) -> None:
        channel_id = self.query_one(ChannelList).highlighted_id
        if channel_id is None:
            return
        try:
            self.apply(lambda draft: remove_custom(draft, channel_id))
        except ValueError as error:
            self.notify(str(error), severity="warning", markup=False)

    def action_group_by(self) -> None:
        self.group_by = "role" if self.group_by == "department" else "department"
        self._refresh_matrix()
