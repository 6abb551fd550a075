"""The policy lint's problems, errors first; choosing one jumps to the words it is about."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from policy_model.lint import Finding
from policy_model.problems import errors_in, summary


def finding_row(finding: Finding) -> Text:
    """✖ for an error, ⚠ for a warning, then the message (which names its clause), as plain text."""
    problem = finding.problem
    icon = {"error": Text("✖ ", style="bold red"), "warning": Text("⚠ ", style="bold yellow"),
            "todo": Text("○ ", style="bold")}[problem.severity]
    return Text.assemble(icon, problem.message)


class LintPanel(OptionList):
    """Shows the findings it is given; posts `Picked` when the user chooses one."""

    @dataclass
    class Picked(Message):
        finding: Finding

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.findings: list[Finding] = []

    def show(self, findings: list[Finding]) -> None:
        self.findings = findings
        self.set_options(Option(finding_row(f)) for f in findings)
        problems = [f.problem for f in findings]
        errors = len(errors_in(problems))
        warnings = len(problems) - errors
        self.border_title = f"Lint: {summary(problems)}" if findings else "Lint: no problems"
        self.set_class(errors > 0, "-errors")
        self.set_class(not errors and warnings > 0, "-warnings")

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Picked(self.findings[event.option_index]))
