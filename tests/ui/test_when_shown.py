"""Refreshing a view only while shown, and in a turn of its own after a long table's
(desktop.ui.when_shown)."""

from PySide6.QtWidgets import QWidget

from desktop.ui.when_shown import TURN_OF_ITS_OWN_ROWS, RefreshWhenShown


def test_a_hidden_view_is_refreshed_when_shown_not_before(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    calls = []
    refresher = RefreshWhenShown(widget, lambda: calls.append(1))
    refresher.request()
    assert calls == [] and refresher.stale
    widget.show()
    qtbot.waitUntil(lambda: calls == [1])
    refresher.request()
    assert calls == [1, 1]


def test_after_a_long_table_the_refresh_takes_the_next_turn_once(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    calls = []
    refresher = RefreshWhenShown(widget, lambda: calls.append(1))
    refresher.request_after(lambda: TURN_OF_ITS_OWN_ROWS - 1)  # a short article: now, with its table
    assert calls == [1]
    for _ in range(3):  # a long one: later, once
        refresher.request_after(lambda: TURN_OF_ITS_OWN_ROWS)
    assert calls == [1]
    qtbot.waitUntil(lambda: len(calls) == 2)
    qtbot.wait(20)
    assert calls == [1, 1]
