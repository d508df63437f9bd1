"""File › Quit closes every window of the app (one process serves them all); Close
Window closes one; unsaved edits are asked about and a Cancel stops the quit."""

from PySide6.QtWidgets import QMessageBox

from desktop.core.article import Article
from desktop.ui.window_menus import quit_app


def _menu_action(window, text: str):
    return next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == text)


def test_quit_closes_every_window_and_close_window_only_its_own(make_window):
    first, second, third = make_window(), make_window(), make_window()
    _menu_action(third, "&Close Window").trigger()
    assert not third.isVisible() and first.isVisible() and second.isVisible()
    _menu_action(first, "&Quit").trigger()
    assert not first.isVisible() and not second.isVisible()


def test_a_cancel_in_one_window_stops_the_quit_and_keeps_its_edits(make_window, dialogs):
    first, second = make_window(), make_window()
    second.model.open_article(Article("Acme Corp rose 5%."), analyse=False)
    second.model.add_highlight(0, 9, "ORG")
    dialogs.answers.append(QMessageBox.StandardButton.Cancel)
    quit_app(first)
    assert not first.isVisible()
    assert second.isVisible() and second.document.modified
    assert any("not saved" in text for kind, text in dialogs.shown if kind == "question")
    dialogs.answers.append(QMessageBox.StandardButton.Discard)
    quit_app(second)
    assert not second.isVisible()
