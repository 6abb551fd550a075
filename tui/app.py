"""The Textual app: it holds the one open document and the screens that show it.

The App stays small: it owns the document, saving, opening, undo and quitting; keeping the
draft safe (recovery file, edits made outside the app) lives in `tui/safekeeping.py`; each step
is its own widget in `tui/steps/`, each dialog its own screen in `tui/screens/`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path, PurePath
from typing import ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from policy_model.document import ChangedOnDiskError, Document
from policy_model.draft_lock import locked
from policy_model.problems import ProblemsError
from policy_model.review_cycle import review_note
from tui.keymap import Keymap
from tui.launch import document_for
from tui.recent import RecentDrafts
from tui.safekeeping import Safekeeping
from tui.screens.answer import Answer
from tui.screens.main import MainScreen

# Dialogs, help and the start screen are imported when first shown: start-up loads only what
# the first screen draws.


class PolicyApp(App[None]):
    """policy-tui: walk the three steps and export the policy."""

    TITLE = "policy-tui"
    # One stylesheet for the shell and one per step, so each step's look lives beside its peers.
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        f"styles/{name}.tcss" for name in ("app", "roster", "channels", "wording", "review")
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="save", tooltip="Write the draft to its file"),
        # Undo and redo stay out of the footer, which at 80 columns needs the room for each step's
        # own keys; help (f1) and the palette list them.
        Binding("ctrl+z", "undo", "Undo", id="undo", show=False, tooltip="Undo the last change to the draft"),
        Binding("ctrl+y", "redo", "Redo", id="redo", show=False, tooltip="Redo the change just undone"),
        Binding("ctrl+o", "open", "Open", id="open", show=False, tooltip="Open another draft file"),
        Binding("ctrl+n", "new_draft", "New draft", id="new", show=False,
                tooltip="Start a new draft: file name, company, market and industry"),
        Binding("f1", "help", "Help", id="help", tooltip="Every key and what it does"),
        Binding("ctrl+q", "quit", "Quit", id="quit", tooltip="Leave (asks first if there are unsaved changes)",
                priority=True),
    ]

    def __init__(self, document: Document | None, *, recent: RecentDrafts | None = None,
                 autosave_seconds: float = 5.0, keymap: Keymap | None = None) -> None:
        super().__init__()
        self.document = document
        # The name the person at the keyboard gave, recorded with each approval they enter.
        self.recorder = ""
        self.keymap = keymap or Keymap()
        self.recent = recent or RecentDrafts(None)
        self.safekeeping = Safekeeping(self, autosave_seconds)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Save, undo and redo need a draft: on the start screen they are not offered."""
        if action in ("save", "undo", "redo") and self.document is None:
            return False
        return True

    def get_default_screen(self) -> Screen[None]:
        """The first screen is the draft itself (or the start screen), never an empty one."""
        if self.document is None:
            from tui.screens.start import StartScreen

            return StartScreen(self.recent.paths)
        return MainScreen(self.document)

    def on_mount(self) -> None:
        self.set_keymap(self.keymap.keys)
        for problem in self.keymap.problems:
            self.notify(problem, title="keymap.toml", severity="warning", timeout=15, markup=False)
        self.safekeeping.start()
        if self.document is not None:
            self._opened(self.document)

    def _show(self, document: Document) -> None:
        """Show another document: the main screen rebuilds itself, or comes up over the start."""
        self.document = document
        main = self.main_screen
        if main is None:
            self.push_screen(MainScreen(document))
        else:
            self.call_after_refresh(main.show, document)
        self._opened(document)

    def _opened(self, document: Document) -> None:
        if document.exists:
            # Writing the list waits for the disk (two fsyncs): after the first paint.
            self.call_after_refresh(self.recent.add, document.path)
        self.refresh_title()
        for problem in document.problems:
            self.notify(str(problem), severity="warning", timeout=8)
        self.safekeeping.opened(document)

    @property
    def main_screen(self) -> MainScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)

    def draft_replaced(self) -> None:
        """The document's draft changed wholesale (undo, redo, recovery): every step re-renders."""
        if self.main_screen is not None:
            self.main_screen.render_steps()
        self.refresh_title()

    def refresh_title(self) -> None:
        """The header shows the file and whether it has unsaved changes (read from the model)."""
        document = self.document
        if document is None:
            self.sub_title = ""
            return
        marks = []
        if document.modified:
            marks.append("unsaved changes")
        if document.read_only:
            marks.append("read-only")
        if review := review_note(document.draft):
            marks.append(review)
        self.sub_title = str(document.path) + (f" • {', '.join(marks)}" if marks else "")

    def open_path(self, path: Path) -> None:
        """Open a draft (a new one if the file does not exist); problems are shown, not raised."""
        try:
            document = document_for(path)
        except ProblemsError as error:
            self.notify("\n".join(str(p) for p in error.problems[:8]), title="This draft cannot be opened",
                        severity="error", timeout=15)
            return
        self._show(document)

    def action_save(self, overwrite_outside_edit: bool = False) -> None:
        document = self.document
        if document is None:
            return
        try:
            # Under the draft's lock, so a command changing the file cannot slip in between
            # the check for an outside edit and the write.
            with locked(document.path):
                document.save(overwrite_outside_edit=overwrite_outside_edit)
        except ChangedOnDiskError:
            self.safekeeping.ask_about_outside_edit(saving=True)
            return
        except ProblemsError as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=10)
            return
        except OSError as error:
            self.notify(f"{document.path}: {error.strerror}", title="Not saved", severity="error", timeout=10)
            return
        self.safekeeping.discard(document)  # saved: nothing is left to recover
        self.recent.add(document.path)
        self.refresh_title()
        self.notify(f"Saved {document.path}")

    def action_undo(self) -> None:
        self._moved_in_history("undid", self.document.undo() if self.document else None, "Nothing to undo")

    def action_redo(self) -> None:
        self._moved_in_history("redid", self.document.redo() if self.document else None, "Nothing to redo")

    def _moved_in_history(self, verb: str, label: str | None, nothing: str) -> None:
        """Say what undo or redo changed, so it is never silent; the label is the user's text."""
        if label is None:
            self.notify(nothing, timeout=2)
            return
        self.draft_replaced()
        self.notify(f"{verb}: {label}", timeout=4, markup=False)

    def action_open(self) -> None:
        from tui.screens.path_prompt import PathPrompt

        def chosen(path: Path | None) -> None:
            if path is not None:
                self.unless_unsaved("Open another draft", lambda: self.open_path(path))

        self.push_screen(PathPrompt("Open a draft", "path of a .toml draft (a new one if it does not exist)"), chosen)

    def action_new_draft(self) -> None:
        """Ask what a new draft needs in one dialog, then open it at step 1."""
        from tui.screens.new_draft import NewDraftScreen

        def closed(screen: NewDraftScreen, created: bool | None) -> None:
            if created and screen.path is not None:
                self.open_path(screen.path)

        def ask() -> None:
            screen = NewDraftScreen()
            self.push_screen(screen, lambda created: closed(screen, created))

        self.unless_unsaved("Start a new draft", ask)

    async def action_quit(self) -> None:
        self.unless_unsaved("Quit", self.exit)

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def unless_unsaved(self, what: str, then: Callable[[], object]) -> None:
        """Run `then` now, or after asking when the draft has unsaved changes; either way once
        no autosave write is running, so none ends after it (the app gone, another draft
        open) and re-creates a recovery file the user just saved or discarded."""
        from tui.screens.choice import unsaved_question

        if self.document is None or not self.document.modified:
            self.safekeeping.when_quiet(then)
            return

        def answered(choice: str | None) -> None:
            if choice == "save":
                self.action_save()
                if self.document is not None and self.document.modified:
                    return
            if choice in ("save", "discard"):
                if choice == "discard" and self.document is not None:
                    self.safekeeping.discard(self.document)
                self.safekeeping.when_quiet(then)

        self.push_screen(unsaved_question(what), answered)

    def ask(self, question: str, answers: list[Answer], detail: str, then: Callable[[str], None]) -> None:
        """Put a question to the user; `then` receives the answer's id ("cancel" on escape)."""
        from tui.screens.choice import ChoiceScreen

        self.push_screen(ChoiceScreen(question, answers, detail), lambda choice: then(choice or "cancel"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette offers every app and screen binding, so nothing is reachable by key alone."""
        yield from super().get_system_commands(screen)
        seen = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.action in seen or binding.action == "command_palette":
                continue
            seen.add(binding.action)
            yield SystemCommand(binding.description, f"{binding.tooltip} ({key})".lstrip(),
                                lambda action=binding.action, node=active.node: self.run_action(action, node))
