"""The main screen: the steps in a sidebar, the current step beside it, keys in the footer.

Under 100 columns the sidebar folds away by itself, so the step gets the whole width at
80x24 (each step names itself in its first line, and 1-4 still switch); `ctrl+b` shows or
hides it at any width.

It also reads the roster snapshot in a thread worker after the first screen is up, with a
progress bar, so a 200,000-employee draft opens at once and stays usable while it loads. The
worker only reads; the UI thread installs what it read, unless an import replaced the roster
meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Header, OptionList, ProgressBar, TabbedContent, TabPane
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from policy_model.document import Document
from policy_model.draft import RosterRef
from policy_model.problems import Problem
from policy_model.roster_snapshot import Roster, read_snapshot
from tui.background import is_large
from tui.redraw import bring_up_to_date
from tui.steps.base import Step
from tui.steps.catalog import BY_KEY, STEPS
from tui.widgets.focus import first_focusable
from tui.widgets.footer import FittingFooter

# The narrowest screen that shows the sidebar unless asked: below it the step needs the room.
SIDEBAR_FROM = 100


class MainScreen(Screen[None]):
    # The step keys are shown by the sidebar itself, so they stay out of the footer (which keeps
    # room for each step's own keys at 80 columns); help and the palette still list them.
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(step.key, f"show_step('{step.key}')", step.title, id=f"step.{step.key}", show=False,
                  tooltip=f"Step {step.key}: {step.purpose}")
          for step in STEPS),
        Binding("ctrl+b", "toggle_sidebar", "Steps list", id="step.sidebar", show=False,
                tooltip=f"Show or hide the list of steps (hidden by itself under {SIDEBAR_FROM} columns)"),
        Binding("ctrl+t", "next_tab", "Next tab", id="step.next-tab",
                tooltip="The step's next tab (for example Training in step 3, Export in step 4)"),
    ]

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        # The sidebar as the user last chose it with ctrl+b; None: by the screen's width.
        self.sidebar_chosen: bool | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            yield OptionList(*(Option(f"{s.key} {s.short}", id=s.key) for s in STEPS), id="steps")
            # Only the first step is built at start; the others on their first visit, so opening a
            # draft stays quick however heavy the later steps are.
            with ContentSwitcher(initial=f"step-{STEPS[0].key}", id="step-switcher"):
                yield STEPS[0].load()(self.document)
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#steps", OptionList).highlighted = 0
        self._place_sidebar()
        self.query_one(Step).focus_default()
        # What is left to do needs a full check of the draft: after the first paint.
        self.call_after_refresh(self.show_progress)
        if not self.document.roster_loaded:
            # The bar exists only while a roster loads. The reading starts after the first paint:
            # the thread competes for the interpreter, and the screen should be up before it.
            self.mount(ProgressBar(id="roster-progress", show_eta=False), before=self.query_one(FittingFooter))
            # The worker gets the reference as it is now: the keyboard may import another roster
            # meanwhile (a new draft with a new reference), and this one says which snapshot
            # the read is for.
            document = self.document
            self.call_after_refresh(self.load_roster, document, document.path, document.draft.roster)

    async def show(self, document: Document) -> None:
        """Rebuild every step for another document (open, or recovery)."""
        self.workers.cancel_group(self, "roster")
        self.document = document
        await self.recompose()
        self.on_mount()

    @work(thread=True, exclusive=True, group="roster", description="reading the roster")
    def load_roster(self, document: Document, path: Path, ref: RosterRef) -> None:
        """Read the snapshot `ref` names and hand it to the UI thread; the document is not
        touched here (the UI thread may change or serialise it at any moment)."""
        worker = get_current_worker()
        bar = self.query_one("#roster-progress", ProgressBar)

        def progress(done: int, total: int) -> bool:
            self.app.call_from_thread(bar.update, progress=done, total=total)
            return worker.is_cancelled

        roster = read_snapshot(path, ref, progress)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._roster_read, document, ref, roster)

    def _roster_read(self, document: Document, ref: RosterRef, roster: Roster) -> None:
        """Install the roster just read, unless it is stale: another draft is shown (its own
        load has its own bar), or an import replaced the roster while this one was read."""
        if document is not self.document:
            return
        self.query("#roster-progress").remove()
        if not document.install_roster(ref, roster):
            return
        self.render_steps()
        problems = roster.problems  # a missing or changed snapshot, bad rows
        for problem in problems[:5]:
            self.notify(str(problem), severity="warning", timeout=8)
        if len(problems) > 5:
            self.notify(f"... and {len(problems) - 5} more roster problems; run policy-tui check to list them",
                        severity="warning", timeout=8)

    def on_resize(self, event: events.Resize) -> None:
        self._place_sidebar()

    def _place_sidebar(self) -> None:
        shown = self.sidebar_chosen if self.sidebar_chosen is not None else self.size.width >= SIDEBAR_FROM
        sidebar = self.query_one("#steps", OptionList)
        sidebar.display = shown
        if not shown and sidebar.has_focus:
            self.query_one(f"#step-{self.current_step}", Step).focus_default()

    def action_toggle_sidebar(self) -> None:
        self.sidebar_chosen = not self.query_one("#steps", OptionList).display
        self._place_sidebar()

    @property
    def current_step(self) -> str:
        return (self.query_one(ContentSwitcher).current or "step-1").removeprefix("step-")

    async def action_show_step(self, key: str) -> None:
        await self._switch_to(key)
        options = self.query_one("#steps", OptionList)
        options.highlighted = options.get_option_index(key)
        self.query_one(f"#step-{key}", Step).focus_default()

    @on(OptionList.OptionHighlighted, "#steps")
    async def _step_picked(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            await self._switch_to(event.option.id)

    async def _switch_to(self, key: str) -> None:
        switcher = self.query_one(ContentSwitcher)
        if not switcher.query_children(f"#step-{key}"):
            await switcher.mount(BY_KEY[key].load()(self.document))
            self.show_progress()
        switcher.current = f"step-{key}"
        bring_up_to_date(switcher.query_one(f"#step-{key}"))

    def action_next_tab(self) -> None:
        """Cycle the current step's tabs and give the keyboard to the tab shown."""
        step = self.query_one(f"#step-{self.current_step}", Step)
        found = step.query(TabbedContent)
        if not found:
            return
        tabs = found.first()
        # Disabled and hidden tabs are skipped, as Textual's own left and right keys skip them.
        panes = [pane.id for pane in tabs.get_child_by_type(ContentSwitcher).query_children(TabPane)
                 if pane.id and not pane.disabled and tabs.get_tab(pane.id).display]
        if not panes:
            return
        current = panes.index(tabs.active) if tabs.active in panes else -1
        tabs.active = panes[(current + 1) % len(panes)]
        target = first_focusable(tabs.get_pane(tabs.active))
        if target is not None:
            target.focus()

    def render_steps(self) -> None:
        """Every step from the document, and what is left to do in each."""
        for step in self.query(Step):
            step.refresh_document()
        self.show_progress()

    def show_progress(self) -> None:
        """Check the draft once, then show what is left to do in each step (in the sidebar and
        under each step's purpose) and give the problems to the steps that list them.

        For a large roster the check runs in a worker, on this revision of the document (the
        keyboard may change it meanwhile), and what it found follows a moment later.
        """
        if is_large(self.document):
            self._check_in_background(self.document.at_revision(), self.document)
        else:
            self._show_checked(checked(self.document))

    @work(thread=True, exclusive=True, group="progress", description="checking the draft")
    def _check_in_background(self, copied: Document, document: Document) -> None:
        found = checked(copied)
        if not get_current_worker().is_cancelled and document is self.document:
            self.app.call_from_thread(self._show_checked, found)

    def _show_checked(self, found: Checked) -> None:
        options = self.query_one("#steps", OptionList)
        for info in STEPS:
            mark = "•" if found.left[info.key] else "✓"
            options.replace_option_prompt(info.key, f"{info.key} {info.short} {mark}")
        # A step still being mounted (its first visit) gets the check that follows its mount.
        for step in (step for step in self.query(Step) if step.is_mounted):
            step.show_left(found.left[step.KEY])
            step.show_problems(found.problems)

    @on(Step.Changed)
    def _draft_changed(self) -> None:
        self.render_steps()
        self.app.refresh_title()  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Checked:
    """What one full check of the draft found, and what is left to do in each step because of it."""

    problems: list[Problem]
    left: dict[str, list[str]]


def checked(document: Document) -> Checked:
    # The full check (lint, the clause library) is loaded after the first screen is up.
    from policy_model.checks import check_document
    from policy_model.left_to_do import outstanding

    problems = check_document(document)
    return Checked(problems, outstanding(document, problems))
