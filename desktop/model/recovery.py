"""Recovery copies of unsaved work, written in the background while a person edits.

Each window's document writes ``recovery-<pid>-<token>.alens`` (an ordinary session
file) to the user's data folder a moment after each burst of edits, and at least
every 30 s while edits keep coming. A clean save or a discard deletes it. On the
next start, copies whose process is gone are offered for restoring; one that cannot
be read (written by a newer version, damaged) is never deleted unasked: the window
says so and offers to show the folder (desktop/ui/load_notices.py).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal

from desktop.formats.atomic_write import atomic_write, private_folder
from desktop.formats.session_kind import SessionFileError

if TYPE_CHECKING:
    from desktop.formats.session_file import LoadedSession

#: Quiet time that ends a burst of edits.
BURST_END_MS = 1500
#: Longest time edits may go without a recovery copy.
MAX_DELAY_MS = 30_000
PREFIX = "recovery-"


def recovery_folder() -> Path:
    """Where recovery copies live (created on demand, readable by the user only)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return private_folder(Path(base or Path.home() / ".local/share/article-lens") / "recovery")


@dataclass
class RecoveryCopy:
    """A recovery copy left by a process that is gone."""

    path: Path
    loaded: LoadedSession | None
    problem: str = ""

    @property
    def original(self) -> str:
        """The session file the work belonged to, or "" for an unsaved one."""
        return self.loaded.view_state.get("recovery_of", "") if self.loaded else ""


class RecoveryWriter(QObject):
    """Writes recovery copies of a document while it has unsaved edits.

    ``snapshot`` returns the bytes to write (a whole session file), or None when
    there is nothing unsaved.
    """

    sigWritten = Signal(str)

    def __init__(self, snapshot: Callable[[], bytes | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._snapshot = snapshot
        self.path = recovery_folder() / f"{PREFIX}{os.getpid()}-{os.urandom(4).hex()}.alens"
        self._burst = QTimer(self, singleShot=True, interval=BURST_END_MS)
        self._deadline = QTimer(self, singleShot=True, interval=MAX_DELAY_MS)
        self._burst.timeout.connect(self.write_now)
        self._deadline.timeout.connect(self.write_now)
        self._lock = threading.Lock()

    def edited(self) -> None:
        """Note an edit: write when the burst ends, or at the deadline at the latest."""
        self._burst.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def write_now(self) -> None:
        """Write the copy now (in a background thread) if there is unsaved work."""
        self._burst.stop()
        self._deadline.stop()
        data = self._snapshot()
        if data is None:
            self.discard()
            return
        threading.Thread(target=self._write, args=(data,), daemon=True).start()

    def _write(self, data: bytes) -> None:
        with self._lock:
            try:
                atomic_write(self.path, data, mode=0o600)  # it holds the article's text
            except OSError:
                return
        self.sigWritten.emit(str(self.path))

    def discard(self) -> None:
        """Delete the copy (after a save, or when the person discards the edits)."""
        self._burst.stop()
        self._deadline.stop()
        with self._lock:
            self.path.unlink(missing_ok=True)


def orphaned_copies(folder: Path | None = None) -> list[RecoveryCopy]:
    """Recovery copies whose process is no longer running, newest first."""
    folder = folder or recovery_folder()
    copies = []
    for path in sorted(folder.glob(f"{PREFIX}*.alens"), key=_mtime, reverse=True):
        if _owner_alive(path):
            continue
        try:
            from desktop.formats.session_file import load_session  # (only when a copy is left)

            copies.append(RecoveryCopy(path, load_session(path)))
        except SessionFileError as error:
            copies.append(RecoveryCopy(path, None, str(error)))
    return copies


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _owner_alive(path: Path) -> bool:
    try:
        pid = int(path.name[len(PREFIX):].split("-")[0])
    except ValueError:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
