"""Opening a file in a main window of its own, from any window (the corpus view).

The running app registers how it opens files (``App.open_files``: a window already
showing the file is raised); without one (a script, a test) a new window opens it.
"""

from __future__ import annotations

from collections.abc import Callable

_open_files: Callable[[list[str]], None] | None = None


def register(open_files: Callable[[list[str]], None] | None) -> None:
    """Make ``open_files`` the way files open in windows of their own (None: none)."""
    global _open_files
    _open_files = open_files


def open_in_own_window(path: str) -> None:
    """Open the article or session ``path`` in a main window of its own, with its own
    session."""
    if _open_files is not None:
        _open_files([path])
        return
    from PySide6.QtCore import Qt

    from desktop.ui.main_window import MainWindow

    window = MainWindow()
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    if not window.open_path(path, ask_to_save=False):
        window.close()
