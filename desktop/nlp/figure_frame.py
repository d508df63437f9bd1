"""Figure readings as a DataFrame."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from desktop.core.figure import FIGURE_COLUMNS, FigureReading
from desktop.nlp.sentences import SentenceIndex, sentence_spans


def figure_frame(
    text: str, readings: Sequence[FigureReading], sentences: SentenceIndex | None = None
) -> pd.DataFrame:
    """Figure readings as a DataFrame with FIGURE_COLUMNS; each row's sentence comes
    from ``sentences``, or from a punctuation split when none are given."""
    if sentences is None:
        sentences = SentenceIndex(sentence_spans(text))
    rows = [
        {
            "start": r.start,
            "end": r.end,
            "surface": r.surface,
            "value": r.value,
            "low": r.low if r.low is not None else r.value,
            "high": r.high if r.high is not None else r.value,
            "unit": r.unit,
            "unit_code": r.unit_code,
            "kind": r.kind,
            "qualifier": r.qualifier,
            "sentence": sentences.sentence_at(text, r.start, r.end),
        }
        for r in readings
    ]
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS).astype(
        {"start": "int64", "end": "int64", "value": "float64", "low": "float64", "high": "float64"}
    )
