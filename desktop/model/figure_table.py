"""FigureTableModel: the figures DataFrame as a sortable, filterable Qt table."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.core.figure import FIGURE_ROLES
from desktop.core.number_text import approximate_number, full_number
from desktop.nlp.figures.table.highlights import TABLE_COLUMNS
from desktop.nlp.figures.table.rows import version_of


@dataclass(frozen=True)
class Column:
    """A table column: its header, the DataFrame column it shows and sorts by, and
    whether a person may correct it."""

    header: str
    field: str
    numeric: bool = False
    editable: bool = False


COLUMNS = (
    Column("Figure", "surface"),
    Column("Value", "value", numeric=True, editable=True),
    Column("Unit", "unit_code", editable=True),
    Column("Role", "role", editable=True),
    Column("Subject", "subject", editable=True),
    Column("Period", "period", editable=True),
    Column("Change", "change"),
    Column("Linked", "link"),
    Column("Kind", "kind", editable=True),
    Column("Qualifier", "qualifier", editable=True),
    Column("Sentence", "sentence"),
)

#: Fields searched by the filter box.
SEARCHED_FIELDS = ("surface", "unit", "unit_code", "role", "kind", "qualifier", "subject", "period",
                   "sentence", "label")

#: The roles a person may pick, in the order a reader meets them (FIGURE_ROLES is
#: ordered by precedence instead), each with what it means.
ROLE_HELP = {
    "level": "level: the amount or rate itself",
    "change": "change: the size of a rise or fall",
    "previous": "previous: an earlier value, compared with",
    "share": "share: a part of a whole",
    "forecast": "forecast: a value expected later",
}
#: (A role added to FIGURE_ROLES without a meaning here is offered last, as its word.)
ROLE_CHOICES = (*(role for role in ROLE_HELP if role in FIGURE_ROLES),
                *(role for role in FIGURE_ROLES if role not in ROLE_HELP))
_ARROWS = {"up": "▲", "down": "▼"}
_MOVED_HELP = {"amount": "an amount moved", "rate": "a rate moved"}
_HEADER_HELP = {
    "role": "What the figure does in its sentence: " + ", ".join(ROLE_CHOICES)
            + " (F2 or Enter to correct it)",
    "change": "The change a figure states: ▲ a rise, ▼ a fall",
    "link": "The figure this one is tied to: the new level of a change, "
            "the main amount of a conversion, the source of a derived value",
}

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


def parse_value(text: str) -> float | None:
    """A number typed by a person: "460,000,000", "3.2e6", or words the figure
    engine reads ("460 million"); None when it is not a number."""
    cleaned = text.strip().replace(",", "").replace("\u202f", "").replace(" ", "")
    try:
        return float(cleaned)
    except ValueError:
        pass
    from desktop.nlp.figures.scanner import read_figure

    reading = read_figure(text.strip())
    return reading.value if reading is not None else None


def format_value(value: float, low: float, high: float) -> str:
    """A value for display: "460,000,000", "3.2", a range as "16–17"."""
    if low != high and not (math.isnan(low) or math.isnan(high)):
        return f"{format_number(low)}–{format_number(high)}"
    return format_number(value)


def format_number(value: float) -> str:
    if math.isnan(value):
        return ""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.2f}"


def _text(value: object) -> str:
    """A cell of a text column as text ("" for a missing one)."""
    return value if type(value) is str else "" if value is None or value != value else str(value)


#: A change to more rows than this resets the view rather than listing the rows.
RESET_ABOVE_ROWS = 500
#: Cells whose answers to the view are kept (a screenful is ~100), then forgotten at once.
ANSWERS_KEPT = 4000
_UNKNOWN = object()


def _common_ends(old: list[np.ndarray], new: list[np.ndarray]) -> tuple[int, int]:
    """How many rows the ``old`` and ``new`` keys (parallel arrays) share at their
    start and, after that, at their end."""
    if not old or not new:
        return 0, 0
    limit = min(len(old[0]), len(new[0]))

    def shared(old_part: list[np.ndarray], new_part: list[np.ndarray]) -> int:
        differs = np.zeros(len(old_part[0]), dtype=bool)
        for old_key, new_key in zip(old_part, new_part):
            differs |= old_key != new_key
        return int(np.argmax(differs)) if differs.any() else len(differs)

    start = shared([key[:limit] for key in old], [key[:limit] for key in new])
    rest = limit - start
    end = shared([key[::-1][:rest] for key in old], [key[::-1][:rest] for key in new])
    return start, end


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
                _splice(cells, splice.position, splice.removed, splice.added)
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
            _splice(self._cells, at, middle_old, None)
            self._rows = np.arange(len(self._cells["start"]))
            self._answers.clear()
            self.endRemoveRows()
        if middle_new:
            self.beginInsertRows(QModelIndex(), at, at + middle_new - 1)
            _splice(self._cells, at, 0, {name: values[same_start:same_start + middle_new]
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
        same_start, same_end = _common_ends(old_keys, new_keys)
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
            return _HEADER_HELP.get(COLUMNS[section].field)
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
                    value = self._display(position, column)
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
            return self._display(position, column)
        if role == _TOOLTIP:
            return self._tooltip(position, column)
        if role == _ALIGNMENT:
            return _ALIGN_RIGHT if column.numeric else _ALIGN_LEFT
        if role == _USER:
            return self._cells["highlight_id"][position]
        if role == _EDIT:
            return self._edit_text(position, column)
        if role in _STYLE_ROLES:
            return self._style(position, column)[role]
        return None

    def _style(self, position: int, column: Column) -> dict[int, object]:
        """The font and brushes of a cell: derived rows grey italics, corrected cells
        italics on a tint."""
        if self._is_derived(position):
            return _DERIVED_STYLE
        return _EDITED_STYLE if self._is_edited(position, column) else _PLAIN_STYLE

    def flags(self, index):
        if not index.isValid():
            return _NO_FLAGS
        if COLUMNS[index.column()].editable and not self._is_derived(int(self._rows[index.row()])):
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
            unchanged = text == self._edit_text(position, column)
        if unchanged and not self._is_edited(position, column):
            return True  # picking what is shown already is no correction
        self.sigEditRequested.emit(self.highlight_id(index.row()), column.field, new_value)
        return True

    def _edit_text(self, position: int, column: Column) -> str:
        if column.field == "value":
            return format_number(self._cells["value"][position]).replace(",", "")
        return self._display(position, column)

    def _is_derived(self, position: int) -> bool:
        derived = self._cells.get("derived")
        return derived is not None and derived[position] is True

    def _is_edited(self, position: int, column: Column) -> bool:
        edited = self._cells.get("edited")
        marks = edited[position] if edited else ""
        return isinstance(marks, str) and column.field in marks.split(",")

    def _display(self, position: int, column: Column) -> str:
        cells = self._cells
        if column.field == "value":
            if self._is_derived(position):  # rounded for reading: "≈ 328.6 million"
                return approximate_number(cells["value"][position])
            return format_value(cells["value"][position], cells["low"][position], cells["high"][position])
        if column.field == "unit_code":
            return cells["unit_code"][position] or cells["unit"][position]
        if self._is_derived(position):
            if column.field == "surface":
                return f"derived from {cells['surface'][position]}"
            if column.field == "change":
                return f"= {cells['formula'][position]}"
        if column.field == "change":
            change = _text(cells["change"][position])
            if change.startswith("-"):
                change = "\u2212" + change[1:]  # a minus sign, as wide as the plus
            arrow = _ARROWS.get(cells["direction"][position])
            return f"{arrow} {change}".rstrip() if arrow else change
        if column.field == "link":
            link = self._link(position)
            if link < 0:
                return ""
            surface = self._linked_surface(link)
            return f"→ {surface}" if surface is not None else f"→ character {link:,}"
        return _text(cells[column.field][position])

    def _link(self, position: int) -> int:
        """The start of the figure the row at ``position`` is tied to; -1 for none."""
        link = self._cells["link"][position]
        if type(link) is int:
            return link
        if isinstance(link, (float, np.integer)) and link == link:  # a frame with gaps: float
            return int(link)
        return -1

    def _linked_surface(self, start: int) -> str | None:
        """The surface of the figure starting at ``start`` (a stated one: a derived row
        shares its source's start), None when the table has none there."""
        if self._surface_at is None:
            starts, surfaces = self._cells["start"], self._cells["surface"]
            derived = self._cells.get("derived") or [False] * len(starts)
            self._surface_at = {}
            for at, surface, is_derived in zip(reversed(starts), reversed(surfaces), reversed(derived)):
                if is_derived is not True:
                    self._surface_at[at] = surface  # reversed: the first row of a start wins
        return self._surface_at.get(start)

    def _tooltip(self, position: int, column: Column) -> str | None:
        cells = self._cells
        if column.field == "sentence":
            return cells["sentence"][position]
        if self._is_derived(position):
            exact = f"{full_number(cells['value'][position])}\n" if column.field == "value" else ""
            return f"{exact}Derived, not stated in the text: {cells['formula'][position]}"
        if column.field == "role":
            role = _text(cells["role"][position])
            meaning = ROLE_HELP.get(role, role) or "Role not known"
            if self._is_edited(position, column):
                return f"{meaning}\nCorrected by hand (F2 or Enter to change, Delete to restore)"
            return f"{meaning}\nF2 or Enter to correct it"
        if self._is_edited(position, column):
            return "Corrected by hand (double-click to change, Delete to restore)"
        if column.field == "change":
            return self._change_tooltip(position)
        if column.field == "link":
            link = self._link(position)
            if link < 0:
                return None
            surface = self._linked_surface(link)
            if surface is None:
                return f"Tied to the figure at character {link:,}, which the table does not show"
            return f"Tied to “{surface}” (character {link:,})"
        if column.field == "unit_code":
            written = cells["unit"][position]
            return f"Written as “{written}”" if written else None
        return f"{cells['surface'][position]} ({cells['label'][position]})"

    def _change_tooltip(self, position: int) -> str | None:
        cells = self._cells
        change = _text(cells["change"][position])
        direction = _text(cells["direction"][position])
        moved = _MOVED_HELP.get(cells["moved"][position])
        if not (change or direction or moved):
            return None
        parts = [{"up": "Up", "down": "Down"}.get(direction, "Change")]
        if change:
            parts.append(f" {change}")
        if moved:
            parts.append(f": {moved}")
        return "".join(parts)

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


def _splice(cells: dict[str, list], position: int, removed: int, added: dict[str, list] | None) -> None:
    """Replace rows ``[position, position + removed)`` of ``cells`` with ``added``."""
    for name, values in cells.items():
        values[position:position + removed] = added[name] if added is not None else []
