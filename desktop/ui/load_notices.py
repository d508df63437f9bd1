"""What a person is told when a file loads with warnings, and when unsaved work left
by an earlier run cannot be read. Every text here is plain text: it quotes files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.model.recovery import RecoveryCopy

Button = QMessageBox.StandardButton
#: Characters of one warning or problem quoted in a message.
MAX_QUOTED_CHARS = 300


def show_load_warnings(parent: QWidget, name: str, warnings: Sequence[str]) -> None:
    """Say what to know about ``name``, which opened (nothing when there is nothing)."""
    if not warnings:
        return
    text = f"{name} was opened, but:\n\n" + "\n\n".join(map(_short, warnings))
    _run(_box(parent, QMessageBox.Icon.Warning, "Opened with warnings", text, Button.Ok, Button.Ok))


def tell_unreadable_copies(parent: QWidget, copies: Sequence[RecoveryCopy], folder: Path) -> None:
    """Unsaved work that could not be read is kept where it is: say so, and offer to
    show its folder (or, when the person asks, delete it)."""
    if not copies:
        return
    count = "a recovery copy" if len(copies) == 1 else f"{len(copies)} recovery copies"
    lines = "\n".join(f"• {copy.path.name}: {_short(copy.problem)}" for copy in copies)
    text = (f"Unsaved work left by an earlier run could not be read ({count}). It was kept, "
            f"in {folder}:\n\n{lines}\n\nA newer Article Lens may open it. Show Folder opens "
            "the folder; Delete removes these copies; Keep leaves them for the next start.")
    box = _box(parent, QMessageBox.Icon.Question, "Unsaved work could not be read", text,
               Button.Open | Button.Discard | Button.Ignore, Button.Ignore)
    box.button(Button.Open).setText("Show Folder")
    box.button(Button.Discard).setText("Delete")
    box.button(Button.Ignore).setText("Keep")
    box.setEscapeButton(box.button(Button.Ignore))
    answer = _run(box)
    if answer == Button.Open:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
    elif answer == Button.Discard:
        for copy in copies:
            copy.path.unlink(missing_ok=True)


def _short(text: str) -> str:
    return text if len(text) <= MAX_QUOTED_CHARS else text[:MAX_QUOTED_CHARS] + "…"


def _box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str,
         buttons: Button, default: Button) -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setDefaultButton(default)
    return box


def _run(box: QMessageBox) -> Button:
    try:
        return Button(box.exec())
    finally:
        box.deleteLater()
