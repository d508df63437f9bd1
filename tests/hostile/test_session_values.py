"""Values that pass a session's type checks but are out of range for the window.

Each one, loaded through the real loader and opened in the real window, gives a
clear refusal naming the field (figure corrections, dates) or a warning naming the
view-state field that was left out — never an exception. A large session that fails
to load makes ``open_path`` report the failure, so the app falls back to the seed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.core.article import Article
from desktop.core.highlight import Highlight
from desktop.core.highlight_set import HighlightSet
from desktop.core.session import Session
from desktop.formats.session_file import SessionFileError, save_session, session_from_bytes
from desktop.formats.session_schema import field_path

TEXT = "Trade between Kazakhstan and Azerbaijan grew by 40 percent to $460 million in 2023.\n"
MONEY = Highlight(TEXT.index("$"), TEXT.index(" in 2023"), "MONEY", origin="manual", status="accepted")
PLACE = Highlight(TEXT.index("Kazakhstan"), TEXT.index(" and"), "GPE", origin="model", status="accepted")
OVERRIDE = field_path("figure_overrides", MONEY.id)
FAR_STAMP = "9999-12-31T23:59:59-14:00"

#: (name, where in the document, value, the field the refusal names)
REFUSED = [
    ("override value as text", ("figure_overrides", MONEY.id, "value"), "lots", f"{OVERRIDE}.value"),
    ("override value as a list", ("figure_overrides", MONEY.id, "value"), [1, 2], f"{OVERRIDE}.value"),
    ("override value past a float", ("figure_overrides", MONEY.id, "value"), 10**309, f"{OVERRIDE}.value"),
    ("override value as true", ("figure_overrides", MONEY.id, "value"), True, f"{OVERRIDE}.value"),
    ("override value as null", ("figure_overrides", MONEY.id, "value"), None, f"{OVERRIDE}.value"),
    ("override value as an object", ("figure_overrides", MONEY.id, "value"), {"a": 1}, f"{OVERRIDE}.value"),
    ("override unit as a list", ("figure_overrides", MONEY.id, "unit"), ["USD"], f"{OVERRIDE}.unit"),
    ("override subject as a number", ("figure_overrides", MONEY.id, "subject"), 5, f"{OVERRIDE}.subject"),
    ("override kind as null", ("figure_overrides", MONEY.id, "kind"), None, f"{OVERRIDE}.kind"),
    ("override role as a number", ("figure_overrides", MONEY.id, "role"), 5, f"{OVERRIDE}.role"),
    ("override role unknown", ("figure_overrides", MONEY.id, "role"), "bogus", f"{OVERRIDE}.role"),
    ("modified at the end of time", ("modified",), FAR_STAMP, "modified"),
    ("created at the start of time", ("created",), "0001-01-01T00:00:00+14:00", "created"),
    ("highlight stamp at the end of time", ("highlights", 0, "modified"), FAR_STAMP, "highlights[0].modified"),
]

#: (name, view state, the field the warning names, what is kept of the view state)
DROPPED = [
    ("side tab 2**40", {"side_tab": 2**40}, "view_state.side_tab", {}),
    ("side tab negative", {"side_tab": -1}, "view_state.side_tab", {}),
    ("side tab as text", {"side_tab": "2"}, "view_state.side_tab", {}),
    ("side tab as true", {"side_tab": True}, "view_state.side_tab", {}),
    ("splitter size 2**40", {"splitters": {"main": [2**40, 5]}}, "view_state.splitters.main", {"splitters": {}}),
    ("splitter size negative", {"splitters": {"right": [-1, 5]}}, "view_state.splitters.right", {"splitters": {}}),
    ("splitter sizes as text", {"splitters": {"main": "wide"}}, "view_state.splitters.main", {"splitters": {}}),
    ("splitters as a list", {"splitters": [300, 500]}, "view_state.splitters", {}),
    ("first visible char 2**40", {"first_visible_char": 2**40}, "view_state.first_visible_char", {}),
    ("first visible char negative", {"first_visible_char": -5}, "view_state.first_visible_char", {}),
    ("first visible char as text", {"first_visible_char": "10"}, "view_state.first_visible_char", {}),
    ("figure filter as a number", {"figure_filter": 5}, "view_state.figure_filter", {}),
    ("selection as a list", {"selection": [1]}, "view_state.selection", {}),
    ("recovery_of as a number", {"recovery_of": 5}, "view_state.recovery_of", {}),
]


def base_document(tmp_path: Path, view_state: dict | None = None) -> dict:
    path = tmp_path / "base.alens"
    session = Session(Article(TEXT, title="trade"), HighlightSet([PLACE, MONEY]),
                      figure_overrides={MONEY.id: {"value": 470e6, "unit": "USD"}})
    save_session(session, path, view_state or {"side_tab": 1, "figure_filter": "million"})
    document = json.loads(path.read_text(encoding="utf-8"))
    document.pop("checksum", None)  # edited here, as by hand: no checksum to warn about
    return document


def put(document: dict, where: tuple, value) -> dict:
    parent = document
    for key in where[:-1]:
        parent = parent[key]
    parent[where[-1]] = value
    return document


def as_bytes(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def refused_file(tmp_path: Path, where: tuple, value) -> bytes:
    return as_bytes(put(base_document(tmp_path), where, value))


def dropped_file(tmp_path: Path, view_state: dict) -> bytes:
    state = {"zoom": 2, **view_state}  # a field the window does not read: kept
    return as_bytes(put(base_document(tmp_path), ("view_state",), state))


# -- the loader --------------------------------------------------------------

@pytest.mark.parametrize(("where", "value", "field"), [case[1:] for case in REFUSED],
                         ids=[case[0] for case in REFUSED])
def test_out_of_range_values_are_refused_naming_the_field(tmp_path, where, value, field):
    with pytest.raises(SessionFileError) as refused:
        session_from_bytes(refused_file(tmp_path, where, value), "hostile.alens")
    assert refused.value.field == field
    assert len(str(refused.value)) < 400


@pytest.mark.parametrize(("view_state", "field", "kept"), [case[1:] for case in DROPPED],
                         ids=[case[0] for case in DROPPED])
def test_out_of_range_view_state_is_left_out_with_a_warning(tmp_path, view_state, field, kept):
    loaded = session_from_bytes(dropped_file(tmp_path, view_state), "hostile.alens")
    assert loaded.view_state == {"zoom": 2, **kept}
    assert len(loaded.warnings) == 1 and loaded.warnings[0].startswith(f"{field}:")
    assert list(loaded.session.highlights) == [PLACE, MONEY]


def test_view_state_in_range_loads_without_warnings(tmp_path):
    state = {"side_tab": 3, "splitters": {"main": [700, 500], "right": [430, 370]},
             "first_visible_char": len(TEXT), "selection": MONEY.id, "figure_filter": "",
             "recovery_of": "/tmp/x.alens", "unknown": [2**40]}
    loaded = session_from_bytes(dropped_file(tmp_path, state))
    assert loaded.warnings == []
    assert loaded.view_state == {"zoom": 2, **state}


def test_corrections_in_range_still_load(tmp_path):
    cells = {"value": 1.7e308, "unit": "USD", "unit_code": "USD", "kind": "anything typed",
             "qualifier": "", "subject": "trade", "period": "2023", "role": "previous",
             "not_a_column": [1, {"x": None}]}
    loaded = session_from_bytes(refused_file(tmp_path, ("figure_overrides", MONEY.id), cells))
    assert loaded.session.figure_overrides == {MONEY.id: cells}


# -- the window --------------------------------------------------------------

def shown_texts(dialogs, boxes: list[str]) -> list[str]:
    """Every message the window showed: static message boxes and boxes it ran."""
    return [text for _kind, text in dialogs.shown] + boxes


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes the app builds and runs itself: their text, answered with Ok."""
    shown: list[str] = []

    def run(box):
        shown.append(box.text() + "\n" + box.informativeText() + "\n" + box.detailedText())
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", run)
    return shown


