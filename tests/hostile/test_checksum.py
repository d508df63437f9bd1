"""A checksum of the whole content: a change after saving, anywhere, is noticed.

The text's sha256 alone let a flipped bit in an id, a label or an offset load
silently. Now every save writes a checksum of the canonical JSON; a file whose
content does not match loads with a warning naming the checksum (hand edits are
legitimate), an unchanged one with none, and older files without one silently.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from desktop.core.article import Article
from desktop.core.highlight import Highlight
from desktop.core.highlight_set import HighlightSet
from desktop.core.session import Session
from desktop.formats.session_file import load_session, save_session, session_from_bytes

TEXT = "Norvik Shipping said on May 4 that revenue rose 12% to $460 million in 2023.\n"
SAMPLES = Path(__file__).resolve().parents[1] / "data" / "sessions"


def saved(tmp_path: Path, text: str = TEXT, name: str = "work.alens") -> Path:
    org = Highlight(0, text.index(" said"), "ORG", origin="manual", status="accepted", note="checked")
    money = Highlight(text.index("$"), text.index(" in 2023"), "MONEY")
    path = tmp_path / name
    save_session(Session(Article(text, title="Norvik"), HighlightSet([org, money]),
                         figure_overrides={money.id: {"value": 470e6}}, hidden_labels={"DATE"}),
                 path, {"side_tab": 1})
    return path


def canonical_sha256(document: dict) -> str:
    content = {key: value for key, value in document.items() if key != "checksum"}
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def first_highlight(document: dict) -> dict:
    return document["highlights"][0]


#: One small change each, as a flipped bit or a hand edit would make; all still valid.
FLIPS = {
    "a label's name": lambda d: d["labels"][0].update(name=d["labels"][0]["name"][:-1] + "Q"),
    "a label's colour": lambda d: d["labels"][1].update(colour="#000001"),
    "a highlight's id": lambda d: first_highlight(d).update(id=first_highlight(d)["id"][:-1] + "x"),
    "a highlight's start": lambda d: first_highlight(d).update(start=1),
    "a highlight's end": lambda d: first_highlight(d).update(end=first_highlight(d)["end"] - 1),
    "a highlight's label": lambda d: first_highlight(d).update(label="GPE"),
    "a highlight's status": lambda d: first_highlight(d).update(status="rejected"),
    "a note": lambda d: first_highlight(d).update(note="checkee"),
    "a corrected value": lambda d: next(iter(d["figure_overrides"].values())).update(value=480e6),
    "a hidden label": lambda d: d.update(hidden_labels=["TIME"]),
    "the view state": lambda d: d.update(view_state={"side_tab": 2}),
    "the created stamp": lambda d: d.update(created="2001-01-01T00:00:00+00:00"),
    "an added field": lambda d: d.update(tags=["x"]),
}


def test_a_save_writes_the_checksum_of_the_canonical_content(tmp_path):
    document = json.loads(saved(tmp_path).read_text(encoding="utf-8"))
    assert list(document)[-1] == "checksum"
    assert document["checksum"] == {"sha256": canonical_sha256(document), "modified": document["modified"]}


def test_a_large_document_is_hashed_as_one_canonical_text(tmp_path):
    from desktop.formats.session_checksum import SLICE_ITEMS, content_digest

    text = TEXT * 400
    highlights = [Highlight(i * len(TEXT), i * len(TEXT) + 6, "ORG") for i in range(3 * SLICE_ITEMS + 7)]
    path = tmp_path / "long.alens"
    save_session(Session(Article(text), HighlightSet(highlights[:400])), path)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["highlights"] = document["highlights"] * 4  # more than one slice
    assert content_digest(document) == canonical_sha256(document)


def test_an_unchanged_file_loads_without_a_warning(tmp_path):
    assert load_session(saved(tmp_path)).warnings == []


@pytest.mark.parametrize("flip", FLIPS.values(), ids=FLIPS.keys())
def test_a_changed_file_loads_with_a_warning_naming_the_checksum(tmp_path, flip):
    document = json.loads(saved(tmp_path).read_text(encoding="utf-8"))
    flip(document)
    loaded = session_from_bytes(json.dumps(document).encode("utf-8"), "flipped.alens")
    assert len(loaded.warnings) == 1
    assert loaded.warnings[0].startswith("checksum: the content does not match")


def test_a_file_only_laid_out_differently_loads_without_a_warning(tmp_path):
    document = json.loads(saved(tmp_path).read_text(encoding="utf-8"))
    reordered = dict(reversed(document.items()))
    data = json.dumps(reordered, indent=4, ensure_ascii=True).encode("utf-8")
    assert session_from_bytes(data).warnings == []


@pytest.mark.parametrize("checksum", [5, "abc", {"sha256": 5, "modified": ""}, {"md5": "x"}])
def test_a_checksum_of_another_shape_is_a_warning_not_a_refusal(tmp_path, checksum):
    document = json.loads(saved(tmp_path).read_text(encoding="utf-8"))
    document["checksum"] = checksum
    loaded = session_from_bytes(json.dumps(document).encode("utf-8"))
    assert [w.split(":")[0] for w in loaded.warnings] == ["checksum"]


def test_older_files_without_a_checksum_load_silently():
    for path in sorted(SAMPLES.glob("*.alens")):
        document = json.loads(path.read_text(encoding="utf-8"))
        assert "checksum" not in document
        assert load_session(path).warnings == []


def test_a_file_re_saved_by_a_version_without_checksums_is_not_reported(tmp_path):
    """An older version keeps the checksum as an unknown field and writes a new
    modified stamp: the checksum is not of that content, so it is not checked."""
    document = json.loads(saved(tmp_path).read_text(encoding="utf-8"))
    document["modified"] = "2030-01-01T00:00:00+00:00"
    document["highlights"][0]["note"] = "edited in the older version"
    assert session_from_bytes(json.dumps(document).encode("utf-8")).warnings == []


def test_a_re_save_of_a_changed_file_writes_a_new_checksum(tmp_path):
    path = saved(tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    FLIPS["a note"](document)
    path.write_text(json.dumps(document), encoding="utf-8")
    loaded = load_session(path)
    assert loaded.warnings
    save_session(loaded.session, path, loaded.view_state)
    assert load_session(path).warnings == []


def test_the_window_opens_a_changed_file_and_says_the_checksum_does_not_match(window, dialogs, tmp_path):
    path = saved(tmp_path)
    document = json.loads(path.read_text(encoding="utf-8"))
    FLIPS["a label's name"](document)
    path.write_text(json.dumps(document), encoding="utf-8")
    assert window.open_path(path)
    assert window.document.path == path
    assert any("checksum: the content does not match" in text for _kind, text in dialogs.shown)


def test_a_large_changed_file_read_in_the_background_says_so_too(window, dialogs, seed_path, tmp_path, qtbot):
    path = saved(tmp_path, TEXT * 14_000, "long.alens")
    document = json.loads(path.read_text(encoding="utf-8"))
    FLIPS["a highlight's start"](document)
    path.write_text(json.dumps(document), encoding="utf-8")
    assert path.stat().st_size >= 1_000_000
    assert window.open_path(seed_path)
    assert window.open_path(path)  # read in a thread: the seed stays until it is in
    qtbot.waitUntil(lambda: window.document.path == path, timeout=30_000)
    qtbot.waitUntil(lambda: any("checksum" in text for _kind, text in dialogs.shown), timeout=5_000)


def test_unchanged_files_open_in_the_window_without_a_message(window, dialogs, tmp_path):
    assert window.open_path(saved(tmp_path))
    assert dialogs.shown == []
