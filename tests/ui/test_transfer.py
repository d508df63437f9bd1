"""File › Export… and File › Import… in the real window, and the charts' PNG and SVG
exports: round trips on tricky texts, the previews, the prompts and the messages."""

from __future__ import annotations

import json
import threading
import time
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPlainTextEdit, QProgressDialog
from shiboken6 import isValid
from tricky_sessions import TEXTS, tricky_session, visible_spans

from desktop.formats.session_file import save_session
from desktop.ui.import_action import FILTERS

Button = QMessageBox.StandardButton
ANNOTATION_FORMATS = ("brat", "doccano", "prodigy", "w3c")
TIMEOUT_MS = 30_000


def answer_save(monkeypatch, path):
    calls = []

    def save(parent, caption, start, filters, *args, **kwargs):
        calls.append((caption, start, filters))
        return str(path), filters
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    return calls


def answer_open(monkeypatch, *answers):
    """The next file dialogs choose ``answers`` in turn: (path, filter) each."""
    queue, calls = list(answers), []

    def choose(parent, caption, start, filters, *args, **kwargs):
        calls.append((caption, start, filters))
        assert queue, f"unexpected file dialog: {caption}"
        path, chosen = queue.pop(0)
        return str(path), chosen
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    return calls


def open_session(window, session, path, wait_for_analysis):
    save_session(session, path)
    assert window.open_path(path)
    wait_for_analysis(window)


def export_with_dialog(window, qtbot, monkeypatch, fmt, path):
    """File › Export…, pick ``fmt``, wait for its preview, Export… to ``path``."""
    window.menu_actions.transfers.export_action.trigger()
    dialog = window.menu_actions.transfers.export_dialog
    assert dialog.isVisible() and dialog.isModal()
    dialog.select_format(fmt)
    qtbot.waitUntil(lambda: dialog.preview_ready(fmt), timeout=TIMEOUT_MS)
    calls = answer_save(monkeypatch, path)
    written = []
    dialog.sigExported.connect(written.extend)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(written), timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible())  # closed once written
    return written, calls


def import_with_dialog(window, qtbot, monkeypatch, fmt, path, chosen_filter=None):
    answer_open(monkeypatch, (path, chosen_filter or FILTERS[fmt]))
    before = window.model.session
    window.menu_actions.transfers.import_action.trigger()
    qtbot.waitUntil(lambda: window.model.session is not before, timeout=TIMEOUT_MS)
    assert not window.menu_actions.transfers.importer.busy


@pytest.mark.parametrize("fmt", ANNOTATION_FORMATS)
def test_export_then_import_in_the_window_gives_back_highlights_and_notes(
        window, qtbot, monkeypatch, tmp_path, wait_for_analysis, dialogs, fmt):
    for kind in sorted(TEXTS):
        session = tricky_session(kind)
        open_session(window, session, tmp_path / f"{kind}.alens", wait_for_analysis)
        target = tmp_path / fmt / (f"{kind}.ann" if fmt == "brat" else f"{kind}.out")
        target.parent.mkdir(exist_ok=True)
        written, calls = export_with_dialog(window, qtbot, monkeypatch, fmt, target)
        assert calls[0][1].startswith(str(tmp_path))  # the dialog starts in the session's folder
        assert target in written
        import_with_dialog(window, qtbot, monkeypatch, fmt, target)
        model = window.model
        assert model.text == session.article.text, kind
        assert visible_spans(model.session) == visible_spans(session), kind
        assert window.document.path is None and window.document.modified  # new, not saved
        wait_for_analysis(window)
        window.model.undo_stack.setClean()  # the next kind opens without asking
    assert dialogs.shown == []


