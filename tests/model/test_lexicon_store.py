"""LexiconStore: learning from edits, saving at once, sharing between windows."""

import os
from pathlib import Path

import pytest

from desktop.core.change import Change
from desktop.core.highlight import Highlight
from desktop.formats.lexicon import LEXICON_FILE, Lexicon
from desktop.model.lexicon_store import LexiconStore, data_folder

TEXT = "Trend reported that Kazakhstan traded $460 million with Azerbaijan in 2022."


def span(part, label, **kwargs):
    start = TEXT.index(part)
    return Highlight(start, start + len(part), label, **kwargs)


def entries(store):
    return [(e.surface, e.label, e.decision, e.count) for e in store.entries()]


def test_the_lexicon_lives_in_the_users_data_folder(qapp):
    store = LexiconStore()
    assert store.path == data_folder() / LEXICON_FILE
    assert Path(os.environ["XDG_DATA_HOME"]) in data_folder().parents  # isolated by conftest


def test_recorded_names_are_saved_at_once_and_numbers_are_not_learnt(qapp, tmp_path):
    store = LexiconStore(tmp_path)
    count = store.record(TEXT, [span("Trend", "ORG"), span("$460 million", "MONEY"),
                                span("2022", "DATE")], "accepted")
    assert count == 1
    store.record(TEXT, [span("Kazakhstan", "PERSON")], "rejected")
    store.record(TEXT, [span("Trend", "ORG")], "accepted")
    expected = [("Kazakhstan", "PERSON", "rejected", 1), ("Trend", "ORG", "accepted", 2)]
    assert sorted(entries(store)) == sorted(expected)
    assert sorted((e.surface, e.label, e.decision, e.count)
                  for e in Lexicon.load(tmp_path).entries()) == sorted(expected)


def test_a_snapshot_does_not_change_with_later_edits(qapp, tmp_path):
    store = LexiconStore(tmp_path)
    assert store.snapshot() is None
    store.record(TEXT, [span("Trend", "ORG")], "accepted")
    snapshot = store.snapshot()
    store.record(TEXT, [span("Azerbaijan", "GPE")], "accepted")
    assert [e.surface for e in snapshot.entries()] == ["Trend"]


def test_another_windows_changes_are_picked_up(qapp, tmp_path):
    first, second = LexiconStore(tmp_path), LexiconStore(tmp_path)
    first.record(TEXT, [span("Trend", "ORG")], "accepted")
    assert entries(second) == [("Trend", "ORG", "accepted", 1)]
    second.forget(second.entries())
    assert entries(first) == []


def test_forgetting_emits_a_change_and_saves(qapp, qtbot, tmp_path):
    store = LexiconStore(tmp_path)
    store.record(TEXT, [span("Trend", "ORG"), span("Azerbaijan", "GPE")], "accepted")
    with qtbot.waitSignal(store.sigChanged, timeout=1000):
        assert store.forget([e for e in store.entries() if e.surface == "Trend"]) == 1
    assert [e.surface for e in Lexicon.load(tmp_path).entries()] == ["Azerbaijan"]


def test_a_broken_lexicon_file_is_reported_and_never_written_over(qapp, tmp_path):
    (tmp_path / LEXICON_FILE).write_text("{not json", encoding="utf-8")
    store = LexiconStore(tmp_path)
    assert "not a lexicon file" in store.problem
    store.record(TEXT, [span("Trend", "ORG")], "accepted")
    assert (tmp_path / LEXICON_FILE).read_text(encoding="utf-8") == "{not json"
    assert entries(store) == [("Trend", "ORG", "accepted", 1)]  # kept for this run only


@pytest.fixture
def model(qapp):
    from desktop.core.article import Article
    from desktop.model.session_model import SessionModel

    made = SessionModel()
    made.open_article(Article(TEXT), analyse=False)
    yield made
    made.shutdown()


def test_the_session_models_edits_teach_the_lexicon(model):
    trend = model.add_highlight(0, len("Trend"), "ORG")
    assert trend.origin == "manual"
    model.apply(Change(added=(span("Kazakhstan", "PERSON"), span("Azerbaijan", "GPE"))))  # as the analysis would
    kazakhstan = next(h for h in model.session.highlights if h.label == "PERSON")
    azerbaijan = next(h for h in model.session.highlights if h.label == "GPE")
    model.reject([kazakhstan.id])
    model.accept([azerbaijan.id])
    model.relabel(trend.id, "PRODUCT")
    assert sorted(entries(model.lexicon)) == [
        ("Azerbaijan", "GPE", "accepted", 1), ("Kazakhstan", "PERSON", "rejected", 1),
        ("Trend", "ORG", "accepted", 1), ("Trend", "PRODUCT", "accepted", 1)]
    assert model.highlight(trend.id).reason == "relabelled by hand"
