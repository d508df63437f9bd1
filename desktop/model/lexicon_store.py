"""LexiconStore: the user's lexicon of corrections, learnt from their edits.

The session model tells the store what a person labelled by hand, relabelled,
accepted or rejected; the store remembers each name and label in the lexicon file
of the user's data folder (``desktop.formats.lexicon``) and hands each new analysis
a snapshot, so the next article gets those names as suggestions "from your
corrections" and the rejected ones not at all.

The file is written after each change, under the lexicon's lock: the store reads
the file as it is then, replays its changes not yet saved on it and writes the
result (``lexicon_lock``), so two app instances remembering names at once keep
all of them. A change that could not be saved (another instance held the lock too
long, a full disk) stays pending and goes with the next save. A lexicon file that
cannot be read is left as it is: the store then works on an empty lexicon and never
saves over it (``problem`` says what went wrong). Another window's changes are
picked up when the file on disk changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QObject, QStandardPaths, Signal

from desktop.core.highlight import Highlight
from desktop.core.labels import FIGURE_LABELS
from desktop.formats.lexicon import LEXICON_FILE, Lexicon, LexiconEntry, LexiconFileError, lexicon_lock

#: Labels of numbers and times: a figure is about one article, so it is not learnt.
NOT_LEARNT = FIGURE_LABELS | {"ORDINAL", "TIME"}


class _Change(NamedTuple):
    """One change of the lexicon: remember ``surface`` under ``label`` as
    ``decision``, or forget it (``decision`` None)."""

    surface: str
    label: str
    decision: str | None


def _replay(lexicon: Lexicon, changes: list[_Change]) -> None:
    for change in changes:
        if change.decision is None:
            lexicon.forget(change.surface, change.label)
        else:
            lexicon.remember(change.surface, change.label, change.decision)


#: QSettings key: whether new analyses use the corrections (they are recorded either way).
USE_SETTING = "corrections/use"


def data_folder() -> Path:
    """The user's data folder for Article Lens (the lexicon lives here)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".local/share/article-lens")


class LexiconStore(QObject):
    """The user's lexicon, loaded at start and saved after each change.

    ``sigChanged`` follows every change of the entries (remembered, forgotten,
    reloaded from disk).
    """

    sigChanged = Signal()

    def __init__(self, folder: str | Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = Path(folder) if folder is not None else data_folder()
        self.problem = ""
        self._broken = False  # the file failed to load: never write over it
        self._stamp: tuple[int, int, int] | None = None
        self._pending: list[_Change] = []  # applied here, not saved yet
        self._lexicon = self._load()

    @property
    def path(self) -> Path:
        return self._folder / LEXICON_FILE

    def entries(self) -> list[LexiconEntry]:
        """Every entry, least recently updated first."""
        self._reload_if_changed()
        return self._lexicon.entries()

    def snapshot(self) -> Lexicon | None:
        """A copy of the lexicon for an analysis to use (None when it is empty, or when
        the reader turned it off: QSettings ``USE_SETTING``), so later edits do not
        change an analysis under way."""
        from PySide6.QtCore import QSettings

        if not QSettings().value(USE_SETTING, True, type=bool):
            return None
        entries = self.entries()
        return Lexicon(self._folder, entries) if entries else None

    def record(self, text: str, highlights: Iterable[Highlight], decision: str) -> int:
        """Remember the words of ``highlights`` in ``text`` under their labels as
        ``decision`` ("accepted" or "rejected"); numbers, dates and times are not
        learnt. Returns how many entries were remembered."""
        self._reload_if_changed()
        remembered = 0
        for highlight in highlights:
            surface = " ".join(highlight.surface(text).split())
            if highlight.label in NOT_LEARNT or not any(c.isalpha() for c in surface):
                continue
            try:
                entry = self._lexicon.remember(surface, highlight.label, decision)
            except ValueError:  # too long, or not a name the file can keep
                continue
            self._pending.append(_Change(entry.surface, entry.label, decision))
            remembered += 1
        if remembered:
            self._save()
        return remembered

    def forget(self, entries: Iterable[LexiconEntry]) -> int:
        """Delete ``entries``; returns how many there were."""
        self._reload_if_changed()
        forgotten = 0
        for entry in entries:
            if self._lexicon.forget(entry.surface, entry.label):
                self._pending.append(_Change(entry.surface, entry.label, None))
                forgotten += 1
        if forgotten:
            self._save()
        return forgotten

    # -- the file ------------------------------------------------------------
    def _load(self) -> Lexicon:
        try:
            lexicon = Lexicon.load(self._folder)
        except LexiconFileError as error:
            self.problem = f"{error} Your corrections are not being remembered."
            self._broken = True
            return Lexicon(self._folder)
        self.problem, self._broken = "", False
        self._stamp = self._file_stamp()
        return lexicon

    def _save(self) -> None:
        """Write the pending changes over the file as it is now (under its lock)."""
        if self._broken:
            self.sigChanged.emit()
            return
        pending = list(self._pending)
        try:
            with lexicon_lock(self._folder):
                saved = Lexicon.load(self._folder)
                _replay(saved, pending)
                saved.save()
                stamp = self._file_stamp()  # before another instance can write
        except LexiconFileError as error:  # broken on disk since it was read: left as it is
            self.problem = f"{error} Your corrections are not being remembered."
            self._broken = True
        except OSError as error:  # kept pending: the next save tries again
            self.problem = (f"Your corrections could not be saved to {self.path}: "
                            f"{error.strerror or error}.")
        else:
            self._lexicon, self.problem, self._stamp = saved, "", stamp
            del self._pending[: len(pending)]
        self.sigChanged.emit()

    def _file_stamp(self) -> tuple[int, int, int] | None:
        try:
            status = self.path.stat()
        except OSError:
            return None
        return (status.st_mtime_ns, status.st_size, status.st_ino)

    def _reload_if_changed(self) -> None:
        """Take in what another window saved since this one last read or wrote."""
        if not self._broken and self._file_stamp() != self._stamp:
            self._lexicon = self._load()
            _replay(self._lexicon, self._pending)
            self.sigChanged.emit()