def test_every_hostile_value_opened_in_the_window_gives_a_message_not_an_exception(
        window, dialogs, boxes, tmp_path, qtbot):
    good = tmp_path / "good.alens"
    good.write_bytes(as_bytes(base_document(tmp_path)))
    assert window.open_path(good)
    tried = 0
    for name, where, value, field in REFUSED:
        path = tmp_path / "refused.alens"
        path.write_bytes(refused_file(tmp_path, where, value))
        before = len(shown_texts(dialogs, boxes))
        assert not window.open_path(path, ask_to_save=False), name
        messages = shown_texts(dialogs, boxes)[before:]
        assert any(field in text for text in messages), (name, messages)
        assert window.document.path == good
        window.model.figures()
        qtbot.wait(20)
        tried += 1
    for name, view_state, field, _kept in DROPPED:
        path = tmp_path / "dropped.alens"
        path.write_bytes(dropped_file(tmp_path, view_state))
        before = len(shown_texts(dialogs, boxes))
        assert window.open_path(path, ask_to_save=False), name
        messages = shown_texts(dialogs, boxes)[before:]
        assert any(field in text for text in messages), (name, messages)
        window.model.figures()
        qtbot.wait(20)  # the scroll position is restored in the next turn
        assert window.document.path == path
        tried += 1
    assert tried == len(REFUSED) + len(DROPPED) == 28


