"""The running app's end of :mod:`desktop.instance`: the server later launches hand
their files to, served by a thread of its own."""

from __future__ import annotations

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot

from desktop.instance import ACKNOWLEDGED, MESSAGE_LIMIT, READ_TIMEOUT_MS, parse_message, server_name


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
