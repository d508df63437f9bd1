"""Saving, reopening, refusing bad files, unsaved-work prompts and recovery, in the window."""

import json
import os

import pytest
from large_sessions import large_session
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.formats.session_file import load_session
from desktop.model.recovery import PREFIX, orphaned_copies, recovery_folder

Button = QMessageBox.StandardButton


@pytest.fixture
def annotated(window, seed_path, wait_for_analysis, qtbot):
    """The seed, analysed, with one edit of every kind."""
    assert window.open_path(seed_path)
    wait_for_analysis(window)
    model = window.model
    text = model.text
    start = text.index("Middle Corridor")
    made = model.add_highlight(start, start + len("Middle Corridor"), "LOC")
    model.set_note(made.id, "Trans-Caspian route ✈️ 中")
    baku = next(h for h in model.session.highlights if h.surface(text) == "Baku")
    model.reject([baku.id])
    money = model.figures()
    money_id = money[money["surface"].str.contains("185")].iloc[0]["highlight_id"]
    model.set_figure_override(money_id, "value", 190e6)
    model.set_label_hidden("DATE", True)
    model.select(made.id)
    window.figures_view.filter_box.setText("million")
    return window


def save_as(window, monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    assert window.files.save_as()


def snapshot(model):
    return ({h.id: h for h in model.session.highlights}, model.session.figure_overrides,
            model.hidden_labels, model.session.article)


def test_a_saved_session_reopens_exactly_as_it_was(annotated, make_window, monkeypatch, tmp_path,
                                                    wait_for_analysis, qtbot):
    path = tmp_path / "seed-notes.alens"
    save_as(annotated, monkeypatch, path)
    assert not annotated.isWindowModified()
    assert annotated.windowTitle().startswith("seed-notes.alens")
    before = snapshot(annotated.model)
    sizes = annotated.main_splitter.sizes()

    reopened = make_window()
    assert reopened.open_path(path)
    qtbot.waitUntil(lambda: reopened.model.selected_id == annotated.model.selected_id)
    assert snapshot(reopened.model) == before
    assert reopened.main_splitter.sizes() == sizes
    assert reopened.figures_view.filter_box.text() == "million"
    assert not reopened.isWindowModified()
    wait_for_analysis(reopened)  # reading figures again must not add or change highlights
    assert snapshot(reopened.model) == before
    figures = reopened.model.figures()
    assert 190e6 in set(figures["value"])


def test_ctrl_s_saves_to_the_same_file_without_asking_again(annotated, monkeypatch, tmp_path, qtbot):
    path = tmp_path / "work.alens"
    save_as(annotated, monkeypatch, path)
    annotated.model.set_note(annotated.model.selected_id, "changed")
    assert annotated.isWindowModified()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: pytest.fail("asked")))
    qtbot.keyClick(annotated, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not annotated.isWindowModified()
    notes = [h.note for h in load_session(path).session.highlights if h.note]
    assert notes == ["changed"]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda doc: doc["highlights"][0].update(end=10**9), "highlights[0].end"),
        (lambda doc: doc.update(version=7), "version 7"),
        (lambda doc: doc["article"].update(text=doc["article"]["text"] + "!"), "sha256"),
        (lambda doc: doc["highlights"][1].update(label=5), "highlights[1].label"),
    ],
)
def test_a_bad_session_file_is_refused_precisely_and_left_untouched(
        annotated, make_window, monkeypatch, tmp_path, dialogs, mutate, message):
    path = tmp_path / "good.alens"
    save_as(annotated, monkeypatch, path)
    document = json.loads(path.read_text(encoding="utf-8"))
    mutate(document)
    bad = tmp_path / "bad.alens"
    bad.write_text(json.dumps(document), encoding="utf-8")
    stamp, content = bad.stat().st_mtime_ns, bad.read_bytes()
    before = snapshot(annotated.model)
    assert not annotated.open_path(bad)
    assert message in dialogs.shown[-1][1]
    assert snapshot(annotated.model) == before
    assert (bad.stat().st_mtime_ns, bad.read_bytes()) == (stamp, content)


def test_a_truncated_session_file_is_refused(window, tmp_path, dialogs):
    path = tmp_path / "cut.alens"
    path.write_text('{"format": "article-lens-session", "version": 1, "article": {"te', encoding="utf-8")
    assert not window.open_path(path)
    assert "JSON" in dialogs.shown[-1][1]


def test_closing_with_unsaved_changes_asks_save_discard_or_cancel(annotated, dialogs, monkeypatch, tmp_path):
    dialogs.answer(Button.Cancel)
    assert not annotated.close()
    assert annotated.isVisible()
    path = tmp_path / "on-close.alens"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    dialogs.answer(Button.Save)
    assert annotated.close()
    assert load_session(path).session.figure_overrides


def test_opening_another_file_with_unsaved_changes_can_be_cancelled(annotated, dialogs, seed_path):
    dialogs.answer(Button.Cancel)
    source = annotated.model.article.source
    assert not annotated.open_path(seed_path)
    assert annotated.model.article.source == source and annotated.isWindowModified()


