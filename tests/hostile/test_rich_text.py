"""Text from a file or an article reaches Qt as plain text, never as rich text.

Qt shows any string that looks like HTML (Qt.mightBeRichText) as rich text, and rich
text loads the images it names: a session whose "format" was ``<img src=/dev/zero>``
made the "Could not open" box read /dev/zero until memory ran out. Every message box
here must be plain text, and every label and tool tip either plain text or escaped.
The images named below are a small file in the test's folder, never a device.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QHelpEvent, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel, QMessageBox, QToolTip

from desktop.core.article import Article
from desktop.core.highlight import Highlight
from desktop.core.labels import Label, default_labels
from desktop.core.session import Session
from desktop.formats.session_file import save_session
from desktop.model.figure_cells import COLUMNS

#: Markup that Qt would read as rich text; {image} is a small file, never a device.
MARKUPS = [
    '<img src="{image}">',
    "<IMG SRC={image} width=9999 height=9999>",
    '<!DOCTYPE html><img src="{image}">',
    "<table><tr><td><img src='{image}'></td></tr></table>",
    '<a href="file://{image}">click</a>',
    "<b>bold</b> <i>and</i> <font color=red>red</font>",
    "<style>*{{background:url({image})}}</style>text",
]


@pytest.fixture
def image(tmp_path):
    picture = tmp_path / "tiny.png"
    picture.write_bytes(b"not really an image")
    return str(picture)


@pytest.fixture
def markup(image) -> str:
    return MARKUPS[0].format(image=image)


def escaped_or_plain(shown: str, markup: str) -> bool:
    """Whether Qt shows ``markup`` inside ``shown`` as the characters it is: ``shown``
    is plain text to Qt, or rich text with the markup escaped."""
    if not Qt.mightBeRichText(shown):
        return True
    return markup not in shown and "<img" not in shown.lower()


def hostile_session(tmp_path, markup: str) -> tuple:
    """A session whose label, description, title, note and text all carry ``markup``
    (a highlight of that label, and a PERSON named by it)."""
    text = f"Talks with {markup} went on. Revenue rose 5% to $12 million in 2023."
    start = text.index(markup)
    label = Label(markup, "#a8d1ff", f"{markup} described", "")
    highlight = Highlight(start, start + len(markup), markup, origin="manual", status="accepted",
                          note=f"<b>{markup}</b>")
    person = Highlight(start, start + len(markup), "PERSON", origin="manual", status="accepted")
    session = Session(Article(text, title=markup), labels=[*default_labels(), label])
    session.highlights.extend([highlight, person])
    path = tmp_path / "hostile.alens"
    save_session(session, path)
    return path, highlight


def last_box_is_plain(dialogs, needle: str) -> bool:
    """The last message box was plain text and quoted the start of ``needle`` as is
    (the rest may be shortened, or its quotes escaped)."""
    kind, text = dialogs.shown[-1]
    return dialogs.formats[-1] == Qt.TextFormat.PlainText and needle[:8] in text


@pytest.mark.parametrize("template", MARKUPS)
def test_a_session_with_a_markup_format_is_refused_in_a_plain_text_box(
        window, tmp_path, dialogs, image, template):
    markup = template.format(image=image)
    path = tmp_path / "format.alens"
    path.write_text(json.dumps({"format": markup, "version": 1}), encoding="utf-8")
    assert not window.open_path(path)
    assert last_box_is_plain(dialogs, markup)


def test_a_file_name_with_markup_is_named_in_a_plain_text_box(window, tmp_path, dialogs, markup):
    path = tmp_path / f"{markup.replace('/', '_')}.alens"
    path.write_text("{not json", encoding="utf-8")
    assert not window.open_path(path)
    assert last_box_is_plain(dialogs, path.name)
    window.files.open_recent(str(tmp_path / f"gone {markup.replace('/', '_')}.alens"))
    assert last_box_is_plain(dialogs, "no longer exists")


def test_hovering_a_highlight_with_a_markup_label_shows_it_escaped(qtbot, window, tmp_path, markup):
    path, highlight = hostile_session(tmp_path, markup)
    assert window.open_path(path)
    view = window.article_view
    qtbot.waitUntil(lambda: window.model.highlight(highlight.id) is not None)
    view.reveal(highlight.start, highlight.end)
    point = view._span_rects(highlight.start, highlight.end)[0].center().toPoint()
    QApplication.sendEvent(view.viewport(),
                           QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point)))
    qtbot.waitUntil(QToolTip.isVisible)
    tip = QToolTip.text()
    QToolTip.hideText()
    assert "&lt;img" in tip and escaped_or_plain(tip, markup)


def test_label_tooltips_in_the_legend_and_toolbar_show_markup_escaped(qtbot, window, tmp_path, markup):
    path, highlight = hostile_session(tmp_path, markup)
    assert window.open_path(path)
    qtbot.waitUntil(lambda: any(markup in a.text() for a in window.annotation.label_actions))
    tips = [a.toolTip() for a in window.annotation.label_actions if markup in a.text()]
    qtbot.waitUntil(lambda: window.legend.isVisible())
    tips += [box.toolTip() for box in window.legend._boxes.values()]
    assert tips and all(escaped_or_plain(tip, markup) for tip in tips)


def test_every_label_in_the_window_shows_file_text_as_plain_text(qtbot, window, tmp_path, markup):
    path, highlight = hostile_session(tmp_path, markup)
    assert window.open_path(path)
    qtbot.waitUntil(lambda: window.fully_built)
    window.charts_view.setCurrentIndex(window.charts_view.indexOf(window._side_panes["entities"]))
    person = next(h for h in window.model.session.highlights if h.label == "PERSON")
    qtbot.wait(100)
    window.model.select(person.id)
    qtbot.wait(100)
    showing = [label for label in window.findChildren(QLabel) if "img" in label.text().lower()]
    assert showing, "no label shows the hostile name (the test would prove nothing)"
    for label in showing:
        assert label.textFormat() == Qt.TextFormat.PlainText or escaped_or_plain(label.text(), markup), \
            label.objectName()


def test_prompts_that_quote_article_text_quote_it_plainly(qtbot, window, tmp_path, dialogs, monkeypatch,
                                                           markup):
    path, highlight = hostile_session(tmp_path, markup)
    assert window.open_path(path)
    window.model.select(highlight.id)
    asked = []

    def note(parent, title, label, *args, **kwargs):
        asked.append(label)
        return "", False

    def item(parent, title, label, items, *args, **kwargs):
        asked.append(label)
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getMultiLineText", note)
    monkeypatch.setattr(QInputDialog, "getItem", item)
    window.annotation.edit_note()
    dialogs.answer(QMessageBox.StandardButton.No)
    window.annotation.label_occurrences()
    assert len(asked) == 2 and all(escaped_or_plain(label, markup) for label in asked)
    assert last_box_is_plain(dialogs, markup)


def test_the_unsaved_changes_question_names_a_markup_title_plainly(window, tmp_path, dialogs, markup):
    path, highlight = hostile_session(tmp_path, markup)
    assert window.open_path(path)
    window.model.set_note(highlight.id, "changed")
    dialogs.answer(QMessageBox.StandardButton.Cancel)
    assert not window.files.maybe_save()
    assert dialogs.formats[-1] == Qt.TextFormat.PlainText


def test_an_analysis_failure_quoting_markup_is_shown_plainly(window, dialogs, markup):
    window.model.analysis.sigFailed.emit(f"ValueError: {markup}")
    assert last_box_is_plain(dialogs, markup)


def test_the_sentence_tooltip_of_a_figure_shows_article_markup_escaped(
        qtbot, window, tmp_path, wait_for_analysis, markup):
    article = tmp_path / "article.txt"
    article.write_text(f"Acme Corp said on Monday that revenue rose 12% to $40 million {markup} "
                       "in 2023.\n\nThe company hired 300 people.\n", encoding="utf-8")
    assert window.open_path(article)
    wait_for_analysis(window)
    table = window.figures_view.table
    model = table.model()
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
    column = [c.field for c in COLUMNS].index("sentence")
    rows = [r for r in range(model.rowCount()) if "<img" in (model.index(r, column).data() or "")]
    assert rows, "no figure's sentence holds the markup (the test would prove nothing)"
    index = model.index(rows[0], column)
    table.scrollTo(index)
    point = table.visualRect(index).center()
    QToolTip.hideText()
    QApplication.sendEvent(table.viewport(),
                           QHelpEvent(QEvent.Type.ToolTip, point, table.viewport().mapToGlobal(point)))
    qtbot.waitUntil(QToolTip.isVisible)
    tip = QToolTip.text()
    QToolTip.hideText()
    assert "&lt;img" in tip and escaped_or_plain(tip, markup)


def test_chart_tips_and_axis_titles_show_markup_escaped(qtbot, markup):
    from desktop.ui.bar_chart import BarChart

    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(400, 300)
    chart.show()
    qtbot.waitExposed(chart)
    chart.set_bars([5.0], [markup], ["#a8d1ff"], y_label=markup, tips=[markup])
    view_box = chart.getPlotItem().getViewBox()
    chart._on_scene_move(view_box.mapViewToScene(QPointF(0, 2.5)))
    assert "&lt;img" in chart.toolTip() and escaped_or_plain(chart.toolTip(), markup)
    title = chart.getAxis("left").label.toHtml()
    assert "&lt;img" in title and "<img" not in title
