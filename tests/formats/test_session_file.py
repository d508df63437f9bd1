import json
import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.article import Article, text_sha256
from desktop.core.highlight import ORIGINS, STATUSES, Highlight
from desktop.core.highlight_set import HighlightSet
from desktop.core.labels import Label, default_labels
from desktop.core.session import Session
from desktop.formats import atomic_write as atomic_write_module
from desktop.formats import session_file
from desktop.formats.errors import FileFormatError
from desktop.formats.session_file import (
    SessionFileError,
    load_session,
    save_session,
    session_from_bytes,
    session_to_bytes,
)

TEXT = "Kazakhstan 🇰🇿 traded $460 million with Azerbaijan in 2022 — up 40 percent."


def make_session(text: str = TEXT) -> Session:
    money = Highlight(text.index("$"), text.index(" with"), "MONEY", note="checked ✅")
    return Session(
        Article(text, source="/tmp/article.txt", encoding="utf-8"),
        HighlightSet([
            Highlight(0, 10, "GPE", origin="manual", status="accepted"),
            Highlight(0, 13, "GPE", status="rejected"),
            money,
        ]),
        figure_overrides={money.id: {"value": 460e6, "unit": "USD"}},
        hidden_labels={"ORDINAL"},
    )


def assert_same_session(loaded: Session, original: Session) -> None:
    assert loaded.article == original.article
    assert list(loaded.highlights) == list(original.highlights)
    assert loaded.labels == original.labels
    assert loaded.figure_overrides == original.figure_overrides
    assert loaded.hidden_labels == original.hidden_labels


def document(session: Session | None = None, **view_state) -> dict:
    return json.loads(session_to_bytes(session or make_session(), view_state))


def to_bytes(doc: dict) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def load_error(doc: dict | bytes) -> SessionFileError:
    data = doc if isinstance(doc, bytes) else to_bytes(doc)
    with pytest.raises(SessionFileError) as caught:
        session_from_bytes(data, "bad.alens")
    return caught.value


# -- round trips -------------------------------------------------------------

def test_save_and_load_give_back_the_same_session(tmp_path):
    session = make_session()
    view_state = {"scroll": 0.25, "selected": "", "splitter": [600, 400], "hidden": ["DATE"]}
    path = tmp_path / "trade.alens"
    save_session(session, path, view_state)
    loaded = load_session(path)
    assert_same_session(loaded.session, session)
    assert loaded.view_state == view_state
    assert loaded.format_version == 1
    assert loaded.app_version == session_file.__version__
    assert loaded.created == loaded.modified
    assert "created" not in session.extra  # saving reads the session, never writes into it


def test_saving_leaves_the_session_as_it_was(tmp_path):
    session = make_session()
    before = (list(session.highlights), list(session.labels), dict(session.figure_overrides),
              set(session.hidden_labels), dict(session.extra))
    save_session(session, tmp_path / "trade.alens", {"side_tab": 1})
    session_to_bytes(session, {"side_tab": 1})
    assert (list(session.highlights), list(session.labels), dict(session.figure_overrides),
            set(session.hidden_labels), dict(session.extra)) == before


def test_a_later_save_keeps_the_first_saves_created_stamp(tmp_path, monkeypatch):
    path = tmp_path / "trade.alens"
    monkeypatch.setattr(session_file, "now_iso", lambda: "2024-07-01T12:00:00+00:00")
    save_session(make_session(), path, created="2024-06-22T09:00:00+00:00")
    loaded = load_session(path)
    assert (loaded.created, loaded.modified) == ("2024-06-22T09:00:00+00:00", "2024-07-01T12:00:00+00:00")
    reloaded = load_session(path).session  # a loaded session's own stamp wins
    save_session(reloaded, path, created="2030-01-01T00:00:00+00:00")
    assert load_session(path).created == "2024-06-22T09:00:00+00:00"


def test_created_is_kept_and_modified_is_stamped_on_re_save(tmp_path, monkeypatch):
    path = tmp_path / "trade.alens"
    monkeypatch.setattr(session_file, "now_iso", lambda: "2024-06-22T09:00:00+00:00")
    save_session(make_session(), path)
    reopened = load_session(path).session
    monkeypatch.setattr(session_file, "now_iso", lambda: "2024-07-01T12:00:00+00:00")
    save_session(reopened, path)
    loaded = load_session(path)
    assert (loaded.created, loaded.modified) == ("2024-06-22T09:00:00+00:00", "2024-07-01T12:00:00+00:00")


