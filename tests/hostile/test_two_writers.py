"""Two writers of one session file: two windows, or a window and another program.

Nothing is lost silently: a save over a file that changed on disk since it was opened
or last saved asks Overwrite / Save As… / Reload, and the window watching the file
offers to reload it (or, with unsaved edits, says that it changed).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.core.highlight import Highlight
from desktop.core.session import Session
from desktop.formats.readers import read_article
from desktop.formats.session_file import load_session, save_session, session_to_bytes

#: Longest wait for a window to notice a change on disk (ms).
NOTICE_MS = 5_000


class Boxes:
    """Message boxes built by the app and run with exec(): recorded, and answered by
    clicking the button whose text is queued (a box nobody answered fails the test)."""

    def __init__(self) -> None:
        self.shown: list[dict] = []
        self.answers: list[str] = []

    def answer(self, *texts: str) -> None:
        self.answers.extend(texts)

    def exec(self, box: QMessageBox) -> int:
        buttons = {b.text(): b for b in box.buttons()}
        self.shown.append({"title": box.windowTitle(), "text": box.text(),
                           "more": box.informativeText(), "format": box.textFormat(),
                           "buttons": list(buttons)})
        if len(buttons) == 1:  # a notice: OK
            next(iter(buttons.values())).click()
            return 0
        assert self.answers, f"unexpected question: {box.text()}"
        buttons[self.answers.pop(0)].click()
        return 0

    def titles(self) -> list[str]:
        return [shown["title"] for shown in self.shown]


@pytest.fixture
def boxes(monkeypatch, dialogs):  # noqa: F811  (after the refusing exec of ui/conftest)
    recorder = Boxes()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: recorder.exec(box))
    return recorder


@pytest.fixture
def session_path(tmp_path, seed_path) -> Path:
    path = tmp_path / "shared.alens"
    save_session(Session(read_article(seed_path)), path)
    return path


@pytest.fixture
def open_window(make_window, wait_for_analysis):  # noqa: F811
    def open_(path: Path):
        window = make_window()
        assert window.open_path(path)
        wait_for_analysis(window)
        return window
    return open_


def add_note(window, word: str, note: str) -> None:
    model = window.model
    start = model.text.index(word)
    made = model.add_highlight(start, start + len(word), "LOC")
    model.set_note(made.id, note)


def notes_on_disk(path: Path) -> set[str]:
    return {h.note for h in load_session(path).session.highlights if h.note}


def notes_in(window) -> set[str]:
    return {h.note for h in window.model.session.highlights if h.note}


def rewrite_elsewhere(path: Path, note: str, atomically: bool) -> None:
    """Another program adds a noted highlight: by renaming a new file over the old one
    (editors, sync tools) or by rewriting it in place."""
    loaded = load_session(path)
    text = loaded.session.article.text
    start = text.index("Baku")
    loaded.session.highlights.add(Highlight(start, start + 4, "LOC", origin="manual",
                                            status="accepted", note=note))
    data = session_to_bytes(loaded.session, loaded.view_state)
    if atomically:
        temp = path.with_name("other-program.tmp")
        temp.write_bytes(data)
        os.replace(temp, path)
    else:
        with open(path, "r+b") as handle:
            handle.truncate(0)
            handle.write(data)


@pytest.fixture
def a_saved_then_b_edits(open_window, session_path, boxes, qtbot):
    """Windows A and B on one file; A adds a note and saves; B then adds its own."""
    a, b = open_window(session_path), open_window(session_path)
    add_note(a, "Middle Corridor", "from A")
    assert a.files.save()
    add_note(b, "Caspian", "from B")
    qtbot.waitUntil(lambda: "File changed on disk" in boxes.titles(), timeout=NOTICE_MS)
    notice = boxes.shown[-1]
    assert notice["format"] == Qt.TextFormat.PlainText
    assert "save" in notice["more"].lower()
    assert notes_in(b) == {"from B"}  # told, not reloaded: B's edit is still there
    return a, b


def test_saving_over_another_windows_save_asks_and_save_as_keeps_both(
        a_saved_then_b_edits, session_path, boxes, monkeypatch, tmp_path):
    _a, b = a_saved_then_b_edits
    copy = tmp_path / "b-copy.alens"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(copy), "")))
    boxes.answer("Save As…")
    assert b.files.save()
    conflict = boxes.shown[-1]
    assert {"Overwrite", "Save As…", "Reload", "Cancel"} <= set(conflict["buttons"])
    assert conflict["format"] == Qt.TextFormat.PlainText
    assert "shared.alens" in conflict["text"]
    assert notes_on_disk(session_path) == {"from A"}
    assert notes_on_disk(copy) == {"from B"}
    assert b.document.path == copy


def test_cancelling_the_conflict_keeps_the_other_save_and_the_edits(a_saved_then_b_edits, session_path, boxes):
    _a, b = a_saved_then_b_edits
    boxes.answer("Cancel")
    assert not b.files.save()
    assert notes_on_disk(session_path) == {"from A"}
    assert b.isWindowModified() and notes_in(b) == {"from B"}


def test_a_cancelled_save_as_keeps_the_other_save(a_saved_then_b_edits, session_path, boxes, monkeypatch):
    _a, b = a_saved_then_b_edits
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    boxes.answer("Save As…")
    assert not b.files.save()
    assert notes_on_disk(session_path) == {"from A"}


def test_overwrite_replaces_the_other_save(a_saved_then_b_edits, session_path, boxes):
    a, b = a_saved_then_b_edits
    boxes.answer("Overwrite")
    assert b.files.save()
    assert notes_on_disk(session_path) == {"from B"}
    add_note(b, "Baku", "B again")  # B's save is its own: the next one does not ask
    asked = len(boxes.shown)
    assert b.files.save()
    assert len(boxes.shown) == asked


def test_reload_in_the_conflict_shows_the_file_on_disk(a_saved_then_b_edits, session_path, boxes, qtbot):
    _a, b = a_saved_then_b_edits
    boxes.answer("Reload")
    assert not b.files.save()
    assert notes_in(b) == {"from A"}
    assert not b.isWindowModified()
    assert notes_on_disk(session_path) == {"from A"}


def test_closing_with_edits_over_a_changed_file_asks_before_writing(a_saved_then_b_edits, session_path,
                                                                     boxes, dialogs):  # noqa: F811
    _a, b = a_saved_then_b_edits
    dialogs.answer(QMessageBox.StandardButton.Save)
    boxes.answer("Cancel")
    assert not b.close()
    assert notes_on_disk(session_path) == {"from A"}


@pytest.mark.parametrize("atomically", [True, False], ids=["renamed-over", "rewritten-in-place"])
def test_another_program_changing_the_file_is_offered_for_reload(open_window, session_path, boxes, qtbot,
                                                                 atomically):
    window = open_window(session_path)
    for round_ in (1, 2):  # the second change is seen too: the watch outlives a rename
        boxes.answer("Reload")
        rewrite_elsewhere(session_path, f"edited elsewhere {round_}", atomically)
        qtbot.waitUntil(lambda r=round_: f"edited elsewhere {r}" in notes_in(window), timeout=NOTICE_MS)
        offer = boxes.shown[-1]
        assert offer["format"] == Qt.TextFormat.PlainText
        assert "Reload" in offer["buttons"]
        assert not window.isWindowModified()
    assert not boxes.answers


def test_a_change_elsewhere_with_unsaved_edits_is_told_and_the_save_asks(open_window, session_path, boxes, qtbot):
    window = open_window(session_path)
    add_note(window, "Middle Corridor", "mine")
    rewrite_elsewhere(session_path, "theirs", atomically=True)
    qtbot.waitUntil(lambda: "File changed on disk" in boxes.titles(), timeout=NOTICE_MS)
    assert notes_in(window) == {"mine"}
    boxes.answer("Cancel")
    assert not window.files.save()
    assert notes_on_disk(session_path) == {"theirs"}


def test_no_false_alarm_for_a_touch_or_the_windows_own_saves(open_window, session_path, boxes, qtbot):
    window = open_window(session_path)
    for word in ("Middle Corridor", "Trend", "fintech"):
        add_note(window, word, word)
        assert window.files.save()
    stamp = session_path.stat()
    os.utime(session_path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns + 5_000_000_000))
    qtbot.wait(800)
    add_note(window, "Caspian", "after the touch")
    assert window.files.save()
    assert boxes.shown == []
    assert "after the touch" in notes_on_disk(session_path)
