"""Scheduler: the one place the model layer defers work to a later turn of the event loop.

Three kinds of deferred call cover every need of the model and its derived tables:
``soon`` (the next turn, after the paints due by then), ``after_quiet`` (once, a
quiet time after the last of many requests: a table recomputed after a burst of
edits) and ``at_most_every`` (once per period however many requests: the figures
refreshed while an analysis streams in). Named jobs can be flushed or cancelled.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from shiboken6 import isValid

from desktop.model.background import in_next_turn


class Scheduler(QObject):
    """Deferred calls on the thread the scheduler lives in, dropped when it is deleted."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: dict[str, tuple[QTimer, Callable[[], None]]] = {}

    def soon(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` in a later turn, after the paints and timers due by then."""
        if isValid(self):
            in_next_turn(self, callback)

    def after_quiet(self, name: str, delay_ms: int, callback: Callable[[], None]) -> None:
        """Call ``callback`` once ``delay_ms`` after the last request named ``name``."""
        if isValid(self):
            self._job(name, delay_ms, callback).start()

    def at_most_every(self, name: str, period_ms: int, callback: Callable[[], None]) -> None:
        """Call ``callback`` within ``period_ms``, once for every request made meanwhile."""
        if isValid(self):
            timer = self._job(name, period_ms, callback)
            if not timer.isActive():
                timer.start()

    def pending(self, name: str) -> bool:
        """Whether the job ``name`` waits to run (never once the scheduler's owner is
        being deleted: its signals may still reach the views in the meantime)."""
        job = self._jobs.get(name)
        return job is not None and isValid(self) and isValid(job[0]) and job[0].isActive()

    def flush(self, name: str) -> None:
        """Run the job ``name`` now if it waits."""
        if self.pending(name):
            timer, callback = self._jobs[name]
            timer.stop()
            callback()

    def cancel(self, name: str) -> None:
        if self.pending(name):
            self._jobs[name][0].stop()

    def _job(self, name: str, interval_ms: int, callback: Callable[[], None]) -> QTimer:
        job = self._jobs.get(name)
        if job is None:
            timer = QTimer(self, singleShot=True)
            timer.timeout.connect(lambda: self._jobs[name][1]())
            self._jobs[name] = job = (timer, callback)
        elif job[1] is not callback:
            self._jobs[name] = job = (job[0], callback)
        job[0].setInterval(interval_ms)
        return job[0]
