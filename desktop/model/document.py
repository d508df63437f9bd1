"""SessionDocument: the open session as a file — its path, saving, opening, recovery."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from desktop.core.session import Session
from desktop.formats.disk_stamp import DiskStamp
from desktop.formats.session_file import (
    SESSION_SUFFIX, LoadedSession, load_session, save_session, session_to_bytes,
)
from desktop.model.recovery import RecoveryWriter
from desktop.model.session_model import SessionModel


class SessionDocument(QObject):
    """Where the model's session is saved, and whether it has unsaved edits.

    The undo stack's clean state is the "saved" state. ``view_state`` is asked for
    the window's state (scroll, selection, pane sizes) at each save.
    """

    sigPathChanged = Signal(str)

    def __init__(self, model: SessionModel, view_state: Callable[[], dict[str, Any]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._view_state = view_state
        self.path: Path | None = None
        #: what the last save wrote to ``path`` (to notice another writer after it)
        self.written: DiskStamp | None = None
        self.recovery = RecoveryWriter(self._recovery_snapshot, self)
        model.undo_stack.indexChanged.connect(self._on_history_change)

    @property
    def modified(self) -> bool:
        return not self._model.undo_stack.isClean()

    def save(self, path: str | Path | None = None) -> Path:
        """Save to ``path`` (or the current path); raises SessionFileError on failure."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("no path to save to")
        if target.suffix != SESSION_SUFFIX:
            target = target.with_name(target.name + SESSION_SUFFIX)
        self.written = save_session(self._model.session, target, self._view_state())
        self._model.undo_stack.setClean()
        self.recovery.discard()
        self._set_path(target)
        return target

    def open(self, path: str | Path) -> LoadedSession:
        """Load a session file and show it; raises SessionFileError (nothing changes)."""
        loaded = load_session(path)
        self.show_loaded(loaded, path)
        return loaded

    def show_loaded(self, loaded: LoadedSession, path: str | Path) -> None:
        """Show a session loaded from ``path`` (in the background, see SessionLoader)."""
        self.recovery.discard()
        self._model.open_session(loaded.session, suggest=False)
        self._set_path(Path(path))

    def new_from(self, session: Session, path: Path | None = None, modified: bool = False) -> None:
        """Show ``session`` (an opened article, or a restored recovery copy)."""
        self.recovery.discard()
        self._model.open_session(session, suggest=path is None and not modified)
        self._set_path(path)
        if modified:
            self._model.undo_stack.resetClean()
            self.recovery.edited()

    def discard_recovery(self) -> None:
        self.recovery.discard()

    def _set_path(self, path: Path | None) -> None:
        self.path = path
        self.sigPathChanged.emit(str(path) if path else "")

    def _on_history_change(self, _index: int) -> None:
        if not isValid(self._model.undo_stack):  # emitted while the window is torn down
            return
        if self.modified:
            self.recovery.edited()
        else:
            self.recovery.discard()

    def _recovery_snapshot(self) -> bytes | None:
        if not self.modified:
            return None
        state = dict(self._view_state(), recovery_of=str(self.path or ""))
        return session_to_bytes(self._model.session, state)
