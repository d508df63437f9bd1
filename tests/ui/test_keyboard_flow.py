"""Without the mouse (issue 23): open an article from File > Open, walk its highlights,
relabel one, write a note and save, every step a key press in the real window and its
real dialogs; what a screen reader hears of the panes; icons sharp at 200%."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QUndoView

from desktop.formats.session_file import load_session


def key(qtbot, keys: int | Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the keyboard focus is, as a person's would be (the active
    window when a closed dialog left no widget with the focus)."""
    qtbot.keyClick(QApplication.focusWidget() or QApplication.activeWindow() or _window[0], keys, modifier)


_window: list = []


def file_dialog_typed(path: Path, save: bool):
    """Stands in for QFileDialog's static functions with a real (Qt-drawn) dialog whose
    file name is typed, then Enter."""
    def run(parent, caption, folder, filters, *args, **kwargs):
        dialog = QFileDialog(parent, caption, str(path.parent), filters)
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave if save else QFileDialog.AcceptMode.AcceptOpen)
        if not save:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)

        def type_name() -> None:
            from PySide6.QtTest import QTest

            field = QApplication.focusWidget()
            field.selectAll()

            QTest.keyClicks(field, str(path))
            QTest.keyClick(field, Qt.Key.Key_Return)

        QTimer.singleShot(200, type_name)
        accepted = dialog.exec()
        return (dialog.selectedFiles()[0], "") if accepted else ("", "")
    return staticmethod(run)


def note_dialog_typed(text: str):
    """Stands in for QInputDialog.getMultiLineText with the real dialog: the note is typed,
    then Tab (out of the text box) and Enter on OK."""
    def run(parent, title, label, current="", *args, **kwargs):
        dialog = QInputDialog(parent)
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(current)
        steps = []

        def type_note() -> None:
            from PySide6.QtTest import QTest

            box = QApplication.focusWidget()
            QTest.keyClicks(box, text)
            QTest.keyClick(box, Qt.Key.Key_Tab)  # to OK
            steps.append(type(QApplication.focusWidget()).__name__)
            QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

        QTimer.singleShot(200, type_note)
        accepted = dialog.exec()
        assert steps == ["QPushButton"], f"Tab stayed in the note's box: {steps}"
        return dialog.textValue(), bool(accepted)
    return staticmethod(run)


def test_open_walk_label_note_and_save_without_the_mouse(window, seed_path, tmp_path, wait_for_analysis,
                                                         monkeypatch, qtbot):
    article = tmp_path / "caspian.txt"
    article.write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    session = tmp_path / "caspian notes.alens"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", file_dialog_typed(article, save=False))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", file_dialog_typed(session, save=True))
    monkeypatch.setattr(QInputDialog, "getMultiLineText", note_dialog_typed("Check the 2022 total"))
    _window[:] = [window]
    window.activateWindow()
    window.article_view.setFocus()

    key(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # File > Open
    qtbot.waitUntil(lambda: window.model.article.source == str(article), timeout=10_000)
    wait_for_analysis(window)
    # (a window manager gives the window back its focus when a dialog closes; the
    # offscreen platform does not)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    key(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # to the article
    assert window.article_view.hasFocus()

    # N walks the highlights in text order, P walks back
    seen = []
    for _ in range(3):
        key(qtbot, Qt.Key.Key_N)
        seen.append(window.model.selected_id)
    starts = [window.model.highlight(h).start for h in seen]
    assert all(seen) and starts == sorted(starts) and len(set(seen)) == 3
    key(qtbot, Qt.Key.Key_P)
    assert window.model.selected_id == seen[1]
    chosen = window.model.highlight(seen[1])
    assert chosen.label != "LOC"

    key(qtbot, Qt.Key.Key_4)  # relabel it: 4 is LOC
    assert window.model.highlight(chosen.id).label == "LOC"
    key(qtbot, Qt.Key.Key_F2)  # its note
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    assert window.model.highlight(chosen.id).note == "Check the 2022 total"

    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Save: asks where, the first time
    qtbot.waitUntil(lambda: session.exists(), timeout=10_000)
    saved = {h.id: h for h in load_session(session).session.highlights}
    assert saved[chosen.id].label == "LOC" and saved[chosen.id].note == "Check the 2022 total"
    assert not window.isWindowModified()


def accessible_name(widget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def test_panes_table_and_charts_have_names_a_screen_reader_says(window, seed_path, wait_for_analysis):
    assert window.open_path(seed_path)
    wait_for_analysis(window)
    charts = window.charts_view
    named = {
        window.article_view: "Article", window.legend: "Labels shown",
        window.figures_view.table: "Figures table", window.figures_view.filter_box: "Filter figures",
        window.figures_view.detail: "Figure details", charts: "Charts",
        charts.figure_bars.chart: "Figures chart", charts.periods.plot: "Figures over time",
        charts.entity_counts.chart: "Highlights per label", charts.top_entities.chart: "Most mentioned entities",
        window.notes_view: "Notes", window.findChild(QUndoView): "History of edits",
    }
    for widget, name in named.items():
        assert accessible_name(widget) == name, (widget.objectName(), accessible_name(widget))
    # a chart says what it shows, bar by bar
    charts.setCurrentWidget(charts.entity_counts)
    description = charts.entity_counts.chart.accessibleDescription()
    counts = window.model.label_counts()
    assert description.startswith(f"{len(counts)} bars (mentions)")
    assert all(f"{label}: {count}" in description for label, count in counts.items())


def test_icons_are_sharp_at_200_percent(window):
    from desktop.ui.app_icon import app_icon

    icon = app_icon("article-lens")
    assert QSize(512, 512) in icon.availableSizes()  # drawn from the SVG at every size up to 512
    sharp = icon.pixmap(QSize(32, 32), 2.0)
    assert sharp.width() == 64 and sharp.devicePixelRatio() == 2.0
    # the label swatches (toolbar, legend, menus) are drawn at 1×, 2× and 3×
    toolbar_icon = window.annotation.label_actions[0].icon()
    assert {QSize(14, 14), QSize(28, 28), QSize(42, 42)} <= set(toolbar_icon.availableSizes())
    swatch = toolbar_icon.pixmap(QSize(14, 14), 2.0)
    assert swatch.width() == 28 and swatch.devicePixelRatio() == 2.0
    from desktop.ui.legend import colour_icon  # the legend's and the menus' swatches too

    assert QSize(28, 28) in colour_icon("#a8cd73").availableSizes()
