"""The channel catalog as a keyboard list: enabled or not, the method's verdict, any restriction."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from policy_model.channels import Recommendation, Verdict
from policy_model.draft import Channel

# One glyph per verdict, so the list stays one line per channel at 80 columns.
VERDICT_MARK: dict[Verdict, tuple[str, str]] = {
    "recommended": ("★", "bold green"),
    "optional": ("○", "cyan"),
    "not needed": ("·", "dim"),
    "against": ("✗", "bold red"),
    "your own": ("✎", "magenta"),
}


@dataclass(frozen=True)
class ChannelRow:
    """What one line shows: the channel as the draft holds it, its name, and the verdict."""

    channel: Channel
    name: str
    recommendation: Recommendation


def row_text(row: ChannelRow) -> Text:
    """`[x] ★ LinkedIn` — built as Text, so a custom channel's name is never markup."""
    mark, style = VERDICT_MARK[row.recommendation.verdict]
    text = Text("[x] " if row.channel.enabled else "[ ] ", style="bold" if row.channel.enabled else "")
    text.append(f"{mark} ", style=style)
    text.append(row.name)
    if row.channel.groups:
        count = len(row.channel.groups)
        text.append(f"  ({count} group{'s' * (count != 1)})", style="italic")
    return text


class ChannelList(OptionList):
    """One option per channel, its id as the option id; space asks to toggle the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_channel", "Enable/disable", id="channels.toggle",
                tooltip="Switch the highlighted channel on or off for the policy"),
        Binding("enter", "select", "Settings", id="channels.settings",
                tooltip="Accounts, devices, response time, archiving and who gets the highlighted channel"),
    ]

    @dataclass
    class Toggled(Message):
        """The user asked to switch a channel on or off."""

        channel_id: str

    def show(self, rows: list[ChannelRow], highlight: str | None = None) -> None:
        """Replace the lines, keeping the highlight on the same channel (or moving it to `highlight`)."""
        current = highlight or self.highlighted_id
        self.set_options(Option(row_text(row), id=row.channel.id) for row in rows)
        ids = [row.channel.id for row in rows]
        if ids:
            self.highlighted = ids.index(current) if current in ids else 0

    @property
    def highlighted_id(self) -> str | None:
        option = self.highlighted_option
        return option.id if option is not None else None

    def action_toggle_channel(self) -> None:
        if self.highlighted_id is not None:
            self.post_message(self.Toggled(self.highlighted_id))
