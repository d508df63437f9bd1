from types import SimpleNamespace

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QFontMetrics

from desktop.core.figure import FIGURE_COLUMNS
from desktop.model.chart_data import ChartRows
from desktop.nlp.figures.table.frame import frame_from_columns
from desktop.ui.bar_chart import BarChart, compact_number, short
from desktop.ui.charts_view import FigureBarsChart


def test_compact_numbers():
    assert [compact_number(v) for v in (460e6, 1.2e9, 35_000, 0.5, 40, -2e6)] == [
        "460M", "1.2B", "35k", "0.5", "40", "-2M"]


def test_short_labels_keep_their_start():
    assert short("exceeding $460 million", 12) == "exceeding $…"
    assert short("40 percent") == "40 percent"


def test_bars_update_in_place_and_survive_being_emptied(qtbot):
    chart = BarChart()
    qtbot.addWidget(chart)
    item = chart._bars
    chart.set_bars([3, 1, 2], ["a", "b", "c"], ["#ff0000"] * 3)
    chart.mark(1)
    assert chart.bar_count() == 3 and chart.marked == 1
    chart.set_bars([], [], [])
    assert chart.bar_count() == 0 and chart.marked == -1
    assert chart._bars is item and chart.getPlotItem().items.count(item) == 1


def _labels_overlap(chart: BarChart) -> bool:
    """Whether two of the x axis's labels, centred under their bars, overlap, or
    one sticks out of the plot (the axis would not draw it)."""
    axis = chart.getAxis("bottom")
    metrics = QFontMetrics(axis.style["tickFont"] or axis.font())
    view = chart.getPlotItem().getViewBox()
    rows: dict[int, list[tuple[float, float]]] = {}  # a staggered row starts with empty lines
    for value, text in axis._tickLevels[0]:
        centre = view.mapViewToScene(QPointF(value, 0)).x()
        half = max(metrics.horizontalAdvance(line) for line in text.split("\n")) / 2
        rows.setdefault(len(text) - len(text.lstrip("\n")), []).append((centre - half, centre + half))
    edges = [edge for row in rows.values() for edge in row]
    inside = all(left >= view.sceneBoundingRect().left() and right <= view.sceneBoundingRect().right()
                 for left, right in edges)
    return not inside or any(right > next_left for row in rows.values()
                             for (_, right), (next_left, _) in zip(row, row[1:]))


def _shown_chart(qtbot, width: int) -> BarChart:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(width, 300)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def test_as_many_bar_labels_as_fit_the_width_and_none_over_another(qtbot):
    chart = _shown_chart(qtbot, 600)
    labels = [f"{n} years of service" for n in range(381)]
    chart.set_bars(list(range(381)), labels, ["#ffee88"] * 381)
    narrow = chart.tick_labels.shown()
    assert 3 <= len(narrow) < 40 and not _labels_overlap(chart)
    chart.resize(1400, 300)
    qtbot.waitUntil(lambda: len(chart.tick_labels.shown()) > len(narrow))
    assert not _labels_overlap(chart)
    chart.set_bars([3, 1, 2], ["a", "b", "c"], ["#ff0000"] * 3)
    assert chart.tick_labels.shown() == [0, 1, 2]


def test_short_labels_among_long_ones_are_all_shown_where_they_fit(qtbot):
    chart = _shown_chart(qtbot, 650)
    labels = ["PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "MONEY", "PERCENT", "QUANTITY",
              "CARDINAL", "TIME", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "ORDINAL"]
    chart.set_bars(range(1, 19), labels, ["#88aaff"] * 18)
    shown = chart.tick_labels.shown()
    assert len(shown) >= 7 and not _labels_overlap(chart)


def test_long_labels_wrap_and_are_cut_to_their_bar_and_all_shown(qtbot):
    chart = _shown_chart(qtbot, 560)
    labels = ["bilateral trade between Kazakhstan and Azerbaijan and their neighbours on the Caspian\n2022",
              "mutual trade\nJan–Apr this year (4 months)", "BA pre-tax profit\nQ3 2004"]
    chart.set_bars([460e6, 185e6, 75e6], labels, ["#ff8a65"] * 3)
    assert chart.tick_labels.shown() == [0, 1, 2] and not _labels_overlap(chart)
    first, second, third = chart.tick_labels.texts()
    lines = first.split("\n")
    assert lines[0].startswith("bilateral trade") and len(lines) == 4  # wrapped onto three lines, then the year
    # whole: the end bars get the room their labels need (the x range widens a little)
    assert " ".join(lines[:3]) == labels[0].split("\n")[0] and lines[3] == "2022"
    assert third == "BA pre-tax profit\nQ3 2004"  # fits: not cut
    axis = chart.getAxis("bottom")
    four_lines = 4 * QFontMetrics(axis.style["tickFont"] or axis.font()).lineSpacing()
    qtbot.waitUntil(lambda: axis.height() >= four_lines)


