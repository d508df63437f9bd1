"""FigureTableModel: the figures DataFrame as a sortable, filterable Qt table."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.core.figure import FIGURE_ROLES
from desktop.model import figure_cells as cell
from desktop.model.figure_cells import COLUMNS, HEADER_HELP, SEARCHED_FIELDS, Column, parse_value
from desktop.model.row_splices import common_ends, splice_rows
from desktop.nlp.figures.table.highlights import TABLE_COLUMNS
from desktop.nlp.figures.table.rows import version_of

_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_EDITED_FONT = QFont()
_EDITED_FONT.setItalic(True)
_EDITED_BRUSH = QBrush(QColor("#fff4d6"))
#: Derived rows (implied, not stated by the text) are grey italics.
_DERIVED_BRUSH = QBrush(QColor("#6b6f76"))
_DISPLAY, _TOOLTIP, _ALIGNMENT, _USER, _EDIT, _FONT, _FOREGROUND, _BACKGROUND = (int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.UserRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole))
_STYLE_ROLES = frozenset((_FONT, _FOREGROUND, _BACKGROUND))
#: A cell's flags, as QAbstractTableModel gives them, and an editable cell's.
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_CELL_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
_EDITABLE_FLAGS = _CELL_FLAGS | Qt.ItemFlag.ItemIsEditable
_DERIVED_STYLE = {_FONT: _EDITED_FONT, _FOREGROUND: _DERIVED_BRUSH, _BACKGROUND: None}
_EDITED_STYLE = {_FONT: _EDITED_FONT, _FOREGROUND: None, _BACKGROUND: _EDITED_BRUSH}
_PLAIN_STYLE = {_FONT: None, _FOREGROUND: None, _BACKGROUND: None}


#: A change to more rows than this resets the view rather than listing the rows.
RESET_ABOVE_ROWS = 500
#: Cells whose answers to the view are kept (a screenful is ~100), then forgotten at once.
ANSWERS_KEPT = 4000
_UNKNOWN = object()


class FigureTableModel(QAbstractTableModel):
    """Rows of a figures table, shown in a sort order and through a text filter.

    The rows are kept as one list per column: set whole from a DataFrame
    (:meth:`set_frame`), or patched with the rows an edit replaced
    (:meth:`apply_change`: the view is told the rows removed, inserted and changed,
    and no DataFrame is made). Sorting keeps a permutation of row positions and
    follows Qt's layout protocol (persistent indexes are remapped), so selections
    survive it. Sorting and filtering are vectorised, so they stay fast on large
    tables.
    """

    #: A person corrected a cell: highlight id, DataFrame column, new value.
    sigEditRequested = Signal(str, str, object)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._frame: pd.DataFrame | None = None  # made from the cells when asked for
        self._haystack = pd.Series([], dtype="object")
        self._rows = np.arange(0)
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._filter = ""
        self._cells: dict[str, list] = {}
        self._surface_at: dict[int, str] | None = None
        self._version: int | None = None  # of the figures table shown (FigureRows.version)
        #: (table row, column) -> role -> what multiData answered, until the cells change
        self._answers: dict[tuple[int, int], dict[int, object]] = {}

    # -- contents ------------------------------------------------------------
    def set_frame(self, frame: pd.DataFrame) -> None:
        """Show ``frame`` (keeping the current sort and filter).

        Rows are told to the view as removed and inserted where the shown rows
        differ (an edit touches a few), so selection and scrolling stay put; a
        change to most rows resets the view instead. The model's frame of the
        version shown already (``rows.version_of``) changes nothing."""
        version = version_of(frame)
        if version is not None and version == self._version:
            return
        # to_numpy().tolist(): one C loop per column (a string column's tolist() is not)
        cells = {name: frame[name].to_numpy().tolist() for name in frame.columns}
        self._version = version
        self._show(cells)
        self._frame = frame.reset_index(drop=True)

    def apply_change(self, change) -> bool:
        """Take in the rows an edit replaced (a ``RowsChange`` of the figures table
        shown): the view is told which rows went, came and changed. False when this
        model shows another version of the table (the caller sets the frame)."""
        if change.splices is None or self._version is None or change.before != self._version:
            return False
        if self._sort_column >= 0 or self._filter:  # rows move: the new order, row by row
            cells = {name: list(values) for name, values in self._cells.items()}
            for splice in change.splices:
                splice_rows(cells, splice.position, splice.removed, splice.added)
            self._show(cells)
        else:
            for splice in change.splices:
                self._splice_in_order(splice.position, splice.removed, splice.added)
        self._version = change.after
        return True

    def _splice_in_order(self, position: int, removed: int, added: dict[str, list]) -> None:
        """Replace rows ``[position, position + removed)`` with ``added`` in a view in
        table order (no sort, no filter: view row = table row). Rows with the same
        key before and after (a relabel, a correction) are changed in place."""
        inserted = len(added["start"])
        old = list(zip(self._cells["highlight_id"][position:position + removed],
                       self._cells["formula"][position:position + removed]))
        new = list(zip(added["highlight_id"], added["formula"]))
        same_start = next((i for i, pair in enumerate(zip(old, new)) if pair[0] != pair[1]), min(removed, inserted))
        rest = min(removed, inserted) - same_start
        same_end = next((i for i in range(rest) if old[removed - 1 - i] != new[inserted - 1 - i]), rest)
        middle_old, middle_new = removed - same_start - same_end, inserted - same_start - same_end
        at = position + same_start
        self._cells_changed()
        if middle_old:
            self.beginRemoveRows(QModelIndex(), at, at + middle_old - 1)
            splice_rows(self._cells, at, middle_old, None)
            self._rows = np.arange(len(self._cells["start"]))
            self._answers.clear()
            self.endRemoveRows()
        if middle_new:
            self.beginInsertRows(QModelIndex(), at, at + middle_new - 1)
            splice_rows(self._cells, at, 0, {name: values[same_start:same_start + middle_new]
                                         for name, values in added.items()})
            self._rows = np.arange(len(self._cells["start"]))
            self._answers.clear()
            self.endInsertRows()
        for first, count, source in ((position, same_start, 0), (at + middle_new, same_end, inserted - same_end)):
            if count:
                for name, values in self._cells.items():
                    values[first:first + count] = added[name][source:source + count]
                self._answers.clear()
                self.dataChanged.emit(self.index(first, 0), self.index(first + count - 1, len(COLUMNS) - 1))

    def _cells_changed(self) -> None:
        """Forget what was made from the cells (made again when needed)."""
        self._answers.clear()
        self._frame = None
        self._haystack = None  # built when a filter needs it
        self._surface_at = None  # start -> surface, built when a linked cell is shown

    def _show(self, cells: dict[str, list]) -> None:
        """Show the rows of ``cells``, telling the view the rows that differ."""
        old_keys = self._row_keys()
        old_rows = self._rows
        old_cells = self._cells
        self._cells = cells
        self._cells_changed()
        new_rows = self._visible_rows()
        new_keys = self._row_keys(new_rows)
        same_start, same_end = common_ends(old_keys, new_keys)
        removed = len(old_rows) - same_start - same_end
        inserted = len(new_rows) - same_start - same_end
        if removed + inserted > RESET_ABOVE_ROWS or not old_keys:
            self.beginResetModel()
            self._rows = new_rows
            self.endResetModel()
            return
        new_cells, self._cells = self._cells, old_cells  # the view reads old rows until told
        self._answers.clear()
        if removed:
            self.beginRemoveRows(QModelIndex(), same_start, same_start + removed - 1)
            self._rows = np.concatenate([old_rows[:same_start], old_rows[len(old_rows) - same_end:]])
            self.endRemoveRows()
        if inserted:
            self.beginInsertRows(QModelIndex(), same_start, same_start + inserted - 1)
            self._cells, self._rows = new_cells, new_rows
            self._answers.clear()
            self.endInsertRows()
        self._cells, self._rows = new_cells, new_rows
        self._answers.clear()
        if len(new_rows):  # cells of kept rows may have changed (a relabel, a derived value)
            self.dataChanged.emit(self.index(0, 0), self.index(len(new_rows) - 1, len(COLUMNS) - 1))

    def _row_keys(self, rows: np.ndarray | None = None) -> list[np.ndarray]:
        """What identifies each shown row, in view order: its highlight id, and its
        formula (a derived row shares the id of the figure it comes from)."""
        rows = self._rows if rows is None else rows
        if not self._cells or not len(rows):
            return []
        keys = [np.asarray(self._cells[name], dtype=object)[rows] for name in ("highlight_id", "formula")]
        for key in keys:  # a missing cell is a key like any other (NaN != NaN)
            key[pd.isna(key)] = ""
        return keys

    def frame(self) -> pd.DataFrame:
        """The rows shown, as a DataFrame (in table order, sort and filter aside)."""
        if self._frame is None:
            self._frame = pd.DataFrame(self._cells, columns=list(self._cells) or TABLE_COLUMNS)
        return self._frame

    def counts(self) -> tuple[int, int]:
        """How many figures the table holds that the text states, and how many derived."""
        derived = sum(1 for flag in self._cells.get("derived", ()) if flag is True)
        return len(self._cells.get("start", ())) - derived, derived

    def row_cells(self, position: int) -> dict[str, object]:
        """Every cell of the table's row ``position`` (not a view row: see ``position_of``)."""
        return {name: values[position] for name, values in self._cells.items()}

    def position_of(self, row: int) -> int:
        """The table row that view row ``row`` shows."""
        return int(self._rows[row])

    def set_filter(self, text: str) -> None:
        """Show only rows whose text fields contain ``text`` (case-insensitive)."""
        text = text.strip().casefold()
        if text == self._filter:
            return
        self.beginResetModel()
        self._filter = text
        self._rows = self._visible_rows()
        self.endResetModel()

    def highlight_id(self, row: int) -> str:
        """The id of the highlight shown in ``row``."""
        return self._cells["highlight_id"][self._rows[row]]

    def row_of(self, highlight_id: str) -> int:
        """The view row of ``highlight_id``, or -1 when it is not shown."""
        ids = self._cells.get("highlight_id", [])
        try:
            position = ids.index(highlight_id)
        except ValueError:
            return -1
        matches = np.flatnonzero(self._rows == position)
        return int(matches[0]) if len(matches) else -1

    def _build_haystack(self) -> pd.Series:
        if not self._cells.get("start"):
            return pd.Series([], dtype="object")
        parts = [pd.Series(self._cells[name], dtype="object").fillna("").astype(str)
                 for name in SEARCHED_FIELDS if name in self._cells]
        joined = parts[0].str.cat(parts[1:], sep="\u0001")
        return joined.str.casefold()

    def _visible_rows(self) -> np.ndarray:
        order = self._sorted_positions()
        if not self._filter:
            return order
        if self._haystack is None:
            self._haystack = self._build_haystack()
        mask = self._haystack.str.contains(self._filter, regex=False).to_numpy()
        return order[mask[order]]

    def _sorted_positions(self) -> np.ndarray:
        count = len(self._cells.get("start", ()))
        if self._sort_column < 0 or count == 0:
            return np.arange(count)
        column = COLUMNS[self._sort_column]
        series = pd.Series(self._cells[column.field])
        if not column.numeric and not pd.api.types.is_numeric_dtype(series):  # "link" sorts as a number
            series = series.fillna("").astype(str).str.casefold()
        order = series.argsort(kind="stable").to_numpy()
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            order = order[::-1].copy()
        return order

    # -- Qt model protocol ---------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].header
        if role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_HELP.get(COLUMNS[section].field)
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        return self._role_value(int(self._rows[index.row()]), COLUMNS[index.column()], role)

    def multiData(self, index, roles) -> None:
        """Every role a view asks of a cell (about seven) in one call: each call from
        Qt into Python waits for the GIL while another thread holds it, so during an
        analysis a repaint of the table took several times longer role by role. The
        cell's row and column are looked up once."""
        if not index.isValid():
            for role_data in roles:
                role_data.clearData()
            return
        position = int(self._rows[index.row()])
        key = (position, index.column())
        answers = self._answers.get(key)  # a cell painted again (the view repaints often)
        if answers is None:
            if len(self._answers) > ANSWERS_KEPT:
                self._answers.clear()
            answers = self._answers[key] = {}
        column = COLUMNS[index.column()]
        style = None  # the cell's font and brushes, found once for the three roles
        for role_data in roles:
            role = role_data.role()
            value = answers.get(role, _UNKNOWN)
            if value is _UNKNOWN:
                if role == _DISPLAY:
                    value = cell.display(self._cells, position, column, self._linked_surface)
                elif role == _ALIGNMENT:
                    value = _ALIGN_RIGHT if column.numeric else _ALIGN_LEFT
                elif role in _STYLE_ROLES:
                    if style is None:
                        style = self._style(position, column)
                    value = style[role]
                else:
                    value = self._role_value(position, column, role)
                answers[role] = value
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def _role_value(self, position: int, column: Column, role) -> object:
        role = int(role)  # an int compares several times faster than Qt's enum
        if role == _DISPLAY:
            return cell.display(self._cells, position, column, self._linked_surface)
        if role == _TOOLTIP:
            return cell.tooltip(self._cells, position, column, self._linked_surface)
        if role == _ALIGNMENT:
            return _ALIGN_RIGHT if column.numeric else _ALIGN_LEFT
        if role == _USER:
            return self._cells["highlight_id"][position]
        if role == _EDIT:
            return cell.edit_text(self._cells, position, column)
        if role in _STYLE_ROLES:
            return self._style(position, column)[role]
        return None

    def _style(self, position: int, column: Column) -> dict[int, object]:
        """The font and brushes of a cell: derived rows grey italics, corrected cells
        italics on a tint."""
        if cell.is_derived(self._cells, position):
            return _DERIVED_STYLE
        return _EDITED_STYLE if cell.is_edited(self._cells, position, column) else _PLAIN_STYLE

    def flags(self, index):
        if not index.isValid():
            return _NO_FLAGS
        if COLUMNS[index.column()].editable and not cell.is_derived(self._cells, int(self._rows[index.row()])):
            return _EDITABLE_FLAGS
        return _CELL_FLAGS

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        column = COLUMNS[index.column()]
        if not column.editable:
            return False
        text = str(value).strip()
        position = int(self._rows[index.row()])
        if column.numeric:
            number = parse_value(text)
            if number is None:
                return False
            new_value: object = number
            unchanged = number == self._cells[column.field][position]
        else:
            if column.field == "role":
                text = text.casefold()
                if text not in FIGURE_ROLES:
                    return False
            new_value = text
            unchanged = text == cell.edit_text(self._cells, position, column)
        if unchanged and not cell.is_edited(self._cells, position, column):
            return True  # picking what is shown already is no correction
        self.sigEditRequested.emit(self.highlight_id(index.row()), column.field, new_value)
        return True

    def _linked_surface(self, start: int) -> str | None:
        """The surface of the stated figure starting at ``start`` (kept until the cells change)."""
        if self._surface_at is None:
            self._surface_at = cell.surfaces_by_start(self._cells)
        return self._surface_at.get(start)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        self._sort_column, self._sort_order = column, order
        self._rows = self._visible_rows()
        new_row_of = np.empty(len(self._cells.get("start", ())), dtype=np.int64)
        new_row_of[self._rows] = np.arange(len(self._rows))
        old = self.persistentIndexList()
        new = [
            self.index(int(new_row_of[old_rows[i.row()]]), i.column()) if i.isValid() else i
            for i in old
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()
