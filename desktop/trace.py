"""Timing marks for the benchmarks, printed only when ARTICLE_LENS_TRACE is set.

Each mark is one stderr line ``article-lens-trace EVENT``; the benchmark that
started the process timestamps the lines as they arrive. ARTICLE_LENS_QUIT_AFTER
names an event after which the app quits (so a benchmark run ends by itself).
"""

from __future__ import annotations

import os
import sys

_ENABLED = bool(os.environ.get("ARTICLE_LENS_TRACE"))
_QUIT_AFTER = os.environ.get("ARTICLE_LENS_QUIT_AFTER", "")
_seen: set[str] = set()


def enabled() -> bool:
    return _ENABLED


def mark(event: str) -> None:
    """Report ``event`` once per process (and quit after it when asked)."""
    if not _ENABLED or event in _seen:
        return
    _seen.add(event)
    print(f"article-lens-trace {event}", file=sys.stderr, flush=True)
    if event == _QUIT_AFTER:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            for window in app.topLevelWidgets():
                window.close()
            app.quit()
