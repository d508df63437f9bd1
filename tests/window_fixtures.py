"""Fixtures for driving the real window (used by tests/ui and tests/hostile through their
conftest.py); an unexpected dialog fails fast instead of hanging."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from desktop.ui.main_window import MainWindow

ANALYSIS_TIMEOUT_MS = 60_000


_KINDS = {QMessageBox.Icon.Warning: "warning", QMessageBox.Icon.Critical: "critical",
          QMessageBox.Icon.Question: "question"}


class Dialogs:
    """Records the message boxes a test triggers (Qt's static ones, and boxes run with
    exec()) and answers them as told."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []
        #: each shown box's text format (AutoText for Qt's static functions)
        self.formats: list[Qt.TextFormat] = []
        self.answers: list = []

    def answer(self, *buttons) -> None:
        """Queue the buttons the next questions are answered with."""
        self.answers.extend(buttons)

    def _box(self, kind):
        def show(parent, title, text, *args, **kwargs):
            return self._record(kind, text, Qt.TextFormat.AutoText)
        return show

    def run(self, box: QMessageBox):
        """Stands in for ``box.exec()``."""
        return self._record(_KINDS.get(box.icon(), "information"), box.text(), box.textFormat())

    def _record(self, kind: str, text: str, text_format: Qt.TextFormat):
        self.shown.append((kind, text))
        self.formats.append(text_format)
        if kind == "question":
            assert self.answers, f"unexpected question: {text}"
            return self.answers.pop(0)
        return QMessageBox.StandardButton.Ok


@pytest.fixture(autouse=True)
def dialogs(monkeypatch):
    """Message boxes are recorded; file and input dialogs must be replaced by the test."""
    recorder = Dialogs()
    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder._box(kind)))

    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected modal dialog: {args[1:3]}")

    monkeypatch.setattr(QMessageBox, "exec", lambda box: recorder.run(box))
    for name in ("getOpenFileName", "getSaveFileName"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(refuse))
    for name in ("getItem", "getMultiLineText", "getText"):
        monkeypatch.setattr(QInputDialog, name, staticmethod(refuse))
    return recorder


@pytest.fixture
def make_window(qtbot):
    """Builds shown main windows; at teardown their edits are dropped, not prompted."""
    made = []

    def make() -> MainWindow:
        window = MainWindow()
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.fully_built, timeout=5000)
        made.append(window)
        return window

    yield make
    for window in made:
        window.model.undo_stack.setClean()
        window.close()
        window.deleteLater()
    qtbot.wait(1)


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def wait_for_analysis(qtbot):
    """Waits until a window's analysis has finished."""
    def wait(window: MainWindow) -> None:
        qtbot.waitUntil(lambda: not window.model.analysing, timeout=ANALYSIS_TIMEOUT_MS)
    return wait
