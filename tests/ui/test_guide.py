"""Help › Guide shows docs/guide.md with its pictures; the pictures are there and small."""

import re
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from desktop.ui.guide_window import GuideWindow

DOCS = Path(__file__).resolve().parents[2] / "docs"
GUIDE = DOCS / "guide.md"


def pictures() -> list[str]:
    return re.findall(r"!\[[^\]]*\]\(([^)]+)\)", GUIDE.read_text(encoding="utf-8"))


def test_every_picture_of_the_guide_is_there_and_under_300_kb():
    names = pictures()
    assert len(names) >= 4
    for name in names:
        path = DOCS / name
        assert path.is_file(), name
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size < 300_000, name


def test_help_guide_opens_the_guide_with_its_pictures(window, qtbot):
    help_menu = next(m for m in window.menuBar().actions() if m.text() == "&Help").menu()
    next(a for a in help_menu.actions() if a.text() == "&Guide").trigger()
    guide = window.findChild(GuideWindow, "guideWindow")
    qtbot.waitExposed(guide)
    text = guide.browser.toPlainText()
    assert "Annotating" in text and "Your corrections" in text and "extract" in text
    for name in pictures():
        image = guide.browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert image is not None and not image.isNull(), name
    guide.close()
