"""Timing marks for the benchmarks, printed only when ARTICLE_LENS_TRACE is set.

Each mark is one stderr line ``article-lens-trace EVENT``; the benchmark that
started the process timestamps the lines as they arrive. ARTICLE_LENS_QUIT_AFTER
names an event after which the app quits (so a benchmark run ends by itself).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

_ENABLED = bool(os.environ.get("ARTICLE_LENS_TRACE"))
_QUIT_AFTER = os.environ.get("ARTICLE_LENS_QUIT_AFTER", "")
_seen: set[str] = set()
_quit: Callable[[], None] | None = None


def enabled() -> bool:
    return _ENABLED


def mark(event: str) -> None:
    """Report ``event`` once per process (and quit after it when asked)."""
    if not _ENABLED or event in _seen:
        return
    _seen.add(event)
    print(f"article-lens-trace {event}", file=sys.stderr, flush=True)
    if event == _QUIT_AFTER and _quit is not None:
        _quit()


def quit_with(quit_app: Callable[[], None]) -> None:
    """How the app quits after the event ARTICLE_LENS_QUIT_AFTER names (the windows'
    process sets it; this module imports no Qt: the analysis's processes mark too)."""
    global _quit
    _quit = quit_app
