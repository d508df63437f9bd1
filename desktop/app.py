"""The GUI entry point: a window on the given article, or on the seed article."""

from __future__ import annotations

import os
import sys
from pathlib import Path

#: The desktop entry (packaging/linux) that desktops match the window to, for its icon.
DESKTOP_FILE_NAME = "article-lens"
#: The window icon's largest size: xcb sends every size to the window manager
#: (_NET_WM_ICON), and the 512 px one alone costs 8 ms before the window shows.
WINDOW_ICON_LARGEST = 256
#: The analysis waits for the text to be on screen, at most this long (ms).
FIRST_PAINT_WAIT_MS = 1000


def seed_article_path() -> Path:
    """The article opened when the app starts with no file."""
    import desktop.seeds  # a plain folder in every install (importlib.resources costs 6 ms)

    folder = Path(desktop.seeds.__file__).parent
    return folder / min(p.name for p in folder.iterdir() if p.name.endswith(".txt"))


def no_display_message() -> str:
    """Why the window cannot open here, or "" when a display is available."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return ""
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return ""
    return (
        "article-lens: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
        "Start it from a desktop session, or on a headless machine use "
        "`xvfb-run article-lens` or `article-lens extract FILE`."
    )


def run(paths: list[str]) -> int:
    """Show the main window on ``paths[0]`` (or the seed) and run the event loop."""
    message = no_display_message()
    if message:
        print(message, file=sys.stderr)
        return 2
    from PySide6.QtCore import QTimer

    from desktop.ui.app_icon import app_icon
    from desktop.ui.main_window import MainWindow, application

    app = application()
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(app_icon(largest=WINDOW_ICON_LARGEST))
    window = MainWindow()
    # The analysis thread (spaCy's import) would slow the first paint: it starts after it.
    analysis = window.model.analysis
    analysis.hold()
    window.article_view.sigTextShown.connect(analysis.release)
    QTimer.singleShot(FIRST_PAINT_WAIT_MS, analysis.release)
    window.show()
    if window.files.offer_recovery():
        return app.exec()
    target = paths[0] if paths else str(seed_article_path())
    if not window.open_path(target) and paths:
        window.open_path(seed_article_path())
    return app.exec()


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
