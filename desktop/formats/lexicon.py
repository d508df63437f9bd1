"""The user's lexicon: names they accepted or rejected, remembered across articles.

One JSON file, ``lexicon.json``, in a folder the caller chooses (the app passes the
user's data folder)::

    {"format": "article-lens-lexicon", "version": 1,
     "entries": [{"surface": "Mussabekova", "label": "PERSON", "decision": "accepted",
                  "count": 2, "updated": "2024-06-22T10:00:00+00:00"}, ...]}

An entry is keyed by surface and label; remembering it again counts up, and a new
decision replaces the old one. Saving replaces the file atomically; a file that
fails to load raises :class:`LexiconFileError` and is never written over by this
module (the caller decides whether to start afresh).

Several app instances share the file: a writer takes :func:`lexicon_lock`
(``fcntl.flock`` on the side file ``lexicon.json.lock``, which the system releases
when a process dies), loads the file as it is now, applies its change and saves
before letting go, so no instance writes over another's names.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from desktop.core.highlight import now_iso
from desktop.formats.atomic_write import atomic_write, private_folder
from desktop.formats.errors import FileFormatError

LEXICON_FILE = "lexicon.json"
FORMAT_MARKER = "article-lens-lexicon"
FORMAT_VERSION = 1
DECISIONS = ("accepted", "rejected")
#: Larger files are refused before they are read.
MAX_LEXICON_BYTES = 16 * 2**20
MAX_SURFACE_CHARS = 200
MAX_LABEL_CHARS = 64
LOCK_FILE = LEXICON_FILE + ".lock"
#: Longest wait for another instance to finish its write (seconds).
LOCK_TIMEOUT_S = 5.0
LOCK_POLL_S = 0.005


class LexiconFileError(FileFormatError):
    """The lexicon file could not be read; the message says why."""


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """A name the user decided on: ``surface`` under ``label`` was accepted or
    rejected, ``count`` times, last at ``updated`` (ISO 8601, UTC)."""

    surface: str
    label: str
    decision: str
    count: int = 1
    updated: str = ""


class Lexicon:
    """The lexicon kept in ``folder``; load it with :meth:`load`."""

    def __init__(self, folder: str | Path, entries: list[LexiconEntry] | None = None) -> None:
        self.folder = Path(folder)
        self._entries = {(e.surface, e.label): e for e in entries or []}

    @property
    def path(self) -> Path:
        return self.folder / LEXICON_FILE

    @classmethod
    def load(cls, folder: str | Path) -> Lexicon:
        """The lexicon saved in ``folder``, empty when there is none yet.

        Raises LexiconFileError when the file exists but cannot be read exactly.
        """
        path = Path(folder) / LEXICON_FILE
        try:
            if path.stat().st_size > MAX_LEXICON_BYTES:
                raise LexiconFileError(f"{path} is too large to be a lexicon file.")
            raw = path.read_bytes()
        except FileNotFoundError:
            return cls(folder)
        except OSError as error:
            raise LexiconFileError(f"{path} could not be read: {error.strerror or error}.") from error
        return cls(folder, _entries_from_bytes(raw, path))

    def entries(self) -> list[LexiconEntry]:
        """Every entry, least recently updated first."""
        return sorted(self._entries.values(), key=lambda e: e.updated)

    def remember(self, surface: str, label: str, decision: str) -> LexiconEntry:
        """Record that ``surface`` under ``label`` was accepted or rejected (again).

        Raises ValueError for an empty surface or label or an unknown decision.
        """
        entry = LexiconEntry(surface.strip(), label.strip(), decision, 1, now_iso())
        _check_entry(entry)
        key = (entry.surface, entry.label)
        previous = self._entries.pop(key, None)
        if previous is not None and previous.decision == decision:
            entry = replace(entry, count=previous.count + 1)
        self._entries[key] = entry
        return entry

    def forget(self, surface: str, label: str) -> bool:
        """Remove the entry for ``surface`` under ``label``; False when there was none."""
        return self._entries.pop((surface.strip(), label.strip()), None) is not None

    def save(self) -> None:
        """Write the lexicon to its file atomically, creating the folder if needed;
        both are readable by the user only (the names come from their articles)."""
        private_folder(self.folder)
        document = {
            "format": FORMAT_MARKER,
            "version": FORMAT_VERSION,
            "entries": [asdict(entry) for entry in self.entries()],
        }
        text = json.dumps(document, ensure_ascii=False, indent=1)
        atomic_write(self.path, (text + "\n").encode("utf-8"), mode=0o600)


@contextlib.contextmanager
def lexicon_lock(folder: str | Path) -> Iterator[None]:
    """Hold the lock of the lexicon in ``folder`` (created if needed), waiting for
    another instance up to LOCK_TIMEOUT_S; TimeoutError after that."""
    path = private_folder(folder) / LOCK_FILE
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + LOCK_TIMEOUT_S
        while not _try_lock(descriptor):
            if time.monotonic() >= deadline:
                raise TimeoutError(errno.ETIMEDOUT, "another Article Lens window is writing "
                                   f"it (waited {LOCK_TIMEOUT_S:g} s)", str(path))
            time.sleep(LOCK_POLL_S)
        try:
            yield
        finally:
            _unlock(descriptor)
    finally:
        os.close(descriptor)


try:
    import fcntl
except ImportError:  # Windows: a lock on the lock file's first byte
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        with contextlib.suppress(OSError):
            msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
else:
    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)


def _entries_from_bytes(raw: bytes, path: Path) -> list[LexiconEntry]:
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise LexiconFileError(f"{path} is not a lexicon file (not valid UTF-8 JSON: {error}).") from error
    if not isinstance(document, dict) or document.get("format") != FORMAT_MARKER:
        raise LexiconFileError(f"{path} is not an Article Lens lexicon file.")
    if document.get("version") != FORMAT_VERSION:
        raise LexiconFileError(
            f"{path} has lexicon format version {document.get('version')!r}; "
            f"this version of Article Lens reads version {FORMAT_VERSION}."
        )
    items = document.get("entries")
    if not isinstance(items, list):
        raise LexiconFileError(f"{path}: 'entries' must be a list.")
    entries, seen = [], set()
    for number, item in enumerate(items, start=1):
        try:
            entry = _entry(item)
        except ValueError as error:
            raise LexiconFileError(f"{path}: entry {number}: {error}") from error
        if (entry.surface, entry.label) in seen:
            raise LexiconFileError(
                f"{path}: entry {number} repeats {entry.surface!r} under {entry.label}."
            )
        seen.add((entry.surface, entry.label))
        entries.append(entry)
    return entries


def _entry(item: Any) -> LexiconEntry:
    if not isinstance(item, dict):
        raise ValueError("must be an object")
    unknown = set(item) - {"surface", "label", "decision", "count", "updated"}
    if unknown:
        raise ValueError(f"unknown field {sorted(unknown)[0]!r}")
    for name in ("surface", "label", "decision", "updated"):
        if not isinstance(item.get(name), str):
            raise ValueError(f"{name!r} must be a string")
    count = item.get("count")
    if not isinstance(count, int) or isinstance(count, bool):
        raise ValueError("'count' must be a whole number")
    entry = LexiconEntry(item["surface"], item["label"], item["decision"], count, item["updated"])
    _check_entry(entry)
    return entry


def _check_entry(entry: LexiconEntry) -> None:
    if not entry.surface or entry.surface != entry.surface.strip():
        raise ValueError("the surface must be words without surrounding spaces")
    if len(entry.surface) > MAX_SURFACE_CHARS:
        raise ValueError(f"the surface is longer than {MAX_SURFACE_CHARS} characters")
    if not entry.label or len(entry.label) > MAX_LABEL_CHARS or entry.label != entry.label.strip():
        raise ValueError("the label must be a short name")
    if entry.decision not in DECISIONS:
        raise ValueError(f"the decision must be one of {', '.join(DECISIONS)}")
    if entry.count < 1:
        raise ValueError("'count' must be at least 1")
