"""The first article's analysis in a process started at launch, on another core.

A window's process analyses a short article in a thread, and that thread shares the
GIL with the window's: at launch both have ~1 s of Python to run (the window: Qt,
pandas, pyqtgraph and its panes; the analysis: spaCy, the model, the figure engine),
so run together they took ~2 s. Started first thing, a process of its own imports
and loads all that on the second core meanwhile, takes the text once the window has
read it, sends back its chunks and the document pass's changes, and exits: no
process stays (the pool of ``desktop.nlp.parallel`` is for long texts).

:func:`start` is called by the app at launch; :func:`analyse` by the analysis
thread, once (or :func:`release`, when the first text is not one for it: the
process then exits): a later analysis, or one after this process failed, runs in
the window's process as before.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import multiprocessing
    from multiprocessing.connection import Connection

#: Texts shorter than this go to it (``analysis.PARALLEL_MIN_CHARS``: a longer one is
#: shared among the pool's workers).
MAX_CHARS = 50_000
#: The process waits this long for its text (s), then exits unused.
JOB_WAIT_SECONDS = 30.0
#: How often the waiting analysis thread checks for cancellation (s).
POLL_SECONDS = 0.05
#: A text is handed over ahead (see send_ahead) only when its message is at most this
#: long (bytes), and only over the POSIX pipes: a fresh pipe holds 16 KiB (macOS; 64
#: on Linux), so the write never waits for the process. multiprocessing's pipes (Windows,
#: bundles) hold 8 KiB or less.
AHEAD_MAX_BYTES = 16_000
#: How often joining the spawned interpreter checks whether it has exited (s).
JOIN_POLL_SECONDS = 0.01
#: How long the analysis thread waits for the process to exit after its results (s).
EXIT_WAIT_SECONDS = 5.0

_lock = threading.Lock()
_process: Any = None  # multiprocessing.Process, or a _Child
_connection: Any = None  # this end of its pipes (Connection or _Pipes), until taken by analyse()
_ahead: Any = None  # (text, lexicon, year, sending, receiving) once send_ahead sent a text


def start() -> bool:
    """Start the process (a fresh interpreter, no copy of Qt's threads); False if it
    could not be."""
    global _process, _connection
    with _lock:
        if _process is not None:
            return True
        try:
            _process, _connection = _start_interpreter() if _plain_python() else _start_spawned()
        except (OSError, RuntimeError, ValueError):
            return False
        return True


def _plain_python() -> bool:
    """Whether this is Python on a POSIX system, not a bundle: the process is then a
    plain interpreter on two pipes (no process of multiprocessing's besides: its
    spawning starts a resource tracker, a process that stays for the app's life)."""
    return hasattr(os, "posix_spawn") and not getattr(sys, "frozen", False)


def _start_interpreter() -> tuple[_Child, _Pipes]:
    """``python -m desktop.nlp.launch_analysis IN OUT``, spawned with ``os.posix_spawn``
    over two pipes: nothing to import first (subprocess, socket and multiprocessing
    cost ~20 ms on the way to the first paint; the pipes' Connections are made by
    :func:`analyse`, in the analysis thread)."""
    child_reads, parent_writes = os.pipe()
    parent_reads, child_writes = os.pipe()
    theirs = (child_reads, child_writes)
    try:
        for fd in theirs:
            os.set_inheritable(fd, True)
        # -S: no site module (~20 ms of its start): this process's own search path
        # instead, with the folder this package is in (an editable install finds it
        # through a hook of the site module's). -P: not the working folder first.
        command = [sys.executable, "-S", "-P", "-m", "desktop.nlp.launch_analysis",
                   str(child_reads), str(child_writes)]
        path = [p for p in sys.path if p]
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([*path, *{_package_root()} - set(path)]))
        stdin = [(os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0)]
        pid = os.posix_spawn(sys.executable, command, env, file_actions=stdin)
    except BaseException:
        os.close(parent_writes)
        os.close(parent_reads)
        raise
    finally:
        for fd in theirs:
            os.close(fd)
    return _Child(pid), _Pipes(parent_writes, parent_reads)


def _start_spawned() -> tuple[multiprocessing.Process, Connection]:
    """The same through multiprocessing (Windows, a bundle: it knows how to start them)."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    here, there = context.Pipe()
    process = context.Process(target=_serve_spawned, args=(there,), name="article-lens-first-analysis",
                              daemon=True)
    process.start()
    there.close()
    return process, here


def _package_root() -> str:
    """The folder holding the ``desktop`` package."""
    import desktop

    return os.path.dirname(os.path.dirname(os.path.abspath(desktop.__file__)))


class _Pipes:
    """This end of the two pipes to a spawned interpreter, until :func:`analyse` makes
    a Connection of them."""

    def __init__(self, writing: int, reading: int) -> None:
        self.fds = (writing, reading)

    def close(self) -> None:
        for fd in self.fds:
            os.close(fd)

    def connections(self) -> tuple[Connection, Connection]:
        from multiprocessing.connection import Connection

        writing, reading = self.fds
        return Connection(writing, readable=False), Connection(reading, writable=False)


class _Child:
    """A spawned interpreter, with the calls ``multiprocessing.Process`` has."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self._status: int | None = None

    def is_alive(self) -> bool:
        if self._status is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # reaped elsewhere
                pid, status = self.pid, 0
            if pid:
                self._status = status
        return self._status is None

    def join(self, timeout: float | None = None) -> None:
        import time

        deadline = None if timeout is None else time.monotonic() + timeout
        while self.is_alive() and (deadline is None or time.monotonic() < deadline):
            time.sleep(JOIN_POLL_SECONDS)

    def kill(self) -> None:
        import signal

        if self.is_alive():
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.join()


def available() -> bool:
    """Whether a started process waits for its text."""
    with _lock:
        return _connection is not None and _process is not None and _process.is_alive()


def release() -> None:
    """No text will come (the first article went elsewhere), or none is waited for
    (its analysis was cancelled, the app quits): the process is told so, or ended if
    it has one, and waited for in the background."""
    connection, ahead, process = _take()
    if connection is None:
        return
    _close(connection, ahead)  # it reads the end of its input, and exits

    def end() -> None:
        if ahead is not None:
            process.kill()  # it has a text already, which nobody waits for
        process.join()

    threading.Thread(target=end, name="article-lens-launch-exit", daemon=True).start()


def send_ahead(text: str, lexicon=None, year: int | None = None) -> bool:
    """Give the process its text now, on the window's thread once the text is on
    screen, if the message fits in the pipe (never waiting for the process): the
    analysis thread that takes the results starts once the window's panes are built
    (~0.5 s later), and the process may have loaded by then. True when sent;
    :func:`analyse` with the same text then only waits for the results."""
    global _ahead
    with _lock:
        if not isinstance(_connection, _Pipes) or _ahead is not None:
            return False
        import pickle

        message = pickle.dumps((text, lexicon, year), protocol=pickle.HIGHEST_PROTOCOL)
        if len(message) > AHEAD_MAX_BYTES:
            return False
        sending, receiving = _ends(_connection)
        try:
            sending.send_bytes(message)
        except OSError:
            return False  # analyse() finds the process gone, and the text is analysed here
        _ahead = (text, lexicon, year, sending, receiving)
        return True


def analyse(text: str, lexicon=None, year: int | None = None,
            should_stop: Callable[[], bool] = lambda: False) -> tuple[list, Any] | None:
    """``(chunks, entity changes)`` of ``text`` from the process started at launch
    (waiting until it has loaded and analysed it), or None: no such process, it was
    used already, it failed, or ``should_stop()`` became true meanwhile (then it is
    ended)."""
    connection, ahead, process = _take()
    if connection is None:
        return None
    if ahead is not None and (ahead[0] != text or ahead[1] is not lexicon or ahead[2] != year):
        process.kill()  # it has another text (or corrections) than this one
        _close(connection, ahead)
        return None
    sending, receiving = ahead[3:] if ahead is not None else _ends(connection)
    try:
        if ahead is None:
            sending.send((text, lexicon, year))
        while not receiving.poll(POLL_SECONDS):
            if should_stop():
                process.kill()
                return None
            if not process.is_alive() and not receiving.poll(0):  # (it may have sent them, then exited)
                return None
        outcome = receiving.recv()
    except (OSError, EOFError):
        process.kill()
        return None
    finally:
        sending.close()
        receiving.close()
    _reap_in_background(process)  # it exits once it has sent them: not left a zombie
    return outcome  # None when the analysis failed there (its traceback was printed)


def _reap_in_background(process) -> None:
    """Wait for ``process`` to exit in a thread of its own: the results are not held
    until it has (a process that loaded spaCy took ~50 ms to exit)."""
    threading.Thread(target=process.join, args=(EXIT_WAIT_SECONDS,), name="article-lens-launch-exit",
                     daemon=True).start()


def _take() -> tuple[Any, Any, Any]:
    """This end of the pipes, the text sent ahead and the process, once: later
    callers find no connection."""
    global _connection, _ahead
    with _lock:
        connection, _connection = _connection, None
        ahead, _ahead = _ahead, None
        return connection, ahead, _process


def _ends(connection) -> tuple[Connection, Connection]:
    """The sending and receiving Connection of this end of the pipes."""
    return connection.connections() if isinstance(connection, _Pipes) else (connection, connection)


def _close(connection, ahead) -> None:
    if ahead is not None:
        for end in ahead[3:]:
            end.close()
    else:
        connection.close()


def _serve_spawned(connection: Connection) -> None:
    """:func:`_serve` in a process multiprocessing started, which ends with its parent."""
    from desktop.nlp.parallel import _exit_with_parent

    _exit_with_parent()
    _serve(connection, connection)


def _serve(receiving: Connection, sending: Connection) -> None:
    """In the process: load the analysis, wait for a text, send back its analysis."""
    import traceback

    from desktop import process_settings, trace
    from desktop.core import compiled_patterns
    from desktop.nlp.pipeline import import_spacy, load_analysis

    # Nicer than the window: at its priority the window's text came ~15 ms later on 2
    # cores (its results ~40 ms sooner), and the text is the first thing to show.
    process_settings.configure_worker(nicer=True)
    try:
        with compiled_patterns.patterns_from_cache(save_now=False):  # spaCy's own too; cached once sent
            import_spacy()
            trace.mark("launch-spacy-imported")
            # the text is waiting: the units it needs as it needs them, the patterns cached later
            load_analysis(compile_units=False, save_patterns=False)
    except Exception:  # noqa: BLE001 - the window's process loads it and reports why
        traceback.print_exc()
        return
    trace.mark("launch-loaded")
    if not receiving.poll(JOB_WAIT_SECONDS):
        return
    try:
        text, lexicon, year = receiving.recv()
    except (OSError, EOFError):
        return
    trace.mark("launch-text-received")
    try:
        from desktop.nlp.analysis import iter_analysis
        from desktop.nlp.entities.document import document_changes

        parts = list(iter_analysis(text, lambda: False, lexicon=lexicon, share=False, year=year))
        changes = document_changes([e for part in parts for e in part.entities], text, lexicon)
        outcome: tuple[list, Any] | None = (parts, changes)
        trace.mark("launch-analysed")
    except Exception:  # noqa: BLE001 - reported there; the window's process analyses it again
        traceback.print_exc()
        outcome = None
    try:
        sending.send(outcome)
    except (OSError, EOFError):
        pass
    compiled_patterns.save()  # (the first launch after an install: nobody waits for it now)


if __name__ == "__main__":  # the process _start_interpreter starts: its ends of the pipes
    from multiprocessing.connection import Connection

    _serve(Connection(int(sys.argv[1]), writable=False), Connection(int(sys.argv[2]), readable=False))
    # Without the interpreter's teardown (~50 ms of freeing the model's objects, on a
    # core the window wants): nothing is left to write (the pipes are written, the
    # cache too).
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
