"""One process serves every window: a later launch hands its file to the running app.

The first tests run real processes (offscreen), as a double-click or `article-lens
FILE` would; the others drive the app's window list in this process.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from desktop import instance, instance_server

REPO = Path(__file__).resolve().parents[2]
STORY = REPO / "tests" / "data" / "rotterdam_port.txt"
LAUNCH_TIMEOUT = 120


@pytest.fixture
def launch_env(tmp_path, monkeypatch):
    """The environment of app processes: a private home and a short runtime folder
    (a socket's path must stay under ~100 characters), the same for every launch."""
    runtime = Path(tempfile.mkdtemp(prefix="al-"))
    runtime.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_LOGGING_RULES="qt.qpa.*=false",
               ARTICLE_LENS_TRACE="1", XDG_RUNTIME_DIR=str(runtime))
    yield env
    shutil.rmtree(runtime, ignore_errors=True)


class App:
    """An Article Lens process whose trace lines are collected as they come."""

    def __init__(self, args: list[str], env: dict) -> None:
        self.process = subprocess.Popen([sys.executable, "-m", "desktop.cli", *args], cwd=REPO, env=env,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stderr:
            if line.startswith("article-lens-trace "):
                self.lines.append(line.split(" ", 1)[1].strip())

    def wait_for(self, predicate, timeout: float = LAUNCH_TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = next((line for line in self.lines if predicate(line)), None)
            if found is not None:
                return found
            if self.process.poll() is not None and not self._reader.is_alive():
                break
            time.sleep(0.05)
        raise AssertionError(f"never reported it; reported {self.lines}")

    def windows(self) -> list[str]:
        """What its windows show, as last reported."""
        reports = [line for line in self.lines if line.startswith("windows ")]
        return json.loads(reports[-1].split(" ", 1)[1]) if reports else []

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)


def session_of(path: Path, folder: Path, env: dict) -> Path:
    """A session file of the article ``path`` (written by ``extract --session``)."""
    session = folder / f"{path.stem}.alens"
    subprocess.run([sys.executable, "-m", "desktop.cli", "extract", str(path), "--session", str(session)],
                   cwd=REPO, env=env, check=True, stdout=subprocess.DEVNULL, timeout=LAUNCH_TIMEOUT)
    return session


def test_a_second_launch_hands_its_file_to_the_running_app_and_exits(launch_env, tmp_path, seed_path):
    session = session_of(STORY, tmp_path, launch_env)
    first = App([str(seed_path)], launch_env)
    try:
        first.wait_for(lambda line: line == "listening")
        started = time.monotonic()
        second = subprocess.run([sys.executable, "-m", "desktop.cli", str(session)], cwd=REPO,
                                env=launch_env, capture_output=True, text=True, timeout=LAUNCH_TIMEOUT)
        handed_over_in = time.monotonic() - started
        assert second.returncode == 0, second.stderr
        assert "text-shown" not in second.stderr  # it opened no window of its own
        first.wait_for(lambda line: line.startswith("windows ") and len(json.loads(line[8:])) == 2)
        assert first.windows() == [seed_path.name, session.name]
        assert first.process.poll() is None
        assert handed_over_in < 20  # a Python start and a message, not a whole app
    finally:
        first.stop()


def test_a_stale_socket_left_by_a_crash_is_replaced(launch_env, tmp_path, seed_path):
    name = instance.server_name()
    assert name.startswith(launch_env["XDG_RUNTIME_DIR"])
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(name)  # a socket file nobody listens on, as a killed app leaves it
    stale.close()
    assert not instance.hand_over([str(seed_path)])  # refused at once: nobody answers
    first = App([str(seed_path)], launch_env)
    try:
        first.wait_for(lambda line: line == "listening")
        second = subprocess.run([sys.executable, "-m", "desktop.cli", str(STORY)], cwd=REPO,
                                env=launch_env, capture_output=True, text=True, timeout=LAUNCH_TIMEOUT)
        assert second.returncode == 0, second.stderr
        first.wait_for(lambda line: line.startswith("windows ") and STORY.name in line)
        assert first.windows() == [seed_path.name, STORY.name]
    finally:
        first.stop()


def test_a_launch_starts_on_its_own_when_the_running_app_does_not_answer(launch_env, seed_path):
    name = instance.server_name()
    frozen = socket.socket(socket.AF_UNIX)
    frozen.bind(name)
    frozen.listen()  # accepts connections, never answers: a frozen app
    try:
        started = time.monotonic()
        assert not instance.hand_over([str(seed_path)])
        waited = time.monotonic() - started
        assert instance.HANDOVER_TIMEOUT_MS / 1000 * 0.9 <= waited < 10
        own = App([str(STORY)], launch_env)
        try:
            own.wait_for(lambda line: line == "text-shown")
            assert own.windows() == [STORY.name]
        finally:
            own.stop()
    finally:
        frozen.close()


def test_the_running_app_gets_absolute_paths_and_addresses_as_they_are(qtbot, tmp_path):
    server = instance_server.InstanceServer()
    try:
        assert server.listen() and server.listening
        received = []
        server.sigOpen.connect(lambda paths, token: received.append((paths, token)))
        code = "from desktop import instance; print(instance.hand_over(['story.txt', 'https://example.com/news/1']))"
        sender = subprocess.Popen([sys.executable, "-c", code], cwd=tmp_path, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True,
                                  env=dict(os.environ, XDG_ACTIVATION_TOKEN="token-1", PYTHONPATH=str(REPO)))
        qtbot.waitUntil(lambda: sender.poll() is not None, timeout=LAUNCH_TIMEOUT * 1000)
        out, err = sender.communicate()
        assert out.strip() == "True", err
        qtbot.waitUntil(lambda: bool(received), timeout=5000)
        assert received == [([str(tmp_path / "story.txt"), "https://example.com/news/1"], "token-1")]
    finally:
        server.close()
    assert not Path(server.name).exists()


def test_a_launch_is_answered_while_the_windows_thread_is_busy(qtbot, tmp_path):
    server = instance_server.InstanceServer()
    try:
        assert server.listen()
        received = []
        server.sigOpen.connect(lambda paths, token: received.append(paths))
        code = "from desktop import instance; print(instance.hand_over(['story.txt']))"
        sender = subprocess.Popen([sys.executable, "-c", code], cwd=tmp_path, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONPATH=str(REPO)))
        deadline = time.monotonic() + LAUNCH_TIMEOUT
        while sender.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)  # this thread is busy: no events handled
        out, err = sender.communicate()
        assert out.strip() == "True" and sender.returncode == 0, err
        assert received == []  # handed on to this thread, which has not looked yet
        qtbot.waitUntil(lambda: bool(received), timeout=5000)
        assert received == [[str(tmp_path / "story.txt")]]
    finally:
        server.close()


