"""The app's windows (:class:`App`), started by :func:`desktop.app.run` once it has
made the process-wide settings and started the first article's analysis.

:class:`App` holds the windows: each file opens in a window of its own, with its own
session, undo history and recovery copy; the app quits when the last one closes. A
later launch's files come through the :class:`desktop.instance_server.InstanceServer`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

# Before any of Qt (desktop.app imports it, so in a launch it is here already): it
# takes Python's own import function, which PySide6 replaces.
from desktop import process_settings, trace

# isort: split
from PySide6.QtCore import QEvent, QObject, Qt, QTimer  # noqa: E402

from desktop.app import seed_article_path  # noqa: E402

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

#: The desktop entry (packaging/linux) that desktops match the window to, for its icon.
DESKTOP_FILE_NAME = "article-lens"
#: The window icon's largest size: xcb sends every size to the window manager
#: (_NET_WM_ICON), and the 512 px one alone costs 8 ms. Set once the first text is
#: on screen (the desktop file names the icon meanwhile).
WINDOW_ICON_LARGEST = 256
#: The analysis waits for the text to be on screen, at most this long (ms).
FIRST_PAINT_WAIT_MS = 1000
#: A new window opens this far right and down of the active one (px), so both show.
CASCADE_PX = 32
#: A closed window's objects are collected this long after it closed (ms).
CLOSED_WINDOW_COLLECT_MS = 100
#: The first article is analysed by a process started at launch; this process loads
#: its own model this long after that analysis finished (ms), once its results show.
PRELOAD_AFTER_FIRST_MS = 1000


def start_windows(paths: list[str], analysed_at_launch: bool) -> int:
    """The first window on ``paths[0]`` (or the seed) and the server later launches
    hand their files to; runs the event loop. ``analysed_at_launch``: the first
    article's analysis runs in the process started at launch, so this process loads
    its own model only once that has finished."""
    from desktop.ui.main_window import application, start_cycle_collections

    qt_app = application()
    if trace.enabled():
        trace.quit_with(lambda: _quit_for_trace(qt_app))
    start_cycle_collections(qt_app)
    qt_app.setDesktopFileName(DESKTOP_FILE_NAME)
    app = App(qt_app)
    window = app.first_window(paths[0] if paths else None)
    if analysed_at_launch:
        _load_model_when_idle(window)
    servers = []  # the server later launches hand their files to, once the text is shown
    ended = []  # the event loop has returned: nothing more to start

    def once_text_is_shown() -> None:
        if ended:
            return
        if not servers:
            from desktop.instance_server import InstanceServer

            servers.append(InstanceServer(app))
            servers[0].sigOpen.connect(app.open_files)
        if servers[0].listen():  # (imports QtNetwork, ~10 ms)
            trace.mark("listening")
        if qt_app.windowIcon().isNull():
            from desktop.ui.app_icon import app_icon

            # xcb sends every size to the window manager as the window maps: 5-10 ms
            qt_app.setWindowIcon(app_icon(largest=WINDOW_ICON_LARGEST))

    window.article_view.sigTextShown.connect(once_text_is_shown)
    QTimer.singleShot(FIRST_PAINT_WAIT_MS, app, once_text_is_shown)
    try:
        return qt_app.exec()
    finally:
        ended.append(True)
        for server in servers:
            server.close()  # the socket goes: the next launch starts the app again
        app.close()


class App(QObject):
    """The windows of this process: the first one, and one for each file handed over
    by a later launch. Each window is deleted when it closes; the app quits with the
    last (Qt's quitOnLastWindowClosed)."""

    def __init__(self, qt_app) -> None:
        super().__init__(qt_app)
        self._qt_app = qt_app
        self._windows: list[MainWindow] = []
        from desktop.ui import window_opener

        window_opener.register(self.open_files, self.window_showing)  # the corpus view opens articles so
        if sys.platform == "darwin":  # a filter on the application sees every event of it
            qt_app.installEventFilter(self)

    def close(self) -> None:
        """Stop taking files from the system (the windows are closed by then)."""
        from desktop.ui import window_opener

        self._qt_app.removeEventFilter(self)
        window_opener.register(None)
        self.deleteLater()

    def eventFilter(self, watched, event) -> bool:
        # macOS: a file double-clicked in Finder while the app runs comes as an event
        if event.type() == QEvent.Type.FileOpen and watched is self._qt_app and event.file():
            self.open_files([event.file()])
            return True
        return False

    @property
    def windows(self) -> list[MainWindow]:
        """The open windows, oldest first."""
        return list(self._windows)

    def new_window(self) -> MainWindow:
        """A new window, shown, a little off the active one. Its analysis starts once
        its text is first painted (a thread analysing meanwhile would slow the paint),
        at the latest after FIRST_PAINT_WAIT_MS."""
        from desktop.ui.main_window import MainWindow

        window = MainWindow()
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.hold_background_until_painted(FIRST_PAINT_WAIT_MS)
        active = self._qt_app.activeWindow() or (self._windows[-1] if self._windows else None)
        if active is not None:
            window.move(active.pos().x() + CASCADE_PX, active.pos().y() + CASCADE_PX)
        self._windows.append(window)
        window.destroyed.connect(lambda *_: self._forget(window))
        window.show()
        return window

    def first_window(self, target: str | None) -> MainWindow:
        """The window at start: on ``target`` (the seed when None, or when it cannot
        be opened), unless unsaved work left by a crash is restored instead."""
        window = self.new_window()
        if trace.enabled():
            _trace_first_results(window)
        if window.files.offer_recovery():
            return window
        # a web address given here is read in the background: the seed if that fails
        window.files.sigNothingOpen.connect(lambda: window.open_path(seed_article_path(), ask_to_save=False))
        if not window.open_path(target or str(seed_article_path())) and target:
            window.open_path(seed_article_path())
        self._trace_windows()
        return window

    def open_files(self, paths: list[str], activation_token: str = "") -> None:
        """Open each of ``paths`` in a window of its own (a file already shown in an
        unedited window raises that one); with none, raise the active window."""
        if activation_token:  # lets the window take the focus (Wayland, X11 startup ids)
            os.environ["XDG_ACTIVATION_TOKEN"] = activation_token
        if not paths:
            if self._windows:
                _raise(self._qt_app.activeWindow() or self._windows[-1])
            return
        for path in paths:
            shown = self.window_showing(path)
            if shown is not None:
                _raise(shown)
                continue
            window = self.new_window()
            window.files.sigNothingOpen.connect(window.close)  # an address that could not be read
            if window.open_path(path, ask_to_save=False):
                _raise(window)
            else:
                window.close()  # the message said why; the other windows stay
        self._trace_windows()

    def _trace_windows(self) -> None:
        """``windows ["name", ...]``: what each window shows (tests, benchmarks)."""
        if trace.enabled():
            import json

            trace.mark("windows " + json.dumps([w.document_name() for w in self._windows]))

    def window_showing(self, path: str) -> MainWindow | None:
        """The window whose session or article is the file ``path`` and that has no
        unsaved edits, if any."""
        try:
            wanted = Path(path).resolve()
        except (OSError, ValueError):
            return None
        for window in self._windows:
            shown = window.document.path or (Path(window.model.article.source)
                                             if window.model.article.source else None)
            if shown is not None and not window.document.modified and _same(shown, wanted):
                return window
        return None

    def _forget(self, window) -> None:
        if window in self._windows:
            self._windows.remove(window)
        QTimer.singleShot(CLOSED_WINDOW_COLLECT_MS, _collect_closed_window)


def _quit_for_trace(qt_app) -> None:
    """Close every window and quit (a benchmark's run ends: ARTICLE_LENS_QUIT_AFTER)."""
    for window in qt_app.topLevelWidgets():
        window.close()
    qt_app.quit()


def _trace_first_results(window) -> None:
    """Mark ``results-shown`` (benchmarks/first_window.py) at the first paint of the
    figures table after the first analysis and its figures have reached the views."""
    from desktop.ui.when_shown import AfterFirstPaint

    def when_done(cancelled: bool) -> None:
        if cancelled:
            return
        window.model.analysis.sigFinished.disconnect(when_done)
        poll = QTimer(window, interval=5)

        def check() -> None:
            if not window.model.analysing:
                poll.stop()
                viewport = window.figures_view.table.viewport()
                AfterFirstPaint(viewport, lambda: trace.mark("results-shown"))
                viewport.update()

        poll.timeout.connect(check)
        poll.start()

    window.model.analysis.sigFinished.connect(when_done)


def _load_model_when_idle(window) -> None:
    """Once the first analysis (in the process started at launch) has finished and
    its results are shown, load this process's own model in the background, as
    before, so that the next short article is analysed at once."""

    def when_done(cancelled: bool) -> None:
        window.model.analysis.sigFinished.disconnect(when_done)
        from desktop.model.analysis_worker import preload_analysis

        QTimer.singleShot(PRELOAD_AFTER_FIRST_MS, preload_analysis)

    window.model.analysis.sigFinished.connect(when_done)


def _raise(window) -> None:
    window.show()
    window.raise_()
    window.activateWindow()


def _same(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other
    except (OSError, ValueError):
        return False


def _collect_closed_window() -> None:
    """Free what a closed window held: its objects were frozen out of the cycle
    collector's reach with the others, so they are let back in, collected once on
    this (the windows') thread, and the rest frozen again."""
    process_settings.collect_released_objects()
