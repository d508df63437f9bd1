"""Every chart names every bar and period, and no label is cut off, at the window sizes
people use: the real window, rendered offscreen, on the seed article."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

#: Screens people have, and a small window.
SIZES = ((1920, 1080), (1600, 1000), (1280, 720), (1024, 640))


def drawn_axis_texts(plot_widget, name: str) -> list[tuple[str, QRectF]]:
    """What the axis ``name`` of ``plot_widget`` paints: each text with the rectangle its
    glyphs take, in ``plot_widget``'s coordinates (pyqtgraph silently drops a label
    whose box does not fit its axis, so a dropped one is missing here)."""
    axis = plot_widget.getPlotItem().getAxis(name)
    if not axis.isVisible():
        return []
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        painter.setFont(axis.style["tickFont"] or axis.font())
        specs = axis.generateDrawSpecs(painter)
        drawn = []
        for rect, flags, text in (specs[2] if specs else []):
            glyphs = painter.boundingRect(rect, int(flags), text)
            drawn.append((text, QRectF(plot_widget.mapFromScene(axis.mapRectToScene(glyphs)).boundingRect())))
    finally:
        painter.end()
    return drawn


def axis_title(plot_widget, name: str) -> list[tuple[str, QRectF]]:
    """The title of axis ``name`` ("USD", "change %") with its box in the widget."""
    axis = plot_widget.getPlotItem().getAxis(name)
    if not axis.isVisible() or not axis.label.isVisible() or not axis.label.toPlainText():
        return []
    margin = axis.label.document().documentMargin()  # around the glyphs, may overhang
    box = axis.label.mapRectToScene(axis.label.boundingRect().adjusted(margin, margin, -margin, -margin))
    # the axis clips its title to its own box
    assert axis.sceneBoundingRect().adjusted(-1, -1, 1, 1).contains(box), (axis.label.toPlainText(), box)
    return [(axis.label.toPlainText(), QRectF(plot_widget.mapFromScene(box).boundingRect()))]


def assert_inside(plot_widget, drawn, what: str) -> None:
    area = QRectF(plot_widget.rect())
    for text, rect in drawn:
        assert area.contains(rect), f"{what}: {text!r} at {rect.getRect()} is cut by {area.getRect()}"


def settle(qtbot, window) -> None:
    qtbot.wait(120)  # the layout, then pyqtgraph's own (it refits on resize)


def test_every_chart_label_is_whole_and_none_is_missing(window, seed_path, wait_for_analysis, qtbot):
    assert window.open_path(seed_path)
    wait_for_analysis(window)
    charts = window.charts_view
    layouts = [(width, height, None) for width, height in SIZES]
    layouts.append((1280, 720, "squeezed"))  # the charts pane as short as it goes
    for width, height, squeezed in layouts:
        window.resize(width, height)
        if squeezed:
            window.right_splitter.setSizes([10_000, 1])
        settle(qtbot, window)
        if squeezed:  # drawn again at this size: titles set on axes that keep their size
            charts.figure_bars._bars = None
            charts.figure_bars._redraw()
            charts.periods._redraw()
            settle(qtbot, window)
        size = f"{width}×{height}" + (f" ({squeezed})" if squeezed else "")

        charts.setCurrentWidget(charts.figure_bars)
        settle(qtbot, window)
        bars = charts.figure_bars.chart
        assert bars.bar_count() >= 2
        assert bars.tick_labels.shown() == list(range(bars.bar_count())), size
        drawn = drawn_axis_texts(bars, "bottom")
        assert [text for text, _ in drawn] == bars.tick_labels.texts(), size
        assert_inside(bars, drawn, f"Figures chart at {size}")
        assert_inside(bars, drawn_axis_texts(bars, "left"), f"Figures values at {size}")
        assert_inside(bars, axis_title(bars, "left"), f"Figures title at {size}")
        # each bar is named by its subject and its period
        figures = window.model.figures()
        for text in bars.tick_labels.texts():
            assert "\n" in text.strip("\n"), text
        assert len(figures)

        charts.setCurrentWidget(charts.entity_counts)
        settle(qtbot, window)
        labels = charts.entity_counts.chart
        assert labels.tick_labels.shown() == list(range(labels.bar_count())), size
        drawn = drawn_axis_texts(labels, "bottom")
        assert sorted(text.strip("\n") for text, _ in drawn) == sorted(window.model.label_counts()), size
        assert_inside(labels, drawn, f"Labels chart at {size}")

        charts.setCurrentWidget(charts.periods)
        settle(qtbot, window)
        periods = charts.periods
        series = periods.current()
        assert series is not None
        assert periods.tick_labels.shown() == list(range(len(series.slots))), size
        drawn = drawn_axis_texts(periods.plot, "bottom")
        assert len(drawn) == len(series.slots), size
        assert_inside(periods.plot, drawn, f"Over time at {size}")
        assert_inside(periods.plot, axis_title(periods.plot, "left"), f"Over time title at {size}")
        assert_inside(periods.changes, axis_title(periods.changes, "left"), f"Changes title at {size}")
        assert_inside(periods.changes, drawn_axis_texts(periods.changes, "left"), f"Changes at {size}")
        view = periods.plot.getPlotItem().getViewBox().sceneBoundingRect()
        for item in periods._values:
            if item.isVisible():  # a point's value, written above it, inside the plot
                assert view.contains(item.sceneBoundingRect()), (size, item.textItem.toPlainText())

        charts.setCurrentWidget(charts.top_entities)
        settle(qtbot, window)
        top = charts.top_entities.chart
        drawn = drawn_axis_texts(top, "left")
        assert len(drawn) == top.bar_count() > 0, size
        assert_inside(top, drawn, f"Top entities at {size}")


def test_a_new_axis_title_is_centred_on_an_axis_that_keeps_its_size(qtbot):
    """pyqtgraph centres a title only when its axis is resized: a longer one set later
    stood off-centre, cut at the top ("change %" beside a short strip)."""
    from desktop.ui.bar_chart import BarChart

    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(500, 160)
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_bars([1, 2], ["a", "b"], ["#88aaff"] * 2, "t")
    qtbot.wait(50)
    chart.set_bars([1, 2], ["a", "b"], ["#88aaff"] * 2, "tonnes of cargo")
    qtbot.wait(50)
    ((_, box),) = axis_title(chart, "left")
    assert QRectF(chart.rect()).contains(box), box.getRect()
    middle = box.center().y()
    axis = chart.getAxis("left")
    axis_box = chart.mapFromScene(axis.mapRectToScene(axis.boundingRect())).boundingRect()
    assert abs(middle - axis_box.center().y()) < 20
