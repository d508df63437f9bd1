"""The period chart on the seed article: a series per subject over time, points select figures."""

from PySide6.QtCore import QPointF, Qt


def test_seed_has_trade_and_cargo_over_time_with_derived_points(qtbot, window, seed_path, wait_for_analysis):
    assert window.open_path(seed_path)
    wait_for_analysis(window)
    chart = window.charts_view.periods
    window.charts_view.setCurrentWidget(chart)
    titles = {series.key: series for series in chart.series()}
    assert set(titles) == {"trade", "cargo"}
    trade, cargo = titles["trade"], titles["cargo"]
    assert trade.labels == ["2021 (derived)", "2022", "Jan–Apr this year"]
    assert trade.derived == [True, False, False] and trade.unit == "USD"
    assert trade.values[0] == 460e6 / 1.4 and trade.values[1:] == [460e6, 185e6]
    assert cargo.labels == ["2021 (derived)", "2022"] and cargo.values == [640_000.0, 3.2e6]
    chart.series_box.setCurrentIndex(list(titles).index("trade"))
    qtbot.waitExposed(chart.plot)
    assert chart.tick_labels.shown() == [0, 1, 2]  # three periods: every one named


def test_clicking_a_point_selects_its_figure(qtbot, window, seed_path, wait_for_analysis):
    assert window.open_path(seed_path)
    wait_for_analysis(window)
    chart = window.charts_view.periods
    window.charts_view.setCurrentWidget(chart)
    chart.series_box.setCurrentIndex(next(i for i, s in enumerate(chart.series()) if s.key == "trade"))
    qtbot.waitExposed(chart.plot)
    series = chart.current()
    for index in (2, 1):  # "$185 million", then "$460 million"
        view_box = chart.plot.getPlotItem().getViewBox()
        scene_point = view_box.mapViewToScene(QPointF(*chart.point_position(index)))
        qtbot.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, pos=chart.plot.mapFromScene(scene_point))
        assert window.model.selected_id == series.ids[index]
        highlight = window.model.highlight(series.ids[index])
        assert ("$185 million", "$460 million")[index == 1] in window.model.text[highlight.start:highlight.end]
    assert list(chart._mark.getData()[0]) == [1]
