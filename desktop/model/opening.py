"""What the window opens, read through the file layer: the file dialogs' filters, which
kind of file a path holds, an article read from a file or the clipboard, and the errors
a read raises (each with a message meant for the person; the window shows it as it is).

The window asks here and in :mod:`desktop.model.document` (which shows what is read);
it never reads a file format itself.
"""

from __future__ import annotations

from pathlib import Path

from desktop.formats.errors import FileFormatError
from desktop.formats.readers import ARTICLE_SUFFIXES, DOCUMENT_SUFFIXES, OPEN_SUFFIXES, ArticleFile, read_article_file
from desktop.formats.session_kind import SESSION_SUFFIX, SessionFileError, is_session_file

__all__ = [
    "OPEN_FILTER", "SAVE_FILTER", "SESSION_SUFFIX", "ArticleFile", "FileFormatError", "SessionFileError",
    "annotation_format", "clipboard_article", "is_session_file", "read_article", "reads_slowly",
]

#: File › Open's filters: articles and sessions, then each kind apart.
OPEN_FILTER = ";;".join([
    "Articles and sessions (" + " ".join(f"*{s}" for s in (*OPEN_SUFFIXES, SESSION_SUFFIX)) + ")",
    f"Article Lens sessions (*{SESSION_SUFFIX})",
    "Articles (" + " ".join(f"*{s}" for s in OPEN_SUFFIXES) + ")",
    "Text files (" + " ".join(f"*{s}" for s in ARTICLE_SUFFIXES) + ")",
    "Web pages, PDF and Word documents (*.html *.htm *.pdf *.docx)",
    "All files (*)",
])
SAVE_FILTER = f"Article Lens sessions (*{SESSION_SUFFIX})"


def read_article(path: str | Path) -> ArticleFile:
    """The article in the file ``path`` (text, a web page, a PDF or a Word document);
    FileFormatError saying why it cannot be read."""
    return read_article_file(path)


def reads_slowly(path: str | Path) -> bool:
    """Whether reading ``path`` converts a document (a long PDF or page takes a moment)."""
    return Path(path).suffix.lower() in DOCUMENT_SUFFIXES


def clipboard_article(html: str, text: str) -> ArticleFile:
    """The article of what was copied (a browser's ``html``, else the plain ``text``);
    FileFormatError when neither holds text."""
    from desktop.formats.article_sources import clipboard_article as read_clipboard

    return read_clipboard(html, text)


def annotation_format(path: str | Path) -> str | None:
    """"brat", "doccano", "prodigy" or "w3c" for an annotation file whose format the
    person did not say, or None when it says none of them."""
    from desktop.formats.annotations.sniff import guess_format

    return guess_format(path)
