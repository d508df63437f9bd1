"""Regular expressions compiled once per Python build, then read from the user's cache.

Python compiles a regular expression in Python code, every time a process starts:
the figure engine's module-level patterns took ~55 ms of each analysing process's
start, and the model's tokenizer ~45 ms more (its prefix, suffix and infix patterns),
in the window's process and in the first article's, both on the way to the first
results. What ``re`` compiles a pattern to (its program: a list of codes, with its
groups) depends only on the pattern, its flags and the Python build, so it is kept on
disk, keyed by all three, and turned back into a pattern in microseconds.

Inside :func:`patterns_from_cache`, the calling thread's ``re.compile`` of a text
pattern is answered from the cache; a pattern it lacks is compiled as usual, and
later (:func:`save`, where nothing waits) its program is made the way
``re._compiler.compile`` makes it and kept only if the pattern it makes is equal to
the one ``re`` compiled (same flags, program and groups). The contexts cover imports
and the model's load, whose patterns are the code's, never an article's or the
user's. Anything unexpected (another Python implementation or version whose private
API differs, an unreadable or damaged file) falls back to ``re.compile`` itself,
silently: only time is at stake.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.core.cache_files import mark_used, write_whole
from desktop.core.user_folders import cache_folder

#: The names of the cache's files start with this.
FAMILY = "patterns-"
#: When a save would keep more patterns than this, it keeps only those this process
#: used or compiled (the code's own are a few hundred).
KEEP_AT_MOST = 2000
#: At most this many patterns are kept made in memory (re keeps 512).
MADE_AT_MOST = 512
#: The pattern made once per process from its program, to see that this Python's
#: ``re`` makes programs as this module expects.
PROBE = "(?P<a>x+)[^y]"

#: A pattern's program: (flags, codes as bytes of unsigned ints, groups, group index,
#: index group): the arguments of ``_sre.compile`` after the pattern.
Program = tuple[int, bytes, int, dict, tuple]
Key = tuple[str, int]

_lock = threading.RLock()
_save_lock = threading.Lock()
_programs: dict[Key, Program] | None = None  # read from the file on first use
_used: set[Key] = set()  # read from the cache in this process
_missed: dict[Key, re.Pattern] = {}  # compiled by re here since, not yet cached
_made: dict[Key, re.Pattern] = {}  # as re's own cache: the same pattern once
_open = 0  # patterns_from_cache contexts open, in all threads
_replaced = re.compile  # what re.compile was when the first of them opened
_this_thread = threading.local()  # .depth: the contexts this thread has open
_works: bool | None = None  # whether this Python's re makes programs as expected


@contextmanager
def patterns_from_cache(save_now: bool = True) -> Iterator[None]:
    """While open, this thread's ``re.compile`` answers from the cache (see the
    module's text); the patterns it lacked are cached when the context closes, or
    with ``save_now=False`` at the next :func:`save` (where something waits: their
    programs take as long again to make).

    ``re.compile`` is replaced in the module meanwhile; other threads' calls, and calls
    through a reference taken meanwhile, go to the one it replaced."""
    global _open, _replaced
    if not _supported():
        yield
        return
    with _lock:
        if _open == 0:
            if re.compile is not compile_pattern:  # (left in place by a library that had replaced it)
                _replaced = re.compile
            re.compile = compile_pattern
        _open += 1
    _this_thread.depth = getattr(_this_thread, "depth", 0) + 1
    try:
        yield
    finally:
        _this_thread.depth -= 1
        with _lock:
            _open -= 1
            if _open == 0 and re.compile is compile_pattern:  # (not if another library replaced it since)
                re.compile = _replaced
        if save_now and _this_thread.depth == 0:
            save()


def compile_pattern(pattern, flags=0) -> re.Pattern:
    """``re.compile(pattern, flags)``: from the cache when this thread has a context
    open and the cache holds the pattern."""
    if not getattr(_this_thread, "depth", 0) or not isinstance(pattern, str) or flags & re.DEBUG:
        return _replaced(pattern, flags)
    key = (pattern, int(flags))
    made = _made.get(key)
    if made is not None:
        return made
    program = _loaded().get(key)
    if program is not None:
        try:
            made = _from_program(pattern, program)
        except Exception:  # noqa: BLE001 - not a program this Python takes: compiled again
            made = None
        if made is not None:
            if len(_made) >= MADE_AT_MOST:
                _made.clear()
            _made[key] = made
            _used.add(key)
            return made
    compiled = _replaced(pattern, flags)
    _missed[key] = compiled
    return compiled


def save() -> None:
    """Cache the patterns compiled by ``re`` in a context since the last save: each
    one's program, if the pattern it makes equals re's, is written with the rest (and
    the ones another process wrote meanwhile). Never raises."""
    try:
        with _save_lock:
            _save()
    except Exception:  # noqa: BLE001 - a cache not written only costs time
        pass


def _save() -> None:
    path = cache_path()
    with _lock:
        missed = dict(_missed)
        _missed.clear()
    if not missed or path is None:
        return
    programs = {key: program for key, compiled in missed.items()
                if (program := _checked_program(key, compiled)) is not None}
    if not programs:
        return
    merged = {**_read(path), **_loaded(), **programs}
    if len(merged) > KEEP_AT_MOST:
        merged = {key: merged[key] for key in (_used | set(programs)) if key in merged}
    _loaded().update(programs)
    payload = marshal.dumps(merged)
    write_whole(path, zlib.crc32(payload).to_bytes(4, "little") + payload, FAMILY)


def cache_path() -> Path | None:
    """The cache's file for this Python build, machine and app version (old versions'
    patterns are left behind in its predecessor, removed once unused)."""
    if not _supported():
        return None
    return _path()


def _path() -> Path:
    import _sre

    from desktop import __version__

    machine = os.uname().machine if hasattr(os, "uname") else os.environ.get("PROCESSOR_ARCHITECTURE", "")
    key = (f"{sys.version} {sys.hexversion} {_sre.MAGIC} {_sre.CODESIZE} {sys.maxunicode} {sys.byteorder}"
           f" {sys.platform} {machine} {__version__}")
    return cache_folder("patterns") / f"{FAMILY}{zlib.crc32(key.encode()):08x}.marshal"


def _supported() -> bool:
    """Whether this Python's ``re`` makes programs as this module expects: a pattern
    made from one is tried once per process."""
    global _works
    if _works is None:
        try:
            import _sre
            from array import array

            _works = (sys.implementation.name == "cpython" and array("I").itemsize == _sre.CODESIZE
                      and _checked_program((PROBE, re.IGNORECASE), re.compile(PROBE, re.IGNORECASE)) is not None)
        except Exception:  # noqa: BLE001 - another Python: not used
            _works = False
    return _works


def _loaded() -> dict[Key, Program]:
    global _programs
    if _programs is None:
        path = _path()
        _programs = _read(path)
        if _programs:
            mark_used(path)
    return _programs


def _read(path: Path) -> dict[Key, Program]:
    try:
        data = path.read_bytes()
        payload = data[4:]
        if len(data) < 4 or int.from_bytes(data[:4], "little") != zlib.crc32(payload):
            return {}  # damaged, or not written by this code
        programs = marshal.loads(payload)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return programs if isinstance(programs, dict) else {}


def _checked_program(key: Key, compiled: re.Pattern) -> Program | None:
    """The program of ``key``'s pattern, if the pattern it makes equals ``compiled``
    (re's) in flags, program and groups; else None."""
    pattern, flags = key
    try:
        program = _program_of(pattern, flags)
        made = _from_program(pattern, program)
    except Exception:  # noqa: BLE001 - re's internals are not as expected: not cached
        return None
    same = made == compiled and made.groups == compiled.groups and made.groupindex == compiled.groupindex
    return program if same else None


def _program_of(pattern: str, flags: int) -> Program:
    """What ``re._compiler.compile`` hands ``_sre.compile`` for ``pattern``."""
    from array import array
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, array("I", code).tobytes(), parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


def _from_program(pattern: str, program: Program) -> re.Pattern:
    import _sre
    from array import array

    flags, code, groups, groupindex, indexgroup = program
    codes = array("I")
    codes.frombytes(code)
    return _sre.compile(pattern, flags, codes.tolist(), groups, groupindex, indexgroup)
