"""Background work that gives way to the window: threads started at a lower priority."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

#: How much nicer than the window background threads and worker processes run.
BACKGROUND_NICENESS = 10


#: How long a slice of work on the window's thread waits before the next: a timer,
#: not ``singleShot(0)`` (a posted call, which runs before the paints and timers
#: waiting meanwhile), so each slice lets the window paint.
NEXT_SLICE_MS = 1


def in_next_turn(receiver, callback: Callable[[], None]) -> None:
    """Call ``callback`` on ``receiver``'s thread in a later turn of its event loop,
    after the paints and timers due by then (dropped if ``receiver`` is deleted)."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(NEXT_SLICE_MS, receiver, callback)


def lower_priority() -> None:
    """Make the calling thread (on Linux, where each thread has its own nice value)
    run after the window's thread when both want the CPU."""
    if not hasattr(os, "setpriority"):
        return
    try:
        tid = threading.get_native_id()
        current = os.getpriority(os.PRIO_PROCESS, tid)
        os.setpriority(os.PRIO_PROCESS, tid, min(19, current + BACKGROUND_NICENESS))
    except OSError:
        pass  # not permitted here: run at the normal priority


def start_background_thread(target: Callable[..., None], *args, name: str) -> threading.Thread:
    """Run ``target(*args)`` in a daemon thread at a lower priority."""

    def run() -> None:
        lower_priority()
        target(*args)

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    return thread


def settle_long_lived_objects() -> None:
    """Exempt every object alive now from Python's cycle collections: see
    :func:`desktop.process_settings.freeze_long_lived_objects`, which it calls. Called
    once loaded things are in place (the window, the pipeline, a session, each batch
    of analysis results)."""
    from desktop.process_settings import freeze_long_lived_objects

    freeze_long_lived_objects()
