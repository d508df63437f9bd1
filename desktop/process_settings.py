"""Process-wide settings: made here and nowhere else, each with its reason.

Each kind of process makes its settings once, at start-up, with one call:

- the window's process: :func:`configure_gui` (``desktop.app.run``, before the window
  is built; the app then runs :func:`collect_young_objects` on a timer);
- the command line: :func:`configure_command_line` (``desktop.cli.main``);
- a worker process of the analysis: :func:`configure_worker` (the pool's initializer in
  ``desktop.nlp.parallel``; a corpus or Dask worker, which loads the analysis through
  ``pipeline.load_analysis``, gets the inference settings there; so does the
  process that analyses the first article at launch, ``desktop.nlp.launch_analysis``).

The settings:

- **GIL switch interval** (window): :data:`GIL_SWITCH_SECONDS`.
- **Python's own ``__import__``** (window): :func:`_use_pythons_import`.
- **Cycle collections** (window): on its thread only, on a timer; every process
  keeps long-lived objects out of their reach with :func:`freeze_long_lived_objects`,
  the one caller of :func:`gc.freeze`.
- **Inference** (every process that analyses): thinc's matrix products through
  NumPy's BLAS on one thread, and inference-only maxout and layer normalisation
  (:func:`use_inference_patches`; implemented in ``desktop.nlp.pipeline`` and
  ``desktop.nlp.matmul_ops``, applied to the pipeline as it loads).
- **Niceness** (workers a window starts): :data:`WORKER_NICENESS`.
- **One BLAS thread from the start** (every process, through the environment its
  children inherit): :func:`one_blas_thread_from_start`.

This module imports only the standard library at its top and never Qt, so the
Qt-free layers (``desktop.nlp``) may call it.
"""

from __future__ import annotations

import builtins
import gc
import os
import sys

#: Python's own import function, taken before PySide6 replaces it (see
#: _use_pythons_import): desktop.app imports this module before any of Qt.
_PYTHON_IMPORT = builtins.__import__

#: How long a thread may keep the GIL when another wants it (Python's default: 5 ms).
#: Background threads (the model loading at start, reading files, collecting the
#: analysis) then delay the window's thread by at most this much at each call into
#: Python, and a layout or a paint makes hundreds: with the analysis's result threads
#: unpickling, paints took 3-10 times longer at 0.5 ms (docs/responsiveness.md).
GIL_SWITCH_SECONDS = 0.0001
#: How often the window's thread runs the cycle collections that are due (ms).
COLLECT_EVERY_MS = 1000
#: How much nicer than the window its analysis worker processes run.
WORKER_NICENESS = 10

_inference_patched = False


def configure_gui() -> None:
    """The window's process: a short switch interval, Python's own import, and cycle
    collections only when the window's thread runs them (``desktop.app`` calls
    :func:`collect_young_objects` on a timer of COLLECT_EVERY_MS): a collection
    started by a background thread could delete Qt objects there, and one of a
    process holding spaCy and pyqtgraph held the GIL for ~100 ms wherever it ran."""
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    _use_pythons_import()
    stop_automatic_collections()
    use_inference_patches()


def one_blas_thread_from_start() -> None:
    """OpenBLAS starts one thread per core as NumPy is imported, unless told
    otherwise before (``OPENBLAS_NUM_THREADS``; a user's own setting is kept). Those
    threads spin at start: importing NumPy took ~160 ms of CPU time for ~80 ms of
    wall time, on the core the other process at launch needs (the window's and the
    first article's each import NumPy). No process of the app multiplies matrices on
    more than one thread (:func:`use_inference_patches`). Called before NumPy is
    imported, by the entry points; every process started later inherits it (the
    app's workers, and a program it opens, say the browser for a link: it only tells
    OpenBLAS, should such a program use it, to start one thread)."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def stop_automatic_collections() -> None:
    """No cycle collection starts by itself: the window's thread runs the ones due
    (:func:`collect_young_objects`, on a timer: ``ui.main_window.start_cycle_collections``)."""
    gc.disable()


def configure_command_line() -> None:
    """The command line: the inference settings (its worker processes, forked, share
    them; collections stay automatic: no window waits)."""
    one_blas_thread_from_start()
    use_inference_patches()


def configure_worker(nicer: bool) -> None:
    """An analysis worker process: ``nicer`` (started by a window, which comes first)
    runs WORKER_NICENESS nicer; as nice as the command line that started it otherwise."""
    if nicer and hasattr(os, "nice"):  # (not on Windows)
        try:
            os.nice(WORKER_NICENESS)
        except OSError:
            pass  # not permitted here: the normal priority
    use_inference_patches()


def freeze_long_lived_objects() -> None:
    """Exempt every object alive now from Python's cycle collections (``gc.freeze``).

    A full collection visits every container object, ~100 ms once spaCy, pyqtgraph
    and a long session are loaded (~75 ms for the model's ~140,000 objects alone), and
    it holds the GIL throughout, so the window froze whenever one ran in any thread.
    Called once loaded things are in place (the window, the pipeline, a session, each
    batch of analysis results), it keeps collections to what was made since. Objects
    freed later by reference counting are still freed; only garbage held in
    reference cycles at the call stays.
    """
    gc.freeze()


def collect_released_objects() -> None:
    """Free what frozen objects released since (a closed window's): they are let back
    into the collector's reach, collected once on this thread, and the rest frozen
    again."""
    gc.unfreeze()
    gc.collect()
    freeze_long_lived_objects()


def collect_young_objects() -> None:
    """The collections that are due by Python's thresholds, run on the calling thread
    (the window's timer calls it; see configure_gui)."""
    threshold = gc.get_threshold()
    counts = gc.get_count()
    if counts[0] > threshold[0]:
        gc.collect(0)
        if counts[1] > threshold[1]:
            gc.collect(1)
            if counts[2] > threshold[2]:
                gc.collect(2)


def use_inference_patches() -> None:
    """Have every pipeline this process loads multiply matrices with NumPy's BLAS on
    one thread and run inference-only maxout and layer normalisation
    (``desktop.nlp.pipeline.use_matmul_ops``; same results up to float rounding).

    thinc's ``blis`` wheel has only a generic kernel on some CPUs (AMD Zen 4 among
    them), about a third as fast as NumPy's OpenBLAS, and matrix products are most of
    the recogniser's and the parser's time; the analysis never trains. One BLAS
    thread: the analysis runs one process per core already, and a second thread's
    busy waiting only competes with them and with the window. Applied as the
    pipeline loads (at once if it has), once per process."""
    global _inference_patched
    if _inference_patched:
        return
    _inference_patched = True
    from desktop.nlp import pipeline

    pipeline.when_loaded(pipeline.use_matmul_ops)


def _use_pythons_import() -> None:
    """Python's own ``__import__`` back in place of PySide6's.

    PySide6 wraps every import to read each new module's source file
    (``inspect.getsource``) looking for "PySide6", for its opt-in ``from __feature__
    import …`` (snake_case, true_property), which the app never uses; importing
    spaCy, pandas and pyqtgraph cost ~25% more with it (0.9 -> 1.15 s), all of it on
    the way to the first results."""
    if getattr(builtins.__import__, "__name__", "") == "__feature_import__" \
            and getattr(_PYTHON_IMPORT, "__name__", "") == "__import__":
        builtins.__import__ = _PYTHON_IMPORT
