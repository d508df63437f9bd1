"""Annotating from the keyboard and the mouse, with undo after every edit."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop.core.article import Article
from desktop.core.session import Session

TEXT = ("Kazakh companies met Aliya Mussabekova in Baku. Trade grew by 40 percent to $460 million.\n"
        "Kazakhstan and Azerbaijan signed over 120 agreements. Kazakhstan leads the Caspian trade.")


@pytest.fixture
def window(make_window, wait_for_analysis):
    win = make_window()
    win.document.new_from(Session(Article(TEXT, title="test")))
    wait_for_analysis(win)
    win.article_view.setFocus()
    return win


def at(part, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(part, start + 1)
    return start, start + len(part)


def only(win, start, end):
    found = [h for h in win.model.session.highlights if (h.start, h.end) == (start, end)]
    assert len(found) == 1, found
    return found[0]


def key(qtbot, win, k, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(win.article_view, k, modifier)


def select_with_keyboard(qtbot, win, start, length):
    view = win.article_view
    view.select_text(start, start)
    for _ in range(length):
        key(qtbot, win, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)


def click(qtbot, win, start, end):
    view = win.article_view
    rect = view._span_rects(start, end)[0]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())


def test_shift_arrows_and_a_number_key_label_a_span_snapped_to_words(qtbot, window):
    start, end = at("Caspian trade")
    select_with_keyboard(qtbot, window, start + 2, len("Caspian tra") - 2)  # "spian tra"
    key(qtbot, window, Qt.Key.Key_4)  # 4 = LOC in the label bar
    made = only(window, start, end)
    assert (made.label, made.origin, made.status) == ("LOC", "manual", "accepted")
    assert window.model.selected_id == made.id
    assert window.isWindowModified()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert made.id not in window.model.session.highlights
    assert not window.isWindowModified()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert made.id in window.model.session.highlights


def test_labelling_a_suggested_span_supersedes_the_suggestion_in_one_step(qtbot, window):
    start, end = at("Baku")
    suggestion = next(h for h in window.model.session.highlights if (h.start, h.end) == (start, end))
    select_with_keyboard(qtbot, window, start, end - start)
    key(qtbot, window, Qt.Key.Key_2)  # ORG
    assert window.model.highlight(suggestion.id).status == "rejected"
    assert [h.label for h in window.model.highlights_at(start)] == ["ORG"]
    window.model.undo_stack.undo()
    assert window.model.highlights_at(start) == [suggestion]


def test_with_snapping_off_the_exact_selection_is_labelled(qtbot, window):
    window.annotation.snap_action.setChecked(False)
    start, _ = at("Caspian")
    select_with_keyboard(qtbot, window, start, 4)
    key(qtbot, window, Qt.Key.Key_5)
    assert only(window, start, start + 4).label == "NORP"


def test_a_clicked_highlight_is_relabelled_with_a_number_key(qtbot, window):
    start, end = at("Baku")
    click(qtbot, window, start, end)
    baku = window.model.highlight(window.model.selected_id)
    assert (baku.start, baku.end) == (start, end)
    key(qtbot, window, Qt.Key.Key_2)  # ORG
    assert window.model.highlight(baku.id).label == "ORG"
    window.model.undo_stack.undo()
    assert window.model.highlight(baku.id).label == baku.label


def test_delete_removes_the_selected_highlight_and_undo_restores_it(qtbot, window):
    click(qtbot, window, *at("Aliya Mussabekova"))
    person = window.model.highlight(window.model.selected_id)
    key(qtbot, window, Qt.Key.Key_Delete)
    assert window.model.highlight(person.id).status == "rejected"  # kept, so F5 won't revive it
    assert window.model.highlights_at(person.start) == []
    window.model.undo_stack.undo()
    assert window.model.highlight(person.id) == person
    start, end = at("Caspian")
    select_with_keyboard(qtbot, window, start, end - start)
    key(qtbot, window, Qt.Key.Key_4)
    made = window.model.selected_id
    key(qtbot, window, Qt.Key.Key_Delete)
    assert made not in window.model.session.highlights  # a hand-made one is really removed


def test_enter_accepts_a_suggestion_and_moves_to_the_next(qtbot, window):
    click(qtbot, window, *at("Aliya Mussabekova"))
    first = window.model.selected_id
    assert window.model.highlight(first).status == "suggested"
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.model.highlight(first).status == "accepted"
    following = window.model.highlight(window.model.selected_id)
    assert following.status == "suggested" and following.start > at("Aliya")[0]
    window.model.undo_stack.undo()
    assert window.model.highlight(first).status == "suggested"


def test_backspace_rejects_and_a_new_analysis_does_not_bring_it_back(qtbot, window, wait_for_analysis):
    click(qtbot, window, *at("Baku"))
    baku = window.model.selected_id
    key(qtbot, window, Qt.Key.Key_Backspace)
    assert window.model.highlight(baku).status == "rejected"
    assert window.model.highlights_at(at("Baku")[0]) == []
    window.model.start_analysis()
    wait_for_analysis(window)
    assert window.model.highlights_at(at("Baku")[0]) == []
    window.model.undo_stack.undo()
    assert window.model.highlight(baku).status == "suggested"


def test_hand_made_highlights_survive_a_new_analysis(qtbot, window, wait_for_analysis):
    start, end = at("Caspian")
    select_with_keyboard(qtbot, window, start, end - start)
    key(qtbot, window, Qt.Key.Key_4)
    window.model.start_analysis()
    wait_for_analysis(window)
    labels = [h.label for h in window.model.session.highlights.visible() if (h.start, h.end) == (start, end)]
    assert labels == ["LOC"]


def test_alt_arrows_grow_and_shrink_the_selected_highlight(qtbot, window):
    start, end = at("Kazakh")
    click(qtbot, window, start, end)
    chosen = window.model.selected_id
    key(qtbot, window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    grown = window.model.highlight(chosen)
    assert TEXT[grown.start : grown.end] == "Kazakh companies"
    key(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert TEXT[window.model.highlight(chosen).start : window.model.highlight(chosen).end] == "Kazakh"
    window.model.undo_stack.undo()
    assert window.model.highlight(chosen) == grown


def test_notes_are_added_with_f2_and_listed(qtbot, window, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("Check the spelling 🙂", True))
    click(qtbot, window, *at("Baku"))
    key(qtbot, window, Qt.Key.Key_F2)
    assert window.model.highlight(window.model.selected_id).note == "Check the spelling 🙂"
    notes = window.notes_view
    window.charts_view.setCurrentWidget(notes)
    qtbot.waitUntil(lambda: notes.count() == 1 and "Check the spelling" in notes.item(0).text())
    assert "Check the spelling" in window.article_view._tooltip(
        window.model.highlights_at(at("Baku")[0]))


def test_label_all_occurrences_is_one_undo_step(qtbot, window, monkeypatch, dialogs):
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("ORG", True))
    dialogs.answer(QMessageBox.StandardButton.Yes)
    start, end = at("Kazakhstan")
    select_with_keyboard(qtbot, window, start, end - start)
    key(qtbot, window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert "occurs 2 times" in dialogs.shown[0][1]
    spans = [at("Kazakhstan"), at("Kazakhstan", 1)]
    assert all(any(h.label == "ORG" and (h.start, h.end) == s for h in window.model.session.highlights)
               for s in spans)
    window.model.undo_stack.undo()
    assert not any(h.label == "ORG" and (h.start, h.end) in spans for h in window.model.session.highlights)


def test_accept_all_of_a_label(qtbot, window):
    window.annotation.accept_all("GPE")
    gpe = [h for h in window.model.session.highlights if h.label == "GPE"]
    assert gpe and all(h.status == "accepted" for h in gpe)
    assert window.model.undo_stack.count() == 1


def test_next_and_previous_walk_the_highlights_in_text_order(qtbot, window):
    key(qtbot, window, Qt.Key.Key_N)
    first = window.model.highlight(window.model.selected_id)
    key(qtbot, window, Qt.Key.Key_N)
    second = window.model.highlight(window.model.selected_id)
    assert (first.start, first.end) < (second.start, second.end)
    key(qtbot, window, Qt.Key.Key_P)
    assert window.model.selected_id == first.id


def test_a_corrected_figure_cell_is_stored_and_shown_as_edited(qtbot, window):
    table = window.figures_view.table
    model = table.model()
    row = next(r for r in range(model.rowCount()) if "$460 million" in model.data(model.index(r, 0)))
    highlight_id = model.highlight_id(row)
    assert model.setData(model.index(row, 1), "470 million")
    assert window.model.session.figure_overrides[highlight_id] == {"value": 470e6}
    row = model.row_of(highlight_id)
    assert model.data(model.index(row, 1)) == "470,000,000"
    assert model.data(model.index(row, 1), Qt.ItemDataRole.FontRole).italic()
    assert not model.setData(model.index(row, 1), "lots")
    window.model.undo_stack.undo()
    assert highlight_id not in window.model.session.figure_overrides
