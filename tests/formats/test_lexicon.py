"""The user's lexicon file: remember, forget, save atomically, load strictly."""

from __future__ import annotations

import json

import pytest

from desktop.formats.errors import FileFormatError
from desktop.formats.lexicon import LEXICON_FILE, Lexicon, LexiconEntry, LexiconFileError


def test_a_folder_without_a_lexicon_gives_an_empty_one(tmp_path):
    lexicon = Lexicon.load(tmp_path / "not yet made")
    assert lexicon.entries() == []
    assert lexicon.path == tmp_path / "not yet made" / LEXICON_FILE


def test_remembering_counts_up_and_a_new_decision_starts_over(tmp_path):
    lexicon = Lexicon.load(tmp_path)
    lexicon.remember("Mussabekova", "PERSON", "accepted")
    entry = lexicon.remember(" Mussabekova ", "PERSON", "accepted")
    assert (entry.surface, entry.count, entry.decision) == ("Mussabekova", 2, "accepted")
    entry = lexicon.remember("Mussabekova", "PERSON", "rejected")
    assert (entry.count, entry.decision) == (1, "rejected")
    lexicon.remember("Mussabekova", "ORG", "rejected")
    lexicon.remember("OTS", "ORG", "accepted")
    lexicon.remember("Mussabekova", "PERSON", "rejected")
    assert [(e.surface, e.label, e.count) for e in lexicon.entries()] == [
        ("Mussabekova", "ORG", 1), ("OTS", "ORG", 1), ("Mussabekova", "PERSON", 2)]


def test_forgetting_removes_one_entry(tmp_path):
    lexicon = Lexicon.load(tmp_path)
    lexicon.remember("OTS", "ORG", "accepted")
    assert lexicon.forget("OTS", "ORG") is True
    assert lexicon.forget("OTS", "ORG") is False
    assert lexicon.entries() == []


def test_saved_entries_load_back_exactly(tmp_path):
    lexicon = Lexicon.load(tmp_path / "data")
    lexicon.remember("Aliya Mussabekova", "PERSON", "accepted")
    lexicon.remember("Trend", "PERSON", "rejected")
    lexicon.remember("Алматы", "GPE", "accepted")
    lexicon.save()
    assert Lexicon.load(tmp_path / "data").entries() == lexicon.entries()
    document = json.loads((tmp_path / "data" / LEXICON_FILE).read_text(encoding="utf-8"))
    assert (document["format"], document["version"]) == ("article-lens-lexicon", 1)
    assert set(document["entries"][0]) == {"surface", "label", "decision", "count", "updated"}


def test_saving_is_atomic(tmp_path, monkeypatch):
    lexicon = Lexicon.load(tmp_path)
    lexicon.remember("OTS", "ORG", "accepted")
    lexicon.save()
    before = lexicon.path.read_bytes()
    lexicon.remember("Trend", "ORG", "accepted")
    monkeypatch.setattr("os.replace", lambda *_: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(OSError):
        lexicon.save()
    assert lexicon.path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [LEXICON_FILE]


@pytest.mark.parametrize(
    ("content", "fault"),
    [
        (b"\xff\xfe not utf-8", "not valid UTF-8 JSON"),
        (b"{", "not valid UTF-8 JSON"),
        (b'{"format": "other"}', "not an Article Lens lexicon"),
        (b'{"format": "article-lens-lexicon", "version": 9, "entries": []}', "version 9"),
        (b'{"format": "article-lens-lexicon", "version": 1, "entries": {}}', "must be a list"),
        (b'{"format": "article-lens-lexicon", "version": 1, "entries": [{"surface": "X"}]}', "entry 1"),
    ],
)
def test_a_file_that_cannot_be_read_exactly_is_refused_and_kept(tmp_path, content, fault):
    (tmp_path / LEXICON_FILE).write_bytes(content)
    with pytest.raises(LexiconFileError, match=fault) as raised:
        Lexicon.load(tmp_path)
    assert isinstance(raised.value, FileFormatError)
    assert (tmp_path / LEXICON_FILE).read_bytes() == content


@pytest.mark.parametrize(
    "entry",
    [
        {"surface": "", "label": "ORG", "decision": "accepted", "count": 1, "updated": ""},
        {"surface": "OTS", "label": "ORG", "decision": "maybe", "count": 1, "updated": ""},
        {"surface": "OTS", "label": "ORG", "decision": "accepted", "count": 0, "updated": ""},
        {"surface": "OTS", "label": "ORG", "decision": "accepted", "count": True, "updated": ""},
        {"surface": "OTS", "label": "ORG", "decision": "accepted", "count": 1, "updated": "", "x": 1},
    ],
)
def test_bad_entries_are_refused(tmp_path, entry):
    document = {"format": "article-lens-lexicon", "version": 1, "entries": [entry]}
    (tmp_path / LEXICON_FILE).write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(LexiconFileError, match="entry 1"):
        Lexicon.load(tmp_path)


def test_a_repeated_entry_is_refused(tmp_path):
    entry = {"surface": "OTS", "label": "ORG", "decision": "accepted", "count": 1, "updated": ""}
    document = {"format": "article-lens-lexicon", "version": 1, "entries": [entry, entry]}
    (tmp_path / LEXICON_FILE).write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(LexiconFileError, match="repeats"):
        Lexicon.load(tmp_path)


def test_remembering_nonsense_is_refused(tmp_path):
    lexicon = Lexicon.load(tmp_path)
    nonsense = (("  ", "ORG", "accepted"), ("OTS", "ORG", "perhaps"), ("OTS", "", "accepted"))
    for surface, label, decision in nonsense:
        with pytest.raises(ValueError):
            lexicon.remember(surface, label, decision)
    assert lexicon.entries() == []


def test_entries_are_plain_values():
    entry = LexiconEntry("OTS", "ORG", "accepted", 3, "2024-06-22T10:00:00+00:00")
    assert entry == LexiconEntry("OTS", "ORG", "accepted", 3, "2024-06-22T10:00:00+00:00")
