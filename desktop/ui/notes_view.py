"""NotesView: every highlight that carries a note; clicking one selects it."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from desktop.model.session_model import SessionModel
from desktop.ui.colour_scheme import SCHEME
from desktop.ui.legend import colour_icon


class NotesView(QListWidget):
    """A list of the notes in text order, following the shared selection.

    The list is rebuilt only while it is on screen, a moment after a burst of
    edits, so editing a long article does not pay for a list nobody looks at.
    """

    def __init__(self, model: SessionModel, parent=None) -> None:
        super().__init__(parent)
        self._model = model
        self.setObjectName("notesView")
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self._stale = True
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(120)
        self._refresh_timer.timeout.connect(self.refresh)
        self.currentItemChanged.connect(self._on_current_item_change)
        model.sigSessionReset.connect(self._mark_stale)
        model.sigChanged.connect(self._on_change)
        model.sigSelectionChanged.connect(self._on_selection_change)

    def _on_change(self, change) -> None:
        if change.highlights_changed:
            self._mark_stale()

    def _mark_stale(self, *_args) -> None:
        self._stale = True
        if self.isVisible():
            self._refresh_timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self, *_args) -> None:
        self._stale = False
        text, session = self._model.text, self._model.session
        self.blockSignals(True)
        self.clear()
        for highlight in session.highlights.visible():
            if not highlight.note:
                continue
            item = QListWidgetItem(
                colour_icon(SCHEME.label_colour(session.label(highlight.label))),
                f"“{highlight.surface(text)}” ({highlight.label})\n{highlight.note}",
            )
            item.setData(Qt.ItemDataRole.UserRole, highlight.id)
            self.addItem(item)
        if self.count() == 0:
            placeholder = QListWidgetItem("No notes yet: select a highlight and press F2.")
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.addItem(placeholder)
        self.blockSignals(False)
        self._on_selection_change(self._model.selected_id)

    def _on_current_item_change(self, current, _previous) -> None:
        highlight_id = current.data(Qt.ItemDataRole.UserRole) if current else None
        if highlight_id:
            self._model.select(highlight_id)

    def _on_selection_change(self, highlight_id: str) -> None:
        self.blockSignals(True)
        self.setCurrentItem(None)
        for row in range(self.count()):
            if self.item(row).data(Qt.ItemDataRole.UserRole) == highlight_id:
                self.setCurrentRow(row)
                break
        self.blockSignals(False)