def test_offsets_are_code_points_and_the_file_is_readable_utf8():
    text = "😀 Café ﷺ 中文"
    session = Session(Article(text), HighlightSet([Highlight(0, 1, "X"), Highlight(2, 6, "ORG")]))
    data = session_to_bytes(session)
    spans = [(h["start"], h["end"]) for h in json.loads(data)["highlights"]]
    assert spans == [(0, 1), (2, 6)]
    assert "😀 Café".encode() in data
    loaded = session_from_bytes(data).session
    assert [h.surface(text) for h in loaded.highlights] == ["😀", "Café"]


#: Emoji (with joiners and flags), CJK, combining marks, right-to-left scripts and controls.
PIECES = st.sampled_from([
    *"ab €\n\t\"\\/", "😀", "👩‍🔬", "🇰🇿", "中文", "e\u0301", "\u0308", "שלום", "مرحبا",
    "\u200f", "\u202e", "\x00",
]) | st.characters(exclude_categories=("Cs",))
TRICKY_TEXT = st.lists(PIECES, min_size=1, max_size=20).map("".join)
JSON_SCALARS = (st.none() | st.booleans() | st.integers(-2**63, 2**63)
                | st.floats(allow_nan=False, allow_infinity=False) | TRICKY_TEXT)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TRICKY_TEXT, inner, max_size=4),
    max_leaves=12,
)


@st.composite
def sessions(draw) -> Session:
    text = draw(st.lists(PIECES, min_size=1, max_size=200).map("".join))
    count = draw(st.integers(0, 12))
    highlights = []
    for _ in range(count):
        start = draw(st.integers(0, len(text) - 1))
        highlights.append(Highlight(
            start, draw(st.integers(start + 1, len(text))), draw(st.sampled_from(["ORG", "DATE", "NEW ✨"])),
            origin=draw(st.sampled_from(ORIGINS)), status=draw(st.sampled_from(STATUSES)),
            note=draw(st.just("") | TRICKY_TEXT), reason=draw(st.just("") | TRICKY_TEXT),
        ))
    overrides = {h.id: draw(st.dictionaries(TRICKY_TEXT, JSON_SCALARS, max_size=3))
                 for h in highlights[: draw(st.integers(0, 2))]}
    labels = [Label("ORG", "#a8d1ff", draw(TRICKY_TEXT), "3"), Label("DATE", "#FFF59D80")]
    return Session(
        Article(text, title=draw(TRICKY_TEXT), source=draw(st.just("") | TRICKY_TEXT)),
        HighlightSet(highlights), labels, overrides,
        hidden_labels=draw(st.sets(st.sampled_from(["ORG", "DATE", "مال"]))),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions(), st.dictionaries(TRICKY_TEXT, JSON_VALUES, max_size=4))
def test_any_session_survives_a_round_trip(session, view_state):
    loaded = session_from_bytes(session_to_bytes(session, view_state))
    assert_same_session(loaded.session, session)
    assert loaded.view_state == view_state
    again = session_from_bytes(session_to_bytes(loaded.session, loaded.view_state))
    assert_same_session(again.session, session)


# -- unknown fields ----------------------------------------------------------

def with_unknown_fields() -> dict:
    doc = document()
    doc["written_by_v2"] = {"tags": ["trade", "🇦🇿"]}
    doc["article"]["language"] = "en"
    doc["labels"][0]["shortcut_hint"] = "P"
    for position, highlight in enumerate(doc["highlights"]):
        highlight["confidence"] = position / 10
    return doc


def test_unknown_fields_are_kept_on_re_save():
    original = with_unknown_fields()
    resaved = json.loads(session_to_bytes(session_from_bytes(to_bytes(original)).session))
    assert resaved["written_by_v2"] == {"tags": ["trade", "🇦🇿"]}
    assert resaved["article"]["language"] == "en"
    assert resaved["labels"][0]["shortcut_hint"] == "P"
    assert [h["confidence"] for h in resaved["highlights"]] == [0.0, 0.1, 0.2]
    assert resaved["created"] == original["created"]


def test_an_edited_highlight_keeps_its_unknown_fields_and_a_deleted_one_drops_them():
    session = session_from_bytes(to_bytes(with_unknown_fields())).session
    first, second, _ = list(session.highlights)
    session.highlights.replace(first.edited(label="ORG", note="edited"))
    session.highlights.remove(second.id)
    resaved = json.loads(session_to_bytes(session))
    assert (resaved["highlights"][0]["id"], resaved["highlights"][0]["confidence"]) == (first.id, 0.0)
    assert second.id not in {h["id"] for h in resaved["highlights"]}


