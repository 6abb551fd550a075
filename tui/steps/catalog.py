"""The steps of the method: what the sidebar, the keys and the help say about each.

Kept apart from the step widgets so that the main screen can list every step, and bind its
key, without importing the later steps (their editors, preview and export are heavy); a
step's module is imported on its first visit.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.steps.base import Step


@dataclass(frozen=True)
class StepInfo:
    key: str
    title: str
    # The sidebar's label: short, so the step itself keeps the width at 80 columns.
    short: str
    purpose: str
    module: str
    class_name: str

    def load(self) -> type[Step]:
        step: type[Step] = getattr(import_module(f"tui.steps.{self.module}"), self.class_name)
        return step


STEPS = (
    StepInfo("1", "Who needs access", "Access",
             "decide which employees need social or mobile access to customers", "roster", "RosterStep"),
    StepInfo("2", "Channels", "Channels",
             "choose the channels your people use with customers, and who gets which", "channels", "ChannelsStep"),
    StepInfo("3", "Policy wording", "Wording",
             "word the policy, its training and its discipline", "wording", "WordingStep"),
    StepInfo("4", "Review and export", "Review",
             "get sign-off and export the Word document for legal", "review", "ReviewStep"),
)
BY_KEY = {step.key: step for step in STEPS}
