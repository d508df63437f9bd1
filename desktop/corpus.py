"""A corpus run: the single-article ``extract`` mapped over many documents.

Qt-free. :func:`find_documents` lists the articles under the paths given (folders
recursively, hidden files and folders skipped); :func:`analyse_document` reads one and
analyses it exactly as ``article-lens extract FILE`` does, returning plain data (its
tables as DataFrames) that any engine can send back: this process (one job), local
worker processes (:func:`run_local`) or a Dask cluster (:mod:`desktop.corpus_dask`).
The rows of a document never depend on the engine.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

#: The formats a folder run picks up (what the Open dialog offers).
from desktop.formats.readers import OPEN_SUFFIXES

CORPUS_SUFFIXES = tuple(sorted({s.lower() for s in OPEN_SUFFIXES}))
#: Documents a local worker is sent at once (with two such tasks per worker in flight).
DOCUMENTS_PER_TASK = 4


@dataclass
class DocumentResult:
    """What became of one document: ``tables`` (name → DataFrame, offsets in the
    file's own text) when it was analysed, ``error`` when it failed, ``skipped`` when
    its text was already in the output (``--resume``)."""

    document: str
    sha256: str = ""
    tables: dict = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    error: str = ""
    skipped: bool = False
    #: the rows already formatted for the output (a worker does it: :func:`formatted`)
    formatted: tuple | None = None
    #: what the article says about itself (the corpus view lists them)
    title: str = ""
    date: str = ""


def find_documents(paths: Iterable[str]) -> Iterator[str]:
    """Each article under ``paths`` as given (a file is taken whatever its suffix; a
    folder gives its files with an article's suffix, recursively, in sorted order,
    skipping hidden files and folders). A path that does not exist is yielded as it
    is, for its error to be recorded."""
    for given in paths:
        if not os.path.isdir(given):
            yield given
            continue
        for root, folders, files in os.walk(given):
            folders[:] = sorted(f for f in folders if not f.startswith("."))
            for name in sorted(files):
                if name.startswith(".") or Path(name).suffix.lower() not in CORPUS_SUFFIXES:
                    continue
                yield os.path.join(root, name)


_done: frozenset[str] = frozenset()


def set_done(hashes: Iterable[str]) -> None:
    """The sha256 of the texts already in the output (``--resume``): skipped."""
    global _done
    _done = frozenset(hashes)


def load_model(nested_parallel: bool = False) -> None:
    """Load the pipeline once in this process (a worker's initializer). Unless
    ``nested_parallel``, a long text is analysed in this process alone: the corpus
    already keeps every core busy, one document per worker."""
    if not nested_parallel:
        import desktop.nlp.analysis as analysis

        analysis.PARALLEL_MIN_CHARS = 1 << 62
    from desktop.nlp.pipeline import load_analysis

    load_analysis()


def worker_init(done: Iterable[str] = ()) -> None:
    """Initializer of a local worker process: the model, and what to skip."""
    set_done(done)
    load_model()


def analyse_document(document: str, what: str = "all", path: str | None = None,
                     output_format: str = "") -> DocumentResult:
    """``document`` read (from ``path`` when given: its absolute path, for a worker
    elsewhere) and analysed as ``article-lens extract`` does it, with the tables it
    prints (``what``: entities, figures or all). Never raises for a bad document: the
    result carries the error. With ``output_format`` (jsonl, json, csv) the rows come
    back formatted for it, not as tables (less to send back and to do for the writer)."""
    from desktop.cli import in_file_offsets, with_missing_links
    from desktop.formats.article_sources import read_source
    from desktop.formats.errors import FileFormatError
    from desktop.nlp import analyze

    try:
        read = read_source(path or document)  # as extract FILE: an http(s) address too
    except FileFormatError as error:
        return DocumentResult(document, error=str(error))
    except Exception as error:  # noqa: BLE001 - one bad document never stops a run
        return DocumentResult(document, error=f"{type(error).__name__}: {error}")
    article = read.article
    if article.sha256 in _done:
        return DocumentResult(document, article.sha256, skipped=True)
    try:
        analysis = analyze(article.text, year=article.year)
        offset = read.file_offset
        figures = in_file_offsets(analysis.figures, offset, ("start", "end", "link"))
        tables = {"entities": in_file_offsets(analysis.entities, offset, ("start", "end")),
                  "figures": with_missing_links(figures)}
    except Exception as error:  # noqa: BLE001
        return DocumentResult(document, article.sha256, error=f"{type(error).__name__}: {error}")
    if what != "all":
        tables = {what: tables[what]}
    warnings = tuple(filter(None, (read.damage_note(), *read.warnings)))
    result = DocumentResult(document, article.sha256, tables, warnings, title=article.title, date=article.date)
    if output_format in ("jsonl", "json", "csv"):
        from desktop.corpus_output import formatted

        result.formatted = formatted(result, what, output_format)
        result.tables = {}
    return result


def analyse_documents(documents: list[str], what: str = "all", output_format: str = "") -> list[DocumentResult]:
    """:func:`analyse_document` of each of ``documents``: a worker's task (a few short
    articles a task cost one round trip between the processes instead of one each)."""
    return [analyse_document(document, what, output_format=output_format) for document in documents]


def analyse_for_view(document: str, known_sha256: str = "") -> DocumentResult:
    """The corpus view's task (:mod:`desktop.model.corpus_run`), in a worker of the
    app's shared pool: ``document`` analysed alone (a long text is not split over
    other workers: the corpus keeps them busy), all its tables; skipped (nothing
    analysed) when its text's sha256 is ``known_sha256``, the one cached."""
    import desktop.nlp.analysis as analysis

    analysis.PARALLEL_MIN_CHARS = 1 << 62
    set_done((known_sha256,) if known_sha256 else ())
    return analyse_document(document, "all")


def run_local(documents: Iterable[str], what: str, jobs: int, done: Iterable[str] = (),
              output_format: str = "") -> Iterator[DocumentResult]:
    """Each document's result as it finishes, on ``jobs`` processes (1: this one).
    At most a few documents per worker are in flight, so a long list is never held
    as futures or results."""
    done = frozenset(done)
    if jobs <= 1:
        set_done(done)
        for document in documents:
            yield analyse_document(document, what, output_format=output_format)
        return
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

    from desktop.nlp.parallel import start_method

    method = start_method()
    if method == "fork":  # loaded once here: every worker starts with it, in shared pages
        load_model()
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=worker_init,
                             initargs=(done,)) as pool:
        pending = set()
        source = iter(documents)
        exhausted = False
        while True:
            while not exhausted and len(pending) < jobs * 2:
                batch = list(islice(source, DOCUMENTS_PER_TASK))
                exhausted = len(batch) < DOCUMENTS_PER_TASK
                if batch:
                    pending.add(pool.submit(analyse_documents, batch, what, output_format))
            if not pending:
                return
            finished, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in finished:
                yield from future.result()
