"""Recovery copies that cannot be read are kept, and the person is told.

A copy written by a newer version (after a downgrade), damaged, or holding a value
out of range used to be deleted without a word, or to crash every start. Now it stays
in the recovery folder, a plain-text message names it and why, and offers to show
the folder (or, if the person asks, to delete it).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from desktop.core.article import Article
from desktop.core.highlight import Highlight
from desktop.core.highlight_set import HighlightSet
from desktop.core.session import Session
from desktop.formats.session_file import session_to_bytes
from desktop.model.recovery import PREFIX, recovery_folder

Button = QMessageBox.StandardButton
#: No process has this id (Linux allows at most 2**22).
DEAD_PID = 2**22 + 17
TEXT = "Work on Norvik Shipping, unsaved when the app closed.\n"


def copy_bytes(**changes) -> bytes:
    session = Session(Article(TEXT, title="Norvik"),
                      HighlightSet([Highlight(8, 22, "ORG", origin="manual", status="accepted")]))
    document = json.loads(session_to_bytes(session, {"recovery_of": ""}))
    document.update(changes)
    document.pop("checksum", None)
    return json.dumps(document).encode("utf-8")


def left_copy(data: bytes, token: str = "left") -> Path:
    """A recovery copy of a process that no longer runs, holding ``data``."""
    path = recovery_folder() / f"{PREFIX}{DEAD_PID}-{token}.alens"
    path.write_bytes(data)
    return path


#: Copies that cannot be read, and a word of why the message must give.
UNREADABLE = {
    "written by a newer version": (copy_bytes(version=99), "newer Article Lens"),
    "modified at the end of time": (copy_bytes(modified="9999-12-31T23:59:59-14:00"), "modified"),
    "cut short": (copy_bytes()[:-40], "JSON"),
    "rich text as its format": (copy_bytes(format="<img src=/dev/zero>"), "<img src=/dev/zero>"),
}


class Boxes:
    """Message boxes the app runs: recorded, and answered with the queued buttons."""

    def __init__(self) -> None:
        self.shown: list[QMessageBox] = []
        self.texts: list[str] = []
        self.formats: list[Qt.TextFormat] = []
        self.answers: list[Button] = []

    def exec(self, box: QMessageBox) -> int:
        self.texts.append(box.text())
        self.formats.append(box.textFormat())
        self.shown.append(box)
        if box.icon() == QMessageBox.Icon.Question:
            assert self.answers, f"unexpected question: {box.text()}"
            return self.answers.pop(0).value
        return Button.Ok.value


@pytest.fixture
def boxes(monkeypatch, dialogs):
    recorder = Boxes()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: recorder.exec(box))
    return recorder


@pytest.fixture
def opened_urls(monkeypatch):
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: urls.append(url) or True))
    return urls


def told(boxes: Boxes, dialogs) -> list[str]:
    return boxes.texts + [text for _kind, text in dialogs.shown]


@pytest.mark.parametrize(("data", "why"), UNREADABLE.values(), ids=UNREADABLE.keys())
def test_an_unreadable_copy_is_kept_and_the_person_is_told(make_window, boxes, dialogs, data, why):
    copy = left_copy(data)
    window = make_window()
    boxes.answers.append(Button.Ignore)  # Keep
    assert not window.files.offer_recovery()
    assert copy.read_bytes() == data
    [text] = told(boxes, dialogs)
    assert copy.name in text and str(copy.parent) in text and why in text
    assert "Show Folder" in [button.text() for button in boxes.shown[0].buttons()]
    assert boxes.formats == [Qt.TextFormat.PlainText]


def test_the_person_can_ask_to_see_the_folder(make_window, boxes, opened_urls):
    copy = left_copy(UNREADABLE["written by a newer version"][0])
    window = make_window()
    boxes.answers.append(Button.Open)  # Show Folder
    assert not window.files.offer_recovery()
    assert opened_urls == [QUrl.fromLocalFile(str(copy.parent))]
    assert copy.exists()


def test_the_person_can_ask_to_delete_them(make_window, boxes, opened_urls):
    copy = left_copy(UNREADABLE["cut short"][0])
    window = make_window()
    boxes.answers.append(Button.Discard)  # Delete
    assert not window.files.offer_recovery()
    assert not copy.exists() and opened_urls == []


def test_readable_work_beside_an_unreadable_copy_is_still_offered(make_window, boxes, dialogs):
    broken = left_copy(UNREADABLE["written by a newer version"][0], "newer")
    readable = left_copy(copy_bytes(), "readable")
    os.utime(readable, (1_700_000_000, 1_700_000_000))  # the unreadable one is the newest
    window = make_window()
    boxes.answers.append(Button.Ignore)  # Keep the unreadable one
    dialogs.answer(Button.Yes)  # restore the readable one (if asked with a static box)
    boxes.answers.append(Button.Yes)  # (or with a box it runs)
    assert window.files.offer_recovery()
    assert window.model.text == TEXT and window.isWindowModified()
    assert broken.exists() and not readable.exists()
    window.model.undo_stack.setClean()


def test_start_up_with_unreadable_copies_does_not_crash_and_keeps_them(boxes, dialogs, started_windows, qtbot):
    from desktop import app as app_module
    from desktop.ui import main_window

    QCoreApplication.setOrganizationName("ArticleLens")  # as the app names itself: its data folder
    QCoreApplication.setApplicationName(main_window.APP_NAME)
    boxes.answers.append(Button.Ignore)
    copies = [left_copy(data, f"start{i}") for i, (data, _why) in enumerate(UNREADABLE.values())]
    assert app_module.run([]) == 0
    [window] = started_windows
    try:
        assert all(copy.exists() for copy in copies)
        [text] = told(boxes, dialogs)
        assert "4 recovery copies" in text
        assert window.model.text == app_module.seed_article_path().read_text(encoding="utf-8")
    finally:
        window.close()
        window.deleteLater()
        qtbot.wait(1)
