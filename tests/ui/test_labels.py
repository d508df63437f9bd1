"""Custom labels: made in the Labels dialog, used from the keyboard, kept in the session."""

from PySide6.QtCore import Qt

from desktop.core.article import Article
from desktop.core.session import Session
from desktop.formats.session_file import load_session
from desktop.ui.labels_dialog import LabelsDialog

TEXT = "The Middle Corridor links Kazakhstan and Azerbaijan across the Caspian Sea."


def test_a_custom_label_gets_a_key_a_colour_and_is_saved(window, tmp_path, qtbot):
    window.document.new_from(Session(Article(TEXT, title="route")))
    window.model.cancel_analysis()
    dialog = LabelsDialog(window.model.session.labels, set(), parent=window)
    qtbot.addWidget(dialog)
    dialog._add()
    row = dialog.table.rowCount() - 1
    dialog.table.item(row, 0).setText("route")
    dialog.table.item(row, 2).setText("R")
    dialog.set_colour(row, "#123456")
    assert dialog.problems() == []
    window.model.set_labels(dialog.labels())
    assert window.model.session.label("ROUTE").colour == "#123456"

    view = window.article_view
    view.setFocus()
    start = TEXT.index("Middle Corridor")
    view.select_text(start, start + len("Middle Corridor"))
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert [h.label for h in window.model.highlights_at(start)] == ["ROUTE"]
    assert window.legend.box("ROUTE") is not None

    path = tmp_path / "route.alens"
    window.document.save(path)
    loaded = load_session(path).session
    assert loaded.label("ROUTE").key == "R"
    window.model.undo_stack.undo()  # undo the highlight
    window.model.undo_stack.undo()  # undo the new label
    assert "ROUTE" not in [label.name for label in window.model.session.labels]


def test_the_dialog_refuses_duplicates_and_removing_labels_in_use(window, qtbot):
    labels = window.model.session.labels
    dialog = LabelsDialog(labels, {"GPE"}, window.annotation.reserved_keys(), window)
    qtbot.addWidget(dialog)
    dialog.table.item(0, 2).setText("N")  # "next highlight" has N
    assert "Key N is already used by another command." in dialog.problems()
    dialog.table.item(0, 2).setText("1")
    dialog.table.item(1, 0).setText("PERSON")  # ORG renamed to PERSON
    dialog.table.item(1, 2).setText("1")
    problems = dialog.problems()
    assert "PERSON is used twice." in problems and "Key 1 is given to two labels." in problems
    dialog.table.item(1, 0).setText("ORG")
    dialog.table.item(1, 2).setText("2")
    gpe_row = [label.name for label in labels].index("GPE")
    dialog.table.setCurrentCell(gpe_row, 0)
    dialog._remove()
    assert any("GPE" in p for p in dialog.problems())
