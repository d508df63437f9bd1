"""``analyze(text)``: entities and figures of a whole text, chunk by chunk."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING

from desktop.core.figure import FigureReading
from desktop.nlp.chunks import Chunk, batches_of, paragraph_chunks
from desktop.nlp.entities.casing import CaseEvidence
from desktop.nlp.entities.chunk import read_chunks
from desktop.nlp.entities.document import harmonise
from desktop.nlp.entities.user_lexicon import LexiconLike, apply_lexicon
from desktop.nlp.entity_merge import merge_entities
from desktop.nlp.figures.describe import describe_figures, parse_spans, without_dateline
from desktop.nlp.figures.periods.of_figures import article_year
from desktop.nlp.figures.scanner import find_figures
from desktop.nlp.figures.subjects.names import article_names
from desktop.nlp.pipeline import load_pipeline, parse_sentences
from desktop.nlp.results import ChunkAnalysis, EntitySpan
from desktop.nlp.sentences import SentenceIndex, sentence_spans

if TYPE_CHECKING:
    import pandas as pd

ENTITY_COLUMNS = ["start", "end", "text", "label", "canonical", "reason", "model_label"]
PIPE_BATCH_SIZE = 128
#: Texts at least this long are analysed on every core (this process and worker
#: processes, see :mod:`desktop.nlp.parallel`); shorter ones in this process alone,
#: without starting any worker.
PARALLEL_MIN_CHARS = 50_000
#: The first batch is small so the first screen of a long text is ready at once.
FIRST_BATCH_CHARS = 3_000
#: Batches hold a twelfth of the text, between these sizes: small enough that the
#: processes finish together (20,000 characters are ~0.3 s of work) and Cancel is
#: quick, large enough that nlp.pipe's batches stay full.
MIN_BATCH_CHARS = 5_000
BATCH_CHARS = 20_000
#: The last batches, which the processes finish together on.
LAST_BATCH_CHARS = 1_000


@dataclass
class Analysis:
    """Entities and figures of a text.

    ``entities`` has ENTITY_COLUMNS; ``figures`` has FIGURE_COLUMNS, with each
    figure's subject, period and change, and the derived rows (``derived`` True)
    right after the stated figure each comes from. Offsets are
    Python string indices into the analysed text. An entity's ``reason`` says why
    it has its label, ``canonical`` names the entity it mentions, and
    ``model_label`` is spaCy's own label for the span ("" when spaCy had none).
    """

    entities: pd.DataFrame
    figures: pd.DataFrame
    sentences: SentenceIndex = field(default_factory=SentenceIndex)
    readings: list[FigureReading] = field(default_factory=list)


def iter_analysis(
    text: str,
    should_stop: Callable[[], bool] = lambda: False,
    parallel: bool | None = None,
    lexicon: LexiconLike | None = None,
    share: bool = True,
    year: int | None = None,
) -> Iterator[ChunkAnalysis]:
    """Analyse ``text`` paragraph by paragraph, yielding each chunk's findings in
    text order.

    Chunks go through ``nlp.pipe`` in batches, so no text length reaches spaCy's
    ``max_length``. Long texts (or ``parallel=True``) are analysed on every core,
    in this process and in worker processes (with ``share=False``, as a window asks,
    only in worker processes, one per core). Stops early when ``should_stop()`` turns
    true.

    Each chunk's figures carry their subject, period and change (the sentences
    holding figures are parsed in the same worker). Each chunk's entities have been through the chunk-level entity stages and the
    user's ``lexicon``; the document-level pass
    (:func:`desktop.nlp.entities.harmonise`) needs every chunk, so it is the
    caller's to run once the last one is in (:func:`analyze` does).

    ``year`` is the year the article was published, when its document says (an
    imported page's date): "this year", "last year" are read in it unless the text's
    own dateline gives another (:func:`article_year`).
    """
    if parallel is None:
        parallel = len(text) >= PARALLEL_MIN_CHARS
    if parallel:
        from desktop.nlp import parallel as workers

        workers.start(share)  # the workers load while the text is read below
    batch_chars = min(BATCH_CHARS, max(MIN_BATCH_CHARS, len(text) // 12))
    batches = batches_of(paragraph_chunks(text), FIRST_BATCH_CHARS, batch_chars, len(text),
                         LAST_BATCH_CHARS)
    evidence = _case_evidence(text, workers if parallel else None, share)
    analyse = partial(analyse_chunks, evidence=evidence, lexicon=lexicon, year=article_year(text, year),
                      names=article_names(text))
    if parallel:
        results = workers.map_in_order(analyse, batches, should_stop,
                                       weight=lambda batch: sum(len(c.text) for c in batch),
                                       total=len(text), local=share)
    else:
        results = (analyse(batch) for batch in batches)
    for batch_result in results:
        if should_stop():
            return
        yield from batch_result


def _case_evidence(text: str, workers, share: bool) -> CaseEvidence:
    """:meth:`CaseEvidence.of` ``text``, its halves counted on two cores when the
    worker processes are there: both by workers for a window (``share=False``: its
    thread stays free for painting), the second by a loaded worker meanwhile when
    this process analyses too."""
    if workers is None or (share and not workers.ready()):
        return CaseEvidence.of(text)
    middle = text.find("\n", len(text) // 2) + 1
    if middle <= 0:
        middle = len(text)
    second = workers.submit(CaseEvidence.of, text[middle:])
    if share:
        workers.let_leave(second)
        first = CaseEvidence.of(text[:middle])
    else:
        first = workers.submit(CaseEvidence.of, text[:middle]).result()
    return first.merged(second.result())


def analyse_chunks(
    chunks: Sequence[Chunk], evidence: CaseEvidence, lexicon: LexiconLike | None = None,
    year: int | None = None,
    names: Sequence[str] = (),
) -> list[ChunkAnalysis]:
    """The findings of each chunk (runs in this process or in a worker process).
    ``evidence`` is how the whole text writes its words (:meth:`CaseEvidence.of`);
    ``year`` is the article's year (:func:`article_year`), for "this year";
    ``names`` what the article is about (:func:`article_names`), for "the firm".

    Only the sentences that hold a figure are parsed, all of the batch's at once,
    for the subjects of its figures."""
    texts = [c.text for c in chunks]
    read = read_chunks(load_pipeline(), texts, evidence, PIPE_BATCH_SIZE)
    sentences = [sentence_spans(text) for text in texts]
    figures = [find_figures(text) for text in texts]
    wanted = [(i, index, span) for i, text in enumerate(texts)
              for index, span in parse_spans(text, figures[i], sentences[i]).items()]
    parsed = parse_sentences(without_dateline(texts[i][start:end]) for i, _, (start, end) in wanted)
    docs: list[dict[int, object]] = [{} for _ in chunks]
    for (i, index, _), doc in zip(wanted, parsed):
        docs[i][index] = doc
    return [
        _analyse_chunk(chunk, spans, describe_figures(chunk.text, found, spans_of, chunk_docs, year, names),
                       spans_of, lexicon)
        for chunk, (_, spans), found, spans_of, chunk_docs in zip(chunks, read, figures, sentences, docs)
    ]


def _analyse_chunk(
    chunk: Chunk, spans: list[EntitySpan], figures: list[FigureReading],
    sentences: list[tuple[int, int]], lexicon: LexiconLike | None,
) -> ChunkAnalysis:
    offset = chunk.offset
    entities = merge_entities(spans, figures)
    if lexicon is not None:
        entities = apply_lexicon(entities, chunk.text, lexicon)
    return ChunkAnalysis(
        chunk.offset, chunk.end,
        [span.shifted(offset) for span in entities],
        [reading.shifted(offset) for reading in figures],
        [(start + offset, end + offset) for start, end in sentences],
    )


def analyze(text: str, lexicon: LexiconLike | None = None, year: int | None = None) -> Analysis:
    """Entities and figures of ``text`` as DataFrames (see :class:`Analysis`). The
    entities have been through the document-level pass, with the user's ``lexicon``
    applied when one is given; ``year``: see :func:`iter_analysis`."""
    entities: list[EntitySpan] = []
    readings: list[FigureReading] = []
    sentences = SentenceIndex()
    spans: list[tuple[int, int]] = []
    for part in iter_analysis(text, lexicon=lexicon, year=year):
        entities.extend(part.entities)
        readings.extend(part.figures)
        spans.extend(part.sentences)
    sentences.add(spans)
    from desktop.nlp.figures.table.frame import figure_frame

    return Analysis(
        entities=entity_frame(text, harmonise(entities, text, lexicon)),
        figures=figure_frame(text, readings, sentences),
        sentences=sentences,
        readings=readings,
    )


def entity_frame(text: str, entities: list[EntitySpan]) -> pd.DataFrame:
    """Entity spans as a DataFrame with ENTITY_COLUMNS."""
    import pandas as pd

    def strings(values: list[str]) -> pd.Series:
        return pd.Series(values, dtype="object")

    return pd.DataFrame(
        {
            "start": pd.Series([e.start for e in entities], dtype="int64"),
            "end": pd.Series([e.end for e in entities], dtype="int64"),
            "text": strings([text[e.start : e.end] for e in entities]),
            "label": strings([e.label for e in entities]),
            "canonical": strings([e.canonical for e in entities]),
            "reason": strings([e.reason for e in entities]),
            "model_label": strings([e.model_label for e in entities]),
        },
        columns=ENTITY_COLUMNS,
    )
