"""The corpus view's figures table: the figure rows of every article of a folder in
one DataFrame (with ``document``, ``title`` and ``path`` in front), shown through a
filter (:mod:`corpus_filter`) and a sort, rows added as articles are analysed."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from desktop.model.corpus_filter import FigureFilter, kept
from desktop.model.figure_cells import format_value

#: (header, column of the frame) of each column shown.
COLUMNS = (("Article", "title"), ("Figure", "surface"), ("Value", "value"), ("Unit", "unit_code"),
           ("Role", "role"), ("Subject", "subject"), ("Period", "period"), ("Change", "change"),
           ("Sentence", "sentence"))
_FRONT = ("document", "title", "path")
_DISPLAY, _TOOLTIP, _ALIGNMENT = (int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return ""
    return value if isinstance(value, str) else str(value)


class CorpusFigureModel(QAbstractTableModel):
    """Every figure of the corpus; ``visible`` are the rows (positions in ``frame``)
    the filter keeps, in the order shown. ``sigChanged`` after rows came or the
    filter changed (the chart follows)."""

    sigChanged = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.frame = pd.DataFrame({name: pd.Series(dtype=object) for name in _FRONT})
        self.filter = FigureFilter()
        self.visible = np.zeros(0, dtype=np.int64)
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._columns: dict[str, np.ndarray] = {}

    # -- Qt's model ------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.visible)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=_DISPLAY):
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < len(COLUMNS):
            return COLUMNS[section][0]
        return None

    def data(self, index, role=_DISPLAY):
        if not index.isValid() or role not in (_DISPLAY, _TOOLTIP, _ALIGNMENT):
            return None
        field = COLUMNS[index.column()][1]
        if role == _ALIGNMENT:
            return _RIGHT if field == "value" else None
        at = int(self.visible[index.row()])
        if role == _TOOLTIP:
            if field == "title":
                return f"{_cell(self._columns['title'][at])}\n{self._columns['document'][at]}"
            return _cell(self._columns[field][at]) if field in ("sentence", "subject") else None
        if field == "value":
            value = self._columns["value"][at]
            low, high = (self._columns.get(n, self._columns["value"])[at] for n in ("low", "high"))
            return format_value(float(value), float(low), float(high)) if value == value else ""
        return _cell(self._columns[field][at])

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        self.visible = self._sorted(self.visible)
        self.layoutChanged.emit()

    # -- rows ----------------------------------------------------------------------
    def add(self, done: list[tuple[dict, pd.DataFrame | None]]) -> None:
        """The figure rows of documents just analysed (or taken from the cache)."""
        frames = [figures.assign(document=record["document"], title=record["title"] or record["document"],
                                 path=record["path"])
                  for record, figures in done if figures is not None and len(figures)]
        if not frames:
            return
        start = len(self.frame)
        added = pd.concat(frames, ignore_index=True)
        self.frame = pd.concat([self.frame, added], ignore_index=True) if start else added
        self._columns = {name: self.frame[name].to_numpy(dtype=object) for name in self.frame.columns}
        new = np.flatnonzero(kept(added, self.filter)) + start
        if not len(new):
            return
        if self._sort is None:
            self.beginInsertRows(QModelIndex(), len(self.visible), len(self.visible) + len(new) - 1)
            self.visible = np.concatenate([self.visible, new])
            self.endInsertRows()
        else:
            self.layoutAboutToBeChanged.emit()
            self.visible = self._sorted(np.concatenate([self.visible, new]))
            self.layoutChanged.emit()
        self.sigChanged.emit()

    def set_filter(self, wanted: FigureFilter) -> None:
        if wanted == self.filter:
            return
        self.beginResetModel()
        self.filter = wanted
        self.visible = self._sorted(np.flatnonzero(kept(self.frame, wanted)).astype(np.int64))
        self.endResetModel()
        self.sigChanged.emit()

    def shown_figures(self) -> pd.DataFrame:
        """The rows the filter keeps (index: their position in ``frame``)."""
        return self.frame.iloc[np.sort(self.visible)]

    def figure_at(self, row: int) -> dict:
        """The figure shown at ``row``: its document, path and offsets."""
        at = int(self.visible[row])
        return {name: self._columns[name][at] for name in ("document", "path", "start", "end", "surface")}

    def row_of(self, position: int) -> int:
        """The row showing the figure at ``position`` of ``frame`` (-1: filtered out)."""
        found = np.flatnonzero(self.visible == position)
        return int(found[0]) if len(found) else -1

    def _sorted(self, rows: np.ndarray) -> np.ndarray:
        if self._sort is None or not len(rows):
            return rows
        column, order = self._sort
        field = COLUMNS[column][1]
        values = self.frame[field].iloc[rows]
        if field == "value":
            keys = values.astype(float).to_numpy()
        else:
            keys = values.map(_cell).str.lower().to_numpy(dtype=object)
        at = np.argsort(keys, kind="stable")
        if order == Qt.SortOrder.DescendingOrder:
            at = at[::-1]
        return rows[at]
