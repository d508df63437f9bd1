"""Where articles come from besides a file: a web address and the clipboard; and
:func:`read_source`, a path or an address alike (the command line). Qt-free."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from desktop.core.article import Article
from desktop.formats.decoding import decode_bytes
from desktop.formats.errors import FileFormatError, shortened
from desktop.formats.imported_text import DocumentError, unsupported_document
from desktop.formats.readers import ArticleFile, convert_document, document_kind, imported_article, read_article_file
from desktop.formats.url_fetch import Fetched, fetch, has_scheme

#: Cleaned HTML from the clipboard shorter than this (in words) gives way to the
#: clipboard's plain text: a copied sentence or two is not cut by the boilerplate rules.
CLIPBOARD_MIN_WORDS = 15
#: Media types served as something other than ``text/…`` that still hold text.
_TEXT_MEDIA = ("application/json", "application/xml", "application/rss+xml", "application/atom+xml")


def read_source(source: str, **fetch_options) -> ArticleFile:
    """The article at ``source``: an address (http or https: any other scheme is
    refused, see :func:`desktop.formats.url_fetch.web_address`) or a path.
    FileFormatError (UrlError, DocumentError) with a message for the reader."""
    if has_scheme(source):
        return read_url(source, **fetch_options)
    return read_article_file(source)


def read_url(url: str, *, should_stop: Callable[[], bool] = lambda: False,
             progress: Callable[[int, int], None] | None = None, **limits) -> ArticleFile:
    """The article at the web address ``url`` (see :func:`url_fetch.fetch` for
    ``should_stop``, ``progress`` and the limits): a page cleaned of its boilerplate,
    or the text of a PDF or Word document served there, whatever the server called it."""
    return article_from_fetched(fetch(url, should_stop=should_stop, progress=progress, **limits))


def article_from_fetched(fetched: Fetched) -> ArticleFile:
    """The article in what a server sent: its content decides what it is, then the
    address's suffix, then the media type the server gave."""
    name = shortened(fetched.url, 120)
    suffix = PurePosixPath(unquote(urlsplit(fetched.url).path)).suffix
    kind = document_kind(fetched.data, suffix, fetched.content_type)
    if kind in ("html", "pdf", "docx"):
        imported = convert_document(fetched.data, kind, name, url=fetched.url)
        if not imported.url:
            imported = dataclasses.replace(imported, url=fetched.url)
        return ArticleFile(*imported_article(imported, fetched.url))
    if kind:
        raise unsupported_document(name, kind)
    media = fetched.content_type.split(";")[0].strip().lower()
    if media and not media.startswith("text/") and media not in _TEXT_MEDIA:
        raise DocumentError(f"{name} is not an article: the server sent a file of the type {media}, "
                            "not a web page, a PDF, a Word document or text.")
    decoded = decode_bytes(fetched.data, name)
    article = Article(text=decoded.text, source=fetched.url, encoding=decoded.encoding, url=fetched.url)
    return ArticleFile(article, decoded)


def clipboard_article(html: str, text: str) -> ArticleFile:
    """The article of what was copied: its HTML (from a browser) cleaned of boilerplate
    as a page is, unless that leaves little of it (a sentence or two copied: then the
    plain ``text``); else the plain text. DocumentError when neither holds text."""
    if html.strip():
        from desktop.formats.html_text import html_to_text

        try:
            imported = html_to_text(html, name="The clipboard", min_words=0)
        except FileFormatError:
            imported = None
        if imported is not None and imported.text.strip() and (
                len(imported.text.split()) >= CLIPBOARD_MIN_WORDS or not text.strip()):
            return ArticleFile(*imported_article(imported, ""))
    plain = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    plain = plain.replace("\x00", "\ufffd")
    if not plain.strip():
        raise DocumentError("The clipboard holds no text to open as an article.")
    return ArticleFile(Article(text=plain))
