"""Entities a reader can trust, in the window: consistent labels after the analysis,
the reason in each tooltip, the Entities pane and chart, and learning from corrections."""

from PySide6.QtCore import QPointF, Qt

from desktop.core.suggestions import FROM_CORRECTIONS
from desktop.formats.lexicon import Lexicon
from desktop.model.lexicon_store import data_folder
from desktop.ui.entities_view import EntitiesView
from desktop.ui.lexicon_dialog import LexiconDialog

FIRST = ("Trend reported on Monday that Kazakhstan and Azerbaijan signed 12 agreements.\n"
         "Aliya Mussabekova told Trend that trade grew.\n")
SECOND = ("According to Trend, the ministers of Azerbaijan met in Baku on Tuesday.\n"
          "Trend said the talks went well.\n")


def open_and_wait(win, path, wait_for_analysis):
    assert win.open_path(path, ask_to_save=False)
    wait_for_analysis(win)


def occurrences(text, word):
    start = text.find(word)
    while start != -1:
        yield start, start + len(word)
        start = text.find(word, start + 1)


def labels_at(win, start, end):
    return [h for h in win.model.session.highlights if (h.start, h.end) == (start, end) and h.visible]


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_after_the_analysis_every_mussabekova_is_a_person_and_says_why(
        window, wait_for_analysis, seed_path, seed_text):
    open_and_wait(window, seed_path, wait_for_analysis)
    mentions = list(occurrences(seed_text, "Mussabekova"))
    assert len(mentions) == 4  # the first in "Aliya Mussabekova"
    for start, end in mentions:
        people = [h for h in window.model.highlights_at(start) if h.label == "PERSON"]
        assert people, seed_text[start - 20 : end]
        assert not [h for h in labels_at(window, start, end) if h.label != "PERSON"]
        tooltip = window.article_view._tooltip(people)
        assert "Why:" in tooltip
    later = labels_at(window, *mentions[-1])[0]
    assert later.reason == "document consistency: same as 'Aliya Mussabekova'"
    assert "same as &#x27;Aliya Mussabekova&#x27;" in window.article_view._tooltip([later])
    dateline = labels_at(window, 0, len("BAKU"))[0]
    assert "capitals in normal case" in window.article_view._tooltip([dateline])
    assert window.model.undo_stack.count() == 0  # suggestions are not edits to undo
    assert not window.isWindowModified()


def entities_pane(qtbot, win) -> EntitiesView:
    pane = win.findChild(EntitiesView, "entitiesView")
    win.charts_view.setCurrentWidget(pane)
    qtbot.waitUntil(lambda: bool(pane.entity_rows()), timeout=5000)
    return pane


