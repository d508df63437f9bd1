"""One Article Lens process per user and display: a later launch hands its files over.

The first launch listens on a local socket (``QLocalServer``) named for the user, the
app's version and handover protocol, and the display. A later launch — a
double-click on a session, ``article-lens FILE``, ``gio open`` — connects, sends its
files and exits (status 0) once the running app has acknowledged them; the running
app opens each in a new window of its own (:class:`desktop.app_windows.App`).

A socket left behind by a crashed app is noticed (nobody accepts a connection) and
replaced. When the running app does not acknowledge within HANDOVER_TIMEOUT_MS (it
is frozen, or busy in one long step), the launch starts a process of its own, as
before this existed. The client needs no QCoreApplication, and this module imports no Qt: a first
launch pays only for a look at the socket's folder (QtNetwork is imported when a
socket is there). The running app's end is :mod:`desktop.instance_server`.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import time
from collections.abc import Sequence

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
    import tempfile  # only where there is no runtime folder (~2 ms)

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
    import json

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
    import json

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
