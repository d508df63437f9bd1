"""Extraction: entities (spaCy), figures (rule-based engine), and ``analyze(text)``.

Heavy imports (spaCy, pandas) happen on first use, so importing this package is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from desktop.nlp.analysis import Analysis

__all__ = ["analyze", "extract_figures"]


def analyze(text: str, year: int | None = None) -> Analysis:
    """Entities and figures of ``text`` (``year``: when it was published, if known);
    see :func:`desktop.nlp.analysis.analyze`."""
    from desktop.nlp.analysis import analyze as _analyze

    return _analyze(text, year=year)


def extract_figures(text: str) -> pd.DataFrame:
    """Figures of ``text`` without any neural model; see :mod:`desktop.nlp.figures.scanner`."""
    from desktop.nlp.figures.scanner import extract_figures as _extract

    return _extract(text)
