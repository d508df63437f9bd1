"""One Article Lens process per user and display: a later launch hands its files over.

The first launch listens on a local socket (``QLocalServer``) named for the user, the
app's version and handover protocol, and the display. A later launch — a
double-click on a session, ``article-lens FILE``, ``gio open`` — connects, sends its
files and exits (status 0) once the running app has acknowledged them; the running
app opens each in a new window of its own (:class:`desktop.app.App`).

A socket left behind by a crashed app is noticed (nobody accepts a connection) and
replaced. When the running app does not acknowledge within HANDOVER_TIMEOUT_MS (it
is frozen, or busy in one long step), the launch starts a process of its own, as
before this existed. The client needs no QCoreApplication, and a first launch pays
only for a look at the socket's folder (QtNetwork is imported when a socket is
there, or when the app starts listening).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Sequence

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot

from desktop import __version__

#: Bump when the message format changes: launches of different protocols (or app
#: versions) never talk to each other, each runs its own process.
PROTOCOL = 1
#: How long a launch waits for the running app to take its files (connect, send,
#: acknowledge), in ms; then it starts a process of its own.
HANDOVER_TIMEOUT_MS = 1500
#: How long the running app gives a connection to send its message, in ms.
READ_TIMEOUT_MS = 5000
#: A message longer than this is refused (it lists file paths only).
MESSAGE_LIMIT = 1 << 20
ACKNOWLEDGED = b"ok\n"
#: A web address (passed on as it is; a file's path is made absolute: the running
#: app has another working folder).
_ADDRESS = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def server_name() -> str:
    """The socket's name: per user (uid), per app version and protocol, per display and
    per settings folder.

    On Unix it is a full path in the user's private runtime folder
    (``XDG_RUNTIME_DIR``), else in a folder of the temporary directory that only the
    user may enter, so that no other user can stand in for the running app."""
    uid = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    display = (os.environ.get("WAYLAND_DISPLAY") or os.environ.get("DISPLAY")
               or os.environ.get("QT_QPA_PLATFORM") or "")
    # per settings folder too: an app started with another HOME (a test, a smoke run of the
    # bundle) keeps other settings, sessions and recovery copies, so it is another app
    settings = os.environ.get("XDG_CONFIG_HOME") or os.path.expanduser("~")
    digest = hashlib.sha1(f"{PROTOCOL}\0{display}\0{settings}".encode()).hexdigest()[:8]
    name = f"article-lens-{uid}-{__version__}-{digest}"
    if sys.platform == "win32":
        return name  # a named pipe, per session
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and _private(runtime):
        return os.path.join(runtime, name)
    folder = os.path.join(tempfile.gettempdir(), f"article-lens-{uid}")
    try:
        os.mkdir(folder, 0o700)
    except FileExistsError:
        pass
    except OSError:
        return name  # Qt's own folder for it (the temporary directory)
    return os.path.join(folder, name) if _private(folder) else name


def _private(folder: str) -> bool:
    """Whether ``folder`` is a real folder of this user that no one else may enter."""
    import stat

    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return (stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
            and not info.st_mode & 0o077)


def hand_over(paths: Sequence[str], timeout_ms: int = HANDOVER_TIMEOUT_MS) -> bool:
    """Give ``paths`` to the Article Lens that runs for this user and display, if one
    does and it takes them within ``timeout_ms``; True when it did (this launch is
    then done). ``paths`` may be empty: the running app then raises a window."""
    name = server_name()
    if os.path.isabs(name) and not os.path.exists(name):
        return False  # the usual first launch: no app runs, and no Qt import for it
    from PySide6.QtNetwork import QLocalSocket

    deadline = time.monotonic() + timeout_ms / 1000

    def left_ms() -> int:
        return max(1, int((deadline - time.monotonic()) * 1000))

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(left_ms()):
        return False
    message = {
        "protocol": PROTOCOL,
        "paths": [path if _ADDRESS.match(path) else os.path.abspath(path) for path in paths],
        # lets the running app's window take the focus on Wayland / X11 desktops
        "activation": os.environ.get("XDG_ACTIVATION_TOKEN") or os.environ.get("DESKTOP_STARTUP_ID", ""),
    }
    socket.write(json.dumps(message).encode() + b"\n")
    if not socket.waitForBytesWritten(left_ms()):
        return False
    reply = b""
    while time.monotonic() < deadline:
        reply += bytes(socket.readAll())  # what came, even once the app has hung up
        if reply.endswith(b"\n") or socket.state() != QLocalSocket.LocalSocketState.ConnectedState:
            break
        socket.waitForReadyRead(left_ms())
    socket.abort()
    return reply == ACKNOWLEDGED


def parse_message(data: bytes) -> tuple[list[str], str] | None:
    """The paths and activation token of a launch's message, or None when it is not
    one of this protocol."""
    try:
        message = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(message, dict) or message.get("protocol") != PROTOCOL:
        return None
    paths = message.get("paths")
    if not isinstance(paths, list) or not all(isinstance(p, str) and p for p in paths):
        return None
    token = message.get("activation", "")
    return paths, token if isinstance(token, str) else ""


class InstanceServer(QObject):
    """Listens for later launches; ``sigOpen(paths, activation_token)`` for each one,
    on this object's thread, once the launch has been answered.

    The socket is served by a thread of its own, so a launch is answered at once
    even while the windows' thread is busy (building a window's panes, opening a
    large file): the files open when it is free, and the launch has exited by then.
    """

    sigOpen = Signal(list, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: QThread | None = None
        self._listener: _Listener | None = None
        self.name = ""

    def listen(self) -> bool:
        """Start listening; a socket nobody answers on (left by a crash) is replaced.
        False when another live app holds the name (two started at once): this one
        then runs on its own. Called again, it does nothing."""
        from PySide6.QtNetwork import QLocalServer, QLocalSocket

        if self._thread is not None:
            return self.listening
        name = server_name()
        server = QLocalServer()
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            if server.serverError() != QLocalSocket.LocalSocketError.AddressInUseError \
                    or _answers(name):
                return False
            QLocalServer.removeServer(name)
            if not server.listen(name):
                return False
        self.name = name
        listener = _Listener(server)
        thread = QThread()  # no parent: it must stop before it is deleted (see _stop)
        thread.setObjectName("article-lens-instance")
        listener.moveToThread(thread)  # with the server, its child
        listener.sigReceived.connect(self.sigOpen)  # queued: to this object's thread
        thread.finished.connect(listener.deleteLater)
        self._thread, self._listener = thread, listener
        _serving.add(thread)
        # deleted without close() (its owner gone): the thread is stopped all the same,
        # never destroyed while it runs (Qt aborts the process then)
        self.destroyed.connect(lambda *_: _stop(thread, listener))
        thread.start()
        return True

    @property
    def listening(self) -> bool:
        return self._thread is not None and self._thread.isRunning()

    def close(self) -> None:
        """Stop listening (the socket file is removed) and end the thread."""
        thread, self._thread = self._thread, None
        if thread is not None:
            _stop(thread, self._listener)


#: The threads serving a socket, kept until they have stopped.
_serving: set[QThread] = set()


def _stop(thread: QThread, listener: _Listener) -> None:
    """Close the listener's server in its thread, then end the thread and wait for it."""
    if thread not in _serving:
        return
    _serving.discard(thread)
    if thread.isRunning():
        QMetaObject.invokeMethod(listener, "close", Qt.ConnectionType.QueuedConnection)
        thread.wait(2000)


