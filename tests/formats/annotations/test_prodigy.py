"""Prodigy tasks: tokens from spaCy's English tokenizer, spans with token indices,
and what an import refuses."""

from __future__ import annotations

import json

import pytest

from desktop.core.article import Article
from desktop.core.highlight import Highlight
from desktop.core.highlight_set import HighlightSet
from desktop.core.session import Session
from desktop.formats.annotations.common import AnnotationFormatError
from desktop.formats.annotations.prodigy import export_prodigy, import_prodigy
from desktop.formats.annotations.prodigy_tokens import tokenizer, tokens


def test_tokens_offsets_are_their_text_and_spans_sit_on_them(tricky_session):
    task = json.loads(export_prodigy(tricky_session))
    text = task["text"]
    assert [t["id"] for t in task["tokens"]] == list(range(len(task["tokens"])))
    for token in task["tokens"]:
        assert text[token["start"]:token["end"]] == token["text"]
        assert token["ws"] == (text[token["end"]:token["end"] + 1] == " ")
    toks = task["tokens"]
    for span in task["spans"]:  # the tokens a span touches, from the first to the last
        first, last = span["token_start"], span["token_end"]
        assert first <= last
        assert toks[first]["end"] > span["start"] and (first == 0 or toks[first - 1]["end"] <= span["start"])
        assert toks[last]["start"] < span["end"] and (last + 1 == len(toks) or toks[last + 1]["start"] >= span["end"])


def test_tokens_are_spacys_for_the_whole_text():
    text = "  Lead  para.\n\nSecond para,\tsaid Dr. Smith — ‘quoted’ (a.m.) \r\n  third: $3.4bn!\n" * 400
    expected = [(t.idx, t.text, bool(t.whitespace_)) for t in tokenizer()(text)]
    assert [(t["start"], t["text"], t["ws"]) for t in tokens(text)] == expected


def test_a_span_off_the_token_boundaries_keeps_its_offsets():
    session = Session(Article("Acme Corporation grew"), HighlightSet([Highlight(2, 9, "ORG", note="odd")]))
    span = json.loads(export_prodigy(session))["spans"][0]
    assert span == {"start": 2, "end": 9, "label": "ORG", "token_start": 0, "token_end": 1, "note": "odd"}


def test_spans_with_token_indices_only_take_their_tokens_offsets():
    task = json.loads(export_prodigy(Session(Article("Acme Corporation grew"))))
    task["spans"] = [{"label": "ORG", "token_start": 0, "token_end": 1}]
    imported = import_prodigy(json.dumps(task))
    assert [(h.start, h.end) for h in imported.session.highlights] == [(0, 16)]


def _task(**changes) -> str:
    task = json.loads(export_prodigy(Session(Article("Acme grew"), HighlightSet([Highlight(0, 4, "ORG")]))))
    for key, value in changes.items():
        task[key] = value
    return "\n" + json.dumps(task) + "\n"


@pytest.mark.parametrize(("data", "line", "field", "words"), [
    ('{"text": "Acme"}\n{"text": "Acme", }\n', 2, "", "not valid JSON"),
    (_task(tokens=[{"text": "Acne", "start": 0, "end": 4, "id": 0, "ws": True}]), 2, "tokens[0].text", "is not the text"),
    (_task(spans=[{"start": 0, "end": 40, "label": "ORG"}]), 2, "spans[0].end", "past the end"),
    (_task(spans=[{"start": 0, "end": 4, "label": ""}]), 2, "spans[0].label", "empty"),
    (_task(spans=[{"start": 0, "end": 4, "label": "ORG", "token_start": 0, "token_end": 9}]), 2,
     "spans[0].token_end", "not a token"),
    (_task(spans=[{"start": "0", "end": 4, "label": "ORG"}]), 2, "spans[0].start", "whole number"),
    (_task(spans=[{"start": 0, "end": 4, "label": "ORG", "text": "Acne"}]), 2, "spans[0].text", "is not the text"),
    (_task(text=7), 2, "text", "should be text"),
    ('["a list"]\n', 1, "", "JSON object"),
])
def test_bad_tasks_are_refused_with_their_line_and_field(data, line, field, words):
    with pytest.raises(AnnotationFormatError) as caught:
        import_prodigy(data)
    assert (caught.value.line, caught.value.field) == (line, field)
    assert words in caught.value.reason


def test_a_rejected_task_is_imported_with_a_warning():
    imported = import_prodigy(_task(answer="reject"))
    assert len(imported.session.highlights) == 1 and "reject" in imported.warnings[0]
