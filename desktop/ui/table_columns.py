"""The columns of a table as a reader arranges them: sized to their content (within a
limit each), long text elided in the middle (a sentence at its end), hidden and moved
from the header's menu, and kept that way in settings for the next start."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QMenu, QStyledItemDelegate, QTableView

from desktop.ui.colour_scheme import SCHEME

#: Rows measured when a column is fitted to its content.
MEASURED_ROWS = 100
#: Room the last column (it stretches) keeps when the others are widened to their content.
LAST_COLUMN_PX = 200
#: How long after the table is resized its columns are fitted again.
REFIT_DELAY_MS = 150
#: How long after the last resize or move the layout is saved.
SAVE_DELAY_MS = 400
_LIGHT_EDITED = QColor("#fff4d6")


class CellDelegate(QStyledItemDelegate):
    """Draws a cell with its column's elision, in the colours of the current scheme (the
    table model's shades for corrected and derived cells are meant for a light page)."""

    def __init__(self, parent, elide: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle) -> None:
        super().__init__(parent)
        self.elide = elide

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = self.elide
        if not SCHEME.dark:
            return
        if index.data(Qt.ItemDataRole.ForegroundRole) is not None:
            option.palette.setColor(option.palette.ColorRole.Text, QColor(SCHEME.chart("derived")))
        background = index.data(Qt.ItemDataRole.BackgroundRole)
        if isinstance(background, QBrush) and background.color() == _LIGHT_EDITED:
            option.backgroundBrush = QBrush(QColor(SCHEME.chart("edited")))


