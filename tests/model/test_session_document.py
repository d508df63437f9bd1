"""SessionDocument, the model layer's side of File › Open and Save: saving reads the
session and never writes into it, the first save's "created" stamp is kept by the
document, and the watch on the file follows every open and save."""

import json
from pathlib import Path

from desktop.core.article import Article
from desktop.core.highlight import Highlight
from desktop.core.highlight_set import HighlightSet
from desktop.core.session import Session
from desktop.formats.session_file import load_session
from desktop.model import document as document_module
from desktop.model.document import SessionDocument, session_path
from desktop.model.export_job import snapshot
from desktop.model.opening import is_session_file, read_article, reads_slowly
from desktop.model.session_model import SessionModel

TEXT = "Norvik Shipping earned $12 million in 2023."


def opened(tmp_path, model=None):
    model = model or SessionModel()
    model.start_analysis = lambda *args, **kwargs: None  # no analysis: only the file matters here
    document = SessionDocument(model, lambda: {"side_tab": 1})
    article = tmp_path / "norvik.txt"
    article.write_text(TEXT, encoding="utf-8")
    document.open_article(read_article(article))
    return model, document, article


def test_saving_never_writes_into_the_session_and_keeps_the_first_created_stamp(qapp, tmp_path, monkeypatch):
    model, document, _ = opened(tmp_path)
    model.add_highlight(0, 15, "ORG")
    monkeypatch.setattr(document_module, "now_iso", lambda: "2024-06-22T09:00:00+00:00")
    saved = document.save(tmp_path / "norvik")
    assert saved == tmp_path / "norvik.alens" and document.path == saved and not document.modified
    assert "created" not in model.session.extra
    assert document.created == "2024-06-22T09:00:00+00:00"
    model.add_highlight(23, 34, "MONEY")
    monkeypatch.setattr(document_module, "now_iso", lambda: "2024-07-01T12:00:00+00:00")
    document.save()
    loaded = load_session(saved)
    assert loaded.created == "2024-06-22T09:00:00+00:00" != loaded.modified
    assert len(loaded.session.highlights) == 2
    # a recovery copy and an export carry it too, though the session does not
    model.add_highlight(35, 39, "DATE")
    assert json.loads(document._recovery_snapshot())["created"] == "2024-06-22T09:00:00+00:00"
    assert snapshot(model.session, document.created).extra["created"] == "2024-06-22T09:00:00+00:00"
    assert "created" not in model.session.extra


def test_a_loaded_sessions_own_created_stamp_wins(qapp, tmp_path):
    model, document, _ = opened(tmp_path)
    path = document.save(tmp_path / "first.alens")
    first = load_session(path).created
    other_model, other, _ = opened(tmp_path)
    other.open(path)
    assert other.created == first == other_model.session.extra["created"]
    other.save(tmp_path / "second.alens")
    assert load_session(tmp_path / "second.alens").created == first


def test_the_watch_follows_opens_and_saves(qapp, tmp_path):
    model, document, article = opened(tmp_path)
    assert document.watch.path is None  # an article is not a session file
    saved = document.save(tmp_path / "norvik.alens")
    assert document.watch.is_tracking(saved) and document.watch.stamp == document.written
    document.new_from(Session(Article("Another text.")))
    assert document.watch.path is None and document.path is None
    document.open(saved)
    assert document.watch.is_tracking(saved) and document.watch.changed() is None
    restored = Session(Article(TEXT), HighlightSet([Highlight(0, 15, "ORG")]))
    document.new_from(restored, saved, modified=True)
    assert document.watch.is_tracking(saved) and document.modified


def test_where_saves_and_exports_go(qapp, tmp_path):
    model, document, article = opened(tmp_path)
    assert document.suggested_path() == article.with_suffix(".alens")
    assert document.folder() == tmp_path and document.stem() == "norvik"
    assert document.own_files() == {"the open session's file": None, "the article's own file": article}
    document.save(tmp_path / "kept.alens")
    assert document.suggested_path() == tmp_path / "kept.alens" and document.stem() == "kept"
    document.new_from(Session(Article("Text.", title='Q3: "results" / outlook')))
    assert document.suggested_path() == Path.home() / "Q3   results    outlook.alens"  # no path separators


def test_what_a_path_holds(tmp_path):
    session = tmp_path / "renamed.json"
    session.write_bytes(b'{\n "format": "article-lens-session",\n "version": 1}')
    text = tmp_path / "notes.txt"
    text.write_text("{ not a session }", encoding="utf-8")
    assert is_session_file(session) and is_session_file(tmp_path / "missing.alens")
    assert not is_session_file(text) and not is_session_file(tmp_path)
    assert reads_slowly("page.HTML") and reads_slowly("paper.pdf") and not reads_slowly("notes.txt")
    assert session_path("a/b") == session_path("a/b.alens") == session_path("a/b.alens").with_suffix(".alens")
