"""The real window, driven with qtbot on the offscreen platform."""

from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent

from desktop.model.figure_cells import COLUMNS

DATA = Path(__file__).resolve().parents[1] / "data"
ANALYSIS_TIMEOUT_MS = 60_000


def open_and_wait(qtbot, win, path) -> None:
    assert win.open_path(path)
    qtbot.waitUntil(lambda: not win.model.analysing, timeout=ANALYSIS_TIMEOUT_MS)


def test_opens_the_seed_with_three_filled_panes(qtbot, window, seed_path, seed_text):
    open_and_wait(qtbot, window, seed_path)
    assert seed_path.name in window.windowTitle()
    assert window.article_view.toPlainText() == seed_text
    for label in ("PERSON", "ORG", "GPE", "MONEY", "PERCENT"):
        assert window.legend.box(label) is not None, label
    assert window.figures_view.table_model.rowCount() >= 10
    charts = window.charts_view
    assert charts.figure_bars.chart.bar_count() >= 2
    charts.setCurrentWidget(charts.entity_counts)  # hidden tabs are drawn when shown
    assert charts.entity_counts.chart.bar_count() >= 5
    surfaces = " | ".join(window.model.figures()["surface"])
    assert "$460 million" in surfaces and "3.2 million tons" in surfaces


def test_clicking_a_figure_row_selects_its_span_in_the_text(qtbot, window, seed_path):
    open_and_wait(qtbot, window, seed_path)
    table = window.figures_view.table
    model = window.figures_view.table_model
    row = next(r for r in range(model.rowCount()) if "$185 million" in model.data(model.index(r, 0)))
    rect = table.visualRect(model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selected = window.model.highlight(window.model.selected_id)
    assert selected is not None
    assert "$185 million" in window.model.text[selected.start : selected.end]
    view = window.article_view
    assert view.textCursor().position() == selected.start  # the seed has no astral chars
    visible = QRectF(view.viewport().rect())
    assert all(visible.contains(r) for r in view._span_rects(selected.start, selected.end))


def test_clicking_a_highlighted_figure_in_the_text_selects_its_row(qtbot, window, seed_path):
    open_and_wait(qtbot, window, seed_path)
    view = window.article_view
    start = window.model.text.index("$460 million")
    view.reveal(start, start + 12)
    rects = view._span_rects(start, start + 12)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rects[0].center().toPoint())
    selected = window.model.highlight(window.model.selected_id)
    assert selected.label == "MONEY" and selected.start <= start < start + 12 <= selected.end
    table_model = window.figures_view.table_model
    current = window.figures_view.table.currentIndex()
    assert current.row() == table_model.row_of(selected.id) >= 0
    chart = window.charts_view.figure_bars
    assert chart.chart.marked == chart._ids.index(selected.id)


def test_clicking_a_figure_bar_selects_that_figure(qtbot, window, seed_path):
    open_and_wait(qtbot, window, seed_path)
    window.charts_view.setCurrentIndex(0)
    figure_bars = window.charts_view.figure_bars
    chart = figure_bars.chart
    qtbot.waitExposed(chart)
    view_box = chart.getPlotItem().getViewBox()
    scene_point = view_box.mapViewToScene(QPointF(0, chart._heights[0] / 2))
    widget_point = chart.mapFromScene(scene_point)
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=widget_point)
    assert window.model.selected_id == figure_bars._ids[0]
    assert chart.marked == 0


def pixel_at_top_of(view, start, end) -> QColor:
    """The colour just inside the top-left corner of a span: the highlight's
    fill where one is painted, the page where none is."""
    rect = view._span_rects(start, end)[0]
    image = view.viewport().grab().toImage()
    return QColor(image.pixel(QPoint(int(rect.left()) + 4, int(rect.top()) + 1)))


def test_a_legend_checkbox_hides_and_shows_a_label(qtbot, window, seed_path):
    open_and_wait(qtbot, window, seed_path)
    view = window.article_view
    start = window.model.text.index("Aktau")
    view.reveal(start, start + 5)
    page = view.viewport().palette().base().color()
    shown = pixel_at_top_of(view, start, start + 5)
    assert shown != page and shown.green() > shown.red()  # GPE is painted green
    box = window.legend.box("GPE")
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert "GPE" in window.model.hidden_labels
    assert pixel_at_top_of(view, start, start + 5) == page
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert pixel_at_top_of(view, start, start + 5) == shown


def test_the_filter_box_narrows_the_table(qtbot, window, seed_path):
    open_and_wait(qtbot, window, seed_path)
    model = window.figures_view.table_model
    total = model.rowCount()
    qtbot.keyClicks(window.figures_view.filter_box, "million")
    qtbot.waitUntil(lambda: model.rowCount() < total)
    shown = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    sentence = [c.field for c in COLUMNS].index("sentence")
    assert shown and all("million" in s or "million" in model.data(model.index(r, sentence))
                         for r, s in enumerate(shown))


