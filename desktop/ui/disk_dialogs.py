"""Questions about a session file that another window or program changed on disk.

Every box shows its text as plain text: the file's name is the person's (or an
attacker's) and is never read as markup.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

TITLE = "File changed on disk"
Role = QMessageBox.ButtonRole


class Conflict(Enum):
    OVERWRITE = "Overwrite"
    SAVE_AS = "Save As…"
    RELOAD = "Reload"
    CANCEL = "Cancel"


def ask_conflict(parent: QWidget | None, name: str) -> Conflict:
    """Asked on saving over a file that changed on disk since it was opened or saved."""
    box = _box(parent, QMessageBox.Icon.Warning,
               f"“{name}” was changed on disk since you opened or last saved it, "
               "by another window or another program.",
               "Overwrite: replace that version with yours.\n"
               "Save As…: keep that version and save yours under another name.\n"
               "Reload: open that version and drop your unsaved changes.")
    buttons = {
        box.addButton(Conflict.OVERWRITE.value, Role.DestructiveRole): Conflict.OVERWRITE,
        box.addButton(Conflict.SAVE_AS.value, Role.AcceptRole): Conflict.SAVE_AS,
        box.addButton(Conflict.RELOAD.value, Role.ResetRole): Conflict.RELOAD,
    }
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(next(b for b, c in buttons.items() if c is Conflict.SAVE_AS))
    box.setEscapeButton(cancel)
    return buttons.get(_run(box), Conflict.CANCEL)


def ask_reload(parent: QWidget | None, name: str) -> bool:
    """Asked when the open file changed on disk and this window has no unsaved edits."""
    box = _box(parent, QMessageBox.Icon.Question,
               f"“{name}” was changed on disk by another window or another program.",
               "Reload it to see that version? There are no unsaved changes here.")
    reload = box.addButton("Reload", Role.AcceptRole)
    keep = box.addButton("Keep This Version", Role.RejectRole)
    box.setDefaultButton(reload)
    box.setEscapeButton(keep)
    return _run(box) is reload


def tell_changed(parent: QWidget | None, name: str) -> None:
    """Said when the open file changed on disk while this window has unsaved edits."""
    box = _box(parent, QMessageBox.Icon.Information,
               f"“{name}” was changed on disk by another window or another program.",
               "Your unsaved changes here are kept, and nothing was reloaded. When you "
               "save, you will be asked whether to overwrite that version, save yours "
               "under another name, or reload it.")
    box.addButton(QMessageBox.StandardButton.Ok)
    _run(box)


def _box(parent: QWidget | None, icon: QMessageBox.Icon, text: str, more: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(TITLE)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setInformativeText(more)
    return box


def _run(box: QMessageBox):
    """The button clicked (None when the box was closed otherwise)."""
    try:
        box.exec()
        return box.clickedButton()
    finally:
        box.deleteLater()