class ColumnLayout:
    """Column widths, order and visibility of ``table``, saved under ``key`` in QSettings.

    ``fields`` names the model's columns (stable across versions, unlike positions);
    ``limits`` caps a column's fitted width (pixels); ``hidden`` are hidden until the
    reader shows them. The last column in view order stretches.
    """

    def __init__(self, table: QTableView, key: str, fields: Sequence[str], headers: Sequence[str],
                 limits: dict[str, int], hidden: Sequence[str] = ()) -> None:
        self.table = table
        self.key = key
        self.fields = list(fields)
        self.headers = list(headers)
        self.limits = dict(limits)
        self.default_hidden = set(hidden)
        #: Columns cut short get the room left in this order first (then in view order).
        self.widen_first: list[str] = []
        self.user_sized: set[str] = set()  # widths the reader set by dragging: kept
        self._restoring = False
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setFirstSectionMovable(True)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(MEASURED_ROWS)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_menu)
        header.setToolTip("Drag a header to move its column; right-click to show or hide columns")
        self._save_timer = QTimer(table, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save)
        header.sectionMoved.connect(lambda *_: self._save_soon())
        header.sectionResized.connect(self._on_resize)
        self._refit_timer = QTimer(table, singleShot=True, interval=REFIT_DELAY_MS)
        self._refit_timer.timeout.connect(self.fit)
        table.viewport().installEventFilter(self._resize_watch(table))
        self.restore()

    def _resize_watch(self, table: QTableView):
        """Refits the columns a moment after the table is resized (a wider pane gives
        the columns cut short their whole content)."""
        from PySide6.QtCore import QEvent, QObject

        layout = self

        class Watch(QObject):
            def eventFilter(self, watched, event) -> bool:
                if event.type() == QEvent.Type.Resize and layout.table.model().rowCount():
                    layout._refit_timer.start()
                return False

        self._watch = Watch(table)
        return self._watch

    # -- what the reader sees ------------------------------------------------------
    def column(self, field: str) -> int:
        return self.fields.index(field)

    def is_hidden(self, field: str) -> bool:
        return self.table.isColumnHidden(self.column(field))

    def set_hidden(self, field: str, hidden: bool) -> None:
        visible = [f for f in self.fields if not self.is_hidden(f)]
        if hidden and visible == [field]:
            return  # the last column stays
        self.table.setColumnHidden(self.column(field), hidden)
        if not hidden:
            self.fit(only=[field])
        self._save_soon()

    def order(self) -> list[str]:
        """The fields in the order the header shows them."""
        header = self.table.horizontalHeader()
        return [self.fields[header.logicalIndex(visual)] for visual in range(header.count())]

    def move(self, field: str, to_visual: int) -> None:
        header = self.table.horizontalHeader()
        header.moveSection(header.visualIndex(self.column(field)), to_visual)

    def fit(self, only: Sequence[str] | None = None) -> None:
        """Fit the columns (``only`` these) to their content, each within its limit, then
        give the room left in the view (the last column keeping LAST_COLUMN_PX) to the
        ones cut short, in view order; a width the reader set by dragging stays."""
        header = self.table.horizontalHeader()
        order = self.order()
        last = order[-1]
        fitted = [f for f in order if f not in self.user_sized and f != last
                  and not self.table.isColumnHidden(self.column(f)) and (only is None or f in only)]
        content = {f: max(self.table.sizeHintForColumn(self.column(f)), header.sectionSizeHint(self.column(f)))
                   for f in fitted}
        widths = {f: max(min(content[f], self.limits.get(f, 400)), header.sectionSizeHint(self.column(f)))
                  for f in fitted}
        others = sum(header.sectionSize(self.column(f)) for f in order
                     if f not in widths and f != last and not self.table.isColumnHidden(self.column(f)))
        spare = self.table.viewport().width() - others - sum(widths.values()) - LAST_COLUMN_PX
        first = [f for f in self.widen_first if f in fitted]
        for field in first + [f for f in fitted if f not in first]:  # the room left, to those cut short
            if spare <= 0:
                break
            more = min(content[field] - widths[field], spare)
            if more > 0:
                widths[field] += more
                spare -= more
        self._restoring = True
        try:
            for field, width in widths.items():
                header.resizeSection(self.column(field), width)
        finally:
            self._restoring = False

    def reset(self) -> None:
        """Every column back in place, shown or hidden as at first, fitted to its content."""
        header = self.table.horizontalHeader()
        for position, field in enumerate(self.fields):
            header.moveSection(header.visualIndex(self.column(field)), position)
            self.table.setColumnHidden(self.column(field), field in self.default_hidden)
        self.user_sized.clear()
        self.fit()
        self.save()

    # -- settings -------------------------------------------------------------------
    def save(self) -> None:
        header = self.table.horizontalHeader()
        settings = QSettings()
        settings.setValue(f"{self.key}/order", self.order())
        settings.setValue(f"{self.key}/hidden", [f for f in self.fields if self.is_hidden(f)] or ["-"])
        settings.setValue(f"{self.key}/widths",
                          [f"{f}={header.sectionSize(self.column(f))}" for f in sorted(self.user_sized)] or ["-"])

    def restore(self) -> None:
        settings = QSettings()
        header = self.table.horizontalHeader()
        order = _strings(settings.value(f"{self.key}/order"))
        saved_hidden = settings.value(f"{self.key}/hidden")  # None: never saved
        widths = _strings(settings.value(f"{self.key}/widths"))
        self._restoring = True
        try:
            known = [f for f in order if f in self.fields]
            known += [f for f in self.fields if f not in known]  # a column added since
            for position, field in enumerate(known):
                header.moveSection(header.visualIndex(self.column(field)), position)
            hidden = self.default_hidden if saved_hidden is None else set(_strings(saved_hidden))
            for field in self.fields:
                self.table.setColumnHidden(self.column(field), field in hidden)
            for item in widths:
                field, _, width = item.partition("=")
                if field in self.fields and width.isdigit():
                    header.resizeSection(self.column(field), int(width))
                    self.user_sized.add(field)
        finally:
            self._restoring = False

    def _on_resize(self, logical: int, _old: int, _new: int) -> None:
        header = self.table.horizontalHeader()
        if self._restoring or logical == header.logicalIndex(header.count() - 1):
            return
        if header.sectionResizeMode(logical) == QHeaderView.ResizeMode.Interactive \
                and self.table.isVisible() and QApplicationMouse.pressed():
            self.user_sized.add(self.fields[logical])
            self._save_soon()

    def _save_soon(self) -> None:
        if not self._restoring:
            self._save_timer.start()

    # -- the header's menu --------------------------------------------------------
    def menu(self) -> QMenu:
        menu = QMenu(self.table)
        menu.setObjectName("columnMenu")
        for field, title in sorted(zip(self.fields, self.headers), key=lambda p: self.order().index(p[0])):
            item = menu.addAction(title)
            item.setCheckable(True)
            item.setChecked(not self.is_hidden(field))
            item.toggled.connect(lambda shown, f=field: self.set_hidden(f, not shown))
        menu.addSeparator()
        menu.addAction("Fit Columns to Their Content", self._fit_all)
        menu.addAction("Reset Columns", self.reset)
        return menu

    def _fit_all(self) -> None:
        self.user_sized.clear()
        self.fit()
        self.save()

    def _show_menu(self, position) -> None:
        header = self.table.horizontalHeader()
        self.menu().popup(header.mapToGlobal(position))


class QApplicationMouse:
    """Whether a mouse button is down: a drag on the header's edge, not a fit."""

    @staticmethod
    def pressed() -> bool:
        from PySide6.QtWidgets import QApplication

        return QApplication.mouseButtons() != Qt.MouseButton.NoButton


def _strings(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value if str(v) != "-"]
