"""The GUI entry point: one process for every window of this user and display.

``run`` hands its files to an Article Lens that runs already (:mod:`desktop.instance`)
and exits; else it starts the app: the process-wide settings, the first article's
analysis starting in a process of its own (or the language model loading in the
background) before any of Qt is imported, then the windows
(:mod:`desktop.app_windows`): the first on the given article (or the seed), and the
server that later launches hand their files to. The process-wide settings are made
in :mod:`desktop.process_settings`. This module imports no Qt: what runs before the
analysis starts costs the first results its time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Before any of Qt: it takes Python's own import function, which PySide6 replaces.
from desktop import process_settings

#: The first article is analysed in this process when it is shorter than this (bytes
#: of its file; a longer one goes to worker processes, which load their own model):
#: only then does the model start loading before the window is built.
PRELOAD_BELOW_BYTES = 50_000
#: ... and a session file below this size (it holds highlights beside the text).
PRELOAD_SESSION_BELOW_BYTES = 400_000


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


def wants_model_at_start(target: str | None) -> bool:
    """Whether the first window will analyse its article in this process (a short
    article, or a small session), so the model is worth loading before it exists."""
    if target is None:
        return True  # the seed article
    try:
        size = os.stat(target).st_size
    except (OSError, ValueError):
        return False  # a web address, or a missing file: nothing to analyse yet
    limit = PRELOAD_SESSION_BELOW_BYTES if target.lower().endswith(".alens") else PRELOAD_BELOW_BYTES
    return size < limit


def run(paths: list[str]) -> int:
    """Hand ``paths`` to the running app, or start the app with a window on
    ``paths[0]`` (or the seed) and run the event loop."""
    process_settings.one_blas_thread_from_start()  # before NumPy, here and in every child
    message = no_display_message()
    if message:
        print(message, file=sys.stderr)
        return 2
    from desktop import instance

    if instance.hand_over(paths):
        return 0  # the running app opens them, each in a window of its own
    wanted = wants_model_at_start(paths[0] if paths else None)
    launched = False
    if wanted:
        from desktop.nlp import launch_analysis

        # on another core, while this one imports Qt, builds and paints the window
        launched = launch_analysis.start()
    # Qt from here on. PySide6 takes Python's import function as it loads, and
    # configure_gui gives it back: so in this order.
    import PySide6.QtCore  # noqa: F401

    process_settings.configure_gui()  # desktop/process_settings.py: what and why
    if wanted and not launched:
        from desktop.model.analysis_worker import preload_analysis

        preload_analysis()  # in a thread, while the window is built and painted
    from desktop.app_windows import start_windows

    return start_windows(paths, analysed_at_launch=launched)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
