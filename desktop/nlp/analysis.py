"""``analyze(text)``: entities and figures of a whole text, chunk by chunk."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pandas as pd

from desktop.core.figure import FigureReading
from desktop.nlp.chunks import Chunk, paragraph_chunks
from desktop.nlp.entity_merge import EntitySpan, merge_entities
from desktop.nlp.figure_frame import figure_frame
from desktop.nlp.figures import find_figures
from desktop.nlp.pipeline import load_pipeline
from desktop.nlp.sentences import SentenceIndex

ENTITY_COLUMNS = ["start", "end", "text", "label"]
PIPE_BATCH_SIZE = 32


@dataclass
class ChunkAnalysis:
    """What the analysis found in one chunk, with offsets into the whole text."""

    start: int
    end: int
    entities: list[EntitySpan]
    figures: list[FigureReading]
    sentences: list[tuple[int, int]]


@dataclass
class Analysis:
    """Entities and figures of a text.

    ``entities`` has ENTITY_COLUMNS; ``figures`` has FIGURE_COLUMNS. Offsets are
    Python string indices into the analysed text.
    """

    entities: pd.DataFrame
    figures: pd.DataFrame
    sentences: SentenceIndex = field(default_factory=SentenceIndex)
    readings: list[FigureReading] = field(default_factory=list)


def iter_analysis(
    text: str, should_stop: Callable[[], bool] = lambda: False
) -> Iterator[ChunkAnalysis]:
    """Analyse ``text`` paragraph by paragraph, yielding each chunk's findings.

    The pipeline runs over the chunks with ``nlp.pipe``, so no text length reaches
    spaCy's ``max_length``. Stops early when ``should_stop()`` turns true.
    """
    nlp = load_pipeline()
    chunks = list(paragraph_chunks(text))
    docs = nlp.pipe((c.text for c in chunks), batch_size=PIPE_BATCH_SIZE)
    for chunk, doc in zip(chunks, docs):
        if should_stop():
            return
        yield _analyse_chunk(chunk, doc)


def _analyse_chunk(chunk: Chunk, doc) -> ChunkAnalysis:
    offset = chunk.offset
    model_spans = [
        EntitySpan(ent.start_char + offset, ent.end_char + offset, ent.label_)
        for ent in doc.ents
    ]
    figures = [reading.shifted(offset) for reading in find_figures(chunk.text)]
    sentences = [(s.start_char + offset, s.end_char + offset) for s in doc.sents]
    return ChunkAnalysis(
        chunk.offset, chunk.end, merge_entities(model_spans, figures), figures, sentences
    )


def analyze(text: str) -> Analysis:
    """Entities and figures of ``text`` as DataFrames (see :class:`Analysis`)."""
    entities: list[EntitySpan] = []
    readings: list[FigureReading] = []
    sentences = SentenceIndex()
    spans: list[tuple[int, int]] = []
    for part in iter_analysis(text):
        entities.extend(part.entities)
        readings.extend(part.figures)
        spans.extend(part.sentences)
    sentences.add(spans)
    return Analysis(
        entities=entity_frame(text, entities),
        figures=figure_frame(text, readings, sentences),
        sentences=sentences,
        readings=readings,
    )


def entity_frame(text: str, entities: list[EntitySpan]) -> pd.DataFrame:
    """Entity spans as a DataFrame with ENTITY_COLUMNS."""
    return pd.DataFrame(
        {
            "start": pd.Series([e.start for e in entities], dtype="int64"),
            "end": pd.Series([e.end for e in entities], dtype="int64"),
            "text": pd.Series([text[e.start : e.end] for e in entities], dtype="object"),
            "label": pd.Series([e.label for e in entities], dtype="object"),
        },
        columns=ENTITY_COLUMNS,
    )
