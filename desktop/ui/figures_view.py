"""FiguresView: the figures table with its filter box, following the shared selection."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.model.figure_table import COLUMNS, ROLE_CHOICES, ROLE_HELP, FigureTableModel
from desktop.model.session_model import SessionModel
from desktop.ui.plain_text import show_item_tips_plainly
from desktop.ui.row_tables import style_row_table

FILTER_DELAY_MS = 120
#: Starting widths of the columns (by field; the last one stretches): Figure to Change
#: fit the figures pane of a 1400 px window.
COLUMN_WIDTHS = {"surface": 140, "value": 95, "unit_code": 50, "role": 70, "subject": 110,
                 "period": 80, "change": 95, "link": 130, "kind": 70, "qualifier": 75}


class RoleDelegate(QStyledItemDelegate):
    """Edits a Role cell with a list of the roles (arrow keys or a letter to pick,
    Enter to keep, Escape to leave it as it was)."""

    def createEditor(self, parent, option, index):
        editor = QComboBox(parent)
        editor.setObjectName("roleEditor")
        for number, role in enumerate(ROLE_CHOICES):
            editor.addItem(role)
            editor.setItemData(number, ROLE_HELP.get(role, role), Qt.ItemDataRole.ToolTipRole)
        return editor

    def setEditorData(self, editor, index) -> None:
        editor.setCurrentIndex(editor.findText(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor, model, index) -> None:
        if editor.currentIndex() >= 0:
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class FiguresView(QWidget):
    """A filter box over a sortable table of the session's figures."""

    def __init__(self, model: SessionModel, parent=None) -> None:
        super().__init__(parent)
        self._model = model
        self.table_model = FigureTableModel(self)
        self.filter_box = QLineEdit(self)
        self.filter_box.setObjectName("figureFilter")
        self.filter_box.setPlaceholderText("Filter figures (Ctrl+F)…")
        self.filter_box.setClearButtonEnabled(True)
        self.table = QTableView(self)
        self.table.setObjectName("figuresTable")
        self.table.setModel(self.table_model)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # text order until a header is clicked
        style_row_table(self.table)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, spec in enumerate(COLUMNS):
            if spec.field in COLUMN_WIDTHS:
                header.resizeSection(column, COLUMN_WIDTHS[spec.field])
        show_item_tips_plainly(self.table)
        self.role_delegate = RoleDelegate(self.table)
        self.table.setItemDelegateForColumn([c.field for c in COLUMNS].index("role"), self.role_delegate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_box)
        layout.addWidget(self.table)

        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter_box.textChanged.connect(lambda _: self._filter_timer.start())
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_change)
        self.table_model.sigEditRequested.connect(model.set_figure_override)
        self.table.installEventFilter(self)
        model.sigFiguresChanged.connect(self._on_figures_change)
        model.sigSelectionChanged.connect(self._on_selection_change)

    def eventFilter(self, watched, event) -> bool:
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and self.table.state() != QAbstractItemView.State.EditingState):
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self._restore_current_cell()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._edit_current_cell():
                return True  # like F2
        return super().eventFilter(watched, event)

    def _edit_current_cell(self) -> bool:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table_model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        self.table.edit(index)
        return True

    def _restore_current_cell(self) -> None:
        """Drop the hand correction of the current cell, if it has one."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        field = COLUMNS[index.column()].field
        highlight_id = self.table_model.highlight_id(index.row())
        if field in self._model.session.figure_overrides.get(highlight_id, {}):
            self._model.set_figure_override(highlight_id, field, None)

    def _on_figures_change(self) -> None:
        self.table_model.set_frame(self._model.figures())
        self._on_selection_change(self._model.selected_id)

    def _apply_filter(self) -> None:
        self.table_model.set_filter(self.filter_box.text())
        self._on_selection_change(self._model.selected_id)

    def _on_current_row_change(self, current, _previous) -> None:
        if current.isValid():
            self._model.select(self.table_model.highlight_id(current.row()))

    def _on_selection_change(self, highlight_id: str) -> None:
        row = self.table_model.row_of(highlight_id) if highlight_id else -1
        selection = self.table.selectionModel()
        selection.blockSignals(True)
        try:
            if row < 0:
                selection.clear()
            else:
                current = self.table.currentIndex()  # stay in the column (Down to correct the next role)
                index = self.table_model.index(row, current.column() if current.isValid() else 0)
                flags = (
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows
                    | QItemSelectionModel.SelectionFlag.Current
                )
                selection.setCurrentIndex(index, flags)
                self.table.scrollTo(index)
        finally:
            selection.blockSignals(False)
        self.table.viewport().update()
