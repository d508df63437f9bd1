"""Keys for Qt's own dialogs that a keyboard alone cannot finish: in a multi-line text box
(the note's) Tab inserts a tab and Enter a new line, so OK could not be reached."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit

#: Accept the dialog from inside its text box.
ACCEPT_KEYS = ("Ctrl+Return", "Ctrl+Enter")


def keys_for_next_dialog() -> None:
    """Once the modal dialog about to be run is up: Tab and Shift+Tab leave its text box
    (for OK and Cancel), and Ctrl+Enter accepts it. Call just before a static dialog
    function such as QInputDialog.getMultiLineText."""
    QTimer.singleShot(0, _give_keys)


def _give_keys() -> None:
    dialog = QApplication.activeModalWidget()
    if dialog is None or not hasattr(dialog, "accept"):
        return
    for editor in (*dialog.findChildren(QPlainTextEdit), *dialog.findChildren(QTextEdit)):
        editor.setTabChangesFocus(True)
        editor.setToolTip("Ctrl+Enter: OK · Tab: to the buttons")
    for keys in ACCEPT_KEYS:
        QShortcut(QKeySequence(keys), dialog, dialog.accept)
