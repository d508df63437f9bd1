"""AnnotationController: turns key presses, menu picks and clicks into model edits.

Every annotation action is a QAction here, shared by the menu, the label toolbar,
the article's right-click menu and its keyboard shortcuts (active while the article
has focus, so typing in the filter box never labels anything).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from desktop.core.spans import occurrences, snap_to_words, word_boundary_step
from desktop.model.session_model import SessionModel
from desktop.ui import plain_text
from desktop.ui.article_view import ArticleView
from desktop.ui.label_keys import bindable_keys, command_keys, unbound_message
from desktop.ui.legend import colour_icon

_SNAP_KEY = "annotation/snapToWords"


class AnnotationController(QObject):
    """The annotation actions, and what each one does to the model."""

    sigMessage = Signal(str)
    sigLabelActionsChanged = Signal()

    def __init__(self, model: SessionModel, view: ArticleView, parent: QWidget) -> None:
        super().__init__(parent)
        self._model, self._view, self._parent = model, view, parent
        self.label_actions: list[QAction] = []
        self._built_for: list = []  # the labels the actions were made for
        self._told_unbound: list = []  # the labels whose keys the person was told are unbound
        self.snap_action = self._action("Snap Selection to &Words", None, None)
        self.snap_action.setCheckable(True)
        self.snap_action.setChecked(QSettings().value(_SNAP_KEY, True, type=bool))
        self.snap_action.toggled.connect(lambda on: QSettings().setValue(_SNAP_KEY, on))
        self.accept_action = self._action("&Accept Suggestion", "Return", self.accept_selected)
        self.reject_action = self._action("&Reject Suggestion", "Backspace", self.reject_selected)
        self.delete_action = self._action("&Delete Highlight", "Del", self.delete_selected)
        self.note_action = self._action("Edit &Note…", "F2", self.edit_note)
        self.occurrences_action = self._action("Label All &Occurrences…", "Ctrl+L", self.label_occurrences)
        self.next_action = self._action("&Next Highlight", "N", lambda: self.step(1))
        self.previous_action = self._action("&Previous Highlight", "P", lambda: self.step(-1))
        self.next_suggestion_action = self._action(
            "Next &Suggestion", "S", lambda: self.step(1, suggestions_only=True))
        self.grow_end_action = self._action("Grow End by a Word", "Alt+Right", lambda: self.resize(0, 1))
        self.shrink_end_action = self._action("Shrink End by a Word", "Alt+Left", lambda: self.resize(0, -1))
        self.grow_start_action = self._action("Grow Start by a Word", "Alt+Shift+Left", lambda: self.resize(-1, 0))
        self.shrink_start_action = self._action("Shrink Start by a Word", "Alt+Shift+Right", lambda: self.resize(1, 0))
        self.clear_action = self._action("Clear Selection", "Esc", self.clear_selection)
        self.accept_all_menu = QMenu("Accept All &Suggestions of", parent)
        self.rebuild_label_actions()
        model.sigChanged.connect(self._on_change)
        model.sigSessionReset.connect(self.rebuild_label_actions)
        view.customContextMenuRequested.connect(self._show_context_menu)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    # -- actions -------------------------------------------------------------
    def _action(self, text: str, shortcut: str | None, slot) -> QAction:
        action = QAction(text, self._parent)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self._view.addAction(action)
        if slot is not None:
            action.triggered.connect(lambda _=False: slot())
        return action

    def reserved_keys(self) -> set[str]:
        """Keys of the window's commands (menus and annotation), which labels may not take."""
        return {key.toString() for key in command_keys(self._command_actions())}

    def _command_actions(self) -> list[QAction]:
        labels = set(self.label_actions)
        actions = dict.fromkeys([*self._view.actions(), *self._parent.findChildren(QAction)])
        return [action for action in actions if action not in labels]

    def _on_change(self, change) -> None:
        if change.labels is not None:
            self.rebuild_label_actions()

    def rebuild_label_actions(self) -> None:
        """One "label as" action per label, keyed 1–9 in label-bar order (kept as
        they are when the labels did not change, e.g. another article opened)."""
        labels = list(self._model.session.labels)
        if labels == self._built_for and self.label_actions:
            return
        self._built_for = labels
        for action in self.label_actions:
            self._view.removeAction(action)
            action.setShortcut(QKeySequence())  # alive until deleted: its key must not count as taken
            action.deleteLater()
        self.label_actions = []
        self.accept_all_menu.clear()
        for label in labels:
            action = QAction(label.name, self._parent)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self._view.addAction(action)
            action.setIcon(colour_icon(label.colour))
            action.triggered.connect(lambda _=False, n=label.name: self.label_with(n))
            self.label_actions.append(action)
            accept_all = self.accept_all_menu.addAction(colour_icon(label.colour), label.name)
            accept_all.triggered.connect(lambda _=False, n=label.name: self.accept_all(n))
        self.bind_label_keys()
        self.sigLabelActionsChanged.emit()

    def bind_label_keys(self) -> None:
        """Give each label action its label's key, unless a command or an earlier label
        has it (the window's menus call this again once they exist); the person is
        told about keys left unbound."""
        keys, refused = bindable_keys(self._built_for, command_keys(self._command_actions()))
        for label, action, key in zip(self._built_for, self.label_actions, keys, strict=True):
            action.setShortcut(key)
            shown = key.toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(plain_text.tooltip_text(f"Label as {label.name} ({label.description})"
                                                      + (f" — key {shown}" if shown else "")))
            action.setIconText(f"{shown} {label.name}" if shown else label.name)
        if refused and refused != self._told_unbound:
            message = unbound_message(refused)
            QTimer.singleShot(0, self, lambda: plain_text.warning(self._parent, "Label keys", message))
        self._told_unbound = refused

    # -- what they do --------------------------------------------------------
    def selection_span(self) -> tuple[int, int] | None:
        """The selected text as a code-point span, snapped when snapping is on."""
        start, end = self._view.selected_span()
        if start == end:
            return None
        if self.snap_action.isChecked():
            start, end = snap_to_words(self._model.text, start, end)
        return (start, end) if start < end else None

    def label_with(self, label: str) -> None:
        """Label the selected text, or relabel the selected highlight."""
        span = self.selection_span()
        if span is not None:
            highlight = self._model.add_highlight(span[0], span[1], label)
            self._view.clear_text_selection()
            self._model.select(highlight.id)
        elif self._model.selected_id:
            self._model.relabel(self._model.selected_id, label)
        else:
            self.sigMessage.emit("Select some text or a highlight first.")

    def accept_selected(self) -> None:
        selected = self._model.selected_id
        if selected:
            self._model.accept([selected])
            self.step(1, suggestions_only=True, wrap_message=False)

    def reject_selected(self) -> None:
        selected = self._model.selected_id
        if selected:
            following = self._model.neighbour(selected, 1, suggestions_only=True)
            self._model.reject([selected])
            self._model.select(following)

    def delete_selected(self) -> None:
        selected = self._model.selected_id
        if selected:
            following = self._model.neighbour(selected, 1)
            self._model.remove_highlights([selected])
            self._model.select(following)

    def accept_all(self, label: str) -> None:
        count = self._model.accept_all(label)
        self.sigMessage.emit(f"Accepted {count} {label} suggestion{'s' * (count != 1)}.")

    def step(self, direction: int, suggestions_only: bool = False, wrap_message: bool = True) -> None:
        """Select the next or previous highlight (or suggestion) in text order."""
        following = self._model.neighbour(self._model.selected_id, direction, suggestions_only)
        if following:
            self._model.select(following)
        elif wrap_message:
            kind = "suggestion" if suggestions_only else "highlight"
            self.sigMessage.emit(f"No more {kind}s {'after' if direction > 0 else 'before'} this one.")

    def resize(self, start_step: int, end_step: int) -> None:
        """Move the selected highlight's start or end by one word."""
        highlight = self._model.highlight(self._model.selected_id)
        if highlight is None:
            return
        text = self._model.text
        start, end = highlight.start, highlight.end
        if start_step:
            start = word_boundary_step(text, start, start_step)
            if start_step > 0:  # shrinking the start: skip to the next word's start
                while start < end and not text[start].isalnum():
                    start += 1
        if end_step:
            end = word_boundary_step(text, end, end_step)
            while end > start and text[end - 1].isspace():
                end -= 1
        if start < end:
            self._model.resize_highlight(highlight.id, start, end)

    def edit_note(self) -> None:
        highlight = self._model.highlight(self._model.selected_id)
        if highlight is None:
            self.sigMessage.emit("Select a highlight to add a note to it.")
            return
        from desktop.ui.dialog_keys import keys_for_next_dialog

        keys_for_next_dialog()  # Tab to OK, Ctrl+Enter: a note is finished without the mouse
        note, ok = QInputDialog.getMultiLineText(
            self._parent, "Note", plain_text.escaped_html(f"Note on “{highlight.surface(self._model.text)}”:"),
            highlight.note)
        if ok:
            self._model.set_note(highlight.id, note)

    def label_occurrences(self) -> None:
        """Label every occurrence of the selected text (asks first, with the count)."""
        span = self.selection_span()
        highlight = self._model.highlight(self._model.selected_id)
        if span is None and highlight is None:
            self.sigMessage.emit("Select some text or a highlight first.")
            return
        if span is None:
            span = (highlight.start, highlight.end)
        needle = self._model.text[span[0] : span[1]]
        label = self._ask_label(needle, default=highlight.label if highlight else None)
        if label is None:
            return
        found = occurrences(self._model.text, needle, whole_words=self.snap_action.isChecked())
        answer = plain_text.question(
            self._parent, "Label all occurrences",
            f"“{needle}” occurs {len(found)} time{'s' * (len(found) != 1)}. Label them all as {label}?")
        if answer == QMessageBox.StandardButton.Yes:
            count = self._model.label_spans(found, label)
            self._view.clear_text_selection()
            self.sigMessage.emit(f"Labelled {count} occurrence{'s' * (count != 1)} as {label}.")

    def _ask_label(self, needle: str, default: str | None) -> str | None:
        names = [label.name for label in self._model.session.labels]
        current = names.index(default) if default in names else 0
        label, ok = QInputDialog.getItem(
            self._parent, "Label all occurrences", plain_text.escaped_html(f"Label every “{needle}” as:"),
            names, current, False)
        return label if ok else None

    def clear_selection(self) -> None:
        self._view.clear_text_selection()
        self._model.select("")

    # -- right-click menu ----------------------------------------------------
    def _show_context_menu(self, point) -> None:
        under = self._view.highlights_under(QPointF(point))
        if under and self._model.selected_id not in [h.id for h in under]:
            self._model.select(under[0].id)
        menu = QMenu(self._view)
        label_menu = menu.addMenu("Label &As")
        label_menu.addActions(self.label_actions)
        menu.addAction(self.occurrences_action)
        menu.addSeparator()
        for action in (self.accept_action, self.reject_action, self.delete_action, self.note_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.snap_action)
        menu.exec(self._view.viewport().mapToGlobal(point))
