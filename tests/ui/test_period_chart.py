"""The Over time chart: comparable periods on a line each, part-years apart, changes
as signed bars below the levels, forecasts marked; points and bars select figures.
Synthetic tables (roles set by hand) drive the real widget; the seed drives the window."""

from types import SimpleNamespace

import pandas as pd
import pytest
from figure_tables import figures
from PySide6.QtCore import QObject, QPointF, Qt, Signal

from desktop.model.period_series import period_series
from desktop.ui.period_chart import PeriodChart


def usd(value, period, **cells):
    return {"value": value, "unit_code": "USD", "subject": "trade", "period": period, "role": "level",
            "surface": f"${value / 1e6:g} million", **cells}


def change(text, period, **cells):
    return {"value": abs(float(text.strip("+-%"))), "unit_code": "%", "kind": "percent", "subject": "trade",
            "period": period, "change": text, "role": "change", **cells}


class FakeModel(QObject):
    """The part of SessionModel the charts use: a figures table and the selection."""

    sigFiguresChanged = Signal()
    sigFigureRowsChanged = Signal(object)
    sigSelectionChanged = Signal(str)

    def __init__(self, table: pd.DataFrame) -> None:
        super().__init__()
        self.table = table
        self.selected_id = ""
        self.session = SimpleNamespace(label=lambda name: SimpleNamespace(colour="#ff8a65"))
        self.figure_store = SimpleNamespace(period_series=lambda: period_series(self.table))

    def figures(self) -> pd.DataFrame:
        return self.table

    def select(self, highlight_id: str) -> None:
        if highlight_id != self.selected_id:
            self.selected_id = highlight_id
            self.sigSelectionChanged.emit(highlight_id)


TRADE = figures(
    usd(300e6, "2021"),                       # h0
    change("+40%", "2022"),                   # h10
    usd(460e6, "2022"),                       # h20
    usd(185e6, "the first four months of 2023"),  # h30: four months, apart
    change("-3%", "the first four months of 2023", direction="down"),  # h40
    usd(520e6, "2024", role="forecast"),      # h50
)


@pytest.fixture
def chart(qtbot):
    def make(table: pd.DataFrame) -> PeriodChart:
        model = FakeModel(table)
        widget = PeriodChart(model)
        widget.model = model
        qtbot.addWidget(widget)
        widget.resize(900, 520)
        widget.show()
        qtbot.waitExposed(widget)
        model.sigFiguresChanged.emit()
        return widget
    return make


def click(qtbot, plot, x: float, y: float) -> None:
    scene_point = plot.getPlotItem().getViewBox().mapViewToScene(QPointF(x, y))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=plot.mapFromScene(scene_point))


def test_whole_years_are_joined_and_the_part_year_stands_apart(chart):
    widget = chart(TRADE)
    assert [widget.series_box.itemText(i) for i in range(widget.series_box.count())] == ["trade (USD)"]
    assert len(widget.points.points()) == 4  # the levels only: no change among them
    assert sorted(widget.points.getData()[1]) == [185e6, 300e6, 460e6, 520e6]
    assert widget.line_count() == 1  # 2021 – 2022 – 2024; Jan–Apr 2023 on no line
    years = widget._lines[0]
    assert list(years.solid.getData()[0]) == [0.0, 1.0]
    assert list(years.dotted.getData()[0]) == [1.0, 3.0]  # to the forecast: dotted
    assert widget.tick_labels.shown() == [0, 1, 2, 3]
    assert widget.tick_labels.texts() == ["2021", "2022", "Jan–Apr 2023\n4 months", "2024\nforecast"]
    legend = widget.legend.text()
    assert "Jan–Apr 2023, 4 months: not comparable with whole years" in legend
    assert "forecast" in legend


def test_changes_are_signed_bars_below_never_points(chart):
    widget = chart(TRADE)
    bars = widget.changes
    assert bars.isVisible() and bars.bar_count() == 2
    assert [bars.value(i) for i in range(2)] == [40.0, -3.0]
    assert [bars.bar_position(i) for i in range(2)] == [1.0, 2.0]  # under 2022 and Jan–Apr 2023
    assert [item.toPlainText() for item in bars._texts[:2]] == ["+40%", "-3%"]
    assert bars.getAxis("left").labelText == "change %"
    without = chart(TRADE.iloc[[0, 2, 3]].reset_index(drop=True))
    assert not without.changes.isVisible() and without.changes.bar_count() == 0


def test_clicking_a_point_or_a_change_selects_its_figure(qtbot, chart):
    widget = chart(TRADE)
    qtbot.waitExposed(widget.plot)
    click(qtbot, widget.plot, *widget.point_position(2))  # Jan–Apr 2023, $185 million
    assert widget.model.selected_id == "h30"
    assert list(widget._mark.getData()[0]) == [2.0]
    click(qtbot, widget.changes, widget.changes.bar_position(1), widget.changes.value(1) / 2)
    assert widget.model.selected_id == "h40" and widget.changes.marked == 1
    assert len(widget._mark.getData()[0]) == 0
    widget.model.select("h20")  # from elsewhere: the table, the text
    assert list(widget._mark.getData()[0]) == [1.0] and widget.changes.marked == -1