def test_unsaved_work_is_written_for_recovery_and_restored(annotated, make_window, dialogs, qtbot):
    writer = annotated.document.recovery
    with qtbot.waitSignal(writer.sigWritten, timeout=5000):
        writer.write_now()
    before = snapshot(annotated.model)
    # What a crash leaves: the copy of a process that no longer runs.
    dead_pid = 2**22 + 17
    orphan = writer.path.with_name(f"{PREFIX}{dead_pid}-test.alens")
    os.replace(writer.path, orphan)
    assert [c.path for c in orphaned_copies()] == [orphan]

    restored = make_window()
    dialogs.answer(Button.Yes)
    assert restored.files.offer_recovery()
    assert snapshot(restored.model)[:3] == before[:3]
    assert restored.isWindowModified()
    assert not orphan.exists()


def test_a_clean_save_removes_the_recovery_copy(annotated, monkeypatch, tmp_path, qtbot):
    writer = annotated.document.recovery
    with qtbot.waitSignal(writer.sigWritten, timeout=5000):
        writer.write_now()
    assert writer.path.exists()
    save_as(annotated, monkeypatch, tmp_path / "saved.alens")
    assert not writer.path.exists()
    assert list(recovery_folder().glob("*.alens")) == []


def test_recovery_copies_follow_bursts_of_edits(annotated, qtbot):
    writer = annotated.document.recovery
    writer._burst.setInterval(50)
    with qtbot.waitSignal(writer.sigWritten, timeout=5000):
        annotated.model.set_note(annotated.model.selected_id, "burst")
    assert "burst" in writer.path.read_text(encoding="utf-8")
    QCoreApplication.processEvents()


def test_a_large_session_opens_in_the_background_and_the_window_keeps_painting(
        window, seed_path, wait_for_analysis, tmp_path, qtbot):
    path, count = large_session(tmp_path)
    assert window.open_path(seed_path)
    wait_for_analysis(window)
    seed_text = window.model.text
    assert window.open_path(path)
    assert window.model.text == seed_text  # still the seed until the file is read
    qtbot.waitUntil(lambda: len(window.model.session.highlights) == count, timeout=30_000)
    assert "long.alens" in window.windowTitle()
    qtbot.waitUntil(lambda: window.model.figure_store.ready, timeout=30_000)
    assert len(window.model.figures()) >= count // 2


def test_a_broken_large_session_is_refused_and_the_open_article_stays(window, seed_path, wait_for_analysis,
                                                                      tmp_path, qtbot, dialogs):
    path, _ = large_session(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 200])  # truncated
    assert window.open_path(seed_path)
    wait_for_analysis(window)
    window.open_path(path)
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=30_000)
    assert "JSON" in dialogs.shown[-1][1]
    assert window.model.text.startswith("BAKU") and path.read_bytes() == data[: len(data) - 200]


def test_a_large_session_with_a_wrong_field_is_refused_with_the_field_named(
        window, seed_path, wait_for_analysis, tmp_path, qtbot, dialogs):
    path, _ = large_session(tmp_path)
    text = path.read_text(encoding="utf-8")
    broken = text.replace('"status": "suggested"', '"status": "maybe"', 1)
    assert broken != text
    path.write_text(broken, encoding="utf-8")
    assert window.open_path(seed_path)
    wait_for_analysis(window)
    window.open_path(path)  # parsed in a thread, then checked and read in steps
    qtbot.waitUntil(lambda: bool(dialogs.shown), timeout=30_000)
    assert "status" in dialogs.shown[-1][1] and "maybe" in dialogs.shown[-1][1]
    assert window.model.text.startswith("BAKU")


def test_a_large_session_opened_in_a_window_with_nothing_open_loads_in_the_background(window, tmp_path, qtbot):
    """A double-click on a large session at start: the window paints at once (the
    event loop never waits for the file), then shows the session."""
    import time

    from PySide6.QtCore import QTimer

    path, count = large_session(tmp_path)
    assert not window.model.text
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(5)
    started = time.perf_counter()
    assert window.open_path(path)
    returned = time.perf_counter() - started
    assert window.article_view.placeholderText() == "Opening long.alens…"
    qtbot.waitUntil(lambda: len(window.model.session.highlights) == count, timeout=30_000)
    assert window.article_view.placeholderText() == ""
    timer.stop()
    assert returned < 0.05  # the file is read later, in steps
    assert "long.alens" in window.windowTitle() and window.model.text.startswith("Trade between")
    assert len(ticks) > 10  # the timer ran while it loaded


def test_a_broken_large_session_in_a_window_with_nothing_open_says_so(window, tmp_path, qtbot, dialogs):
    """Its opener (the app at start) is told, to open the seed instead, or to close
    a window made for it."""
    path, _ = large_session(tmp_path)
    path.write_bytes(path.read_bytes()[:-200])  # truncated
    nothing = []
    window.files.sigNothingOpen.connect(lambda: nothing.append(True))
    assert window.open_path(path)
    qtbot.waitUntil(lambda: bool(nothing), timeout=30_000)
    assert "JSON" in dialogs.shown[-1][1] and not window.model.text
    assert window.article_view.placeholderText() == ""