def test_unknown_labels_and_orphan_overrides_are_kept():
    doc = document()
    doc["highlights"][0]["label"] = "SHIP"
    doc["figure_overrides"]["gone"] = {"value": 1}
    session = session_from_bytes(to_bytes(doc)).session
    assert "SHIP" in session.label_names()
    assert session.label("SHIP").colour.startswith("#")
    assert json.loads(session_to_bytes(session))["figure_overrides"]["gone"] == {"value": 1}


def test_a_highlights_reason_is_saved_only_when_it_has_one_and_loads_back():
    session = make_session()
    first, *_ = list(session.highlights)
    session.highlights.replace(replace(first, reason="gazetteer: country"))
    saved = json.loads(session_to_bytes(session))
    assert [h.get("reason") for h in saved["highlights"]] == ["gazetteer: country", None, None]
    loaded = session_from_bytes(session_to_bytes(session)).session
    assert [h.reason for h in loaded.highlights] == ["gazetteer: country", "", ""]


def test_a_file_without_reasons_loads_and_unknown_highlight_fields_stay_beside_a_reason():
    doc = document()
    assert not any("reason" in h for h in doc["highlights"])
    doc["highlights"][0]["reason"] = "model"
    doc["highlights"][1]["confidence"] = 0.5
    session = session_from_bytes(to_bytes(doc)).session
    assert [h.reason for h in session.highlights][:2] == ["model", ""]
    resaved = json.loads(session_to_bytes(session))
    assert resaved["highlights"][0]["reason"] == "model"
    assert "confidence" not in resaved["highlights"][0]
    assert resaved["highlights"][1]["confidence"] == 0.5


def test_a_reason_that_is_not_text_is_named():
    doc = document()
    doc["highlights"][1]["reason"] = 3
    with pytest.raises(SessionFileError) as caught:
        session_from_bytes(to_bytes(doc))
    assert caught.value.field == "highlights[1].reason"


def test_optional_fields_may_be_left_out():
    doc = document()
    for name in ("figure_overrides", "view_state", "hidden_labels"):
        del doc[name]
    loaded = session_from_bytes(to_bytes(doc))
    session = loaded.session
    assert (loaded.view_state, session.figure_overrides, session.hidden_labels) == ({}, {}, set())


# -- validation --------------------------------------------------------------

def set_at(path: str, value):
    """A change to a document: put ``value`` at ``path`` ("highlights.1.end")."""
    *parents, last = [int(part) if part.isdigit() else part for part in path.split(".")]

    def change(doc):
        target = doc
        for part in parents:
            target = target[part]
        target[last] = value
    return change


def delete_at(path: str):
    *parents, last = path.split(".")

    def change(doc):
        target = doc
        for part in parents:
            target = target[int(part) if part.isdigit() else part]
        del target[int(last) if last.isdigit() else last]
    return change


def duplicate_an_id(doc):
    doc["highlights"][0]["id"] = doc["highlights"][1]["id"] = "same-id"


def change_the_text(doc):
    doc["article"]["text"] = doc["article"]["text"].replace("2022", "2023")


def duplicate_first_label(doc):
    doc["labels"].append(dict(doc["labels"][0]))