def test_the_subject_of_a_figure_selected_elsewhere_is_shown(chart):
    table = figures(usd(1e6, "2021"), usd(2e6, "2022"),
                    {**usd(5.0, "2021"), "subject": "cargo", "unit_code": "t", "kind": "quantity"},
                    {**usd(9.0, "2022"), "subject": "cargo", "unit_code": "t", "kind": "quantity"})
    widget = chart(table)
    assert widget.current().name == "cargo (t)"  # ties: by name
    widget.model.select("h10")
    assert widget.current().name == "trade (USD)" and list(widget._mark.getData()[0]) == [1.0]


def test_items_are_made_once_and_updated(chart):
    widget = chart(TRADE)
    items = list(widget.plot.getPlotItem().items)
    widget.model.table = TRADE.iloc[[0, 2]].reset_index(drop=True)
    widget.model.sigFiguresChanged.emit()
    assert list(widget.plot.getPlotItem().items) == items
    assert widget.line_count() == 1 and len(widget.points.points()) == 2
    widget.model.table = TRADE.iloc[0:0]
    widget.model.sigFiguresChanged.emit()
    assert widget.current() is None and widget.line_count() == 0 and len(widget.points.points()) == 0


def test_seed_trade_keeps_its_four_months_apart(qtbot, window, seed_path, wait_for_analysis):
    assert window.open_path(seed_path)
    wait_for_analysis(window)
    chart = window.charts_view.periods
    window.charts_view.setCurrentWidget(chart)
    series = {s.key: s for s in chart.series()}
    trade = series["trade"]
    assert [s.label for s in trade.slots] == ["2021", "2022", "Jan–Apr this year"]
    assert trade.values[0] == pytest.approx(460e6 / 1.4) and trade.values[1:] == [460e6, 185e6]
    assert trade.derived == [True, False, False]
    years = trade.lines[0]
    assert years.connected and years.joined == [0, 1]
    assert [line.connected for line in trade.lines[1:]] == [False]  # the four months: a lone marker
    assert trade.slot_label(2) == "Jan–Apr this year\n4 months"
    assert all(c.unit == "%" and c.value > 0 for c in trade.changes)  # "grew by 40 percent": up
    chart.series_box.setCurrentIndex(list(series).index("trade"))
    qtbot.waitExposed(chart.plot)
    assert chart.tick_labels.shown() == [0, 1, 2]  # three periods: every one named
    assert chart.line_count() == 1


def test_clicking_a_seed_point_selects_its_figure(qtbot, window, seed_path, wait_for_analysis):
    assert window.open_path(seed_path)
    wait_for_analysis(window)
    chart = window.charts_view.periods
    window.charts_view.setCurrentWidget(chart)
    chart.series_box.setCurrentIndex(next(i for i, s in enumerate(chart.series()) if s.key == "trade"))
    qtbot.waitExposed(chart.plot)
    series = chart.current()
    for index in (2, 1):  # "$185 million", then "$460 million"
        click(qtbot, chart.plot, *chart.point_position(index))
        assert window.model.selected_id == series.ids[index]
        highlight = window.model.highlight(series.ids[index])
        assert ("$185 million", "$460 million")[index == 1] in window.model.text[highlight.start:highlight.end]
    assert list(chart._mark.getData()[0]) == [1.0]


def test_an_earlier_value_a_year_before_joins_its_level_line(chart):
    widget = chart(figures(
        usd(95e6, "three months to June"),                                       # h0
        usd(80e6, "year-earlier", role="previous", link=0),                     # h10: "$80m year-earlier"
    ))
    assert widget.line_count() == 1
    line = widget._lines[0]
    assert list(line.solid.getData()[0]) == [0.0, 1.0]
    assert list(line.solid.getData()[1]) == [80e6, 95e6]
    assert widget.tick_labels.texts() == ["3 months to Jun\na year earlier", "3 months to Jun"]
    assert "3-month periods" in widget.legend.text() and "not joined" not in widget.legend.text()


@pytest.mark.parametrize("height", [300, 520])
def test_the_top_value_label_is_never_cut_by_the_plot_edge(qtbot, chart, height):
    widget = chart(TRADE)
    widget.resize(900, height)
    qtbot.wait(50)
    widget.grab()  # value labels place themselves when painted
    box = widget.plot.getPlotItem().getViewBox().sceneBoundingRect()
    top = max(range(len(widget.current().points)), key=lambda i: widget.current().points[i].value)
    label = widget._values[top].sceneBoundingRect()
    assert widget._values[top].toPlainText() == "520M"
    assert box.top() <= label.top() and label.bottom() <= box.bottom()