def test_a_server_deleted_without_closing_stops_its_thread(qtbot):
    import gc

    from PySide6.QtCore import QThread

    server = instance_server.InstanceServer()
    assert server.listen()
    [thread] = [t for t in instance_server._serving]
    name = server.name
    del server
    gc.collect()  # Qt would abort the process had the running thread been destroyed
    qtbot.waitUntil(lambda: not thread.isRunning(), timeout=5000)
    assert isinstance(thread, QThread) and not Path(name).exists() and thread not in instance_server._serving


def test_messages_of_another_protocol_or_shape_are_refused():
    good = {"protocol": instance.PROTOCOL, "paths": ["/a.alens", "/b.txt"], "activation": "t"}
    assert instance.parse_message(json.dumps(good).encode()) == (["/a.alens", "/b.txt"], "t")
    for bad in ({**good, "protocol": instance.PROTOCOL + 1}, {**good, "paths": "/a.alens"},
                {**good, "paths": [3]}, [good]):
        assert instance.parse_message(json.dumps(bad).encode()) is None
    assert instance.parse_message(b"\xff{") is None


def test_the_socket_is_per_user_and_private(tmp_path, monkeypatch):
    name = instance.server_name()
    assert f"article-lens-{os.getuid()}-" in name and instance.__version__ in name
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    fallback = Path(instance.server_name())
    assert fallback.parent == tmp_path / f"article-lens-{os.getuid()}"
    assert fallback.parent.stat().st_mode & 0o777 == 0o700
    monkeypatch.setenv("DISPLAY", ":7")
    assert instance.server_name() != str(fallback)  # another display, another app