def test_the_export_dialog_previews_each_format(window, qtbot, seed_path, wait_for_analysis):
    assert window.open_path(seed_path)
    wait_for_analysis(window)
    window.menu_actions.transfers.export_action.trigger()
    dialog = window.menu_actions.transfers.export_dialog
    seen = {}
    for fmt in ("csv", "xlsx", "html", "brat", "doccano", "prodigy", "w3c"):
        dialog.select_format(fmt)
        qtbot.waitUntil(lambda f=fmt: dialog.preview_ready(f), timeout=TIMEOUT_MS)
        seen[fmt] = (dialog.summary.text(), dialog.preview_text())
    assert seen["csv"][1].startswith("surface,value,shown,low,high,unit")
    figures = len(window.model.figures())
    assert f"sheet “figures”: {figures} rows" in seen["xlsx"][1]
    assert "sheet “entities”" in seen["xlsx"][1] and "sheet “article”" in seen["xlsx"][1]
    assert seen["brat"][0].startswith("4 files:") and "T1\tGPE 0 4\tBAKU" in seen["brat"][1]
    assert "[entities]" in seen["brat"][1]
    assert seen["doccano"][1].startswith('{"text": "BAKU') and "more characters)" in seen["doccano"][1]
    assert '"tokens"' in seen["prodigy"][1] or "more characters" in seen["prodigy"][1]
    assert '"AnnotationCollection"' in seen["w3c"][1]
    assert "Aliya Mussabekova" in seen["html"][1] and "Figures" in seen["html"][1]
    report = dialog.report_preview
    assert report.charts and all(not image.isNull() for image in report.charts)
    assert isinstance(dialog.text_preview, QPlainTextEdit)  # files' text is never rich text
    dialog.reject()


def test_export_refuses_the_open_session_and_asks_before_replacing_brat_files(
        window, qtbot, monkeypatch, tmp_path, wait_for_analysis, dialogs):
    path = tmp_path / "emoji.alens"
    open_session(window, tricky_session("emoji"), path, wait_for_analysis)
    before = path.read_bytes()
    window.menu_actions.transfers.export_action.trigger()
    dialog = window.menu_actions.transfers.export_dialog
    dialog.select_format("csv")
    answer_save(monkeypatch, path)
    dialog.choose_and_export()
    assert dialogs.shown[-1][0] == "warning" and "never replaces" in dialogs.shown[-1][1]
    assert path.read_bytes() == before and dialog.isVisible()

    (tmp_path / "brat").mkdir()  # a brat collection: its other documents' types are kept
    (tmp_path / "brat" / "annotation.conf").write_text("[entities]\nOTHER\n", encoding="utf-8")
    (tmp_path / "brat" / "doc.txt").write_text("another text", encoding="utf-8")
    dialog.select_format("brat")
    dialogs.answer(Button.No)
    assert not dialog.export_to(tmp_path / "brat" / "doc.ann")
    assert "doc.txt already exists" in dialogs.shown[-1][1]
    assert (tmp_path / "brat" / "doc.txt").read_text(encoding="utf-8") == "another text"
    dialogs.answer(Button.Yes)
    written = []
    dialog.sigExported.connect(written.extend)
    assert dialog.export_to(tmp_path / "brat" / "doc.ann")
    qtbot.waitUntil(lambda: bool(written), timeout=TIMEOUT_MS)
    assert sorted(p.name for p in written) == ["annotation.conf", "doc.ann", "doc.txt", "visual.conf"]
    conf = (tmp_path / "brat" / "annotation.conf").read_text(encoding="utf-8").split()
    assert conf[:2] == ["[entities]", "OTHER"] and "ORG" in conf and "MY_LABEL" in conf
    assert (tmp_path / "brat" / "doc.txt").read_bytes().decode("utf-8") == TEXTS["emoji"]


