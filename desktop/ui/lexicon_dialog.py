"""LexiconDialog: review and delete the corrections Article Lens remembers."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.model.lexicon_store import USE_SETTING, LexiconEntry, LexiconStore
from desktop.ui.plain_text import plain_label

HEADERS = ("Text", "Label", "Decision", "Times", "When")
_DECISION_TEXT = {"accepted": "suggest it", "rejected": "never suggest it"}


def when_text(stamp: str) -> str:
    """An ISO time as a person reads it, in local time ("2024-06-22 12:30"); as it is
    written when it is not one, or out of the range local time can show."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M")
    except (ValueError, OverflowError, OSError):  # 9999-12-31T23:59:59-14:00 overflows
        return stamp


class LexiconDialog(QDialog):
    """The entries of the user's lexicon, newest first; "Delete" forgets the selected ones."""

    def __init__(self, store: LexiconStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lexiconDialog")
        self.setWindowTitle("Your corrections")
        self._store = store
        self._entries: list[LexiconEntry] = []
        intro = QLabel(
            "Names you labelled, relabelled or accepted are suggested in later articles "
            "(“from your corrections”); suggestions you rejected are not made again.", self)
        intro.setWordWrap(True)
        self.problem = plain_label(parent=self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b3261e")
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("lexiconTable")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.delete_button = QPushButton("&Delete", self)
        self.delete_button.setObjectName("deleteEntries")
        self.delete_button.setToolTip("Forget the selected corrections (Del)")
        self.clear_button = QPushButton("Delete &All", self)
        self.clear_button.setObjectName("deleteAllEntries")
        self.clear_button.setToolTip("Forget every correction")
        self.use_box = QCheckBox("&Use my corrections when analysing an article", self)
        self.use_box.setObjectName("useCorrections")
        self.use_box.setToolTip("Unticked, new analyses neither suggest nor hold back words for your "
                                "corrections; they are still kept, for when you tick it again")
        self.use_box.setChecked(QSettings().value(USE_SETTING, True, type=bool))
        self.use_box.toggled.connect(lambda used: QSettings().setValue(USE_SETTING, used))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.clear_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.problem)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.use_box)
        layout.addWidget(buttons)
        self.delete_button.clicked.connect(self.delete_selected)
        self.clear_button.clicked.connect(self.delete_all)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        store.sigChanged.connect(self.refresh)
        self.resize(620, 420)
        self.refresh()

    def entries(self) -> list[LexiconEntry]:
        """The entries on show, in table order."""
        return list(self._entries)

    def refresh(self) -> None:
        self._entries = self._store.entries()[::-1]
        self.problem.setText(self._store.problem)
        self.problem.setVisible(bool(self._store.problem))
        self.table.setRowCount(len(self._entries))
        for row, entry in enumerate(self._entries):
            times = QTableWidgetItem()
            times.setData(Qt.ItemDataRole.DisplayRole, entry.count)
            cells = (QTableWidgetItem(entry.surface), QTableWidgetItem(entry.label),
                     QTableWidgetItem(_DECISION_TEXT.get(entry.decision, entry.decision)),
                     times, QTableWidgetItem(when_text(entry.updated)))
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        self._update_buttons()

    def delete_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if rows:
            self._store.forget([self._entries[row] for row in rows])

    def delete_all(self) -> None:
        """Forget every correction (after asking)."""
        from PySide6.QtWidgets import QMessageBox

        from desktop.ui import plain_text

        if not self._entries:
            return
        answer = plain_text.question(
            self, "Delete all corrections",
            f"Forget all {len(self._entries)} corrections? Later articles get the model's suggestions only.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self._store.forget(list(self._entries))

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(bool(self.table.selectionModel().selectedRows()))
        self.clear_button.setEnabled(bool(self._entries))


def show_lexicon_dialog(parent: QWidget, store: LexiconStore) -> LexiconDialog:
    """Open the dialog without blocking (one per window; it is deleted when closed)."""
    existing = parent.findChild(LexiconDialog, "lexiconDialog")
    if existing is not None:
        existing.show()
        existing.raise_()
        existing.activateWindow()
        return existing
    dialog = LexiconDialog(store, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
