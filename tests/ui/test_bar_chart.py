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
