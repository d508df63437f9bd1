"""The corpus view's list of articles: a row per file found (title, date, counts of
entities and figures, and what became of it), rows added as the walk finds files
and updated as the workers finish them. A file that could not be analysed keeps
its row, with the error (and is skipped everywhere else)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

COLUMNS = ("Title", "Date", "Entities", "Figures", "File", "Status")
_STATUS, _FILE = 5, 4
_DISPLAY, _TOOLTIP, _ALIGNMENT, _FOREGROUND = (int(role) for role in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole,
    Qt.ItemDataRole.ForegroundRole))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ERROR_BRUSH = QBrush(QColor("#b3261e"))
_WAITING_BRUSH = QBrush(QColor("#6b6f76"))
_STATUS_TEXT = {"waiting": "waiting…", "analysed": "analysed", "cached": "unchanged (cached)"}


class CorpusArticleModel(QAbstractTableModel):
    """The records of a :class:`desktop.model.corpus_run.CorpusRun`, in the order found."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.records: list[dict] = []
        self._row_of: dict[str, int] = {}
        self._dates: dict[str, str] = {}
        self.cancelled = False

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=_DISPLAY):
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        return None

    def data(self, index, role=_DISPLAY):
        if not index.isValid():
            return None
        record, column = self.records[index.row()], index.column()
        status = record["status"]
        if role == _DISPLAY:
            return self._text(record, column)
        if role == _TOOLTIP:
            if column == _STATUS and status == "failed":
                return record["error"]
            return record["path"] if column in (0, _FILE) else None
        if role == _ALIGNMENT and column in (2, 3):
            return _RIGHT
        if role == _FOREGROUND and column == _STATUS:
            return _ERROR_BRUSH if status == "failed" else _WAITING_BRUSH if status == "waiting" else None
        return None

    def _text(self, record: dict, column: int) -> str:
        status = record["status"]
        if column == 0:
            return record["title"] or _stem(record["document"])
        if column == 1:
            return record["date"] or ""
        if column in (2, 3):
            return "" if status in ("failed", "waiting") else f"{int(record[COLUMNS[column].lower()]):,}"
        if column == _STATUS:
            if status == "failed":
                return f"skipped: {record['error']}"
            if status == "waiting" and self.cancelled:
                return "not analysed (cancelled)"
            return _STATUS_TEXT.get(status, status)
        return record["document"]

    # -- rows ----------------------------------------------------------------------
    def add(self, records: list[dict]) -> None:
        if not records:
            return
        first = len(self.records)
        self.beginInsertRows(QModelIndex(), first, first + len(records) - 1)
        for offset, record in enumerate(records):
            self._row_of[record["document"]] = first + offset
            if record["date"]:
                self._dates[record["document"]] = record["date"]
        self.records.extend(records)
        self.endInsertRows()

    def update(self, records: list[dict]) -> None:
        """Rows whose records changed."""
        rows = []
        for record in records:
            row = self._row_of.get(record["document"])
            if row is not None:
                self.records[row] = record
                rows.append(row)
                if record["date"]:
                    self._dates[record["document"]] = record["date"]
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), len(COLUMNS) - 1))

    def set_cancelled(self) -> None:
        self.cancelled = True
        if self.records:
            self.dataChanged.emit(self.index(0, _STATUS), self.index(len(self.records) - 1, _STATUS))

    def record_at(self, row: int) -> dict:
        return self.records[row]

    def row_of(self, document: str) -> int:
        return self._row_of.get(document, -1)

    def failed(self) -> list[dict]:
        return [r for r in self.records if r["status"] == "failed"]

    def dates(self) -> dict[str, str]:
        """The date of each article that gives one."""
        return self._dates


def _stem(document: str) -> str:
    name = document.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name
