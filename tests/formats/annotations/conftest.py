"""Sessions for the export and import tests: texts with emoji, CJK, right-to-left
script, combining accents and CRLF, with overlapping, nested and line-crossing
highlights, notes and labels the default set lacks; and a real analysed session."""

from __future__ import annotations

import pytest
from tricky_sessions import TEXTS, tricky_highlights, visible_spans  # noqa: F401 (tests import them)

from desktop.core.article import Article
from desktop.core.highlight_set import HighlightSet
from desktop.core.session import Session


@pytest.fixture
def span_set():
    return visible_spans


@pytest.fixture(params=sorted(TEXTS))
def tricky_session(request) -> Session:
    text = TEXTS[request.param]
    return Session(Article(text, title=f"{request.param} article"), HighlightSet(tricky_highlights(text)))


ANALYSED_TEXT = (
    "Norvik Shipping said on Tuesday its pre-tax profit rose 12% to $3.4 billion in the third "
    "quarter of 2004, from $3.1bn a year earlier.\nThe company, based in Oslo, employs 4,200 "
    "people. Sales fell 3% to £125m in 2023.\n<script>alert('x')</script> said the <b>board</b>."
)


@pytest.fixture(scope="session")
def analysed():
    """A session holding the analysis of a short article as suggestions, its
    figures table (with a value and a role corrected by hand), and the analysis."""
    from desktop.core.suggestions import new_suggestions
    from desktop.nlp import analyze
    from desktop.nlp.figures.table.session import session_figures

    analysis = analyze(ANALYSED_TEXT)
    session = Session(Article(ANALYSED_TEXT, title="Norvik <results>"))
    entities = analysis.entities
    spans = zip(entities["start"].tolist(), entities["end"].tolist(), entities["label"].tolist())
    session.highlights.extend(new_suggestions(session.highlights, spans))
    first = next(session.highlights.visible())
    session.highlights.replace(first.edited(note="owner checked <ok> & 🙂"))
    figures = session_figures(session, analysis)
    stated = figures[~figures["derived"]]
    level = stated[stated["role"] == "level"].iloc[0]["highlight_id"]
    change = stated[stated["role"] == "change"].iloc[0]["highlight_id"]
    session.figure_overrides = {level: {"value": 3_500_000_000.0}, change: {"role": "level"}}
    return session, session_figures(session, analysis), analysis
