"""Reading article files: plain text (.txt, .md …) in any common encoding, and web
pages, PDFs and Word documents (.html, .pdf, .docx, or any file that is one of them
by its content), whose text and metadata the converters of ``html_text``, ``pdf_text``
and ``docx_text`` extract (their libraries are imported only when a file needs them)."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.article import Article
from desktop.formats.decoding import DecodedText, decode_bytes
from desktop.formats.errors import FileFormatError

if TYPE_CHECKING:
    from desktop.formats.imported_text import ImportedText

#: Larger files are refused before they are read.
MAX_ARTICLE_BYTES = 200 * 1024 * 1024
#: Suffixes of plain-text articles; any file of no known kind is still tried as text.
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text")
#: Suffixes of the documents whose text is extracted (their content decides, though:
#: a PDF named .txt is read as a PDF, and a page saved as .txt as a page).
DOCUMENT_SUFFIXES = {".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
                     ".pdf": "pdf", ".docx": "docx"}
#: Word-processor files Article Lens cannot read yet: a clear message, not a binary one.
UNSUPPORTED_SUFFIXES = {".doc": "doc", ".odt": "odt", ".rtf": "rtf"}
#: Everything the Open dialog offers as an article.
OPEN_SUFFIXES = (*ARTICLE_SUFFIXES, ".html", ".htm", ".pdf", ".docx")
#: Opening never waits on a pipe or a device (O_NONBLOCK), nor translates line ends.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


@dataclass(frozen=True)
class ArticleFile:
    """An article read from a file (or an address), with what its decoding had to
    repair (``decoded``: None for an extracted document) and what the extraction
    wants the reader to know (``warnings``: pages without text …)."""

    article: Article
    decoded: DecodedText | None = None
    warnings: tuple[str, ...] = ()

    @property
    def replaced(self) -> int:
        """Characters that could not be decoded (or were NUL bytes), shown as U+FFFD."""
        return self.decoded.replaced if self.decoded is not None else 0

    def file_offset(self, offset: int) -> int:
        """Where ``offset`` of the article's text is in the file as read (see
        ``DecodedText.file_offset``); the same offset for an extracted document,
        whose text is the article's own."""
        return self.decoded.file_offset(offset) if self.decoded is not None else offset

    def damage_note(self) -> str:
        """A sentence about the replaced characters, or "" when there were none."""
        count = self.replaced
        if not count:
            return ""
        what = "1 character" if count == 1 else f"{count:,} characters"
        verb = "was" if count == 1 else "were"
        return f"{what} of {self.article.title} could not be decoded and {verb} replaced by �."


def read_article(path: str | Path) -> Article:
    """The article in ``path``, decoded and with newlines normalised to ``\\n``.

    Raises FileFormatError with a message for the reader when the file is missing, not a
    regular file, too large, empty, binary, or in no encoding that can be recognised.
    """
    return read_article_file(path).article


def read_article_file(path: str | Path) -> ArticleFile:
    """:func:`read_article`, with how the text was decoded and what was replaced.

    A web page, PDF or Word document (by its suffix or its content) gives its extracted
    text and metadata; DocumentError (a FileFormatError) when it is damaged, has no
    article text, or is a format Article Lens cannot read yet (.doc, .odt, .rtf)."""
    path = Path(path)
    data = read_regular_file(path, MAX_ARTICLE_BYTES)
    kind = document_kind(data, path.suffix)
    if kind:
        return ArticleFile(*imported_article(convert_document(data, kind, path.name), str(path), path.stem))
    try:
        decoded = decode_bytes(data, path.name)
    except FileFormatError:
        if path.suffix.lower() in UNSUPPORTED_SUFFIXES:  # a .doc (.odt, .rtf) that is not text either
            from desktop.formats.imported_text import unsupported_document

            raise unsupported_document(path.name, UNSUPPORTED_SUFFIXES[path.suffix.lower()]) from None
        raise
    return ArticleFile(Article.from_file_text(decoded.text, path, decoded.encoding), decoded)


