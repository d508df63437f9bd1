"""Right-click › Export as PNG… / Export as SVG… on each chart, added from outside the
chart widgets (they keep their own look; see charts_view).

- PNG: the chart as it is on screen (its plots, at twice the screen's resolution),
  under a title line saying what it shows.
- SVG: the same data drawn as the HTML report draws its charts (report_svg), with
  its style inside. pyqtgraph's SVGExporter fails on this Qt (pyqtgraph issue
  #3485), and painting the plots into a QSvgGenerator misplaces the bars (the
  bar items replay a QPicture, whose transform the SVG engine loses).

Files are written atomically and never over the open session or its article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QObject, QRectF, Qt
from PySide6.QtGui import QAction, QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.ui import plain_text

if TYPE_CHECKING:
    import pyqtgraph as pg

    from desktop.model.chart_svg import BarChart, LineChart
    from desktop.ui.main_window import MainWindow

#: PNG pixels per screen pixel.
PNG_SCALE = 2
_TITLE_PX = 28


@dataclass
class ChartSource:
    """One chart: the plot widgets it draws (top to bottom), what it shows now, and
    its data for SVG (None when it shows nothing)."""

    name: str
    plots: Callable[[], list[pg.PlotWidget]]
    title: Callable[[], str]
    data: Callable[[], BarChart | LineChart | None]


def chart_sources(window: MainWindow) -> list[ChartSource]:
    """The charts of the window's Charts pane."""
    charts = window.charts_view
    model = window.model
    figure_bars, periods = charts.figure_bars, charts.periods

    def figures_data():
        from desktop.model.chart_data import figure_groups
        from desktop.model.exports import bar_chart

        figures = model.figures()
        key = figure_bars.group_box.currentData()
        title = next((g.title for g in figure_groups(figures) if g.key == key), None)
        if title is None:
            return None
        return bar_chart(figures, model.session, key, figure_bars.current_set(), title)

    def period_data():
        from desktop.model.exports import line_chart

        series = periods.current()
        return line_chart(series) if series is not None else None

    def label_data():
        from desktop.model.chart_svg import label_chart

        return label_chart(model.label_counts(), model.session)

    def entity_data():
        from desktop.model.chart_svg import entity_chart

        return entity_chart(charts.top_entities.shown_rows(), model.session)

    def title_of(data: Callable[[], BarChart | LineChart | None], fallback: str) -> Callable[[], str]:
        return lambda: (chart.title if (chart := data()) is not None else fallback)

    return [
        ChartSource("figures", lambda: [figure_bars.chart], title_of(figures_data, "Figures"), figures_data),
        ChartSource("over-time", lambda: [periods.plot, periods.changes], title_of(period_data, "Over time"),
                    period_data),
        ChartSource("labels", lambda: [charts.entity_counts.chart], lambda: "Highlights per label", label_data),
        ChartSource("top-entities", lambda: [charts.top_entities.chart], lambda: "Most mentioned entities",
                    entity_data),
    ]


class ChartExport(QObject):
    """The two export actions of one chart, on each of its plots' context menus."""

    def __init__(self, window: MainWindow, source: ChartSource) -> None:
        super().__init__(window)
        self._window = window
        self.source = source
        self.png_action = QAction("Export as &PNG…", self)
        self.png_action.triggered.connect(lambda _=False: self.export("png"))
        self.svg_action = QAction("Export as &SVG…", self)
        self.svg_action.triggered.connect(lambda _=False: self.export("svg"))
        for plot in source.plots():
            plot.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
            plot.addActions([self.png_action, self.svg_action])

    def export(self, kind: str) -> Path | None:
        """Ask where, then write the chart; the path written, or None."""
        title = self.source.title()
        suggested = self._window.document.folder() / f"{file_stem(title)}.{kind}"
        label = "PNG image (*.png)" if kind == "png" else "SVG drawing (*.svg)"
        chosen, _ = QFileDialog.getSaveFileName(self._window, f"Export the chart as {kind.upper()}",
                                                str(suggested), label)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(f"{path.name}.{kind}")
        return self.write(kind, path)

    def write(self, kind: str, path: Path) -> Path | None:
        from desktop.model.export_targets import overwrite_problem, write_files

        if problem := overwrite_problem([path], self._window.document.own_files()):
            plain_text.warning(self._window, "Choose another name", problem)
            return None
        data = self.png_bytes() if kind == "png" else self.svg_bytes()
        if data is None:
            plain_text.information(self._window, "Nothing to export", "This chart shows nothing yet.")
            return None
        try:
            write_files({path: data})
        except OSError as error:
            plain_text.critical(self._window, "Could not export the chart",
                                f"{path} could not be written: {error.strerror or error}.")
            return None
        self._window.statusBar().showMessage(f"Exported the chart to {path.name}.", 8000)
        return path

    def png_bytes(self) -> bytes:
        return png_bytes(self.source.title(), self.source.plots())

    def svg_bytes(self) -> bytes | None:
        from desktop.model.chart_svg import svg_file

        chart = self.source.data()
        return svg_file(chart) if chart is not None else None


def png_bytes(title: str, plots: list[QWidget]) -> bytes:
    """``plots`` stacked under ``title``, as PNG at PNG_SCALE times their size."""
    shown = [plot for plot in plots if plot.isVisible() and plot.width() > 0] or plots[:1]
    width = max(plot.width() for plot in shown)
    height = _TITLE_PX + sum(plot.height() for plot in shown)
    image = QImage(width * PNG_SCALE, height * PNG_SCALE, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(PNG_SCALE, PNG_SCALE)
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(14)
        painter.setFont(font)
        painter.setPen(QColor("#202124"))
        painter.drawText(QRectF(8, 0, width - 16, _TITLE_PX), Qt.AlignmentFlag.AlignVCenter, title)
        top = _TITLE_PX
        for plot in shown:
            plot.render(painter, QRectF(0, top, plot.width(), plot.height()), plot.viewport().rect())
            top += plot.height()
    finally:
        painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.setDotsPerMeterX(int(image.dotsPerMeterX() * PNG_SCALE))
    image.setDotsPerMeterY(int(image.dotsPerMeterY() * PNG_SCALE))
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def file_stem(title: str) -> str:
    """A file name for a chart called ``title``: "Levels: USD" -> "levels-usd"."""
    stem = re.sub(r"[^\w]+", "-", title.lower()).strip("-")
    return stem[:60].rstrip("-") or "chart"


def install_chart_exports(window: MainWindow) -> list[ChartExport]:
    """Add the export actions to every chart of ``window`` (builds its side panes)."""
    return [ChartExport(window, source) for source in chart_sources(window)]
