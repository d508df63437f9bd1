"""The GUI entry point: a window on the given article, or on the seed article."""

from __future__ import annotations

import os
import sys
from importlib.resources import as_file, files
from pathlib import Path


def seed_article_path() -> Path:
    """The article opened when the app starts with no file."""
    seeds = files("desktop.seeds")
    names = sorted(p.name for p in seeds.iterdir() if p.name.endswith(".txt"))
    with as_file(seeds.joinpath(names[0])) as path:
        return Path(path)


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
    from desktop.ui.app_icon import app_icon
    from desktop.ui.main_window import MainWindow, application

    app = application()
    app.setWindowIcon(app_icon())
    window = MainWindow()
    window.show()
    if window.files.offer_recovery():
        return app.exec()
    target = paths[0] if paths else str(seed_article_path())
    if not window.open_path(target) and paths:
        window.open_path(seed_article_path())
    return app.exec()


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
