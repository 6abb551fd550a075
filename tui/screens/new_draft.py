"""The New draft dialog: what a draft needs to know from the start, in one form with defaults.

The fields are a list of `FormField`s whose names are the keyword arguments of `create_new`
(the code behind `policy-tui new`), so asking one more thing of a new draft is one field here
and one argument there.
"""

from __future__ import annotations

from pathlib import Path

from policy_model.details import INDUSTRIES
from policy_model.draft import MARKETS
from policy_model.draft_lock import locked
from policy_model.law import FIRM_KINDS
from policy_model.problems import Problem, ProblemsError
from tui.commands.new import create_new
from tui.screens.form import FormField, FormScreen, Values

FIELDS = (
    FormField("path", "File name", "policy.toml", placeholder="the .toml file to create, e.g. policy.toml"),
    FormField("company", "Company", placeholder="the company's name"),
    FormField("market", "Market", "b2b", choices=tuple((m, m) for m in MARKETS)),
    FormField("industry", "Industry", "general", choices=tuple((i, i) for i in INDUSTRIES)),
    FormField("firm", "Kind of firm", "general", choices=tuple((k, k) for k in FIRM_KINDS)),
    FormField("jurisdictions", "Law of", placeholder="ISO codes where people work, e.g. US-CA US-NY GB"),
)
WHERE = {f.name: f.label for f in FIELDS}


class NewDraftScreen(FormScreen):
    """Returns True once the draft is written at `path`, False on escape."""

    def __init__(self) -> None:
        super().__init__("New draft", FIELDS, self.create, compact=True)
        self.path: Path | None = None

    def create(self, values: Values) -> None:
        text = values.pop("path").strip()
        if not text:
            raise ProblemsError([Problem(WHERE["path"], "type the name of the file to create")])
        path = Path(text).expanduser()
        with locked(path):
            create_new(path, fields=WHERE, **values)  # type: ignore[arg-type]  # the Select offers only markets
        self.path = path
