"""Help > Guide: docs/guide.md, with its pictures, in a window beside the article."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

NO_GUIDE = """# Article Lens guide

The guide is the file `docs/guide.md` of the Article Lens source folder (the one the
app was installed from), with its pictures beside it. Help › Keyboard Shortcuts (F1)
lists every key.
"""


class GuideWindow(QDialog):
    """A browser of the guide: links within it work, outside ones open elsewhere."""

    def __init__(self, guide: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideWindow")
        self.setWindowTitle("Article Lens guide")
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideText")
        self.browser.setAccessibleName("Guide")
        self.browser.setOpenExternalLinks(True)
        if guide is not None:
            self.browser.setSearchPaths([str(guide.parent)])
            self.browser.setSource(QUrl.fromLocalFile(str(guide)))
            fit_pictures(self.browser, 780)
        else:
            self.browser.setMarkdown(NO_GUIDE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(860, 720)


def fit_pictures(browser: QTextBrowser, width: int) -> None:
    """Show the document's pictures at most ``width`` pixels wide (the screenshots are
    as wide as a screen), keeping their proportions."""
    from PySide6.QtGui import QTextCursor, QTextDocument

    document = browser.document()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            picture = fragment.charFormat().toImageFormat()
            if picture.isValid():
                image = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(picture.name()))
                if image is not None and not image.isNull() and image.width() > width:
                    picture.setWidth(width)
                    picture.setHeight(image.height() * width / image.width())
                    cursor = QTextCursor(document)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(picture)
            iterator += 1
        block = block.next()


def show_guide(parent: QWidget, guide: Path | None) -> GuideWindow:
    """Show (or raise) the parent window's guide."""
    window = parent.findChild(GuideWindow, "guideWindow")
    if window is None:
        window = GuideWindow(guide, parent)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
