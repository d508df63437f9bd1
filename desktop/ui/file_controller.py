"""FileController: opening articles and sessions, saving, unsaved-work prompts, recovery.

Its dialogs are imported where used: a window opening its first article needs none
of them before its text is on screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop.core.article import has_scheme
from desktop.model.background import in_next_turn
from desktop.model.document import SessionDocument, session_path
from desktop.model.file_watch import disk_stamp
from desktop.model.opening import (
    OPEN_FILTER,
    SAVE_FILTER,
    ArticleFile,
    FileFormatError,
    SessionFileError,
    is_session_file,
    read_article,
    reads_slowly,
)
from desktop.model.recovery import RecoveryCopy, orphaned_copies
from desktop.model.session_loader import BACKGROUND_LOAD_BYTES, SessionLoader
from desktop.ui.recent_files import RecentFiles

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.main_window import MainWindow

#: A long article's or large session's background work (its analysis, its figure
#: table) waits for its first paint, at most this long (ms).
BACKGROUND_HOLD_MS = 1_000
#: Articles from this long on are painted before their analysis starts.
PAINT_FIRST_CHARS = 50_000

class FileController(QObject):
    """The File menu's work, with a message for every failure and no work lost."""

    #: Reading an address or a large session (both in the background) failed, or was
    #: cancelled, while the window had no article open.
    sigNothingOpen = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.document = SessionDocument(window.model, window.saved_view.read, self)
        self.recent = RecentFiles(self)
        self._loader: SessionLoader | None = None
        self._history_at_load = 0
        self._stamp_at_load = None  # of the file a background load reads
        self.watch = self.document.watch  # another writer of the open session file
        self.watch.sigChanged.connect(self._on_changed_on_disk)
        self.web = None  # desktop.ui.open_url.WebArticles, made on first use

    # -- opening -------------------------------------------------------------
    def open_dialog(self) -> None:
        folder = str(self.document.path.parent) if self.document.path else ""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self._window, "Open an article or a session", folder, OPEN_FILTER)
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path, ask_to_save: bool = True) -> bool:
        """Open an article or a session file; on failure say why and keep what is open."""
        if has_scheme(str(path)):  # a web address: read in the background
            return self.open_url(str(path), ask_to_save)
        if ask_to_save and not self.maybe_save():
            return False
        if is_session_file(path):
            return self._open_session(Path(path))
        return self._open_article(Path(path))

    def _open_article(self, path: Path) -> bool:
        try:
            if reads_slowly(path):  # a long PDF or page takes a moment
                from desktop.ui.open_url import busy_cursor

                with busy_cursor():
                    loaded = read_article(path)
            else:
                loaded = read_article(path)
        except FileFormatError as error:
            return self._failed(path, error)
        self.show_article(loaded, path.name)
        self.recent.add(path)
        return True

    def show_article(self, loaded: ArticleFile, name: str, unsaved: bool = False) -> None:
        """Show an article read from a file, an address or the clipboard (``unsaved``:
        it exists nowhere else, so closing asks to save it)."""
        article = loaded.article
        if len(article.text) >= PAINT_FIRST_CHARS:
            self._paint_first()
        self.document.open_article(loaded, unsaved)
        what = {"html": "web page, ", "pdf": "PDF, ", "docx": "Word document, "}.get(article.format, "")
        encoding = f", {article.encoding}" if article.encoding else ""
        notes = [loaded.damage_note()] if loaded.replaced else []
        notes += loaded.warnings
        self._message(f"Opened {name} ({what}{len(article.text):,} characters{encoding})."
                      + "".join(f" {note}" for note in notes))

    def ask_for_url(self) -> None:
        """File › Open URL…: ask for an address and read it in the background."""
        self._web_articles().ask()

    def open_url(self, address: str, ask_to_save: bool = True) -> bool:
        """Start reading a web page or document from ``address`` in the background (see
        desktop.ui.open_url); False when it is refused at once (not http or https)."""
        return self._web_articles().open(address, ask_to_save)

    def _web_articles(self):
        if self.web is None:
            from desktop.ui.open_url import WebArticles

            self.web = WebArticles(self._window, self)
        return self.web

    def _open_session(self, path: Path) -> bool:
        # A large one in the background, also in a window with nothing open yet (a
        # double-click at start): that window learns of a failure by sigNothingOpen.
        if _size(path) >= BACKGROUND_LOAD_BYTES:
            return self._open_session_in_background(path)
        try:
            loaded = self.document.open(path)
        except FileFormatError as error:
            return self._failed(path, error)
        self._show_opened(path, loaded)
        return True

    def _open_session_in_background(self, path: Path) -> bool:
        """Read a large session in a thread; the article open now stays until it is in."""
        if self._loader is None:
            self._loader = SessionLoader(self)
            self._loader.sigLoaded.connect(self._on_session_loaded)
            self._loader.sigFailed.connect(self._on_session_failed)
        self._history_at_load = self._window.model.undo_stack.index()
        self._stamp_at_load = (path, disk_stamp(path))
        self._message(f"Opening {path.name}…")
        if not self._window.model.text:  # an empty window says it too, where the text will be
            self._window.article_view.setPlaceholderText(f"Opening {path.name}…")
        loader = self._loader
        self._window.when_settled(lambda: loader.load(path))
        return True

    def _on_session_loaded(self, where: str, loaded) -> None:
        self._window.article_view.setPlaceholderText("")
        path = Path(where)
        edited_meanwhile = self._window.model.undo_stack.index() != self._history_at_load
        if edited_meanwhile and not self.maybe_save():
            self._message(f"Did not open {path.name}: your edits are still open.")
            return
        self._paint_first()
        read, stamp = self._stamp_at_load or (None, None)
        self.document.show_loaded(loaded, path, stamp if read == path else None)
        self._show_opened(path, loaded)

    def _on_session_failed(self, where: str, error: Exception) -> None:
        self._window.article_view.setPlaceholderText("")
        self._failed(Path(where), error)
        if not self._window.model.text:
            self.sigNothingOpen.emit()  # the window has nothing to show: its opener decides

    def _paint_first(self) -> None:
        """Hold the background work of the article about to open until the article
        view has painted it (the window gives the signal; a hidden one never paints)."""
        self._window.hold_background_until_painted(BACKGROUND_HOLD_MS)
        self._paint_in_next_turn()

    def _paint_in_next_turn(self) -> None:
        """Paint the window in the turn of the event loop after this one: setting a
        long text (~30 ms) and painting every pane it changes (~20-50 ms) then each
        take a turn, with timers and input handled between them.

        The window's panes are held, not the window itself: once a top-level window's
        updates were disabled and enabled again, Qt painted none of the text's view
        until something else repainted the window (a long session's text came ~8 s
        late, when its analysis ended)."""
        panes = self._window.centralWidget()
        panes.setUpdatesEnabled(False)
        in_next_turn(panes, lambda: panes.setUpdatesEnabled(True))

    def _show_opened(self, path: Path, loaded) -> None:
        from desktop.ui.load_notices import show_load_warnings

        self._window.saved_view.apply(loaded.view_state)
        self.recent.add(path)
        count = len(loaded.session.highlights)
        self._message(f"Opened {path.name}: {count} highlights, saved {_when(loaded.modified)}.")
        show_load_warnings(self._window, path.name, loaded.warnings)

    def _failed(self, path: Path, error: Exception) -> bool:
        from desktop.ui import plain_text

        self._message(f"Could not open {path.name}.")
        plain_text.warning(self._window, "Could not open the file", str(error))
        return False

    def open_recent(self, path: str) -> None:
        from desktop.ui import plain_text

        if not Path(path).exists():
            self.recent.remove(path)
            plain_text.warning(self._window, "File not found", f"{path} no longer exists.")
            return
        self.open_path(path)

    # -- saving --------------------------------------------------------------
    def save(self) -> bool:
        """Save to the session's file, asking for one the first time."""
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        from desktop.ui.save_folder import save_start_path

        suggested = save_start_path(self.document.suggested_path())  # never inside the installation
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(self._window, "Save the session", str(suggested), SAVE_FILTER)
        return self._save_to(Path(path)) if path else False

    def _save_to(self, path: Path) -> bool:
        from desktop.ui import plain_text
        from desktop.ui.disk_dialogs import Conflict, ask_conflict

        path = session_path(path)
        if self.watch.is_tracking(path) and (changed := self.watch.changed()) is not None:
            self.watch.acknowledge(changed)
            with self.watch.held():
                choice = ask_conflict(self._window, path.name)
            if choice is Conflict.SAVE_AS:
                return self.save_as()
            if choice is Conflict.RELOAD:
                self.reload()
            if choice is not Conflict.OVERWRITE:
                return False
        try:
            saved = self.document.save(path)
        except SessionFileError as error:
            plain_text.critical(self._window, "Could not save", f"{error}\n\nYour work is still "
                                "open: Save As… can save it under another name.")
            return False
        self.recent.add(saved)
        self._message(f"Saved {saved.name}.")
        return True

    def reload(self) -> bool:
        """Open the session file again as it is on disk; unsaved edits are dropped."""
        path = self.document.path
        if path is None:
            return False
        self.document.discard_recovery()
        return self.open_path(path, ask_to_save=False)

    def _on_changed_on_disk(self, path: str) -> None:
        """Another window or program wrote the open file: offer it, never lose edits."""
        from desktop.ui.disk_dialogs import ask_reload, tell_changed

        name = Path(path).name
        with self.watch.held():
            if self.document.modified:
                self._message(f"{name} changed on disk; your edits are kept, and saving will ask.")
                tell_changed(self._window, name)
            elif ask_reload(self._window, name):
                self.reload()

    def maybe_save(self) -> bool:
        """Ask what to do with unsaved edits; False when the person cancels."""
        if not self.document.modified:
            return True
        from PySide6.QtWidgets import QMessageBox

        from desktop.ui import plain_text

        answer = plain_text.question(
            self._window, "Unsaved changes",
            f"{self._window.document_name()} has changes that are not saved. Save them?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.document.discard_recovery()
            return True
        return False

    # -- recovery ------------------------------------------------------------
    def offer_recovery(self) -> bool:
        """Offer the newest work left unsaved by a crash; True when it was restored."""
        copies = orphaned_copies()
        unreadable = [copy for copy in copies if copy.loaded is None]
        if unreadable:  # kept: a newer version may read them
            from desktop.ui.load_notices import tell_unreadable_copies

            tell_unreadable_copies(self._window, unreadable, unreadable[0].path.parent)
        for copy in copies:
            if copy.loaded is None:
                continue
            from PySide6.QtWidgets import QMessageBox

            answer = self._ask_restore(copy)
            if answer == QMessageBox.StandardButton.Yes:
                self._restore(copy)
                return True
            if answer == QMessageBox.StandardButton.Discard:
                copy.path.unlink(missing_ok=True)
            else:
                return False
        return False

    def _ask_restore(self, copy: RecoveryCopy) -> QMessageBox.StandardButton:
        from PySide6.QtWidgets import QMessageBox

        from desktop.ui import plain_text

        session = copy.loaded.session
        original = Path(copy.original).name if copy.original else session.article.title
        return plain_text.question(
            self._window, "Restore unsaved work?",
            f"Article Lens closed before your work on “{original}” was saved "
            f"({len(session.highlights)} highlights, last change {_when(copy.loaded.modified)}).\n\n"
            "Yes restores it, Discard deletes it, Cancel keeps it for the next start.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes,
        )

    def _restore(self, copy: RecoveryCopy) -> None:
        from desktop.ui.load_notices import show_load_warnings

        original = Path(copy.original) if copy.original else None
        self.document.new_from(copy.loaded.session, original, modified=True)
        self._window.saved_view.apply(copy.loaded.view_state)
        copy.path.unlink(missing_ok=True)
        self._message("Restored your unsaved work; save it to keep it.")
        show_load_warnings(self._window, copy.path.name, copy.loaded.warnings)

    def _message(self, text: str) -> None:
        self._window.statusBar().showMessage(text, 8000)


def _when(iso_time: str) -> str:
    try:
        from datetime import datetime

        moment = datetime.fromisoformat(iso_time).astimezone()
    except ValueError:
        return iso_time
    return moment.strftime("%d %b %Y, %H:%M")


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