def test_hollow_bars_are_dashed_and_a_mark_still_shows(qtbot):
    chart = _shown_chart(qtbot, 500)
    chart.set_bars([3, 4], ["a", "b"], ["#ff8a65"] * 2, hollow=[False, True], tips=["a: 3", "b: 4 (forecast)"])
    pens = chart._bars.opts["pens"]
    assert pens[1].style() == Qt.PenStyle.DashLine and pens[0].style() == Qt.PenStyle.SolidLine
    chart.mark(1)
    assert chart._bars.opts["pens"][1].widthF() == 2.5
    assert chart.bar_at(1.2) == 1 and chart.bar_at(0.5) == -1


class FakeModel(QObject):
    """The part of SessionModel the figure bars use: a figures table read for the charts
    (as the model keeps it, row by row) and the selection."""

    sigFiguresChanged = Signal()
    sigFigureRowsChanged = Signal(object)
    sigSelectionChanged = Signal(str)

    def __init__(self, table) -> None:
        super().__init__()
        self.table = table
        self.selected_id = ""
        self.session = SimpleNamespace(label=lambda name: SimpleNamespace(colour="#ff8a65"))
        self._columns = {name: table[name].tolist() for name in table.columns}
        self._rows = ChartRows()
        self._rows.reset(self._columns)
        self.figure_store = self  # the model's derived figures: groups, bars, place

    def figures(self):
        return self.table

    def groups(self):
        return self._rows.groups()

    def bars(self, key, colour_of=None, bar_set="levels"):
        return self._rows.bars(self._columns, key, colour_of, bar_set)

    def place(self, highlight_id):
        return self._rows.place(self._columns, highlight_id)

    def select(self, highlight_id: str) -> None:
        if highlight_id != self.selected_id:
            self.selected_id = highlight_id
            self.sigSelectionChanged.emit(highlight_id)


def _table():
    blank = {"start": 0, "end": 0, "surface": "", "value": 0.0, "low": 0.0, "high": 0.0, "unit": "",
             "unit_code": "%", "kind": "percent", "qualifier": "", "subject": "", "period": "", "change": "",
             "role": "", "direction": "", "moved": "", "link": -1, "derived": False, "formula": "",
             "sentence": ""}
    rows = [
        {"surface": "40 percent", "value": 40, "subject": "trade", "period": "2022", "change": "+40%",
         "role": "change"},
        {"surface": "6.1 percent", "value": 6.1, "subject": "unemployment", "period": "Q3 2004", "role": "level"},
        {"surface": "3%", "value": 3, "subject": "exports", "period": "2023", "change": "-3%", "role": "change"},
        {"surface": "5.9 percent", "value": 5.9, "subject": "unemployment", "period": "Q4 2004",
         "role": "forecast"},
    ]
    cells = [{**blank, **row, "start": 10 * i, "end": 10 * i + 5} for i, row in enumerate(rows)]
    table = frame_from_columns({name: [row[name] for row in cells] for name in FIGURE_COLUMNS})
    table.insert(0, "label", "PERCENT")
    table.insert(0, "highlight_id", [f"h{10 * i}" for i in range(len(rows))])
    table["edited"] = ""
    return table


def test_figure_bars_show_levels_by_default_and_changes_on_their_own(qtbot):
    model = FakeModel(_table())
    widget = FigureBarsChart(model)
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    qtbot.waitExposed(widget)
    model.sigFiguresChanged.emit()
    assert widget.current_set() == "levels"
    assert [widget.set_box.itemText(i) for i in range(3)] == ["Levels (2)", "Changes (2)", "Shares (0)"]
    assert not widget.set_box.model().item(2).isEnabled()
    assert widget._ids == ["h10", "h30"] and widget.chart.tick_labels.texts() == [
        "unemployment\nQ3 2004", "unemployment\nQ4 2004"]
    assert list(widget.chart._heights) == [6.1, 5.9] and widget.chart._hollow == [False, True]
    widget.set_box.setCurrentIndex(1)
    assert widget._ids == ["h0", "h20"] and list(widget.chart._heights) == [40.0, -3.0]
    view_box = widget.chart.getPlotItem().getViewBox()
    point = widget.chart.mapFromScene(view_box.mapViewToScene(QPointF(1, -1.5)))
    qtbot.mouseClick(widget.chart.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert model.selected_id == "h20" and widget.chart.marked == 1
    model.select("h10")  # a level chosen elsewhere: back to the levels, marked
    assert widget.current_set() == "levels" and widget.chart.marked == 0
