"""session → export → import gives back the text, the highlights (start, end,
label) and their notes, for every annotation format, on texts with emoji, CJK,
right-to-left script, combining accents and CRLF."""

from __future__ import annotations

import json

import pytest

from desktop.formats.annotations.brat import export_brat, import_brat
from desktop.formats.annotations.doccano import export_doccano, import_doccano
from desktop.formats.annotations.prodigy import export_prodigy, import_prodigy
from desktop.formats.annotations.w3c import export_w3c, import_w3c


def _brat(session):
    files = export_brat(session, name="doc")
    return import_brat(files["doc.txt"], files["doc.ann"], files["visual.conf"])


def _without_article(data: bytes) -> str:
    collection = json.loads(data)
    del collection["article"]
    return json.dumps(collection)


ROUND_TRIPS = {
    "brat": _brat,
    "doccano": lambda session: import_doccano(export_doccano(session)),
    "doccano-entities": lambda session: import_doccano(export_doccano(session, form="entities")),
    "prodigy": lambda session: import_prodigy(export_prodigy(session)),
    "w3c": lambda session: import_w3c(export_w3c(session)),
    "w3c-text-apart": lambda session: import_w3c(_without_article(export_w3c(session)), text=session.article.text),
}


@pytest.mark.parametrize("fmt", sorted(ROUND_TRIPS))
def test_round_trip_is_lossless(tricky_session, fmt, span_set):
    imported = ROUND_TRIPS[fmt](tricky_session)
    assert imported.session.article.text == tricky_session.article.text
    assert span_set(imported.session) == span_set(tricky_session)
    assert imported.warnings == []


@pytest.mark.parametrize("fmt", sorted(ROUND_TRIPS))
def test_unknown_labels_become_custom_labels_with_a_colour(tricky_session, fmt):
    session = ROUND_TRIPS[fmt](tricky_session).session
    names = [label.name for label in session.labels]
    for name in ("MY LABEL", "Ünïcode-Label", "PERSON"):
        assert names.count(name) == 1
    assert all(label.colour.startswith("#") for label in session.labels)
    imported = {h.origin for h in session.highlights} | {h.status for h in session.highlights}
    assert imported == {"manual", "accepted"}


def test_brat_keeps_the_label_colours(tricky_session):
    session = _brat(tricky_session).session
    assert session.label("MY LABEL").colour == tricky_session.label("MY LABEL").colour[:7]


@pytest.mark.parametrize("fmt", ["doccano", "prodigy"])
def test_several_documents_become_one_article(fmt, span_set):
    from desktop.core.article import Article
    from desktop.core.highlight import Highlight
    from desktop.core.highlight_set import HighlightSet
    from desktop.core.session import Session

    export, read = (export_doccano, import_doccano) if fmt == "doccano" else (export_prodigy, import_prodigy)
    first = Session(Article("Acme 😀 grew."), HighlightSet([Highlight(0, 4, "ORG", note="n")]))
    second = Session(Article("北京 fell."), HighlightSet([Highlight(0, 2, "GPE")]))
    imported = read(export(first) + export(second))
    assert imported.session.article.text == "Acme 😀 grew.\n\n北京 fell."
    assert span_set(imported.session) == [(0, 4, "ORG", "n"), (14, 16, "GPE", "")]
    assert "2 documents were joined" in imported.warnings[0]
