"""Reading article files (.txt, .md and other plain text) in any common encoding."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from desktop.core.article import Article
from desktop.formats.decoding import DecodedText, decode_bytes
from desktop.formats.errors import FileFormatError

#: Larger files are refused before they are read.
MAX_ARTICLE_BYTES = 200 * 1024 * 1024
#: Suffixes offered in the Open dialog; any other file is still tried as text.
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text")
#: Opening never waits on a pipe or a device (O_NONBLOCK), nor translates line ends.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


@dataclass(frozen=True)
class ArticleFile:
    """An article read from a file, with what its decoding had to repair."""

    article: Article
    decoded: DecodedText

    @property
    def replaced(self) -> int:
        """Characters that could not be decoded (or were NUL bytes), shown as U+FFFD."""
        return self.decoded.replaced

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
    """:func:`read_article`, with how the text was decoded and what was replaced."""
    path = Path(path)
    decoded = decode_bytes(read_regular_file(path, MAX_ARTICLE_BYTES), path.name)
    return ArticleFile(Article.from_file_text(decoded.text, path, decoded.encoding), decoded)


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
