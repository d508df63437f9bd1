"""FigureAnnouncer: tells the figure views of new figures, at most so often while an
analysis streams in, and never in the turn that takes in results."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from desktop.model.scheduler import Scheduler

#: While an analysis streams in, figure views refresh at most this often (ms).
FIGURE_UPDATES_MS = 300


class FigureAnnouncer(QObject):
    """Throttles figure announcements and spreads each over two turns of the event loop.

    ``in_own_turn`` queues a call behind the analysis results waiting to be handed
    on. The figures table is made (``prepare``) in one such turn and ``sigAnnounce``
    emitted in the next, so the views' refresh and paint is not added to the table's
    making in one long turn.
    """

    sigAnnounce = Signal()

    def __init__(self, prepare: Callable[[], object], in_own_turn: Callable[[Callable[[], None]], None],
                 scheduler: Scheduler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._prepare = prepare
        self._in_own_turn = in_own_turn
        self._scheduler = scheduler
        self._under_way = 0

    @property
    def busy(self) -> bool:
        """Whether an announcement is queued but not yet made."""
        return self._under_way > 0

    def request(self) -> None:
        """Announce within FIGURE_UPDATES_MS (one announcement for many requests)."""
        self._scheduler.at_most_every("announce figures", FIGURE_UPDATES_MS, self._announce)

    def flush(self, *_args) -> None:
        """Announce now what a request is waiting for, if any (an analysis ended)."""
        self._scheduler.flush("announce figures")

    def _announce(self) -> None:
        self._under_way += 1
        self._in_own_turn(self._prepare)
        self._in_own_turn(self._tell)

    def _tell(self) -> None:
        self._under_way -= 1
        self.sigAnnounce.emit()
