"""What a person is told when a file loads with warnings. Every text here is plain
text: it quotes files."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton
#: Characters of one warning or problem quoted in a message.
MAX_QUOTED_CHARS = 300


def show_load_warnings(parent: QWidget, name: str, warnings: Sequence[str]) -> None:
    """Say what to know about ``name``, which opened (nothing when there is nothing)."""
    if not warnings:
        return
    text = f"{name} was opened, but:\n\n" + "\n\n".join(map(_short, warnings))
    _run(_box(parent, QMessageBox.Icon.Warning, "Opened with warnings", text, Button.Ok, Button.Ok))


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
