"""Regular expressions compiled once per Python build, then read from the user's cache.

Python compiles a regular expression in Python code, every time a process starts:
the figure engine's module-level patterns took ~55 ms of each analysing process's
start, and the model's tokenizer ~45 ms more (its prefix, suffix and infix patterns),
in the window's process and in the first article's, both on the way to the first
results. What ``re`` compiles a pattern to (its program: a list of codes, with its
groups) depends only on the pattern, its flags and the Python build, so it is kept on
disk, keyed by all three, and turned back into a pattern in microseconds.

Inside :func:`patterns_from_cache`, ``re.compile`` of a text pattern is answered from
the cache; a pattern it lacks is compiled as usual, and later (:func:`save`) its
program is made the way ``re._compiler.compile`` makes it and kept only if the
pattern it makes is equal to the one ``re`` compiled (patterns compare equal when
their flags and programs are the same). Anything unexpected (another Python implementation, a changed private API,
an unreadable file) falls back to ``re.compile`` itself, silently: only time is at
stake.
"""

from __future__ import annotations

import marshal
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

#: A pattern's program: (flags, codes as bytes of unsigned ints, groups, group index,
#: index group): the arguments of ``_sre.compile`` after the pattern.
Program = tuple[int, bytes, int, dict, tuple]

_lock = threading.Lock()
_programs: dict[tuple[str, int], Program] | None = None  # read from the file on first use
_missed: dict[tuple[str, int], re.Pattern] = {}  # compiled by re here since, not yet cached
_made: dict[tuple[str, int], re.Pattern] = {}  # as re's own cache: the same pattern once
#: At most this many patterns are kept in _made (re keeps 512).
MADE_AT_MOST = 512
_original_compile = re.compile
_depth = 0  # patterns_from_cache contexts open, in any thread
_replaced = re.compile  # what re.compile was when the first of them opened


@contextmanager
def patterns_from_cache(save_now: bool = True) -> Iterator[None]:
    """While open, ``re.compile`` answers from the cache (see the module's text); the
    patterns it lacked are cached when the last context closes, or with
    ``save_now=False`` at the next :func:`save` (where something waits: their
    programs take as long again to make).

    ``re.compile`` is replaced for the whole process meanwhile, so another thread's
    patterns come from the cache too: equal patterns to the ones ``re`` makes."""
    global _depth, _replaced
    if not _supported():
        yield
        return
    with _lock:
        if _depth == 0:
            _replaced = re.compile
        _depth += 1
        re.compile = compile_pattern
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            last = _depth == 0
            if last:
                re.compile = _replaced
        if last and save_now:
            save()


def compile_pattern(pattern, flags=0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the cache when it holds the pattern."""
    if not isinstance(pattern, str) or flags & re.DEBUG:
        return _original_compile(pattern, flags)
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
            return made
    compiled = _original_compile(pattern, flags)
    _missed[key] = compiled
    return compiled


def save() -> None:
    """Cache the patterns compiled by ``re`` since the last save: each one's program,
    if the pattern it makes equals re's, is written with the rest (and the ones
    another process wrote meanwhile)."""
    path = cache_path()
    with _lock:
        missed = dict(_missed)
        _missed.clear()
    if not missed or path is None:
        return
    programs = {}
    for (pattern, flags), compiled in missed.items():
        try:
            program = _program_of(pattern, flags)
            if _from_program(pattern, program) == compiled:
                programs[pattern, flags] = program
        except Exception:  # noqa: BLE001 - re's internals are not as expected: not cached
            pass
    if not programs:
        return
    with _lock:
        merged = {**_read(path), **_loaded(), **programs}
        _loaded().update(merged)
    write_whole(path, marshal.dumps(merged), FAMILY)


def cache_path() -> Path | None:
    """The cache's file for this Python build and this app's version (old versions'
    patterns are left behind in its predecessor, removed once unused)."""
    if not _supported():
        return None
    import _sre

    from desktop import __version__

    key = f"{sys.version} {sys.hexversion} {_sre.MAGIC} {_sre.CODESIZE} {sys.maxunicode} {__version__}"
    return cache_folder("patterns") / f"{FAMILY}{zlib.crc32(key.encode()):08x}.marshal"


def _supported() -> bool:
    try:
        import _sre
        from array import array
    except ImportError:
        return False
    return sys.implementation.name == "cpython" and array("I").itemsize == _sre.CODESIZE


def _loaded() -> dict[tuple[str, int], Program]:
    global _programs
    if _programs is None:
        path = cache_path()
        _programs = _read(path) if path is not None else {}
        if _programs and path is not None:
            mark_used(path)
    return _programs


def _read(path: Path) -> dict[tuple[str, int], Program]:
    try:
        programs = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return programs if isinstance(programs, dict) else {}


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
