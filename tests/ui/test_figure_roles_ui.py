"""Correcting a figure's role, subject and period in the figures table, from the keyboard."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLineEdit

from desktop.core.figure import FIGURE_ROLES
from desktop.formats.session_file import load_session
from desktop.model.figure_cells import COLUMNS, ROLE_CHOICES


def column(field: str) -> int:
    return [c.field for c in COLUMNS].index(field)


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, key, modifier)


@pytest.fixture
def seeded(window, seed_path, wait_for_analysis):
    assert window.open_path(seed_path)
    wait_for_analysis(window)
    return window


def money_row(window) -> int:
    model = window.figures_view.table_model
    return next(r for r in range(model.rowCount())
                if "$460 million" in model.data(model.index(r, 0))
                and model.flags(model.index(r, column("role"))) & Qt.ItemFlag.ItemIsEditable)


def go_to_cell(qtbot, window, row: int, field: str):
    """Focus the figures table (Ctrl+2) and make (row, field) its current cell."""
    press(qtbot, window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    table = window.figures_view.table
    assert table.hasFocus()
    table.setCurrentIndex(table.model().index(row, 0))
    for _ in range(column(field)):
        press(qtbot, table, Qt.Key.Key_Right)
    index = table.currentIndex()
    assert (index.row(), index.column()) == (row, column(field))
    return table, index


def role_editor() -> QComboBox:
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox) and editor.objectName() == "roleEditor", editor
    return editor


def test_a_role_picked_with_the_keyboard_is_stored_marked_undone_redone_and_saved(
        qtbot, seeded, make_window, wait_for_analysis, monkeypatch, tmp_path):
    window = seeded
    overrides = window.model.session.figure_overrides
    row = money_row(window)
    highlight_id = window.figures_view.table_model.highlight_id(row)
    table, index = go_to_cell(qtbot, window, row, "role")
    engine_role = index.data()
    target = "share" if engine_role == "forecast" else "forecast"

    press(qtbot, table, Qt.Key.Key_F2)
    editor = role_editor()
    assert [editor.itemText(i) for i in range(editor.count())] == list(ROLE_CHOICES)
    assert not editor.isEditable()  # no typing a role of one's own
    assert editor.currentText() == engine_role or (engine_role == "" and editor.currentIndex() == -1)
    for _ in range(len(ROLE_CHOICES)):
        if editor.currentText() == target:
            break
        press(qtbot, editor, Qt.Key.Key_Down)
    assert editor.currentText() == target
    press(qtbot, editor, Qt.Key.Key_Return)  # the delegate commits in the next turn
    qtbot.waitUntil(lambda: highlight_id in overrides)

    assert overrides[highlight_id] == {"role": target}
    table_model = window.figures_view.table_model
    index = table_model.index(table_model.row_of(highlight_id), column("role"))
    assert index.data() == target
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "Corrected by hand" in index.data(Qt.ItemDataRole.ToolTipRole)
    figures = window.model.figures()
    stated = figures[(figures["highlight_id"] == highlight_id) & ~figures["derived"]]
    assert list(stated["edited"]) == ["role"]
    assert window.isWindowModified()

    table.setFocus()
    press(qtbot, table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert highlight_id not in overrides
    index = table_model.index(table_model.row_of(highlight_id), column("role"))
    assert index.data() == engine_role and index.data(Qt.ItemDataRole.BackgroundRole) is None
    press(qtbot, table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert overrides[highlight_id] == {"role": target}

    path = tmp_path / "roles.alens"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    press(qtbot, window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load_session(path).session.figure_overrides == {highlight_id: {"role": target}}

    reopened = make_window()
    assert reopened.open_path(path)
    wait_for_analysis(reopened)
    assert reopened.model.session.figure_overrides == {highlight_id: {"role": target}}
    again = reopened.figures_view.table_model
    index = again.index(again.row_of(highlight_id), column("role"))
    assert index.data() == target
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert not reopened.isWindowModified()


def test_enter_opens_the_role_list_and_escape_leaves_the_role_as_it_was(qtbot, seeded):
    window = seeded
    row = money_row(window)
    table, index = go_to_cell(qtbot, window, row, "role")
    before = index.data()
    press(qtbot, table, Qt.Key.Key_Return)
    editor = role_editor()
    press(qtbot, editor, Qt.Key.Key_Up)
    press(qtbot, editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not isinstance(QApplication.focusWidget(), QComboBox))
    qtbot.wait(20)
    assert window.model.session.figure_overrides == {}
    assert window.model.undo_stack.count() == 0
    assert table.model().index(row, column("role")).data() == before


def test_an_unknown_role_is_refused_with_no_change(qtbot, seeded):
    window = seeded
    table_model = window.figures_view.table_model
    row = money_row(window)
    index = table_model.index(row, column("role"))
    before = index.data()
    for typed in ("bogus", "", "levels", "up"):
        assert not table_model.setData(index, typed)
    with pytest.raises(ValueError):
        window.model.set_figure_override(table_model.highlight_id(row), "role", "bogus")
    assert window.model.session.figure_overrides == {}
    assert window.model.undo_stack.count() == 0
    assert table_model.index(row, column("role")).data() == before
    assert set(ROLE_CHOICES) == set(FIGURE_ROLES)


def test_delete_restores_a_corrected_role(qtbot, seeded):
    window = seeded
    row = money_row(window)
    highlight_id = window.figures_view.table_model.highlight_id(row)
    window.model.set_figure_override(highlight_id, "role", "forecast")
    table_model = window.figures_view.table_model
    table, _ = go_to_cell(qtbot, window, table_model.row_of(highlight_id), "role")
    press(qtbot, table, Qt.Key.Key_Delete)
    assert highlight_id not in window.model.session.figure_overrides


def test_subject_and_period_are_corrected_in_place_and_undone(qtbot, seeded):
    window = seeded
    row = money_row(window)
    table_model = window.figures_view.table_model
    highlight_id = table_model.highlight_id(row)
    for field, typed in (("subject", "bilateral trade"), ("period", "calendar 2022")):
        table, _ = go_to_cell(qtbot, window, table_model.row_of(highlight_id), field)
        press(qtbot, table, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit)
        editor.selectAll()
        qtbot.keyClicks(editor, typed)
        press(qtbot, editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda field=field: field in window.model.session.figure_overrides.get(highlight_id, {}))
        index = table_model.index(table_model.row_of(highlight_id), column(field))
        assert index.data() == typed
        assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert window.model.session.figure_overrides[highlight_id] == {"subject": "bilateral trade",
                                                                         "period": "calendar 2022"}
    press(qtbot, window.figures_view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.model.session.figure_overrides[highlight_id] == {"subject": "bilateral trade"}


def test_the_filter_box_finds_figures_by_role(qtbot, seeded):
    window = seeded
    table_model = window.figures_view.table_model
    highlight_id = table_model.highlight_id(money_row(window))
    window.model.set_figure_override(highlight_id, "role", "forecast")
    shown_before = table_model.rowCount()
    qtbot.keyClicks(window.figures_view.filter_box, "forecast")
    qtbot.waitUntil(lambda: table_model.rowCount() < shown_before)
    shown = [table_model.highlight_id(r) for r in range(table_model.rowCount())]
    assert highlight_id in shown
    assert all(table_model.index(r, column("role")).data() == "forecast"
               or "forecast" in table_model.index(r, column("sentence")).data().casefold()
               for r in range(table_model.rowCount()))


def test_the_change_column_shows_arrows_in_the_window(qtbot, seeded):
    window = seeded
    frame = window.model.figures().copy()
    frame.loc[0, ["change", "direction", "moved"]] = ["+32,000", "up", "amount"]
    frame.loc[1, ["change", "direction", "moved"]] = ["-3%", "down", "rate"]
    frame.loc[0, "link"] = int(frame.loc[1, "start"])
    view_model = window.figures_view.table_model
    view_model.set_frame(frame)
    index = view_model.index(view_model.row_of(frame.loc[0, "highlight_id"]), column("change"))
    assert index.data() == "▲ +32,000"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "Up +32,000: an amount moved"
    index = view_model.index(view_model.row_of(frame.loc[1, "highlight_id"]), column("change"))
    assert index.data() == "▼ −3%"
    assert index.data(Qt.ItemDataRole.ToolTipRole).endswith("a rate moved")
    linked = view_model.index(view_model.row_of(frame.loc[0, "highlight_id"]), column("link"))
    assert linked.data() == f"→ {frame.loc[1, 'surface']}"


def test_down_keeps_the_current_column_to_correct_one_role_after_another(qtbot, seeded):
    window = seeded
    table, index = go_to_cell(qtbot, window, 0, "role")
    press(qtbot, table, Qt.Key.Key_Down)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, column("role"))
    assert window.model.selected_id == table.model().highlight_id(1)
