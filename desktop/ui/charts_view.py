"""ChartsView: bar charts of the figures (one unit at a time) and of entity counts."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from desktop.model.chart_data import BAR_SETS, SET_TITLES, FigureGroup
from desktop.model.session_model import SessionModel
from desktop.ui.bar_chart import BarChart
from desktop.ui.colour_scheme import SCHEME, on_scheme_change
from desktop.ui.entity_chart import TopEntitiesChart
from desktop.ui.period_chart import PeriodChart
from desktop.ui.when_shown import RefreshWhenShown


class FigureBarsChart(QWidget):
    """The figures of one unit (chosen in a box) as bars, one set at a time (levels,
    changes or shares: chosen in a second box); a click selects a figure."""

    def __init__(self, model: SessionModel, parent=None) -> None:
        super().__init__(parent)
        self._model = model
        self._ids: list[str] = []
        self._groups: list[FigureGroup] = []
        self._bars = None
        self.group_box = QComboBox(self)
        self.group_box.setObjectName("figureGroup")
        self.group_box.setToolTip("Figures are charted one unit at a time")
        self.set_box = QComboBox(self)
        self.set_box.setObjectName("figureSet")
        self.set_box.setToolTip("Levels, changes and shares are never bars side by side")
        self.set_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for name in BAR_SETS:
            self.set_box.addItem(SET_TITLES[name], name)
        self.chart = BarChart(self)
        self.chart.setObjectName("figureBars")
        top = QHBoxLayout()
        top.addWidget(QLabel("Figures in", self))
        top.addWidget(self.group_box, 1)
        top.addWidget(self.set_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.chart)
        on_scheme_change(self, lambda _dark: self._redraw())
        self.group_box.currentIndexChanged.connect(self._on_group_change)
        self.set_box.currentIndexChanged.connect(self._redraw)
        self.chart.sigBarClicked.connect(self._on_bar_click)
        self._refresher = RefreshWhenShown(self, self._on_figures_change)
        self._refresher.request_after_on(model.sigFiguresChanged, lambda: len(model.figures()))
        model.sigFigureRowsChanged.connect(self._refresher.request)  # an edit's rows
        model.sigSelectionChanged.connect(self._on_selection_change)

    def current_set(self) -> str:
        return self.set_box.currentData() or "levels"

    def _group(self) -> FigureGroup | None:
        return next((g for g in self._groups if g.key == self.group_box.currentData()), None)

    def _on_figures_change(self) -> None:
        groups = self._model.figure_store.groups()  # kept row by row: no table is made
        if groups != self._groups:  # an edit elsewhere leaves the boxes as they are
            self._groups = groups
            current = self.group_box.currentData()
            self.group_box.blockSignals(True)
            self.group_box.clear()
            for group in groups:
                self.group_box.addItem(f"{group.title}  ({group.size})", group.key)
            keys = [g.key for g in groups]
            self.group_box.setCurrentIndex(keys.index(current) if current in keys else 0)
            self.group_box.blockSignals(False)
            self._fill_sets(keep=current in keys)
        self._redraw()

    def _on_group_change(self) -> None:
        self._fill_sets(keep=False)
        self._redraw()

    def _fill_sets(self, keep: bool) -> None:
        """Name each set with its count in the current unit; an empty one cannot be
        picked. A new unit starts with its levels (else its first set)."""
        group = self._group()
        current = self.current_set()
        self.set_box.blockSignals(True)
        box_model = self.set_box.model()
        for row, name in enumerate(BAR_SETS):
            count = group.count(name) if group else 0
            self.set_box.setItemText(row, f"{SET_TITLES[name]} ({count})")
            box_model.item(row).setEnabled(count > 0)
        wanted = current if keep and group and group.count(current) else (group.default_set() if group else "levels")
        self.set_box.setCurrentIndex(BAR_SETS.index(wanted))
        self.set_box.blockSignals(False)

    def _redraw(self) -> None:
        session = self._model.session
        bars = self._model.figure_store.bars(
            self.group_box.currentData(), lambda label: SCHEME.label_colour(session.label(label)),
            self.current_set(),
        )
        if bars != self._bars:  # the bars of another unit changed: nothing to redraw
            self._bars = bars
            self._ids = bars.ids
            self.chart.set_bars(bars.heights, bars.labels, bars.colours, bars.axis_title, bars.hollow, bars.tips)
        self._on_selection_change(self._model.selected_id)

    def show_figure(self, highlight_id: str) -> None:
        """Switch to the unit and set of ``highlight_id`` so its bar can be marked."""
        place = self._model.figure_store.place(highlight_id)
        if place is None:
            return
        key, bar_set = place
        index = self.group_box.findData(key)
        if index >= 0 and index != self.group_box.currentIndex():
            self.group_box.setCurrentIndex(index)
        if bar_set != self.current_set():
            self.set_box.setCurrentIndex(BAR_SETS.index(bar_set))

    def _on_bar_click(self, index: int) -> None:
        self._model.select(self._ids[index])

    def _on_selection_change(self, highlight_id: str) -> None:
        if highlight_id and highlight_id not in self._ids:
            self.show_figure(highlight_id)
        self.chart.mark(self._ids.index(highlight_id) if highlight_id in self._ids else -1)


class EntityCountsChart(QWidget):
    """Highlights per label as coloured bars; a click walks through that label's mentions."""

    def __init__(self, model: SessionModel, parent=None) -> None:
        super().__init__(parent)
        self._model = model
        self._labels: list[str] = []
        self.chart = BarChart(self)
        self.chart.setObjectName("entityBars")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.chart)
        self.chart.sigBarClicked.connect(self._on_bar_click)
        self._refresher = redraw = RefreshWhenShown(self, self._redraw)
        model.sigSessionReset.connect(redraw.request)
        model.sigChanged.connect(self._on_change)
        model.sigSelectionChanged.connect(self._on_selection_change)
        on_scheme_change(self, redraw.request)

    def _on_change(self, change) -> None:
        if change.highlights_changed or change.labels is not None:
            self._refresher.request()

    def _redraw(self, *_args) -> None:
        counts = self._model.label_counts()
        session = self._model.session
        self._labels = list(counts)
        colours = [SCHEME.label_colour(session.label(name)) for name in self._labels]
        self.chart.set_bars(list(counts.values()), self._labels, colours, "mentions")
        self._on_selection_change(self._model.selected_id)

    def _on_bar_click(self, index: int) -> None:
        label = self._labels[index]
        mentions = [h for h in self._model.session.highlights.visible() if h.label == label]
        if not mentions:
            return
        current = self._model.highlight(self._model.selected_id)
        after = [h for h in mentions if current is None or h.start > current.start]
        self._model.select((after or mentions)[0].id)

    def _on_selection_change(self, highlight_id: str) -> None:
        highlight = self._model.highlight(highlight_id) if highlight_id else None
        label = highlight.label if highlight else None
        self.chart.mark(self._labels.index(label) if label in self._labels else -1)


class ChartsView(QTabWidget):
    """The charts pane: figures by unit, entity counts by label, the most mentioned entities."""

    def __init__(self, model: SessionModel, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("chartsView")
        self.setAccessibleName("Charts")
        self.figure_bars = FigureBarsChart(model, self)
        self.entity_counts = EntityCountsChart(model, self)
        self.addTab(self.figure_bars, "Figures")
        self.periods = PeriodChart(model, self)
        self.addTab(self.periods, "Over time")
        self.addTab(self.entity_counts, "Labels")
        self.top_entities = TopEntitiesChart(model, self)
        self.addTab(self.top_entities, "Top entities")
        for chart, name in ((self.figure_bars.chart, "Figures chart"), (self.periods.plot, "Figures over time"),
                            (self.periods.changes, "Changes over time"),
                            (self.entity_counts.chart, "Highlights per label"),
                            (self.top_entities.chart, "Most mentioned entities")):
            chart.setAccessibleName(name)
