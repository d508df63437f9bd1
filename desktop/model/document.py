"""SessionDocument: the open session as a file — its path, opening, saving, recovery, and
the watch on the file for other writers."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from desktop.core.article import has_scheme
from desktop.core.highlight import now_iso
from desktop.core.session import Session
from desktop.formats.readers import ArticleFile
from desktop.formats.session_kind import SESSION_SUFFIX
from desktop.model.file_watch import DiskStamp, FileWatch, disk_stamp
from desktop.model.recovery import RecoveryWriter
from desktop.model.session_model import SessionModel

if TYPE_CHECKING:
    from desktop.formats.session_file import LoadedSession


def session_path(path: str | Path) -> Path:
    """``path`` as a session file's path: with the session suffix added if it has another."""
    path = Path(path)
    return path if path.suffix == SESSION_SUFFIX else path.with_name(path.name + SESSION_SUFFIX)


class SessionDocument(QObject):
    """Where the model's session is saved, and whether it has unsaved edits.

    The undo stack's clean state is the "saved" state. ``view_state`` is asked for
    the window's state (scroll, selection, pane sizes) at each save. Saving reads the
    session and never changes it: the "created" stamp of a session first saved here
    is kept by the document (see :attr:`created`).
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
        self._first_saved: str | None = None  # when this session was first saved, here
        self.recovery = RecoveryWriter(self._recovery_snapshot, self)
        #: the open session file, watched for another window or program writing it
        self.watch = FileWatch(self)
        model.undo_stack.indexChanged.connect(self._on_history_change)

    @property
    def modified(self) -> bool:
        return not self._model.undo_stack.isClean()

    @property
    def created(self) -> str | None:
        """When the session was first saved: as its file says, or by a save made here."""
        stamp = self._model.session.extra.get("created")
        return stamp if isinstance(stamp, str) else self._first_saved

    # -- saving --------------------------------------------------------------
    def save(self, path: str | Path | None = None) -> Path:
        """Save to ``path`` (or the current path); raises SessionFileError on failure."""
        if path is None and self.path is None:
            raise ValueError("no path to save to")
        target = session_path(path if path is not None else self.path)
        created = self.created or now_iso()
        from desktop.formats.session_file import save_session  # (the format, on first use)

        self.written = save_session(self._model.session, target, self._view_state(), created=created)
        self._first_saved = created
        self._model.undo_stack.setClean()
        self.recovery.discard()
        self._set_path(target)
        self.watch.track(target, self.written)
        return target

    def suggested_path(self) -> Path:
        """Where Save As… starts: the session's file, else beside its article, else home."""
        if self.path is not None:
            return self.path
        article = self._model.article
        if article.source and not has_scheme(article.source):
            return Path(article.source).with_suffix(SESSION_SUFFIX)
        title = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", article.title).strip(" .")[:120]
        return Path.home() / f"{title or 'session'}{SESSION_SUFFIX}"

    # -- opening -------------------------------------------------------------
    def open(self, path: str | Path) -> LoadedSession:
        """Load a session file and show it; raises SessionFileError (nothing changes)."""
        from desktop.formats.session_file import load_session

        stamp = disk_stamp(path)  # before the read: a change meanwhile shows as one
        loaded = load_session(path)
        self.show_loaded(loaded, path, stamp)
        return loaded

    def show_loaded(self, loaded: LoadedSession, path: str | Path, stamp: DiskStamp | None = None) -> None:
        """Show a session loaded from ``path`` (in the background, see SessionLoader),
        which held ``stamp`` when the read began."""
        self.recovery.discard()
        self._first_saved = None
        self._model.open_session(loaded.session, suggest=False)
        self._set_path(Path(path))
        self.watch.track(path, stamp)

    def open_article(self, loaded: ArticleFile, unsaved: bool = False) -> None:
        """Show an article read from a file, an address or the clipboard as a new session
        (``unsaved``: it exists nowhere else, so closing asks to save it)."""
        self.new_from(Session(loaded.article))
        if unsaved:
            self._model.undo_stack.resetClean()
            self.recovery.edited()

    def new_from(self, session: Session, path: Path | None = None, modified: bool = False) -> None:
        """Show ``session`` (an opened article, an import, or a restored recovery copy of
        the file ``path``)."""
        self.recovery.discard()
        self._first_saved = None
        self._model.open_session(session, suggest=path is None and not modified)
        self._set_path(path)
        self.watch.track(path, disk_stamp(path) if path else None)
        if modified:
            self._model.undo_stack.resetClean()
            self.recovery.edited()

    def discard_recovery(self) -> None:
        self.recovery.discard()

    # -- where exports go ------------------------------------------------------
    def folder(self) -> Path:
        """Where save dialogs start: the session's folder, else the article's, else home."""
        if self.path is not None:
            return self.path.parent
        source = self._model.article.source
        if source and "://" not in source and Path(source).parent.is_dir():
            return Path(source).parent
        return Path.home()

    def stem(self) -> str:
        """The name an export is called by default: the session's, else the article's."""
        from desktop.model.export_targets import safe_name

        if self.path is not None:
            return safe_name(self.path.stem)
        source = self._model.article.source
        if source and "://" not in source:
            return safe_name(Path(source).stem)
        return safe_name(self._model.article.title or "article")

    def own_files(self) -> dict[str, Path | None]:
        """The files an export must never replace: the open session and its article."""
        source = self._model.article.source
        article = Path(source) if source and "://" not in source and Path(source).is_file() else None
        return {"the open session's file": self.path, "the article's own file": article}

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
        from desktop.formats.session_file import session_to_bytes

        return session_to_bytes(self._model.session, state, created=self.created)
