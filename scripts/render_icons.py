"""Render the SVG icons in resources/icons/ to the PNG sizes the desktop needs.

    python scripts/render_icons.py [--check]

Each ``NAME.svg`` becomes ``NAME-16.png`` … ``NAME-512.png`` beside it (the sizes of the
freedesktop hicolor theme, also used by the window and the bundle). Rendering uses Qt's
own SVG renderer (PySide6.QtSvg), so no other tool is needed. ``--check`` renders to
memory and exits 1 if a committed PNG is missing or differs from a fresh rendering.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int):
    """``svg`` drawn on a transparent ``size``×``size`` QImage."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG that Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_path(svg: Path, size: int) -> Path:
    return svg.with_name(f"{svg.stem}-{size}.png")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only compare the committed PNGs with a fresh rendering")
    options = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (fonts, image IO)
    stale = []
    for svg in sorted(ICONS.glob("*.svg")):
        for size in SIZES:
            image, target = render(svg, size), png_path(svg, size)
            if options.check:
                if QImage(str(target)).convertToFormat(QImage.Format.Format_ARGB32) != image:
                    stale.append(target.name)
            elif not image.save(str(target), "PNG"):
                raise OSError(f"could not write {target}")
        if not options.check:
            print(f"{svg.name}: {', '.join(str(s) for s in SIZES)} px")
    if stale:
        print("out of date (run scripts/render_icons.py):", ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
