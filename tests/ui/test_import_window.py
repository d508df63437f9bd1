"""Web pages, PDFs and Word documents in the window: every way to open them (File ›
Open, drag and drop, Open Recent, a web address, the clipboard), the header with their
title, date and source, the session keeping it all; bad input leaves the article open
where it was; a download shows its progress and can be cancelled."""

from __future__ import annotations

import dataclasses
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "formats" / "imports"))
from import_samples import ARTICLES, PdfStyle, render_docx, render_page, render_pdf  # noqa: E402
from local_http import Route, serve  # noqa: E402

ANALYSIS_TIMEOUT_MS = 60_000
ARTICLE = ARTICLES[0]
RENDER = {
    "story.html": lambda: render_page(ARTICLE, "news"),
    "story.pdf": lambda: render_pdf([ARTICLE], PdfStyle(columns=2)),
    "story.docx": lambda: render_docx(ARTICLE),
}
FORMATS = {"story.html": "html", "story.pdf": "pdf", "story.docx": "docx"}


def _file(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(RENDER[name]())
    return path


def _opened(qtbot, window, path) -> None:
    assert window.open_path(path)
    qtbot.waitUntil(lambda: not window.model.analysing, timeout=ANALYSIS_TIMEOUT_MS)


def _header(window) -> tuple[str, str, str]:
    header = window.article_header
    return header.title.text(), header.details.full_text(), header.source.full_text()


@pytest.mark.parametrize("name", list(RENDER))
def test_file_open_offers_the_documents_and_shows_their_header(qtbot, window, tmp_path, monkeypatch, name):
    path = _file(tmp_path, name)
    offered = []

    def choose(parent, caption, folder, filters):
        offered.append(filters)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    window.menu_actions.open.trigger()
    qtbot.waitUntil(lambda: window.model.article.source == str(path), timeout=5000)
    assert all(f"*{suffix}" in offered[0].split(";;")[0] for suffix in (".html", ".htm", ".pdf", ".docx", ".txt"))
    article = window.model.article
    assert article.format == FORMATS[name] and article.title == ARTICLE.title
    assert window.article_header.isVisible()
    title, details, source = _header(window)
    assert title == ARTICLE.title
    assert "2024" in details and ARTICLE.author in details
    assert source.startswith({"html": "Web page", "pdf": "PDF", "docx": "Word document"}[FORMATS[name]])
    assert f": {name}" in source
    if FORMATS[name] == "html":  # and the address the page gives for itself
        assert source.endswith("(https://northgate-ledger.example/business/2024/harlow-foods)")
    assert window.article_header.source.toolTip()  # the whole path
    assert "£318m" in window.model.text
    assert window.windowTitle().startswith(name)
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing written beside it


def test_drop_and_open_recent_open_documents(qtbot, window, tmp_path):
    pdf, docx = _file(tmp_path, "story.pdf"), _file(tmp_path, "story.docx")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(pdf))])
    window.dropEvent(QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    assert window.model.article.format == "pdf"
    _opened(qtbot, window, docx)
    assert window.recent.paths()[:2] == [str(docx.resolve()), str(pdf.resolve())]
    window.files.open_recent(str(pdf))
    assert window.model.article.source == str(pdf)


def test_a_plain_text_article_shows_no_header(qtbot, window, seed_path):
    _opened(qtbot, window, seed_path)
    assert not window.article_header.isVisible()


@pytest.mark.parametrize(("name", "data", "message"), [
    ("broken.pdf", lambda: render_pdf([ARTICLE])[:900], "damaged"),
    ("broken.docx", lambda: render_docx(ARTICLE)[:600], "is not a Word document, or it is damaged"),
    ("menu.html", lambda: b"<html><body><nav>Home | World | Sport</nav></body></html>", "has no article text"),
    ("old.doc", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "cannot open yet"),
])
def test_bad_documents_say_why_and_the_article_stays(qtbot, window, dialogs, tmp_path, seed_path, name, data, message):
    _opened(qtbot, window, seed_path)
    text = window.model.text
    path = tmp_path / name
    path.write_bytes(data())
    assert not window.open_path(path)
    assert dialogs.shown[-1][0] == "warning" and message in dialogs.shown[-1][1]
    assert window.model.text == text and window.model.article.source == str(seed_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_the_session_keeps_the_metadata_and_shows_the_header_again(qtbot, make_window, tmp_path):
    window = make_window()
    _opened(qtbot, window, _file(tmp_path, "story.html"))
    saved = window.document.save(tmp_path / "story.alens")
    again = make_window()
    _opened(qtbot, again, saved)
    article = again.model.article
    assert (article.format, article.author, article.date, article.site) == (
        "html", ARTICLE.author, ARTICLE.date, "The Northgate Ledger")
    assert _header(again) == _header(window)


def test_the_pages_date_is_the_year_of_this_year(qtbot, window, tmp_path):
    path = tmp_path / "old.html"
    path.write_bytes(render_page(dataclasses.replace(ARTICLE, date="2019-05-02"), "news"))
    _opened(qtbot, window, path)
    figures = window.model.figures()
    stated = figures[~figures["derived"]].set_index("surface")["period"]
    assert stated["15"] == "2019"  # "expects to open 15 new convenience stores this year"


# -- the clipboard --------------------------------------------------------------------------

def _paste(window, html: str = "", text: str = "") -> None:
    mime = QMimeData()
    if html:
        mime.setHtml(html)
    if text:
        mime.setText(text)
    QApplication.clipboard().setMimeData(mime)
    window.menu_actions.paste_article.trigger()


def test_paste_as_new_article_cleans_a_copied_page(qtbot, window, seed_path):
    _opened(qtbot, window, seed_path)
    assert window.menu_actions.paste_article.shortcut().toString() == "Ctrl+Shift+V"
    _paste(window, render_page(ARTICLE, "ticker").decode(), "page text")
    article = window.model.article
    assert article.format == "html" and article.source == "" and ARTICLE.paragraphs[0] in article.text
    assert "Sterling climbs" not in article.text
    assert window.document.modified and window.isWindowModified()  # not saved anywhere yet
    assert _header(window)[2].startswith("Web page, pasted from the clipboard")


def test_paste_plain_text_and_nothing(qtbot, window, dialogs, seed_path):
    _opened(qtbot, window, seed_path)
    _paste(window, text="Sales at Corvane rose 7% to $1.2bn.\r\nMargins held.")
    assert window.model.text == "Sales at Corvane rose 7% to $1.2bn.\nMargins held."
    assert not window.article_header.isVisible()
    window.model.undo_stack.setClean()
    _paste(window, text="   ")
    assert dialogs.shown[-1] == ("warning", "The clipboard holds no text to open as an article.")
    assert window.model.text.startswith("Sales at Corvane")


# -- web addresses --------------------------------------------------------------------------

def test_open_url_reads_a_page_with_progress(qtbot, window, seed_path, monkeypatch):
    _opened(qtbot, window, seed_path)
    with serve({"/business/harlow": Route(render_page(ARTICLE, "news"), delay=0.3)}) as server:
        address = server.url("/business/harlow")
        asked = []

        def get_text(parent, title, label, mode, text):
            asked.append(text)
            return address, True

        monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
        QApplication.clipboard().setText("not an address")
        window.menu_actions.open_url.trigger()
        status = window.files.web.status
        assert status.isVisible() and status.cancel_button.isVisible()
        qtbot.waitUntil(lambda: window.model.article.source == address, timeout=10_000)
    assert asked == [""]
    assert not status.isVisible()
    assert window.model.article.format == "html"
    assert _header(window)[2].startswith(f"Web page: {address}")
    assert window.windowTitle().startswith(ARTICLE.title)
    assert "Opened http://127.0.0.1" in window.statusBar().currentMessage()


def test_cancel_stops_a_download_and_the_window_stays_responsive(qtbot, window, seed_path):
    _opened(qtbot, window, seed_path)
    with serve({"/slow": Route(render_page(ARTICLE, "news"), delay=2.0)}) as server:
        assert window.open_path(server.url("/slow"))
        status = window.files.web.status
        assert status.isVisible()
        ticks = []
        timer = QTimer(window, interval=20)
        timer.timeout.connect(lambda: ticks.append(time.monotonic()))
        timer.start()
        qtbot.wait(400)
        assert len(ticks) >= 10  # the event loop kept running
        qtbot.mouseClick(status.cancel_button, Qt.MouseButton.LeftButton)
        assert not status.isVisible()
        assert "Stopped downloading" in window.statusBar().currentMessage()
        qtbot.wait(2500)  # the server answers after all: the answer is dropped
        timer.stop()
    assert window.model.article.source == str(seed_path)


@pytest.mark.parametrize(("route", "message"), [
    (None, "the server answered 404 Not Found"),
    (Route(b"<html><body><nav>Home</nav></body></html>"), "has no article text"),
    (Route(bytes(range(256)) * 40), "looks like a binary file"),
])
def test_an_address_that_fails_says_why_and_the_article_stays(qtbot, window, dialogs, seed_path, route, message):
    _opened(qtbot, window, seed_path)
    with serve({"/a": route} if route else {}) as server:
        assert window.open_path(server.url("/a"))
        qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=10_000)
    assert dialogs.shown[-1][0] == "warning" and message in dialogs.shown[-1][1]
    assert window.model.article.source == str(seed_path)
    assert not window.files.web.status.isVisible()


def test_other_schemes_are_refused_at_once(qtbot, window, dialogs, seed_path):
    _opened(qtbot, window, seed_path)
    assert not window.open_path("file:///etc/passwd")
    assert "only http:// and https://" in dialogs.shown[-1][1]
    assert window.model.article.source == str(seed_path)


def test_a_dropped_link_is_read(qtbot, window):
    with serve({"/story": Route(render_page(ARTICLE, "magazine"))}) as server:
        mime = QMimeData()
        mime.setUrls([QUrl(server.url("/story"))])
        window.dropEvent(QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                                    Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
        qtbot.waitUntil(lambda: window.model.article.source == server.url("/story"), timeout=10_000)


def test_a_window_with_nothing_open_is_told_when_an_address_fails(qtbot, window, dialogs):
    """``article-lens URL`` at start: the app opens the seed when this signal comes."""
    assert window.model.text == ""
    with serve({}) as server, qtbot.waitSignal(window.files.sigNothingOpen, timeout=10_000):
        window.open_path(server.url("/missing"))