def click_row(qtbot, pane, row):
    rect = pane.table.visualItemRect(pane.table.item(row, 0))
    qtbot.mouseClick(pane.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_entities_pane_lists_kazakhstan_and_clicks_walk_its_mentions(
        qtbot, window, wait_for_analysis, seed_path, seed_text):
    open_and_wait(window, seed_path, wait_for_analysis)
    pane = entities_pane(qtbot, window)
    row = pane.row_named("Kazakhstan")
    entity = pane.entity_rows()[row]
    assert (pane.table.item(row, 1).text(), pane.table.item(row, 2).text()) == ("GPE", str(entity.count))
    surfaces = [window.model.highlight(i).surface(seed_text) for i in entity.mentions]
    assert entity.count == len(surfaces) >= 10
    assert {"Kazakh", "Kazakhs"} <= set(surfaces)
    assert "Kazakh" in pane.table.item(row, 3).text()  # people's mentions linked to the country
    assert pane.row_named("Kazakh") == -1

    click_row(qtbot, pane, row)
    assert window.model.selected_id == entity.mentions[0]
    click_row(qtbot, pane, row)
    assert window.model.selected_id == entity.mentions[1]
    pane.table.setFocus()
    qtbot.keyClick(pane.table, Qt.Key.Key_Return)
    assert window.model.selected_id == entity.mentions[2]
    qtbot.mouseClick(pane.next_button, Qt.MouseButton.LeftButton)
    assert window.model.selected_id == entity.mentions[3]
    assert f"mention 4 of {entity.count}" in pane.position.text()

    mussabekova = [h for h in window.model.highlights_at(seed_text.rindex("Mussabekova"))][0]
    window.model.select(mussabekova.id)  # linked selection: the pane follows the model
    assert pane.table.currentRow() == pane.row_named("Aliya Mussabekova")
    assert pane.entity_rows()[pane.table.currentRow()].label == "PERSON"


def test_the_pane_follows_edits_and_the_chart_shows_the_most_mentioned(
        qtbot, window, wait_for_analysis, seed_path):
    open_and_wait(window, seed_path, wait_for_analysis)
    pane = entities_pane(qtbot, window)
    entity = pane.entity_rows()[pane.row_named("Kazakhstan")]
    window.model.remove_highlights(entity.mentions[:1])
    qtbot.waitUntil(lambda: pane.entity_rows()[pane.row_named("Kazakhstan")].count == entity.count - 1,
                    timeout=5000)

    chart_tab = window.charts_view.top_entities
    window.charts_view.setCurrentWidget(chart_tab)
    qtbot.waitExposed(chart_tab.chart)
    shown = chart_tab.shown_rows()
    assert 1 <= len(shown) <= 12
    assert [r.count for r in shown] == sorted((r.count for r in shown), reverse=True)
    chart = chart_tab.chart
    view_box = chart.getPlotItem().getViewBox()
    point = chart.mapFromScene(view_box.mapViewToScene(QPointF(shown[0].count / 2, 0)))
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.model.selected_id == shown[0].mentions[0]
    assert chart.marked == 0


def test_a_correction_in_one_article_is_suggested_in_the_next(
        qtbot, window, wait_for_analysis, tmp_path):
    open_and_wait(window, write(tmp_path, "first.txt", FIRST), wait_for_analysis)
    start, end = next(occurrences(FIRST, "Trend"))
    current = [h for h in labels_at(window, start, end) if h.label == "ORG"]
    if current:  # the model got it right: relabel it away and back by hand
        window.model.relabel(current[0].id, "PERSON")
        window.model.relabel(current[0].id, "ORG")
    else:
        window.article_view.select_text(start, end)
        window.article_view.setFocus()
        qtbot.keyClick(window.article_view, Qt.Key.Key_2)  # 2 = ORG in the label bar
    assert [h.label for h in labels_at(window, start, end)] == ["ORG"]
    assert ("Trend", "ORG", "accepted") in {
        (e.surface, e.label, e.decision) for e in Lexicon.load(data_folder()).entries()}

    open_and_wait(window, write(tmp_path, "second.txt", SECOND), wait_for_analysis)
    for start, end in occurrences(SECOND, "Trend"):
        [suggested] = labels_at(window, start, end)
        assert (suggested.label, suggested.status, suggested.reason) == (
            "ORG", "suggested", FROM_CORRECTIONS)
        assert "from your corrections" in window.article_view._tooltip([suggested])


def test_a_rejected_suggestion_stays_suppressed_in_a_new_article(
        qtbot, window, wait_for_analysis, tmp_path):
    open_and_wait(window, write(tmp_path, "first.txt", FIRST), wait_for_analysis)
    start, end = next(occurrences(FIRST, "Azerbaijan"))
    [azerbaijan] = labels_at(window, start, end)
    assert azerbaijan.label == "GPE"
    window.model.select(azerbaijan.id)
    window.article_view.setFocus()
    qtbot.keyClick(window.article_view, Qt.Key.Key_Backspace)  # reject
    assert window.model.highlight(azerbaijan.id).status == "rejected"

    open_and_wait(window, write(tmp_path, "second.txt", SECOND), wait_for_analysis)
    start, end = next(occurrences(SECOND, "Azerbaijan"))
    assert labels_at(window, start, end) == []
    baku = next(occurrences(SECOND, "Baku"))
    assert [h.label for h in labels_at(window, *baku)] == ["GPE"]  # the rest is as before


def test_a_hand_made_highlight_is_never_overridden_by_the_lexicon(
        qtbot, window, wait_for_analysis, tmp_path):
    window.model.lexicon.record("Trend", [_highlight(0, 5, "ORG")], "accepted")
    path = write(tmp_path, "first.txt", FIRST)
    assert window.open_path(path, ask_to_save=False)
    start, end = next(occurrences(FIRST, "Trend reported"))
    window.model.add_highlight(start, end, "WORK_OF_ART")  # while the analysis runs
    wait_for_analysis(window)
    assert [h.label for h in window.model.session.highlights.overlapping(start, end)
            if h.visible] == ["WORK_OF_ART"]


def _highlight(start, end, label):
    from desktop.core.highlight import Highlight

    return Highlight(start, end, label, origin="manual", status="accepted")


def test_the_lexicon_dialog_lists_the_entries_and_deletes_the_selected_one(qtbot, window):
    store = window.model.lexicon
    store.record("Trend Azerbaijan", [_highlight(0, 5, "ORG")], "accepted")
    store.record("Trend Azerbaijan", [_highlight(6, 16, "GPE")], "rejected")
    window.menu_actions.lexicon.trigger()
    dialog = window.findChild(LexiconDialog, "lexiconDialog")
    qtbot.waitExposed(dialog)
    table = dialog.table
    rows = {(table.item(r, 0).text(), table.item(r, 1).text(), table.item(r, 2).text())
            for r in range(table.rowCount())}
    assert rows == {("Trend", "ORG", "suggest it"), ("Azerbaijan", "GPE", "never suggest it")}
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "Azerbaijan")
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualItemRect(table.item(row, 0)).center())
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert [e.surface for e in dialog.entries()] == ["Trend"]
    assert [e.surface for e in Lexicon.load(data_folder()).entries()] == ["Trend"]
    dialog.close()
