"""Edit › Paste as New Article: what was copied (a browser's HTML, cleaned of the page's
boilerplate, or plain text) opened as a new article that is not saved yet."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

from desktop.model.opening import FileFormatError, clipboard_article
from desktop.ui import plain_text

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData

    from desktop.ui.main_window import MainWindow


def paste_as_new_article(window: MainWindow, mime: QMimeData | None = None) -> bool:
    """Open the clipboard's content (``mime``, by default the clipboard's) as a new,
    unsaved article; a copied file is opened as a file and a copied web address is
    read. False, with a message, when it holds nothing to read; the article open stays."""
    mime = mime if mime is not None else QApplication.clipboard().mimeData()
    files = [url.toLocalFile() for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []
    if files:  # copied in a file manager
        return window.open_path(files[0])
    html = mime.html() if mime.hasHtml() else ""
    text = mime.text() if mime.hasText() else ""
    address = text.strip()
    if not html and address.lower().startswith(("http://", "https://")) and len(address.split()) == 1:
        return window.files.open_url(address)
    if not window.files.maybe_save():
        return False
    try:
        loaded = clipboard_article(html, text)
    except FileFormatError as error:
        window.statusBar().showMessage("Nothing to paste as an article.", 8000)
        plain_text.warning(window, "Could not paste an article", str(error))
        return False
    window.files.show_article(loaded, "the clipboard", unsaved=True)
    article = loaded.article
    what = "the page's article" if article.format == "html" else "text"
    window.statusBar().showMessage(f"Pasted {what} as a new article ({len(article.text):,} characters); "
                                   "it is not saved yet.", 8000)
    return True
