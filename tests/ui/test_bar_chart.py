from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontMetrics

from desktop.ui.bar_chart import BarChart, compact_number, short


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
    edges = []
    for value, text in axis._tickLevels[0]:
        centre = view.mapViewToScene(QPointF(value, 0)).x()
        half = metrics.horizontalAdvance(text) / 2
        edges.append((centre - half, centre + half))
    inside = all(left >= view.sceneBoundingRect().left() and right <= view.sceneBoundingRect().right()
                 for left, right in edges)
    return not inside or any(right > next_left for (_, right), (next_left, _) in zip(edges, edges[1:]))


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
