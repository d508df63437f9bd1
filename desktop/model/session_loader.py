"""Reading a large session file without freezing the window: the file is read and
parsed in a background thread (C code, mostly), and the session is made from it in
slices on the window's thread between paints (Python code, which in a thread would
slow every paint: the two would share one GIL)."""

from __future__ import annotations

import threading
from collections.abc import Generator
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.model.background import in_next_turn, settle_long_lived_objects, start_background_thread

#: Session files at least this large are read in the background.
BACKGROUND_LOAD_BYTES = 1_000_000


class SessionLoader(QObject):
    """Loads one session file at a time; a newer request supersedes an older one,
    whose result is dropped.

    ``sigLoaded(path, loaded)`` or ``sigFailed(path, error)`` arrive in the thread the
    loader lives in.
    """

    sigLoaded = Signal(str, object)
    sigFailed = Signal(str, object)
    _sigParsed = Signal(int, str, object, object)  # from the reading thread: generation,
    # path, document, the warnings of its checksum

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._lock = threading.Lock()
        self._sigParsed.connect(self._make_session)

    def load(self, path: Path) -> None:
        with self._lock:
            self._generation += 1
            generation = self._generation
        start_background_thread(self._read, generation, path, name="article-lens-open")

    def _current(self, generation: int) -> bool:
        with self._lock:
            return generation == self._generation

    def _read(self, generation: int, path: Path) -> None:
        from desktop.formats.errors import FileFormatError
        from desktop.formats.session_checksum import checksum_warnings
        from desktop.formats.session_file import read_document

        try:
            document = read_document(path)
            warnings = checksum_warnings(document)
            settle_long_lived_objects()  # its ~60,000 dicts: no collection need look at them
        except FileFormatError as failure:
            if self._current(generation):
                self.sigFailed.emit(str(path), failure)
            return
        if self._current(generation):
            self._sigParsed.emit(generation, str(path), document, warnings)

    def _make_session(self, generation: int, where: str, document: dict, warnings: list) -> None:
        from desktop.formats.session_file import session_steps

        steps = session_steps(document, Path(where).name, checked=True, warnings=warnings)
        self._step(generation, where, steps)

    def _loaded(self, generation: int, where: str, loaded) -> None:
        if self._current(generation):
            self.sigLoaded.emit(where, loaded)

    def _step(self, generation: int, where: str, steps: Generator) -> None:
        from desktop.formats.errors import FileFormatError

        if not self._current(generation):
            return
        try:
            next(steps)
        except StopIteration as done:
            settle_long_lived_objects()
            # the session is shown (and painted) in a pass of its own
            loaded = done.value
            in_next_turn(self, lambda: self._loaded(generation, where, loaded))
            return
        except FileFormatError as failure:
            self.sigFailed.emit(where, failure)
            return
        in_next_turn(self, lambda: self._step(generation, where, steps))