class _Listener(QObject):
    """The socket's end in the app, in the server thread: answers each launch and
    passes its files on with ``sigReceived``."""

    sigReceived = Signal(list, str)

    def __init__(self, server) -> None:
        super().__init__()
        self._server = server
        server.setParent(self)
        server.newConnection.connect(self._on_connection)

    @Slot()
    def close(self) -> None:
        self._server.close()
        QThread.currentThread().quit()

    @Slot()
    def _on_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            _Reader(socket, self)

    def received(self, socket, data: bytes) -> None:
        parsed = parse_message(data)
        if parsed is None:
            socket.abort()
            return
        socket.write(ACKNOWLEDGED)
        socket.flush()
        socket.disconnectFromServer()
        self.sigReceived.emit(*parsed)


class _Reader(QObject):
    """Collects one launch's message (a line of JSON) from its socket."""

    def __init__(self, socket, listener: _Listener) -> None:
        super().__init__(listener)
        self._socket, self._listener, self._data = socket, listener, b""
        socket.setParent(self)
        socket.readyRead.connect(self._read)
        socket.disconnected.connect(self.deleteLater)
        QTimer.singleShot(READ_TIMEOUT_MS, self, self._give_up)
        self._read()

    @Slot()
    def _read(self) -> None:
        if self._data is None:
            return
        self._data += bytes(self._socket.readAll())
        if len(self._data) > MESSAGE_LIMIT:
            self._give_up()
        elif self._data.endswith(b"\n"):
            data, self._data = self._data, None  # one message a connection
            self._listener.received(self._socket, data)

    @Slot()
    def _give_up(self) -> None:
        if self._data is not None:
            self._socket.abort()
        self.deleteLater()


def _answers(name: str) -> bool:
    """Whether a live server accepts connections on ``name``."""
    from PySide6.QtNetwork import QLocalSocket

    probe = QLocalSocket()
    probe.connectToServer(name)
    alive = probe.waitForConnected(200)
    probe.abort()
    return alive
