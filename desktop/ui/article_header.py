"""ArticleHeader: the title, date, author, site and source of an article imported from a
web page, a PDF, a Word document or the clipboard, above its text (plain text only:
every value comes from a file)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop.core.article import DOCUMENT_FORMATS, Article, is_web_address
from desktop.model.session_model import SessionModel
from desktop.ui.plain_text import plain_label, tooltip_text

#: The title is shown on at most this many characters (the whole one in its tool tip).
TITLE_CHARS = 200


class ElidedLabel(QLabel):
    """One line of plain text shortened in the middle ("https://site/…/story") to the
    width it is given, never widening the pane; the whole text in its tool tip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._full = ""

    def set_full_text(self, text: str, tip: str = "") -> None:
        self._full = " ".join(text.split())
        self.setToolTip(tooltip_text(tip or self._full))
        self._elide()

    def full_text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(self.width(), 40)
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle, width))


class ArticleHeader(QWidget):
    """Title, then "7 March 2024 · author · site", then "Web page: address"; shown for
    an article read from a document or pasted, hidden for a plain text file."""

    def __init__(self, model: SessionModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.setObjectName("articleHeader")
        self.title = plain_label(parent=self)
        self.title.setObjectName("articleHeaderTitle")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.details = ElidedLabel(self)
        self.details.setObjectName("articleHeaderDetails")
        self.source = ElidedLabel(self)
        self.source.setObjectName("articleHeaderSource")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(1)
        for label in (self.title, self.details, self.source):
            layout.addWidget(label)
        self.hide()
        model.sigSessionReset.connect(self.refresh)

    def refresh(self) -> None:
        article = self._model.article
        if not shows_header(article):
            self.hide()
            return
        title = " ".join(article.title.split())
        self.title.setText(title if len(title) <= TITLE_CHARS else title[:TITLE_CHARS - 1] + "…")
        self.title.setToolTip(tooltip_text(title) if len(title) > TITLE_CHARS else "")
        details = [shown_date(article.date), _by(article.author), article.site]
        self.details.set_full_text(" · ".join(part for part in details if part))
        self.details.setVisible(any(details))
        line, tip = source_line(article)
        self.source.set_full_text(line, tip)
        self.show()


def shows_header(article: Article) -> bool:
    """Whether ``article`` has more to show than its text: it was read from a document
    (or pasted from a browser) or from an address; a plain text file shows none."""
    return bool(article.format or article.date or article.author or article.site or article.url
                or is_web_address(article.source))


def source_line(article: Article) -> tuple[str, str]:
    """"Web page: https://…", "PDF: report.pdf", "Web page, pasted from the clipboard"
    (with the address the page gives for itself, when it is not the source), and the
    tool tip with the whole source and address."""
    kind = DOCUMENT_FORMATS.get(article.format, "Text" if article.format == "" else article.format)
    kind = kind[:1].upper() + kind[1:]
    source, url = article.source, article.url
    if not source:
        line = f"{kind}, pasted from the clipboard"
    elif is_web_address(source):
        line = f"{kind}: {source}"
    else:
        from pathlib import Path

        line = f"{kind}: {Path(source).name}"
    if url and url != source:
        line += f" ({url})"
    return line, "\n".join(part for part in (source, url if url != source else "") if part)


def shown_date(iso: str) -> str:
    """"7 March 2024" (in the reader's language) for "2024-03-07"; "" when there is none."""
    if not iso:
        return ""
    from PySide6.QtCore import QDate, QLocale

    date = QDate.fromString(iso, "yyyy-MM-dd")
    return QLocale().toString(date, "d MMMM yyyy") if date.isValid() else iso


def _by(author: str) -> str:
    author = " ".join(author.split())
    return f"by {author}" if author else ""
