"""TopEntitiesChart: the most mentioned entities as horizontal bars.

A click on a bar selects the entity's first mention (again: its next one); the bar
of the entity the selection mentions is outlined. Like the Entities pane it is
redrawn only while on screen.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.model.entity_table import EntityRow
from desktop.model.session_model import SessionModel
from desktop.ui.bar_chart import PLAIN_PEN, ClickableBars, describe_bars, short
from desktop.ui.colour_scheme import SCHEME, on_scheme_change
from desktop.ui.when_shown import RefreshWhenShown

#: How many entities the chart shows, most mentioned first.
TOP_ENTITIES = 12
_NAME_CHARS = 24


def top_entities(rows: list[EntityRow], limit: int = TOP_ENTITIES) -> list[EntityRow]:
    """The ``limit`` most mentioned entities; ties keep text order."""
    return sorted(rows, key=lambda row: -row.count)[:limit]


class HorizontalBars(ClickableBars):
    """Named horizontal bars, the first at the top; built once, updated by ``set_bars``.

    Clicking in a bar's row emits ``sigBarClicked(index)``.
    """

    def __init__(self, parent=None) -> None:
        bars = pg.BarGraphItem(x0=[], y=[], height=0.7, width=[], pen=PLAIN_PEN)
        super().__init__(parent, bars, "y")
        self.getPlotItem().invertY(True)
        self.setLabel("bottom", "mentions")

    def set_bars(self, widths: list[int], names: list[str], colours: list[str]) -> None:
        self._count = len(widths)
        self._marked = min(self._marked, self._count - 1)
        self._bars.setOpts(
            x0=np.zeros(self._count), y=np.arange(self._count), height=0.7,
            width=np.asarray(widths, dtype=float),
            brushes=[QColor(c) for c in colours] or None, pens=self._pens(),
        )
        self.getAxis("left").setTicks([[(i, short(name, _NAME_CHARS)) for i, name in enumerate(names)]])
        self.setAccessibleDescription(describe_bars(names, widths, "mentions"))
        self.setYRange(-0.6, max(self._count, 1) - 0.4, padding=0)
        self.setXRange(0, max(widths, default=1) * 1.05, padding=0)


class TopEntitiesChart(QWidget):
    """The chart tab of the most mentioned entities."""

    def __init__(self, model: SessionModel, parent=None) -> None:
        super().__init__(parent)
        self._model = model
        self._entities = model.entity_table
        self._rows: list[EntityRow] = []
        self._refresher = RefreshWhenShown(self, self.redraw, stale=True)
        self.chart = HorizontalBars(self)
        self.chart.setObjectName("topEntityBars")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.chart)
        self.chart.sigBarClicked.connect(self.show_mention)
        self._entities.sigChanged.connect(self._refresher.request)
        on_scheme_change(self, self._refresher.request)
        model.sigSelectionChanged.connect(self._on_selection_change)

    def shown_rows(self) -> list[EntityRow]:
        return list(self._rows)

    def show_mention(self, index: int) -> None:
        """Select the first (or, when one is selected, the next) mention of bar ``index``."""
        if not 0 <= index < len(self._rows):
            return
        self._model.select(self._rows[index].next_mention(self._model.selected_id))

    def redraw(self) -> None:
        self._rows = top_entities(self._entities.rows())
        session = self._model.session
        self.chart.set_bars([row.count for row in self._rows], [row.canonical for row in self._rows],
                            [SCHEME.label_colour(session.label(row.label)) for row in self._rows])
        self._on_selection_change(self._model.selected_id)

    def _on_selection_change(self, highlight_id: str) -> None:
        if not self._refresher.stale:
            self.chart.mark(next((n for n, row in enumerate(self._rows)
                                  if highlight_id in row.mentions), -1))
