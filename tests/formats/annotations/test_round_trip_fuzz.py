"""Round trips on generated texts, spans and notes: any characters (line breaks of
every kind, tabs, quotes, backslashes, emoji, combining marks), any spans."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.article import Article
from desktop.core.highlight import Highlight
from desktop.core.highlight_set import HighlightSet
from desktop.core.session import Session
from desktop.formats.annotations.brat import export_brat, import_brat
from desktop.formats.annotations.doccano import export_doccano, import_doccano
from desktop.formats.annotations.prodigy import export_prodigy, import_prodigy
from desktop.formats.annotations.w3c import export_w3c, import_w3c

CHARACTERS = st.sampled_from(list('ab Z9\r\n\t\x0b\x0c\x1c\x85\u2028\u2029"\\,é\u0301😀北ש ') + ['", "'])
TEXTS = st.lists(CHARACTERS, min_size=1, max_size=40).map("".join)
NOTES = st.lists(st.sampled_from(list('n \r\n\t"\\😀') + ["", '", "']), max_size=6).map("".join)


@st.composite
def sessions(draw):
    text = draw(TEXTS)
    spans = draw(st.lists(st.tuples(st.integers(0, len(text) - 1), st.integers(1, len(text)),
                                    st.sampled_from(["ORG", "MY LABEL", 'Q"X\\', "北"]), NOTES), max_size=8))
    highlights = [Highlight(min(a, b), max(a, b), label, note=note) for a, b, label, note in spans if a != b]
    return Session(Article(text), HighlightSet(highlights))


def _brat(session):
    files = export_brat(session)
    return import_brat(files["article.txt"], files["article.ann"], files["visual.conf"]).session


def _expected(session, notes_lines: bool = False):
    def note(text: str) -> str:
        return "\n".join(text.splitlines()) if notes_lines else text
    return sorted((h.start, h.end, h.label, note(h.note)) for h in session.highlights)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_every_format_gives_the_spans_back(session):
    for read, brat in ((lambda s: import_doccano(export_doccano(s)).session, False),
                       (lambda s: import_prodigy(export_prodigy(s)).session, False),
                       (lambda s: import_w3c(export_w3c(s)).session, False),
                       (_brat, True)):
        back = read(session)
        assert back.article.text == session.article.text
        assert _expected(back) == _expected(session, notes_lines=brat)


@settings(max_examples=100, deadline=None)
@given(sessions())
def test_w3c_is_json_whatever_the_texts(session):
    document = json.loads(export_w3c(session))
    assert document["total"] == len(document["first"]["items"]) == len(session.highlights)
