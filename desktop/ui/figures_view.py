"""FiguresView: the figures table with its filter box and the detail of the current
figure under it, following the shared selection."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.model.figure_cells import COLUMNS, ROLE_CHOICES, ROLE_HELP
from desktop.model.figure_table import FigureTableModel
from desktop.model.session_model import SessionModel
from desktop.ui.figure_detail import FigureDetail
from desktop.ui.plain_text import show_item_tips_plainly
from desktop.ui.row_tables import style_row_table
from desktop.ui.table_columns import CellDelegate, ColumnLayout

FILTER_DELAY_MS = 120
#: The widest each column is fitted to its content (pixels; the last one in view order
#: stretches); a longer cell is elided in the middle, and shown whole in the detail pane.
COLUMN_LIMITS = {"surface": 125, "value": 110, "unit_code": 50, "role": 70, "subject": 150,
                 "period": 105, "change": 95, "link": 140, "kind": 80, "qualifier": 85}
#: Hidden until the reader shows them (right-click the header): the detail pane says them.
HIDDEN_AT_FIRST = ("link", "kind", "qualifier")
#: QSettings group of the table's columns and of the detail pane's height.
SETTINGS_KEY = "figuresTable"


class RoleDelegate(CellDelegate):
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
        self.filter_box.setAccessibleName("Filter figures")
        self.filter_box.setPlaceholderText("Filter figures (Ctrl+F)…")
        self.filter_box.setClearButtonEnabled(True)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("figureCount")
        self.table = QTableView(self)
        self.table.setObjectName("figuresTable")
        self.table.setAccessibleName("Figures table")
        self.table.setAccessibleDescription("One row per figure the article states, and derived ones")
        self.table.setModel(self.table_model)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # text order until a header is clicked
        style_row_table(self.table)
        show_item_tips_plainly(self.table)
        self.cell_delegate = CellDelegate(self.table)
        self.table.setItemDelegate(self.cell_delegate)
        self.sentence_delegate = CellDelegate(self.table, Qt.TextElideMode.ElideRight)
        self.table.setItemDelegateForColumn([c.field for c in COLUMNS].index("sentence"), self.sentence_delegate)
        self.role_delegate = RoleDelegate(self.table)
        self.table.setItemDelegateForColumn([c.field for c in COLUMNS].index("role"), self.role_delegate)
        self.columns = ColumnLayout(self.table, SETTINGS_KEY, [c.field for c in COLUMNS],
                                    [c.header for c in COLUMNS], COLUMN_LIMITS, HIDDEN_AT_FIRST)
        self.columns.widen_first = ["subject", "period", "change", "surface"]
        self._fitted = False  # the columns are fitted to the first rows of each article
        self.detail = FigureDetail(self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("figuresSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([280, 130])
        state = QSettings().value(f"{SETTINGS_KEY}/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        self.splitter.splitterMoved.connect(
            lambda *_: QSettings().setValue(f"{SETTINGS_KEY}/splitter", self.splitter.saveState()))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter_box, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)

        self._filter_timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter_box.textChanged.connect(lambda _: self._filter_timer.start())
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_change)
        self.table_model.sigEditRequested.connect(model.set_figure_override)
        self.table.installEventFilter(self)
        model.sigFiguresChanged.connect(self._on_figures_change)
        model.sigFigureRowsChanged.connect(self._on_figure_rows_change)
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
        if self.table_model.rowCount() == 0:
            self._fitted = False  # a new article: fit the columns to its first rows
        elif not self._fitted:
            self._fitted = True
            self.columns.fit()
        self._show_counts()
        self._on_selection_change(self._model.selected_id)

    def _on_figure_rows_change(self, change) -> None:
        """An edit replaced a few rows: the table takes them row by row."""
        if not self.table_model.apply_change(change):
            self.table_model.set_frame(self._model.figures())
        self._show_counts()
        self._on_selection_change(self._model.selected_id)

    def _apply_filter(self) -> None:
        self.table_model.set_filter(self.filter_box.text())
        self._show_counts()
        self._on_selection_change(self._model.selected_id)

    def counts(self) -> tuple[int, int]:
        """How many figures the article states, and how many are derived from them."""
        return self.table_model.counts()

    def _show_counts(self) -> None:
        stated, derived = self.counts()
        text = f"{stated} stated" + (f", {derived} derived" if derived else "")
        shown = self.table_model.rowCount()
        if shown != stated + derived:
            text = f"{shown} of {stated + derived} shown: {text}"
        self.count_label.setText(text)
        self.count_label.setToolTip("Stated figures are written in the article; derived ones are "
                                    "computed from two stated ones (grey italics)")

    def _on_current_row_change(self, current, _previous) -> None:
        if current.isValid():
            self._model.select(self.table_model.highlight_id(current.row()))
        self._show_detail(current.row() if current.isValid() else -1)

    def _show_detail(self, row: int) -> None:
        """The detail pane shows the figure of view row ``row`` (-1: none)."""
        if row < 0 or row >= self.table_model.rowCount():
            self.detail.show_row(None)
            return
        cells = self.table_model.row_cells(self.table_model.position_of(row))
        for column in COLUMNS:  # as the table shows them (corrections included)
            if column.field in ("role", "subject", "period", "kind", "qualifier"):
                cells[column.field] = self.table_model.index(row, COLUMNS.index(column)).data()
        highlight = self._model.highlight(cells.get("highlight_id", ""))
        surface = highlight.surface(self._model.text) if highlight else ""
        self.detail.show_row(cells, surface)

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
        self._show_detail(row)
        self.table.viewport().update()
