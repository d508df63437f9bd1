"""Which files are sessions, and the error a session file gives: what opening a file
needs to know before anything of the session format is imported
(:mod:`desktop.formats.session_file` reads and writes them)."""

from __future__ import annotations

from pathlib import Path

from desktop.formats.errors import FileFormatError
from desktop.formats.readers import read_head

SESSION_SUFFIX = ".alens"
#: The ``format`` field at the start of every session file.
FORMAT_MARKER = "article-lens-session"


class SessionFileError(FileFormatError):
    """A session file cannot be read or written.

    ``field`` is where the fault is (``highlights[3].end``; "" for the whole file)
    and ``reason`` what it is; ``str(error)`` joins them for a person.
    """

    def __init__(self, reason: str, field: str = "") -> None:
        super().__init__(f"{field}: {reason}" if field else reason)
        self.reason = reason
        self.field = field


def is_session_file(path: str | Path) -> bool:
    """True for a session file: by its suffix, or by the format marker at its start."""
    path = Path(path)
    if path.suffix.lower() == SESSION_SUFFIX:
        return True
    head = read_head(path, 4096)  # b"" for a pipe or a device: never blocks on one
    return head.lstrip().startswith(b"{") and f'"{FORMAT_MARKER}"'.encode() in head
