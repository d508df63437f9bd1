"""A session that fails to load is refused with a short message, however large the
bad value: a 2 MB value once gave a 3-million-character message, a 16 s freeze and a
dialog 524,309 px tall. Values are quoted up to about 200 characters."""

from __future__ import annotations

import copy
import json

import pytest

from desktop.core.article import text_sha256
from desktop.formats.errors import FileFormatError
from desktop.formats.session_file import load_session

BIG = "x" * 2_000_000
#: The longest message a refused file may give (a few quoted values and the field).
MESSAGE_LIMIT = 1_000

GOOD = {
    "format": "article-lens-session", "version": 1, "app_version": "1.0",
    "created": "2024-06-22T10:30:00+00:00", "modified": "2024-06-22T10:30:00+00:00",
    "article": {"text": "Hello.", "sha256": text_sha256("Hello."), "title": "", "source": "",
                "encoding": ""},
    "labels": [{"name": "PERSON", "colour": "#a8d1ff", "description": "", "key": ""}],
    "highlights": [],
}


def nested(depth: int, key: str, bottom) -> dict:
    value = bottom
    for _ in range(depth):
        value = {key: value}
    return value


def with_(**fields):
    document = copy.deepcopy(GOOD)
    for name, value in fields.items():
        if "." in name:
            outer, inner = name.split(".")
            document[outer][inner] = value
        else:
            document[name] = value
    return document


BAD_DOCUMENTS = {
    "format a list of a long text": {"format": [BIG]},
    "format an object with a long text": {"format": {"k": BIG}},
    "format an object with a long key": {"format": {BIG: 1}},
    "format a long text": {"format": BIG},
    "version a long list": {"format": "article-lens-session", "version": [BIG] * 3},
    "an override under a long name": with_(figure_overrides={BIG: 1}),
    "an override under a long non-name": with_(figure_overrides={"-" + BIG: 1}),
    "a long colour": with_(labels=[{"name": "A", "colour": BIG, "description": "", "key": ""}]),
    "a long stamp of quotes": with_(modified='"' * 2_000_000),
    "a long stamp of control characters": with_(modified="\u0001" * 1_000_000),
    "a long label twice": with_(labels=[{"name": BIG, "colour": "#a8d1ff", "description": "", "key": ""}] * 2),
    "a long digest": with_(**{"article.sha256": BIG}),
    "a deep view state under long names": with_(view_state=nested(90, "k" * 300, "\ud800")),
    "a deep view state under long non-names": with_(view_state=nested(90, "-" * 300, "\ud800")),
}


@pytest.mark.parametrize("document", BAD_DOCUMENTS.values(), ids=BAD_DOCUMENTS.keys())
def test_a_large_bad_value_gives_a_short_message(tmp_path, document):
    path = tmp_path / "bad.alens"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(FileFormatError) as refused:
        load_session(path)
    message = str(refused.value)
    assert len(message) < MESSAGE_LIMIT, message[:300]


def test_the_window_refuses_a_2_mb_session_in_a_short_message(qtbot, window, tmp_path, dialogs):
    path = tmp_path / "big.alens"
    path.write_text(json.dumps({"format": [BIG]}), encoding="utf-8")
    window.open_path(path)  # over 1 MB: read in the background
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=30_000)
    kind, text = dialogs.shown[-1]
    assert kind == "warning" and "format" in text and len(text) < MESSAGE_LIMIT


def test_any_file_format_error_is_kept_short():
    error = FileFormatError("the start " + BIG + " the end")
    assert len(str(error)) < MESSAGE_LIMIT
    assert str(error).startswith("the start") and str(error).endswith("the end")
