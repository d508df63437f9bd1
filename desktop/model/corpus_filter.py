"""Which of a corpus's figure rows a filter keeps (no Qt here): subject text, unit,
role, period text and document, all of them at once; an empty part keeps all."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class FigureFilter:
    """``subject`` and ``period``: words the cell contains (any case); ``unit``,
    ``role`` and ``document``: the cell's exact value ("" keeps every row)."""

    subject: str = ""
    unit: str = ""
    role: str = ""
    period: str = ""
    document: str = ""

    @property
    def empty(self) -> bool:
        return not any((self.subject.strip(), self.unit, self.role, self.period.strip(), self.document))


def _text(frame: pd.DataFrame, column: str) -> pd.Series:
    return frame[column].fillna("").astype(str) if column in frame else pd.Series("", index=frame.index)


def kept(frame: pd.DataFrame, wanted: FigureFilter) -> np.ndarray:
    """A boolean per row of ``frame``: whether ``wanted`` keeps it."""
    keep = np.ones(len(frame), dtype=bool)
    if wanted.empty or not len(frame):
        return keep
    for column, words in (("subject", wanted.subject), ("period", wanted.period)):
        for word in words.split():
            keep &= _text(frame, column).str.contains(word, case=False, regex=False).to_numpy()
    for column, value in (("unit_code", wanted.unit), ("role", wanted.role), ("document", wanted.document)):
        if value:
            keep &= (_text(frame, column) == value).to_numpy()
    return keep


def values_of(frame: pd.DataFrame, column: str) -> list[str]:
    """The distinct non-empty values of ``column``, most frequent first (a filter's choices)."""
    if not len(frame) or column not in frame:
        return []
    counts = _text(frame, column).value_counts()
    return [value for value in counts.index if value]
