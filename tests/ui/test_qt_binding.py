"""The Qt binding must keep Python's reference counts right (PySide6 6.12.0 did not)."""

import sys

from PySide6.QtGui import QColor, QImage, QPainter, QPen


def test_void_painter_calls_do_not_drop_references_to_none(qapp):
    image = QImage(20, 20, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    pen = QPen(QColor("red"))
    before = sys.getrefcount(None)
    for _ in range(1000):
        painter.setPen(pen)
        painter.translate(1, 1)
    after = sys.getrefcount(None)
    painter.end()
    assert after - before > -50  # 6.12.0 loses one per call: -2000 here, then aborts
