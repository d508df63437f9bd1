"""EntitiesView: the article's named entities, each with its mentions.

A click on an entity selects its first mention; clicking it again, Enter, or the
"Next mention" button walks through the others. When the shared selection moves to
a highlight, the entity it mentions is marked. The list is refreshed only while it
is on screen (``EntityTable`` says when it went stale).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.model.entity_table import EntityRow
from desktop.model.session_model import SessionModel
from desktop.ui.colour_scheme import SCHEME
from desktop.ui.legend import colour_icon
from desktop.ui.plain_text import plain_label
from desktop.ui.row_tables import style_row_table
from desktop.ui.when_shown import RefreshWhenShown

HEADERS = ("Entity", "Label", "Mentions", "Also as")


def linked_text(row: EntityRow) -> str:
    """The people's words counted under a country: "Kazakh ×2, Azerbaijani"."""
    return ", ".join(f"{surface} ×{n}" if n > 1 else surface
                     for surface, n in row.linked.most_common())


class EntitiesView(QWidget):
    """A table of the session's entities with a "Next mention" button."""

    def __init__(self, model: SessionModel, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("entitiesView")
        self._model = model
        self._entities = model.entity_table
        self._rows: list[EntityRow] = []
        self._refresher = RefreshWhenShown(self, self.refresh, stale=True)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("entitiesTable")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        style_row_table(self.table)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.position = plain_label(parent=self)
        self.position.setObjectName("mentionPosition")
        self.next_button = QPushButton("Next mention", self)
        self.next_button.setObjectName("nextMention")
        self.next_button.setToolTip("Select the next mention of this entity (Enter)")
        bottom = QHBoxLayout()
        bottom.addWidget(self.position, 1)
        bottom.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.table.cellClicked.connect(lambda row, _column: self.show_mention(row))
        self.table.installEventFilter(self)
        self.next_button.clicked.connect(self._on_next_click)
        self._entities.sigChanged.connect(self._refresher.request)
        model.sigSelectionChanged.connect(self._on_selection_change)
        model.sigChanged.connect(self._on_change)

    # -- reading -------------------------------------------------------------
    def entity_rows(self) -> list[EntityRow]:
        """The rows on show."""
        return list(self._rows)

    def row_named(self, canonical: str) -> int:
        """The row of the entity called ``canonical``, or -1."""
        return next((n for n, row in enumerate(self._rows) if row.canonical == canonical), -1)

    # -- acting --------------------------------------------------------------
    def show_mention(self, row: int) -> None:
        """Select the first mention of the entity in ``row``, or its next mention when
        one of its mentions is selected already."""
        if not 0 <= row < len(self._rows):
            return
        self._model.select(self._rows[row].next_mention(self._model.selected_id))

    def _on_next_click(self) -> None:
        self.show_mention(self.table.currentRow())

    def eventFilter(self, watched, event) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.show_mention(self.table.currentRow())
            return True
        return super().eventFilter(watched, event)

    # -- following the model -------------------------------------------------
    def refresh(self) -> None:
        """Fill the table from the model's entities."""
        self._rows = self._entities.rows()
        session = self._model.session
        self.table.setUpdatesEnabled(False)
        self.table.blockSignals(True)
        try:
            self.table.setRowCount(len(self._rows))
            for n, row in enumerate(self._rows):
                name = QTableWidgetItem(colour_icon(SCHEME.label_colour(session.label(row.label))), row.canonical)
                count = QTableWidgetItem()
                count.setData(Qt.ItemDataRole.DisplayRole, row.count)
                cells = (name, QTableWidgetItem(row.label), count, QTableWidgetItem(linked_text(row)))
                for column, item in enumerate(cells):
                    self.table.setItem(n, column, item)
        finally:
            self.table.blockSignals(False)
            self.table.setUpdatesEnabled(True)
        self._on_selection_change(self._model.selected_id)

    def _on_change(self, change) -> None:
        if change.labels is not None:
            self._refresher.request()

    def _on_selection_change(self, highlight_id: str) -> None:
        if self._refresher.stale:
            return
        row = next((n for n, r in enumerate(self._rows) if highlight_id in r.mentions), -1)
        self.table.blockSignals(True)
        if row < 0:
            self.table.clearSelection()
            self.position.setText(f"{len(self._rows)} entities" if self._rows else
                                  "No named entities yet")
        else:
            self.table.setCurrentCell(row, 0)
            self.table.scrollToItem(self.table.item(row, 0))
            mentions = self._rows[row].mentions
            self.position.setText(f"{self._rows[row].canonical}: mention "
                                  f"{mentions.index(highlight_id) + 1} of {len(mentions)}")
        self.table.blockSignals(False)
        self.next_button.setEnabled(self.table.currentRow() >= 0)