def test_a_slow_export_runs_in_the_background_with_progress(
        window, qtbot, monkeypatch, tmp_path, wait_for_analysis):
    import desktop.model.exports as exports

    open_session(window, tricky_session("cjk"), tmp_path / "cjk.alens", wait_for_analysis)
    real, threads = exports.export_session, []

    def slow(*args, **kwargs):
        threads.append(threading.current_thread())
        time.sleep(1.2)
        return real(*args, **kwargs)
    monkeypatch.setattr(exports, "export_session", slow)
    window.menu_actions.transfers.export_action.trigger()
    dialog = window.menu_actions.transfers.export_dialog
    dialog.select_format("w3c")
    assert dialog.export_to(tmp_path / "cjk.jsonld")
    ticks, written = [], []
    dialog.sigExported.connect(written.extend)
    qtbot.waitUntil(lambda: ticks.append(time.perf_counter()) or bool(written), timeout=TIMEOUT_MS)
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert max(b - a for a, b in zip(ticks, ticks[1:])) < 0.5  # the window kept turning meanwhile
    assert json.loads((tmp_path / "cjk.jsonld").read_text(encoding="utf-8"))["total"] > 10
    shown = [d for d in window.findChildren(QProgressDialog) if d.objectName() == "exportProgress"]
    assert shown == [] or not any(d.isVisible() for d in shown)


def test_import_asks_about_unsaved_edits_first(window, qtbot, monkeypatch, tmp_path, wait_for_analysis,
                                               dialogs):
    from desktop.formats.annotations.doccano import export_doccano

    open_session(window, tricky_session("rtl"), tmp_path / "rtl.alens", wait_for_analysis)
    window.model.add_highlight(0, 4, "ORG")
    (tmp_path / "cjk.jsonl").write_bytes(export_doccano(tricky_session("cjk")))
    calls = answer_open(monkeypatch, (tmp_path / "cjk.jsonl", FILTERS["doccano"]))
    dialogs.answer(Button.Cancel)
    window.menu_actions.transfers.import_action.trigger()
    assert calls == [] and window.model.text == TEXTS["rtl"] and window.document.modified
    assert dialogs.shown[-1][0] == "question" and "not saved" in dialogs.shown[-1][1]

    dialogs.answer(Button.Discard)
    window.menu_actions.transfers.import_action.trigger()
    qtbot.waitUntil(lambda: window.model.text == TEXTS["cjk"], timeout=TIMEOUT_MS)
    assert calls[0][2].split(";;")[0].startswith("All annotation files")
    assert window.windowTitle().startswith("cjk.jsonl")


def test_import_shows_its_warnings_and_refuses_bad_files_plainly(
        window, qtbot, monkeypatch, tmp_path, wait_for_analysis, dialogs):
    from desktop.formats.annotations.doccano import export_doccano

    open_session(window, tricky_session("emoji"), tmp_path / "emoji.alens", wait_for_analysis)
    two = tmp_path / "two.jsonl"
    two.write_bytes(export_doccano(tricky_session("cjk")) + export_doccano(tricky_session("crlf")))
    import_with_dialog(window, qtbot, monkeypatch, "doccano", two, chosen_filter="All annotation files (*.ann "
                       "*.jsonl *.jsonld *.json)")  # the format is told from the file
    assert window.model.text == TEXTS["cjk"] + "\n\n" + TEXTS["crlf"]
    kind, text = dialogs.shown[-1]
    assert kind == "warning" and "2 documents were joined" in text and "two.jsonl" in text
    assert dialogs.formats[-1] == Qt.TextFormat.PlainText

    window.model.undo_stack.setClean()
    session = window.model.session
    bad = tmp_path / "bad <b>x<i>.jsonl"
    bad.write_text('{"text": "Oslo", "label": [[0, 40, "GPE"]]}\n', encoding="utf-8")
    answer_open(monkeypatch, (bad, FILTERS["doccano"]))
    window.menu_actions.transfers.import_action.trigger()
    qtbot.waitUntil(lambda: not window.menu_actions.transfers.importer.busy, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: "past the end" in dialogs.shown[-1][1])
    assert "bad <b>x<i>.jsonl: line 1, label[0].end" in dialogs.shown[-1][1]
    assert dialogs.formats[-1] == Qt.TextFormat.PlainText
    assert window.model.session is session