LAST_LABEL = f"labels[{len(default_labels())}]"
#: (change to a valid document, the field named, the start of the reason given)
INVALID = [
    (set_at("highlights.1.end", 5200), "highlights[1].end",
     f"5200 is past the end of the text ({len(TEXT)} characters)"),
    (set_at("highlights.1.start", -3), "highlights[1].start", "-3 is before the start of the text"),
    (set_at("highlights.1.start", 13), "highlights[1]", "the start (13) should be before the end (13)"),
    (set_at("highlights.2.start", "12"), "highlights[2].start",
     'should be a whole number, not the text "12"'),
    (set_at("highlights.2.start", 12.0), "highlights[2].start",
     "should be a whole number, not the number 12.0"),
    (set_at("highlights.2.end", True), "highlights[2].end", "should be a whole number, not true"),
    (set_at("highlights.0.note", None), "highlights[0].note", "should be text, not null"),
    (set_at("highlights.0.origin", "robot"), "highlights[0].origin", '"robot" is not "model" or "manual"'),
    (set_at("highlights.0.status", "ok"), "highlights[0].status",
     '"ok" is not "suggested", "accepted" or "rejected"'),
    (set_at("highlights.0.id", ""), "highlights[0].id", "should not be empty"),
    (set_at("highlights.0.label", ""), "highlights[0].label", "should not be empty"),
    (set_at("highlights.0.created", "yesterday"), "highlights[0].created",
     '"yesterday" is not a date and time like "2024-06-22T10:30:00+00:00"'),
    (duplicate_an_id, "highlights[1].id", '"same-id" is already used by highlights[0]'),
    (set_at("highlights.1", ["a list"]), "highlights[1]", "should be an object, not a list"),
    (delete_at("highlights.2.note"), "highlights[2]", 'the field "note" is missing'),
    (set_at("highlights", {}), "highlights", "should be a list, not an object"),
    (delete_at("labels.3.colour"), "labels[3]", 'the field "colour" is missing'),
    (set_at("labels.2.colour", "blue"), "labels[2].colour", '"blue" is not a colour like "#a8d1ff"'),
    (duplicate_first_label, f"{LAST_LABEL}.name", '"PERSON" is already used by labels[0]'),
    (set_at("labels.0.key", 1), "labels[0].key", "should be text, not the number 1"),
    (delete_at("article"), "", 'the field "article" is missing'),
    (set_at("article", "text"), "article", 'should be an object, not the text "text"'),
    (delete_at("article.encoding"), "article", 'the field "encoding" is missing'),
    (set_at("article.text", 42), "article.text", "should be text, not the number 42"),
    (change_the_text, "article.sha256", "does not match the text, so the file was changed or damaged"),
    (set_at("article.sha256", "abc"), "article.sha256", '"abc" is not a sha256 digest (64 hex digits)'),
    (set_at("created", "22/06/2024"), "created", '"22/06/2024" is not a date and time'),
    (set_at("modified", 20240622), "modified", "should be text, not the number 20240622"),
    (set_at("app_version", 1.0), "app_version", "should be text, not the number 1.0"),
    (set_at("figure_overrides", []), "figure_overrides", "should be an object, not a list"),
    (set_at("figure_overrides.3f2e", 5), 'figure_overrides["3f2e"]', "should be an object, not the number 5"),
    (set_at("view_state", [1, 2]), "view_state", "should be an object, not a list"),
    (set_at("hidden_labels", ["ORG", 7]), "hidden_labels[1]", "should be text, not the number 7"),
    (delete_at("version"), "", 'the field "version" is missing'),
    (set_at("version", "1"), "version", 'should be a whole number, not the text "1"'),
    (set_at("version", 0), "version", "0 is not a session format version (known: 1)"),
]


@pytest.mark.parametrize(("change", "field", "reason"), INVALID)
def test_every_wrong_field_is_named_in_the_message(change, field, reason):
    doc = document()
    change(doc)
    error = load_error(doc)
    assert (error.field, error.reason[: len(reason)]) == (field, reason)
    assert str(error) == (f"{field}: {error.reason}" if field else error.reason)
    assert isinstance(error, FileFormatError)


def test_a_newer_format_version_is_refused_naming_both_versions():
    doc = document()
    doc["version"] = 3
    assert str(load_error(doc)).startswith(
        "this session was saved by a newer Article Lens (format version 3); "
        "this version reads up to version 1"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "bad.alens is empty"),
        (b" \n\t", "bad.alens is empty"),
        (b'{"format": "article-lens-session",\n"version": 1,\n"app_version": 1 2}',
         "bad.alens is not valid JSON (line 3, column 18): Expecting ',' delimiter"),
        (b"[1, 2]", "bad.alens is not an Article Lens session: it holds a list, not a JSON object"),
        (b'"a string"', 'bad.alens is not an Article Lens session: it holds the text "a string"'),
        (b'{"name": "report", "rows": []}',
         'bad.alens is not an Article Lens session: it has no "format" field'),
        (b'{"format": "glue-session"}',
         'bad.alens is not an Article Lens session: its "format" is "glue-session"'),
        (b'{"format": "article-lens-session", "v": \xff}',
         "bad.alens is not UTF-8 text (the byte 0xff at position 40"),
        (b'\xef\xbb\xbf{"v": \xff}', "bad.alens is not UTF-8 text (the byte 0xff at position 9"),
        ('{"a": 1}'.encode("utf-16"), "bad.alens is not UTF-8 text (the byte 0xff at position 0"),
        (b'{"x": NaN}', "bad.alens is not valid JSON: NaN is not a number JSON allows"),
        (b'{"x": -Infinity}', "bad.alens is not valid JSON: -Infinity is not a number JSON allows"),
        (b'{"x": 1e999}', "bad.alens is not valid JSON: the number 1e999 is too large"),
        (b'{"x": ' + b"7" * 5000 + b"}", "bad.alens holds a whole number too long to read"),
        (b"[" * 200_000 + b"]" * 200_000, "bad.alens is nested too deeply"),
    ],
)
def test_files_that_are_not_sessions_get_a_clear_message(data, message):
    assert str(load_error(data)).startswith(message)


