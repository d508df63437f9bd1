"""Text from a file or an article, shown by Qt as the characters it is.

Qt shows a string that looks like HTML (``Qt.mightBeRichText``) as rich text, and rich
text loads the images it names: ``<img src=/dev/zero>`` in a session read /dev/zero until
memory ran out. Message boxes and labels here are plain text; tool tips and prompts,
which Qt always guesses about, get the text escaped inside markup that keeps its
spaces and line breaks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:  # imported where used: their enums cost ~5 ms, before a window's first paint
    from PySide6.QtWidgets import QAbstractItemView, QMessageBox

    Button = QMessageBox.StandardButton


def escaped_html(text: str) -> str:
    """``text`` as rich text that shows exactly ``text`` (for tips and prompts)."""
    import html  # with its 2,000 entities: imported when first needed (start-up time)

    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


def tooltip_text(text: str | None) -> str:
    """A tool tip showing ``text`` as it is ("" for none, which hides the tip)."""
    return escaped_html(text) if text else ""


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that never reads its text as rich text."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def show_message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                 buttons: Button | None = None, default: Button | None = None) -> Button:
    """A modal message box with ``text`` as plain text (buttons: OK unless given); the
    button pressed."""
    from PySide6.QtWidgets import QMessageBox

    Button = QMessageBox.StandardButton
    box = QMessageBox(icon, title, text, Button.Ok if buttons is None else buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default is not None and default != Button.NoButton:
        box.setDefaultButton(default)
    try:
        return Button(box.exec())
    finally:
        box.deleteLater()


def warning(parent: QWidget | None, title: str, text: str) -> Button:
    from PySide6.QtWidgets import QMessageBox

    return show_message(parent, QMessageBox.Icon.Warning, title, text)


def critical(parent: QWidget | None, title: str, text: str) -> Button:
    from PySide6.QtWidgets import QMessageBox

    return show_message(parent, QMessageBox.Icon.Critical, title, text)


def information(parent: QWidget | None, title: str, text: str) -> Button:
    from PySide6.QtWidgets import QMessageBox

    return show_message(parent, QMessageBox.Icon.Information, title, text)


def question(parent: QWidget | None, title: str, text: str,
             buttons: Button | None = None, default: Button | None = None) -> Button:
    """Yes and No unless ``buttons`` says otherwise."""
    from PySide6.QtWidgets import QMessageBox

    Button = QMessageBox.StandardButton
    buttons = Button.Yes | Button.No if buttons is None else buttons
    return show_message(parent, QMessageBox.Icon.Question, title, text, buttons, default)


class _PlainItemTips(QObject):
    """Shows an item view's ToolTipRole data escaped (models hold it as plain text)."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.ToolTip:
            return False
        index = self._view.indexAt(event.pos())
        tip = index.data(Qt.ItemDataRole.ToolTipRole) if index.isValid() else None
        from PySide6.QtWidgets import QToolTip

        if tip:
            QToolTip.showText(event.globalPos(), tooltip_text(str(tip)), self._view.viewport(),
                              self._view.visualRect(index))
        else:
            QToolTip.hideText()
            event.ignore()
        return True


def show_item_tips_plainly(view: QAbstractItemView) -> None:
    """Make ``view`` show its cells' tool tips as plain text."""
    view.viewport().installEventFilter(_PlainItemTips(view))