def test_w3c_without_text_asks_for_the_text_file(window, qtbot, monkeypatch, tmp_path, wait_for_analysis,
                                                 dialogs):
    from desktop.formats.annotations.w3c import export_w3c

    open_session(window, tricky_session("emoji"), tmp_path / "emoji.alens", wait_for_analysis)
    session = tricky_session("combining")
    collection = json.loads(export_w3c(session))
    del collection["article"]
    (tmp_path / "bare.jsonld").write_text(json.dumps(collection), encoding="utf-8")
    (tmp_path / "text.txt").write_bytes(session.article.text.encode("utf-8"))
    answer_open(monkeypatch, (tmp_path / "bare.jsonld", FILTERS["w3c"]), (tmp_path / "text.txt", ""))
    dialogs.answer(Button.Open)
    window.menu_actions.transfers.import_action.trigger()
    qtbot.waitUntil(lambda: window.model.text == session.article.text, timeout=TIMEOUT_MS)
    assert "not the text they are on" in dialogs.shown[0][1]
    assert visible_spans(window.model.session) == visible_spans(session)


def context_menu_texts(qtbot, widget) -> list[str]:
    """Right-click in the middle of ``widget``: the texts of the menu that pops up."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    seen = []

    def look() -> None:
        popup = QApplication.activePopupWidget()
        seen.append([a.text() for a in popup.actions()] if popup else [])
        if popup:
            popup.close()
    QTimer.singleShot(200, look)
    target = widget.viewport() if hasattr(widget, "viewport") else widget
    centre = target.rect().center()
    QApplication.sendEvent(target, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre,
                                                     target.mapToGlobal(centre)))
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    return seen[0]


def test_each_chart_exports_to_png_and_svg(window, qtbot, monkeypatch, tmp_path, seed_path,
                                           wait_for_analysis, dialogs):
    from desktop.ui.chart_export import PNG_SCALE

    assert window.open_path(seed_path)
    wait_for_analysis(window)
    qtbot.waitUntil(lambda: bool(getattr(window, "menu_actions", None)
                                 and window.menu_actions.transfers.chart_exports), timeout=TIMEOUT_MS)
    charts = window.charts_view
    tabs = {"figures": charts.figure_bars, "over-time": charts.periods, "labels": charts.entity_counts,
            "top-entities": charts.top_entities}
    for export in window.menu_actions.transfers.chart_exports:
        charts.setCurrentWidget(tabs[export.source.name])
        qtbot.wait(50)
        plots = export.source.plots()
        for plot in plots:
            assert plot.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
            assert [a.text() for a in plot.actions()][-2:] == ["Export as &PNG…", "Export as &SVG…"]
        if plots[0].isVisible():
            assert context_menu_texts(qtbot, plots[0])[-2:] == ["Export as &PNG…", "Export as &SVG…"]
        if export.source.data() is None:  # nothing drawn (the seed has no series over time)
            continue
        png = tmp_path / f"{export.source.name}.png"
        answer_save(monkeypatch, png)
        export.png_action.trigger()
        image = QImage(str(png))
        assert not image.isNull() and image.width() == max(p.width() for p in plots) * PNG_SCALE
        answer_save(monkeypatch, tmp_path / export.source.name)  # no suffix: .svg is added
        export.svg_action.trigger()
        svg = (tmp_path / f"{export.source.name}.svg").read_text(encoding="utf-8")
        root = ET.fromstring(svg)
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        texts = " ".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
        assert export.source.title() in texts
    assert "Kazakhstan" in (tmp_path / "top-entities.svg").read_text(encoding="utf-8")
    assert "GPE" in (tmp_path / "labels.svg").read_text(encoding="utf-8")
    assert [kind for kind, _ in dialogs.shown] == []