def document_kind(data: bytes, suffix: str = "", content_type: str = "") -> str:
    """The document ``data`` is, to extract its text: 'html', 'pdf', 'docx', or a format
    that cannot be read yet ('doc', 'odt', 'rtf': by content); '' for plain text. Its content decides
    first, then ``suffix`` (".pdf") or the ``content_type`` a server gave
    ("text/html; charset=utf-8")."""
    from desktop.formats.imported_text import sniff_format  # not at start-up

    suffix = suffix.lower()
    sniffed = sniff_format(data)
    if sniffed == "pdf" and suffix in ARTICLE_SUFFIXES and not _starts_pdf(data):
        sniffed = ""  # a text that quotes "%PDF-" near its start is still a text
    if sniffed in ("pdf", "docx", "doc", "odt", "rtf", "html"):
        return sniffed
    by_suffix = DOCUMENT_SUFFIXES.get(suffix) or UNSUPPORTED_SUFFIXES.get(suffix, "")
    if sniffed == "zip":  # another zip: only a .docx or .odt is worth a clear message
        return by_suffix if by_suffix in ("docx", "odt") else ""
    if by_suffix in ("html", "pdf", "docx"):  # a .doc, .odt or .rtf of no such content may be text
        return by_suffix
    media = content_type.split(";")[0].strip().lower()
    return {"text/html": "html", "application/xhtml+xml": "html", "application/pdf": "pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
            }.get(media, "")


def _starts_pdf(data: bytes) -> bool:
    return data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n\x00").startswith(b"%PDF-")


def convert_document(data: bytes, kind: str, name: str, url: str = "") -> ImportedText:
    """The text and metadata of the ``kind`` of document (see :func:`document_kind`) in
    ``data``; DocumentError when it cannot be read."""
    if kind == "html":
        from desktop.formats.html_text import html_to_text

        return html_to_text(data, url=url, name=name)
    if kind == "pdf":
        from desktop.formats.pdf_text import pdf_to_text

        return pdf_to_text(data, name=name)
    if kind == "docx":
        from desktop.formats.docx_text import docx_to_text

        return docx_to_text(data, name=name)
    from desktop.formats.imported_text import unsupported_document

    raise unsupported_document(name, kind)


def imported_article(imported: ImportedText, source: str, fallback_title: str = ""
                     ) -> tuple[Article, None, tuple[str, ...]]:
    """The Article of an extracted document read from ``source`` (a path, an address,
    or "" when pasted), with the (absent) decoding and the extraction's warnings;
    titled by the document, else ``fallback_title``, else its first line."""
    article = Article(text=imported.text, title=" ".join(imported.title.split()) or fallback_title,
                      source=source, format=imported.format, author=imported.author,
                      date=imported.date, site=imported.site, url=imported.url)
    return article, None, imported.warnings


def decode_text(data: bytes, name: str = "the file") -> tuple[str, str]:
    """``data`` decoded as text, with the encoding used; FileFormatError if not text."""
    decoded = decode_bytes(data, name)
    return decoded.text, decoded.encoding


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of ``path`` (links followed), which must be a regular file of at most
    ``limit`` bytes: a device, pipe or socket is refused before it is opened, and at
    most ``limit + 1`` bytes are read, whatever the file's size says."""
    try:
        _check_regular(os.stat(path), path, limit)
        descriptor = os.open(path, _OPEN_FLAGS)
        with open(descriptor, "rb", closefd=True) as handle:
            status = os.fstat(descriptor)  # it may have been replaced since os.stat
            _check_regular(status, path, limit)
            data = handle.read(status.st_size + 1)
            if len(data) > status.st_size:  # /proc files say 0; others may be growing
                data += handle.read(limit + 1 - len(data))
    except OSError as error:
        raise FileFormatError(f"{path.name} could not be read: {error.strerror or error}.") from None
    if len(data) > limit:
        raise _too_large(path, None, limit)
    return data


def read_head(path: str | Path, size: int) -> bytes:
    """The first ``size`` bytes of a regular file; b"" for anything else (never blocks)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return b""
        descriptor = os.open(path, _OPEN_FLAGS)
        with open(descriptor, "rb", closefd=True) as handle:
            return handle.read(size) if stat.S_ISREG(os.fstat(descriptor).st_mode) else b""
    except OSError:
        return b""


def _check_regular(status: os.stat_result, path: Path, limit: int) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise FileFormatError(f"{path.name} is a folder, not a file.")
    if not stat.S_ISREG(status.st_mode):
        raise FileFormatError(f"{path} is not a regular file (it is a device, a pipe or a "
                              "socket): only files can be opened as articles.")
    if status.st_size > limit:
        raise _too_large(path, status.st_size, limit)


def _too_large(path: Path, size: int | None, limit: int) -> FileFormatError:
    """``size``: None when only the first ``limit + 1`` bytes were read."""
    most = f"{limit / 2**20:.0f} MB"
    over = f"is {size / 2**20:.0f} MB" if size is not None else f"is over {most}"
    return FileFormatError(f"{path.name} {over}; articles up to {most} can be opened.")