def test_the_app_survives_bad_files_and_keeps_the_article(qtbot, window, seed_path, tmp_path, dialogs):
    open_and_wait(qtbot, window, seed_path)
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 50)
    assert not window.open_path(binary)
    assert not window.open_path(tmp_path / "missing.txt")
    warnings = [text for kind, text in dialogs.shown if kind == "warning"]
    assert len(warnings) == 2 and "binary" in warnings[0]
    assert window.model.article.source == str(seed_path)
    assert seed_path.name in window.windowTitle()


def test_a_second_article_gets_highlights_figures_and_charts(qtbot, window):
    path = DATA / "rotterdam_port.txt"
    open_and_wait(qtbot, window, path)
    assert "rotterdam_port" in window.windowTitle()
    surfaces = " | ".join(window.model.figures()["surface"])
    for expected in ("438.8 million tonnes", "€1.2 billion", "$300 million", "6.1 percent"):
        assert expected in surfaces
    counts = window.model.label_counts()
    assert counts.get("GPE", 0) >= 3 and counts.get("ORG", 0) >= 1
    assert window.charts_view.figure_bars.group_box.count() >= 3


def test_dropping_a_file_opens_it_and_recent_files_remember_it(qtbot, window, seed_path):
    open_and_wait(qtbot, window, seed_path)
    path = DATA / "rotterdam_port.txt"
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: not window.model.analysing, timeout=ANALYSIS_TIMEOUT_MS)
    assert window.model.article.source == str(path)
    assert window.recent.paths()[:2] == [str(path.resolve()), str(seed_path.resolve())]


def test_hovering_a_highlight_shows_its_label(qtbot, window, seed_path):
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    open_and_wait(qtbot, window, seed_path)
    view = window.article_view
    start = window.model.text.index("Aliya Mussabekova")
    view.reveal(start, start + 17)
    point = view._span_rects(start, start + 17)[0].center().toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert "PERSON" in QToolTip.text() and "suggested by the model" in QToolTip.text()
    QToolTip.hideText()


def test_a_short_article_is_analysed_without_any_worker_process(qtbot, make_window, seed_path):
    """Short articles are analysed in a thread of the window's process: opening one,
    analysing it and letting the window settle starts no worker process."""
    from desktop.nlp import parallel

    parallel.shutdown_pool(wait=True)
    window = make_window()
    open_and_wait(qtbot, window, seed_path)
    assert window.figures_view.table_model.rowCount() >= 10
    qtbot.waitUntil(lambda: window.settled, timeout=5000)
    qtbot.wait(2000)  # windows used to start the workers 1.5 s after settling
    assert parallel.worker_pids() == []
    assert spawned_children() == []


def spawned_children() -> list[int]:
    """Child processes of this one started by multiprocessing's spawn (pool workers)."""
    import os

    children = []
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        children += [int(pid) for pid in (task / "children").read_text().split()]
    found = []
    for pid in children:
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
        except OSError:
            continue
        if b"spawn_main" in command:
            found.append(pid)
    return found


class _PaintSpy(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.paints = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_a_long_article_is_painted_in_the_turn_after_its_open_and_analysed_after_that(
        qtbot, window, tmp_path, monkeypatch):
    from desktop.ui.file_controller import PAINT_FIRST_CHARS

    story = (DATA / "rotterdam_port.txt").read_text(encoding="utf-8")
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join([story] * (PAINT_FIRST_CHARS // len(story) + 1)), encoding="utf-8")
    qtbot.waitExposed(window)
    spy = _PaintSpy(window.article_view.viewport())
    paints_when_released = []
    release = window.model.release_background

    def release_and_count() -> None:
        paints_when_released.append(spy.paints)
        release()

    monkeypatch.setattr(window.model, "release_background", release_and_count)
    stages = []
    window.model.analysis.sigStage.connect(stages.append)
    assert window.open_path(path)
    panes = window.centralWidget()  # (held, not the window: see FileController._paint_in_next_turn)
    assert not panes.updatesEnabled() and window.updatesEnabled()  # the open's turn ends without painting
    qtbot.waitUntil(panes.updatesEnabled, timeout=1000)
    qtbot.waitUntil(lambda: bool(paints_when_released), timeout=10_000)
    assert paints_when_released[0] >= 1 and stages == []  # on screen before its analysis began
    qtbot.waitUntil(lambda: window.model.analysis.running, timeout=1000)
    window.model.cancel_analysis()
    qtbot.waitUntil(lambda: not window.model.analysing, timeout=ANALYSIS_TIMEOUT_MS)
    assert window.article_view.toPlainText().startswith(story[:40])