def test_long_files_are_decoded_in_slices_with_the_same_text_and_errors(monkeypatch):
    monkeypatch.setattr(session_file, "DECODE_SLICE_BYTES", 7)  # splits every "€" somewhere
    session = make_session(TEXT + " Spending rose 12 € to 3,4 € — “fine” 😀 said Ana." * 3)
    assert_same_session(session_from_bytes(session_to_bytes(session)).session, session)
    data = session_to_bytes(session)
    bad = data[:61] + b"\xff" + data[62:]
    assert str(load_error(bad)).startswith("bad.alens is not UTF-8 text (the byte 0xff at position 61")


def test_a_cut_short_file_says_so():
    data = session_to_bytes(make_session())
    for cut in (len(data) // 3, len(data) - 3, 40):
        message = str(load_error(data[:cut]))
        assert message.startswith("bad.alens is not valid JSON (line ")
        assert "cut short" in message


def test_a_lone_surrogate_escape_is_refused_with_its_field():
    data = session_to_bytes(make_session()).replace(b'"checked', b'"\\ud83d checked')
    assert str(load_error(data)) == (
        "highlights[2].note: holds an unpaired surrogate (\\ud83d), which is not text"
    )


def test_escaped_surrogate_pairs_are_fine():
    data = session_to_bytes(make_session()).replace(b'"checked', b'"\\ud83d\\ude00 checked')
    assert list(session_from_bytes(data).session.highlights)[2].note == "😀 checked ✅"


def test_a_byte_order_mark_is_tolerated():
    session = make_session()
    data = b"\xef\xbb\xbf" + session_to_bytes(session)
    assert_same_session(session_from_bytes(data).session, session)


def test_huge_files_are_refused_before_they_are_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.alens"
    path.write_bytes(session_to_bytes(make_session()))
    monkeypatch.setattr(session_file, "MAX_SESSION_BYTES", 1000)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("the file was read"))
    with pytest.raises(SessionFileError, match=r"huge.alens is 0 MB; session files up to 0 MB"):
        load_session(path)
    with pytest.raises(SessionFileError, match="session files up to"):
        session_from_bytes(b" " * 1001)


def test_folders_missing_files_and_pipes_are_refused(tmp_path):
    with pytest.raises(SessionFileError, match="is a folder"):
        load_session(tmp_path)
    with pytest.raises(SessionFileError, match=r"nope\.alens could not be read: No such file"):
        load_session(tmp_path / "nope.alens")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.alens")
        with pytest.raises(SessionFileError, match="not a regular file"):
            load_session(tmp_path / "pipe.alens")


def test_a_file_that_failed_to_load_is_never_touched(tmp_path):
    path = tmp_path / "broken.alens"
    data = session_to_bytes(make_session())[:-100]
    path.write_bytes(data)
    before = path.stat()
    with pytest.raises(SessionFileError):
        load_session(path)
    after = path.stat()
    assert path.read_bytes() == data
    assert (after.st_mtime_ns, after.st_mode) == (before.st_mtime_ns, before.st_mode)
    assert sorted(tmp_path.iterdir()) == [path]


# -- what cannot be saved ----------------------------------------------------

