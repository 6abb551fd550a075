"""A small form in a dialog: a few labelled fields, checked by a model operation on enter.

The dialog hands the typed values to `apply`, which runs the model operation; if the model
refuses (ProblemsError, or ValueError in words), the message is shown in the dialog and
nothing typed is lost. Every add/edit dialog of steps 1 and 3 is this one class with
different fields; a form with many fields is drawn compact, a line per field, to fit 80x24.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from policy_model.problems import ProblemsError
from tui.screens.enter import submits_on_enter


@dataclass(frozen=True)
class FormField:
    """One field: an Input, or a Select when `choices` is given ((label, value) pairs)."""

    name: str
    label: str
    value: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    placeholder: str = ""


Values = dict[str, str]
# Fields drawn three lines each that fit a dialog at 80x24; a longer form is drawn compact.
FULL_FIELDS = 4
LABEL_WIDTH = 14


class FormScreen(ModalScreen[bool]):
    """Returns True once `apply` accepted the values, False on escape."""

    DEFAULT_CSS = """
    FormScreen .form-row { height: auto; }
    FormScreen .form-label { padding-top: 1; }
    FormScreen .form-row Input, FormScreen .form-row Select { width: 1fr; }
    FormScreen #form-error { color: $error; height: auto; }
    FormScreen .-compact .form-label { padding-top: 0; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without changing anything"),
        Binding("ctrl+j", "submit", "Accept", id="form.submit", tooltip="Check and accept what is typed"),
    ]

    def __init__(self, title: str, fields: Sequence[FormField], apply: Callable[[Values], None], *,
                 compact: bool = False) -> None:
        super().__init__()
        self.form_title = title
        self.fields = list(fields)
        self.apply = apply
        self.compact = compact or len(self.fields) > FULL_FIELDS

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form -compact" if self.compact else "dialog form"):
            yield Label(self.form_title, classes="dialog-title", markup=False)
            width = max(LABEL_WIDTH, *(len(f.label) + 1 for f in self.fields))
            for f in self.fields:
                with Horizontal(classes="form-row"):
                    label = Label(f.label, classes="form-label", markup=False)
                    label.styles.width = width  # the longest label whole ("Review every (months)")
                    yield label
                    if f.choices:
                        yield Select([(Text(label), value) for label, value in f.choices],
                                     value=f.value or f.choices[0][1], allow_blank=False, id=f"field-{f.name}",
                                     compact=self.compact)
                    else:
                        yield Input(f.value, placeholder=f.placeholder, id=f"field-{f.name}", compact=self.compact)
            yield Static("", id="form-error", markup=False)
            yield Label(self.hint, classes="dialog-hint")

    @property
    def hint(self) -> str:
        """What the keys do here: enter accepts from every field, a choice included."""
        if any(f.choices for f in self.fields):
            return "enter accepts · space opens a choice · tab next · esc cancels"
        return "enter to accept · tab next field · escape to cancel"

    def values(self) -> Values:
        result = {}
        for f in self.fields:
            widget = self.query_one(f"#field-{f.name}")
            result[f.name] = widget.value if isinstance(widget, Input) else str(widget.value)  # type: ignore[attr-defined]
        return result

    def action_submit(self) -> None:
        try:
            self.apply(self.values())
        except ProblemsError as error:
            self.query_one("#form-error", Static).update("\n".join(p.message for p in error.problems))
            return
        except ValueError as error:
            self.query_one("#form-error", Static).update(str(error))
            return
        self.dismiss(True)

    def on_key(self, event: events.Key) -> None:
        submits_on_enter(event, self.focused, self.action_submit)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def action_cancel(self) -> None:
        self.dismiss(False)
