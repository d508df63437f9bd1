"""The figures table of a saved session, without a window: what the figures view
shows for it, for exports and the command line."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from desktop.core.session import Session
    from desktop.nlp.analysis import Analysis


def session_figures(session: Session, analysis: Analysis | None = None) -> pd.DataFrame:
    """The figures table (``TABLE_COLUMNS``) of the session's visible highlights, with
    its hand corrections and derived rows.

    ``analysis`` (of the session's text) gives each figure its subject and the
    sentences, as the window reads them when a session is opened; without it a
    figure is read from its own words and paragraph and its subject stays ""."""
    from desktop.nlp.figures.table.highlights import figures_for_highlights
    from desktop.nlp.sentences import SentenceIndex

    readings = {}
    sentences = SentenceIndex()
    if analysis is not None:
        readings = {(reading.start, reading.end): reading for reading in analysis.readings}
        sentences = analysis.sentences
    return figures_for_highlights(session.article.text, session.highlights, readings, sentences,
                                  session.figure_overrides)
