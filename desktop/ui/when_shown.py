"""Refreshing a view only while it is on screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

#: A figures table at least this long has each chart redrawn in a turn of its own.
TURN_OF_ITS_OWN_ROWS = 1000


class RefreshWhenShown(QObject):
    """Calls ``refresh`` at once while ``widget`` is visible; otherwise remembers that
    it is stale and calls it when the widget is next shown. A hidden tab of a long
    article then costs nothing per edit."""

    def __init__(self, widget: QWidget, refresh: Callable[[], None], stale: bool = False) -> None:
        super().__init__(widget)
        self._widget = widget
        self._refresh = refresh
        self._stale = stale  # True: refresh on the first show even with no change yet
        self._soon = False  # a request waits for the next turn (request_after)
        widget.installEventFilter(self)

    @property
    def stale(self) -> bool:
        """Whether a change came while the widget was hidden (it shows old data)."""
        return self._stale

    def request(self, *_args) -> None:
        if self._widget.isVisible():
            self._stale = False
            self._refresh()
        else:
            self._stale = True

    def request_after(self, rows: Callable[[], int], *_args) -> None:
        """As :meth:`request`, but in the next turn of the event loop when ``rows()``
        is at least TURN_OF_ITS_OWN_ROWS (once, however often asked meanwhile): on a
        long article the figures table and each chart then take a turn each (~20-50
        ms), where together they kept the window from painting for ~90 ms. A short
        one's charts come with its table, in the same paint."""
        if not self._widget.isVisible() or rows() < TURN_OF_ITS_OWN_ROWS:
            self.request()  # (hidden: marked stale, refreshed when shown)
        elif not self._soon:
            from desktop.model.background import in_next_turn

            self._soon = True
            in_next_turn(self, self._request_soon)

    def request_after_on(self, signal, rows: Callable[[], int]) -> None:
        """Call :meth:`request_after` with ``rows`` whenever ``signal`` comes (a new
        figures table: an article's, a session's). The connection ends with this
        object, and so with its widget."""
        self._rows = rows
        signal.connect(self._request_after_rows)

    def _request_after_rows(self, *_args) -> None:
        self.request_after(self._rows)

    def _request_soon(self) -> None:
        self._soon = False
        self.request()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A wrapper Qt makes anew for this object after Python let go of the first
        # (while the widget is torn down) has none of its attributes: nothing to do.
        if getattr(self, "_widget", None) is None:
            return False
        if watched is self._widget and event.type() == QEvent.Type.Show and self._stale:
            self._stale = False
            self._refresh()
        return False


class AfterFirstPaint(QObject):
    """Calls ``callback`` once, just after ``widget`` (and the children painted with
    it) has been painted for the first time."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # queued: the children are painted after their parent, in the same pass
            QTimer.singleShot(0, self._callback)
        return False
