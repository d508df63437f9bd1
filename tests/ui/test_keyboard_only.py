"""A person annotates the seed article from the keyboard alone, saves, and reopens it."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.formats.session_file import load_session


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier, times=1):
    for _ in range(times):
        qtbot.keyClick(widget, key, modifier)


def test_keyboard_only_annotation_of_the_seed(window, seed_path, wait_for_analysis, qtbot,
                                              monkeypatch, tmp_path):
    assert window.open_path(seed_path)
    wait_for_analysis(window)
    view = window.article_view
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # focus the article
    assert view.hasFocus()
    text = window.model.text

    # Walk to the first suggestion and accept it, then reject the next one.
    press(qtbot, view, Qt.Key.Key_S)
    first = window.model.selected_id
    press(qtbot, view, Qt.Key.Key_Return)
    second = window.model.selected_id
    press(qtbot, view, Qt.Key.Key_Backspace)
    assert window.model.highlight(first).status == "accepted"
    assert window.model.highlight(second).status == "rejected"

    # Move the caret to "Middle Corridor" with the keyboard and label it LOC (key 4).
    press(qtbot, view, Qt.Key.Key_Escape)
    press(qtbot, view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    target = text.index("Middle Corridor")
    while view.selected_span()[0] < target:
        press(qtbot, view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier, 2)
    press(qtbot, view, Qt.Key.Key_4)
    made = window.model.highlight(window.model.selected_id)
    assert (made.surface(text), made.label, made.origin) == ("Middle Corridor", "LOC", "manual")

    # Save with Ctrl+S (the first save asks where), then reopen in a fresh window.
    path = tmp_path / "seed.alens"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = {h.id: h for h in load_session(path).session.highlights}
    assert saved == {h.id: h for h in window.model.session.highlights}
    assert saved[made.id].label == "LOC" and saved[second].status == "rejected"
