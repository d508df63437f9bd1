"""Label keys from a session never take the app's own shortcuts.

A session's labels may name any key. One that the app already uses (Ctrl+S, Ctrl+Z, or
an annotation key like N) would make that key ambiguous, so Save or Undo silently did
nothing while the article had focus. Such a key is not bound (the label keeps it in the
file, and the Labels dialog asks for another); the person is told which.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.core.article import Article
from desktop.core.highlight import Highlight
from desktop.core.labels import Label, default_labels
from desktop.core.session import Session
from desktop.formats.session_file import load_session, save_session
from desktop.ui.labels_dialog import LabelsDialog
from desktop.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
#: Keys a session's labels try to take from the app (the app's spelling may differ).
TAKEN_KEYS = {"SAVE": "Ctrl+S", "UNDO": "ctrl+z", "REDO": "Ctrl+Shift+Z", "OPEN": "Ctrl+O",
              "NEXT": "N", "ACCEPT": "Return", "FIND": "Ctrl+F"}


def session_with_keys(tmp_path, keys: dict[str, str]):
    """A session whose extra labels have ``keys`` (name: key), and one highlight."""
    text = "Vantor Shipping cut 300 jobs in Oslo on Monday."
    labels = [*(label for label in default_labels()), *(Label(n, "#a8d1ff", "", k) for n, k in keys.items())]
    session = Session(Article(text), labels=labels)
    highlight = Highlight(0, 15, "ORG", origin="manual", status="accepted")
    session.highlights.add(highlight)
    path = tmp_path / "keys.alens"
    save_session(session, path)
    return path, highlight


def focus_article(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert window.article_view.hasFocus()


def test_ctrl_s_still_saves_and_ctrl_z_still_undoes_after_such_a_session(qtbot, window, tmp_path):
    path, highlight = session_with_keys(tmp_path, TAKEN_KEYS)
    assert window.open_path(path)
    focus_article(qtbot, window)
    window.model.set_note(highlight.id, "kept by Ctrl+S")
    qtbot.keyClick(window.article_view, Qt.Key.Key_S, CTRL)
    assert not window.isWindowModified()
    assert load_session(path).session.highlights.get(highlight.id).note == "kept by Ctrl+S"

    window.model.set_note(highlight.id, "undone by Ctrl+Z")
    qtbot.keyClick(window.article_view, Qt.Key.Key_Z, CTRL)
    assert window.model.highlight(highlight.id).note == "kept by Ctrl+S"


def test_the_person_is_told_which_label_keys_are_not_bound(qtbot, window, tmp_path, dialogs):
    path, _ = session_with_keys(tmp_path, {"SAVE": "Ctrl+S", "FREE": "Ctrl+Alt+9"})
    assert window.open_path(path)
    qtbot.waitUntil(lambda: any("Ctrl+S" in text for _, text in dialogs.shown))
    told = next(text for _, text in dialogs.shown if "Ctrl+S" in text)
    assert "SAVE" in told and "FREE" not in told
    keys = {a.text(): a.shortcut().toString() for a in window.annotation.label_actions}
    assert keys["SAVE"] == "" and keys["FREE"] == "Ctrl+Alt+9"


def test_an_annotation_key_stays_with_its_command(qtbot, window, tmp_path):
    path, highlight = session_with_keys(tmp_path, {"NEXT": "N"})
    assert window.open_path(path)
    focus_article(qtbot, window)
    window.model.select("")
    qtbot.keyClick(window.article_view, Qt.Key.Key_N)
    assert window.model.selected_id == highlight.id  # N: next highlight, not "label as NEXT"
    assert all(h.label != "NEXT" for h in window.model.session.highlights)


def test_two_labels_with_one_key_bind_it_once(qtbot, window, tmp_path):
    path, _ = session_with_keys(tmp_path, {"FIRST": "Ctrl+Alt+7", "SECOND": "Ctrl+Alt+7"})
    assert window.open_path(path)
    bound = [a for a in window.annotation.label_actions if a.shortcut().toString() == "Ctrl+Alt+7"]
    assert [a.text() for a in bound] == ["FIRST"]


def test_a_session_opened_before_the_menus_exist_does_not_take_save(qtbot, tmp_path):
    path, _ = session_with_keys(tmp_path, {"SAVE": "Ctrl+S", "FREE": "Ctrl+Alt+9"})
    window = MainWindow()  # as the app starts on a file: opened before the menus are built
    try:
        assert window.open_path(path)
        window.show()
        qtbot.waitUntil(lambda: window.fully_built, timeout=5000)
        keys = {a.text(): a.shortcut().toString() for a in window.annotation.label_actions}
        assert keys["SAVE"] == "" and keys["FREE"] == "Ctrl+Alt+9"
        assert window.menu_actions.save.shortcut().toString() == "Ctrl+S"
    finally:
        window.model.undo_stack.setClean()
        window.close()
        window.deleteLater()


@pytest.mark.parametrize("key", ["Ctrl+S", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+O", "F5", "Ctrl+1"])
def test_the_labels_dialog_refuses_the_windows_shortcuts(window, key):
    labels = [Label("A", "#a8d1ff", "", key)]
    dialog = LabelsDialog(labels, set(), window.annotation.reserved_keys(), window)
    assert any("already used by another command" in problem for problem in dialog.problems())
