"""The article being read: its text, where it came from, and what it says about itself."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

_TITLE_LIMIT = 90


def text_sha256(text: str) -> str:
    """The sha256 of ``text`` encoded as UTF-8, in hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


#: ``Article.format`` of an article imported from a document; "" is plain text.
DOCUMENT_FORMATS = {"html": "web page", "pdf": "PDF", "docx": "Word document"}


@dataclass(frozen=True)
class Article:
    """An article's text (the one thing every offset points into) and its origin.

    ``source`` is where it was read from: a path, an http(s) address, or "" (pasted).
    ``format`` is "" for plain text, else the document it was extracted from (a key of
    DOCUMENT_FORMATS). ``author``, ``date`` (ISO 8601, YYYY-MM-DD: when it was
    published), ``site`` and ``url`` (the address the page gives for itself) are what
    the document says about itself, "" when it does not say.
    """

    text: str
    title: str = ""
    source: str = ""
    sha256: str = field(default="")
    encoding: str = ""
    format: str = ""
    author: str = ""
    date: str = ""
    site: str = ""
    url: str = ""

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", text_sha256(self.text))
        if not self.title:
            object.__setattr__(self, "title", guess_title(self.text, self.source))

    @classmethod
    def from_file_text(cls, text: str, path: str | Path, encoding: str = "") -> Article:
        """An article read from ``path``; the title comes from the file name."""
        path = Path(path)
        return cls(text=text, title=path.stem, source=str(path), encoding=encoding)

    @property
    def year(self) -> int | None:
        """The year of :attr:`date`, or None when the article gives no date."""
        match = _ISO_YEAR.match(self.date)
        return int(match.group(1)) if match else None


_ISO_YEAR = re.compile(r"(\d{4})-\d{2}-\d{2}$")
_WEB_ADDRESS = re.compile(r"https?://", re.IGNORECASE)


def is_web_address(source: str) -> bool:
    """Whether ``source`` is an http(s) address rather than a path."""
    return bool(_WEB_ADDRESS.match(source))


def has_scheme(text: str) -> bool:
    """Whether ``text`` is written as an address with a scheme ("http://", "ftp://",
    "file://" …) rather than as a path (a Windows drive, "C:\\x", is a path)."""
    match = _SCHEME.match(text.strip())
    return match is not None and len(match.group(1)) > 1


_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*)://")


def guess_title(text: str, source: str = "") -> str:
    """A short title: the file name when there is one, else the first line, shortened."""
    if source and not is_web_address(source):
        return Path(source).stem
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(first_line) <= _TITLE_LIMIT:
        return first_line or "Untitled"
    cut = first_line.rfind(" ", 0, _TITLE_LIMIT)
    return first_line[: cut if cut > 0 else _TITLE_LIMIT] + "…"