@pytest.mark.parametrize(
    ("view_state", "message"),
    [
        ({"zoom": float("nan")}, "view_state.zoom: nan is not a number a file can store"),
        ({"rows": {1, 2}}, "view_state.rows: holds a Python set, which a file cannot store"),
        ({"sizes": {0: 100}}, "view_state.sizes: has the key 0; keys must be text"),
    ],
)
def test_unstorable_view_state_is_refused_before_anything_is_written(tmp_path, view_state, message):
    path = tmp_path / "s.alens"
    with pytest.raises(SessionFileError) as caught:
        save_session(make_session(), path, view_state)
    assert str(caught.value) == message
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_loops_deep_nesting_and_lone_surrogates_are_refused_when_saving():
    looped: dict = {}
    looped["self"] = looped
    with pytest.raises(SessionFileError, match=r"^view_state.self.self: holds itself"):
        session_to_bytes(make_session(), {"self": looped})
    with pytest.raises(SessionFileError, match="nested more than 100 levels deep"):
        session_to_bytes(make_session(), {"deep": nested(150)})
    session = make_session()
    first = next(iter(session.highlights))
    session.highlights.replace(first.edited(note="half an emoji \ud83d"))
    with pytest.raises(SessionFileError, match=r"^highlights\[0\].note: holds an unpaired surrogate"):
        session_to_bytes(session)


def nested(depth: int) -> list:
    value: list = []
    for _ in range(depth - 1):
        value = [value]
    return value


def test_free_form_values_nest_as_deep_on_load_as_on_save():
    doc = document()
    doc["view_state"]["deep"] = nested(99)
    loaded = session_from_bytes(to_bytes(doc))
    resaved = session_to_bytes(loaded.session, loaded.view_state)
    assert session_from_bytes(resaved).view_state == doc["view_state"]
    doc["future"] = nested(101)
    assert load_error(doc).reason == "is nested more than 100 levels deep"


def test_a_session_that_breaks_the_rules_is_not_saved(tmp_path):
    session = make_session()
    session.highlights.add(Highlight(70, 9000, "DATE"))
    path = tmp_path / "s.alens"
    path.write_bytes(b"previous")
    with pytest.raises(SessionFileError, match=r"highlights\[\d\].end: 9000 is past the end"):
        save_session(session, path)
    assert path.read_bytes() == b"previous"


# -- atomic write ------------------------------------------------------------

def failing(exception):
    def fail(*args, **kwargs):
        raise exception
    return fail


@pytest.mark.parametrize("step", ["fsync", "replace", "chmod"])
def test_a_failed_save_leaves_the_original_and_no_temp_file(tmp_path, monkeypatch, step):
    path = tmp_path / "trade.alens"
    save_session(make_session(), path)
    original = path.read_bytes()
    monkeypatch.setattr(atomic_write_module.os, step, failing(OSError(28, "No space left on device")))
    with pytest.raises(SessionFileError, match=r"trade\.alens could not be saved: No space left on device"):
        save_session(make_session(TEXT + " More."), path)
    assert path.read_bytes() == original
    assert sorted(tmp_path.iterdir()) == [path]


def test_an_interrupted_write_leaves_the_original_and_no_temp_file(tmp_path, monkeypatch):
    path = tmp_path / "trade.alens"
    path.write_bytes(b"the original")
    real_temp = atomic_write_module.tempfile.NamedTemporaryFile

    def half_written(*args, **kwargs):
        temp = real_temp(*args, **kwargs)
        write = temp.write
        temp.write = lambda data: (write(data[: len(data) // 2]), failing(KeyboardInterrupt())())
        return temp

    monkeypatch.setattr(atomic_write_module.tempfile, "NamedTemporaryFile", half_written)
    with pytest.raises(KeyboardInterrupt):
        save_session(make_session(), path)
    assert path.read_bytes() == b"the original"
    assert sorted(tmp_path.iterdir()) == [path]


def test_saving_keeps_the_permissions_of_the_file_it_replaces(tmp_path):
    path = tmp_path / "shared.alens"
    path.write_bytes(b"old")
    path.chmod(0o640)
    save_session(make_session(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.skipif(os.name != "posix", reason="umask is POSIX")
def test_a_new_file_gets_the_usual_permissions(tmp_path):
    old_umask = os.umask(0o022)
    try:
        save_session(make_session(), tmp_path / "new.alens")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "new.alens").stat().st_mode) == 0o644


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_saving_through_a_symlink_replaces_the_file_it_points_to(tmp_path):
    target = tmp_path / "real.alens"
    target.write_bytes(b"old")
    link = tmp_path / "link.alens"
    link.symlink_to(target)
    save_session(make_session(), link)
    assert link.is_symlink()
    assert load_session(target).session.article.text == TEXT


def test_saving_into_a_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(SessionFileError, match="could not be saved: No such file or directory"):
        save_session(make_session(), tmp_path / "no" / "such" / "s.alens")


def test_the_sha256_in_the_file_is_the_texts():
    assert document()["article"]["sha256"] == text_sha256(TEXT)
