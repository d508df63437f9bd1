"""The app's icon (the window, the task bar, the About box), from package data."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

#: The PNG sizes rendered by scripts/render_icons.py.
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon(name: str = "article-lens", largest: int = SIZES[-1]) -> QIcon:
    """The icon ``name`` (default: the app's) with every rendered size up to ``largest``.

    The PNGs are used rather than the SVG so that QtSvg is not needed at run time; Qt
    reads each one only when that size is drawn.
    """
    import desktop.resources  # a plain folder in every install (importlib.resources costs 6 ms)

    icon = QIcon()
    folder = Path(desktop.resources.__file__).parent / "icons"
    for size in SIZES:
        if size <= largest:
            icon.addFile(str(folder / f"{name}-{size}.png"), QSize(size, size))  # read when drawn
    return icon