def test_the_corrections_dialog_shows_an_out_of_range_stamp_as_written(tmp_path, qtbot):
    from desktop.model.lexicon_store import LexiconStore
    from desktop.ui.lexicon_dialog import LexiconDialog

    (tmp_path / "lexicon.json").write_text(json.dumps({
        "format": "article-lens-lexicon", "version": 1,
        "entries": [{"surface": "Norvik", "label": "ORG", "decision": "accepted", "count": 1,
                     "updated": FAR_STAMP},
                    {"surface": "Oslo", "label": "GPE", "decision": "accepted", "count": 1,
                     "updated": "0001-01-01T00:00:00+14:00"}]}), encoding="utf-8")
    dialog = LexiconDialog(LexiconStore(tmp_path))
    qtbot.addWidget(dialog)
    stamps = {dialog.table.item(row, 4).text() for row in range(dialog.table.rowCount())}
    assert stamps == {FAR_STAMP, "0001-01-01T00:00:00+14:00"}


# -- a large session that fails, given at start ------------------------------

def large_broken_session(tmp_path: Path) -> Path:
    paragraph = "Trade between Kazakhstan and Azerbaijan grew by 40 percent to $460 million.\n"
    text = paragraph * 4000
    place = paragraph.index("Kazakhstan")
    highlights = [Highlight(i * len(paragraph) + place, i * len(paragraph) + place + 10, "GPE")
                  for i in range(4000)]
    path = tmp_path / "broken.alens"
    save_session(Session(Article(text, title="long"), HighlightSet(highlights)), path)
    data = path.read_bytes()
    assert len(data) >= 1_000_000
    path.write_bytes(data[:-200])  # cut short
    return path


def test_a_large_broken_session_in_a_new_window_is_refused_and_its_opener_told(make_window, tmp_path,
                                                                              dialogs, qtbot):
    """Read in the background (the window keeps painting), then refused with the
    reason; the window has nothing to show, so whoever opened it is told."""
    window = make_window()
    nothing = []
    window.files.sigNothingOpen.connect(lambda: nothing.append(True))
    assert window.open_path(large_broken_session(tmp_path))  # started
    qtbot.waitUntil(lambda: bool(nothing), timeout=30_000)
    assert "JSON" in dialogs.shown[-1][1] and not window.model.text


def test_the_app_given_a_large_broken_session_falls_back_to_the_seed(tmp_path, dialogs, started_windows, qtbot):
    from desktop import app as app_module

    assert app_module.run([str(large_broken_session(tmp_path))]) == 0
    [window] = started_windows
    try:
        seed = app_module.seed_article_path().read_text(encoding="utf-8")
        qtbot.waitUntil(lambda: window.model.text == seed, timeout=30_000)
        assert any("JSON" in text for _kind, text in dialogs.shown)
        assert window.document.path is None
    finally:
        window.model.undo_stack.setClean()
        window.close()
        window.deleteLater()
        qtbot.wait(1)


def test_the_cells_checked_are_the_cells_a_person_can_correct():
    from desktop.formats import session_values
    from desktop.nlp.figures.table.rows import OVERRIDABLE_COLUMNS

    checked = (*session_values.NUMBER_CELLS, *session_values.TEXT_CELLS, *session_values.CHOICE_CELLS)
    assert sorted(checked) == sorted(OVERRIDABLE_COLUMNS)
