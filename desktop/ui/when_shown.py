"""Refreshing a view only while it is on screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class RefreshWhenShown(QObject):
    """Calls ``refresh`` at once while ``widget`` is visible; otherwise remembers that
    it is stale and calls it when the widget is next shown. A hidden tab of a long
    article then costs nothing per edit."""

    def __init__(self, widget: QWidget, refresh: Callable[[], None], stale: bool = False) -> None:
        super().__init__(widget)
        self._widget = widget
        self._refresh = refresh
        self._stale = stale  # True: refresh on the first show even with no change yet
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
