"""The article being read: its text and where it came from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

_TITLE_LIMIT = 90


def text_sha256(text: str) -> str:
    """The sha256 of ``text`` encoded as UTF-8, in hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """An article's text (the one thing every offset points into) and its origin."""

    text: str
    title: str = ""
    source: str = ""
    sha256: str = field(default="")
    encoding: str = ""

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


def guess_title(text: str, source: str = "") -> str:
    """A short title: the file name when there is one, else the first line, shortened."""
    if source:
        return Path(source).stem
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if len(first_line) <= _TITLE_LIMIT:
        return first_line or "Untitled"
    cut = first_line.rfind(" ", 0, _TITLE_LIMIT)
    return first_line[: cut if cut > 0 else _TITLE_LIMIT] + "…"
