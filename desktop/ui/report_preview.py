"""The HTML report's preview in File › Export…: the report as Qt's rich text shows it,
its charts drawn from their own SVG; nothing is loaded from anywhere."""

from __future__ import annotations

import re

from PySide6.QtCore import QByteArray, QSize, QUrl
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
_SIZE = re.compile(r'<svg[^>]*?width="(\d+)"[^>]*?height="(\d+)"')


class ReportPreview(QTextBrowser):
    """The report's HTML as Qt's rich text shows it: its charts (inline SVG, which Qt's
    rich text cannot draw) as images drawn from that SVG; nothing else is loaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportPreviewReport")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.charts: list[QImage] = []

    def loadResource(self, kind: int, name: QUrl):  # noqa: N802 (Qt's name)
        return None  # the charts are added as resources; nothing else is fetched

    def show_report(self, report: str) -> None:
        from desktop.model.chart_svg import styled_svg

        self.charts = []
        document = QTextDocument(self)
        document.setDefaultFont(self.font())

        def chart_image(match: re.Match) -> str:
            svg = match.group(0)
            image = svg_image(styled_svg(svg))
            url = f"chart:{len(self.charts)}"
            self.charts.append(image)
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
            size = _SIZE.search(svg)
            width = f' width="{size.group(1)}"' if size else ""
            return f'<p><img src="{url}"{width}></p>'

        report = _SVG.sub(chart_image, report)
        report = report.replace("<mark ", "<span ").replace("</mark>", "</span>")
        report = re.sub(r"(\.l\d+\{)background:", r"\1background-color:", report)
        # Qt's rich text has no CSS grid: the facts as a table, the legend's chips apart
        report = re.sub(r'<dl class="facts">(.*?)</dl>', lambda m: "<table>" + re.sub(
            r"<dt>(.*?)</dt><dd>(.*?)</dd>", r'<tr><td style="color:#57606a;padding-right:12px">\1</td>'
            r"<td>\2</td></tr>", m.group(1)) + "</table>", report, count=1, flags=re.S)
        report = re.sub(r'(<p class="legend">.*?</p>)', lambda m: m.group(1).replace("</span>", "</span> "),
                        report, count=1, flags=re.S)
        document.setHtml(report)
        self.setDocument(document)


def svg_image(svg: str, scale: float = 1.0) -> QImage:
    """An SVG drawing as an image at its own size (times ``scale``), on white."""
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    size = renderer.defaultSize()
    if size.isEmpty():
        size = QSize(680, 300)
    image = QImage(int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        renderer.render(painter)
    finally:
        painter.end()
    return image
