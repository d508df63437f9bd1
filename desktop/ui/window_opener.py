"""Opening a file in a main window of its own, from any window (the corpus view).

The running app registers how it opens files (``App.open_files``: a window already
showing the file is raised) and finds the window showing one; without an app (a
script, a test) a new window opens it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

_open_files: Callable[[list[str]], None] | None = None
_window_showing: Callable[[str], MainWindow | None] | None = None


def register(open_files: Callable[[list[str]], None] | None,
             window_showing: Callable[[str], MainWindow | None] | None = None) -> None:
    """Make ``open_files`` the way files open in windows of their own, and
    ``window_showing`` the way to find the window showing one (None: none)."""
    global _open_files, _window_showing
    _open_files, _window_showing = open_files, window_showing


def open_in_own_window(path: str, figure: tuple[int, int] | None = None) -> None:
    """Open the article or session ``path`` in a main window of its own, with its own
    session; with ``figure`` (a span of its text), show and select that figure."""
    if _open_files is not None:
        _open_files([path])
        window = _window_showing(path) if _window_showing is not None else None
    else:
        from PySide6.QtCore import Qt

        from desktop.ui.main_window import MainWindow

        window = MainWindow()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        if not window.open_path(path, ask_to_save=False):
            window.close()
            return
    if window is not None and figure is not None:
        window.show_figure(*figure)
