"""The app's icon (the window, the task bar, the About box), from package data."""

from __future__ import annotations

from importlib.resources import as_file, files

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

#: The PNG sizes rendered by scripts/render_icons.py.
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon(name: str = "article-lens") -> QIcon:
    """The icon ``name`` (default: the app's) with every rendered size.

    The PNGs are used rather than the SVG so that QtSvg is not needed at run time; Qt
    reads each one only when that size is drawn.
    """
    icon = QIcon()
    folder = files("desktop.resources").joinpath("icons")
    for size in SIZES:
        with as_file(folder.joinpath(f"{name}-{size}.png")) as path:
            icon.addFile(str(path), QSize(size, size))  # read when drawn
    return icon
