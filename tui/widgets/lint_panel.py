"""The policy lint's problems, errors first; choosing one jumps to the words it is about, and
`A` accepts a warning (with a reason) rather than fixing it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from policy_model.lint import Finding
from policy_model.problems import errors_in, summary


def finding_row(finding: Finding, accepted: bool = False) -> Text:
    """✖ for an error, ⚠ for a warning (✓ once accepted), then the message (which names its
    clause), as plain text."""
    problem = finding.problem
    icon = {"error": Text("✖ ", style="bold red"), "warning": Text("⚠ ", style="bold yellow"),
            "todo": Text("○ ", style="bold")}[problem.severity]
    if accepted:
        return Text.assemble(Text("✓ accepted: ", style="green"), problem.message)
    return Text.assemble(icon, problem.message)


class LintPanel(OptionList):
    """Shows the findings it is given; posts `Picked` when the user chooses one, and
    `AcceptAsked` for a warning to accept."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("A", "accept", "Accept warning", id="lint.accept",
                tooltip="Accept the highlighted warning with a reason rather than fix it (FINAL needs each "
                "warning fixed or accepted)"),
    ]

    @dataclass
    class Picked(Message):
        finding: Finding

    @dataclass
    class AcceptAsked(Message):
        finding: Finding

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.findings: list[Finding] = []

    def show(self, findings: list[Finding], accepted: frozenset[str] = frozenset()) -> None:
        self.findings = findings
        self.set_options(Option(finding_row(f, f.problem.id in accepted)) for f in findings)
        problems = [f.problem for f in findings]
        errors = len(errors_in(problems))
        warnings = len(problems) - errors
        self.border_title = f"Lint: {summary(problems)}" if findings else "Lint: no problems"
        self.set_class(errors > 0, "-errors")
        self.set_class(not errors and warnings > 0, "-warnings")

    def _highlighted_warning(self) -> Finding | None:
        index = self.highlighted
        finding = self.findings[index] if index is not None and index < len(self.findings) else None
        return finding if finding is not None and finding.problem.severity == "warning" else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Accepting needs a warning highlighted; otherwise it is shown dimmed."""
        return None if action == "accept" and self._highlighted_warning() is None else True

    def action_accept(self) -> None:
        finding = self._highlighted_warning()
        if finding is not None:
            self.post_message(self.AcceptAsked(finding))

    @on(OptionList.OptionHighlighted)
    def _moved(self) -> None:
        self.refresh_bindings()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Picked(self.findings[event.option_index]))