def test_an_app_with_other_settings_is_another_app(tmp_path, monkeypatch):
    """A run with another HOME (a test, the bundle's smoke run) never hands its files to
    the user's running app, nor takes theirs."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "one"))
    one = instance.server_name()
    assert instance.server_name() == one
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "two"))
    two = instance.server_name()
    assert two != one
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "three"))
    assert instance.server_name() not in (one, two)


# -- the windows of one process -------------------------------------------------------
@pytest.fixture
def app(qtbot):
    from PySide6.QtWidgets import QApplication

    from desktop.app_windows import App

    made = App(QApplication.instance())
    yield made
    for window in made.windows:
        window.model.undo_stack.setClean()
        window.close()
    made.close()
    qtbot.wait(10)


def test_each_file_opens_in_a_window_of_its_own_with_its_own_session(app, qtbot, seed_path, tmp_path):
    story = tmp_path / STORY.name
    shutil.copy(STORY, story)
    first = app.first_window(str(seed_path))
    app.open_files([str(story)])
    assert len(app.windows) == 2
    second = app.windows[1]
    assert (first.document_name(), second.document_name()) == (seed_path.name, story.name)
    assert first.model is not second.model and first.model.undo_stack is not second.model.undo_stack
    assert first.document.recovery.path != second.document.recovery.path
    for window in app.windows:
        qtbot.waitUntil(lambda w=window: not w.model.analysing, timeout=60_000)
    highlight = next(iter(second.model.session.highlights.visible()))
    second.model.remove_highlights([highlight.id])
    assert second.model.undo_stack.count() == 1 and first.model.undo_stack.count() == 0
    assert highlight.id not in [h.id for h in second.model.session.highlights.visible()]

    app.open_files([str(story)])  # shown already, unedited? it is edited: a new window
    assert len(app.windows) == 3
    app.open_files([str(seed_path)])  # shown already and unedited: that window is raised
    assert len(app.windows) == 3


def test_closing_a_window_leaves_the_app_running_until_the_last_closes(app, qtbot, seed_path):
    """Runs the real event loop: closing one of two windows leaves it running (the
    other stays usable); closing the last ends it, as quitting the app does."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    qt_app = QApplication.instance()
    first = app.first_window(str(seed_path))
    app.open_files([str(STORY)])
    second = app.windows[1]
    seen: dict[str, object] = {}

    def close_first() -> None:
        first.close()

    def close_second() -> None:
        seen["left after the first closed"] = [w.document_name() for w in app.windows]
        seen["still running"] = True
        second.close()

    def give_up() -> None:
        seen["gave up"] = True
        qt_app.quit()

    QTimer.singleShot(0, close_first)
    QTimer.singleShot(1000, close_second)
    guard = QTimer(singleShot=True, interval=30_000)
    guard.timeout.connect(give_up)
    guard.start()
    assert qt_app.quitOnLastWindowClosed()
    qt_app.exec()
    guard.stop()
    assert "gave up" not in seen, "the app did not quit when its last window closed"
    assert seen == {"left after the first closed": [STORY.name], "still running": True}
    qtbot.waitUntil(lambda: not app.windows)


def test_the_app_sets_its_window_icon_once_the_first_text_is_shown(qtbot, monkeypatch, seed_path):
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from desktop import app_windows
    from desktop.ui import main_window

    made = []

    class Recorded(main_window.MainWindow):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    def run_until_the_text_is_shown(*_args):
        [window] = made
        assert QApplication.windowIcon().isNull()  # not before: it costs the first paint 5-10 ms
        qtbot.waitUntil(lambda: window.article_view.session_shown, timeout=10_000)
        qtbot.waitUntil(lambda: not QApplication.windowIcon().isNull(), timeout=10_000)
        return 0

    names = QApplication.organizationName(), QApplication.applicationName()
    QApplication.setWindowIcon(QIcon())
    monkeypatch.setattr(main_window, "MainWindow", Recorded)
    monkeypatch.setattr(type(QApplication.instance()), "exec", run_until_the_text_is_shown)
    try:
        assert app_windows.start_windows([str(seed_path)], analysed_at_launch=False) == 0
        sizes = [size.width() for size in QApplication.windowIcon().availableSizes()]
        assert max(sizes) == app_windows.WINDOW_ICON_LARGEST and min(sizes) == 16
    finally:
        for window in made:
            window.model.undo_stack.setClean()
            window.close()
        QApplication.setOrganizationName(names[0])
        QApplication.setApplicationName(names[1])
        qtbot.wait(10)


def test_a_broken_large_session_at_start_gives_the_seed_and_in_a_new_window_closes_it(
        app, qtbot, seed_path, tmp_path, dialogs):
    """A large session loads in the background, also at start; when it turns out
    broken, the first window shows the seed, and a window made for it closes."""
    from large_sessions import large_session

    path, _ = large_session(tmp_path)
    path.write_bytes(path.read_bytes()[:-200])  # truncated
    first = app.first_window(str(path))
    qtbot.waitUntil(lambda: first.document_name() == seed_path.name, timeout=30_000)
    app.open_files([str(path)])
    assert len(app.windows) == 2
    qtbot.waitUntil(lambda: len(app.windows) == 1, timeout=30_000)
    assert len(dialogs.shown) == 2 and all("JSON" in shown[1] for shown in dialogs.shown)
