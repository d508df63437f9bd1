"""doccano: the sequence labelling JSONL, both forms, and what an import refuses."""

from __future__ import annotations

import json

import pytest

from desktop.core.article import Article
from desktop.core.highlight import Highlight
from desktop.core.highlight_set import HighlightSet
from desktop.core.session import Session
from desktop.formats.annotations.common import AnnotationFormatError
from desktop.formats.annotations.doccano import export_doccano, import_doccano

SESSION = Session(Article("Acme 😀 in 北京", title="t"), HighlightSet([
    Highlight(0, 4, "ORG", note="n"), Highlight(10, 12, "GPE"), Highlight(7, 9, "X", status="rejected")]))


def test_the_label_form_is_one_line_of_start_end_label():
    data = export_doccano(SESSION)
    assert data.endswith(b"\n") and data.count(b"\n") == 1
    record = json.loads(data)
    assert record["text"] == "Acme 😀 in 北京"
    assert record["label"] == [[0, 4, "ORG"], [10, 12, "GPE"]]
    assert record["notes"] == [{"start_offset": 0, "end_offset": 4, "label": "ORG", "note": "n"}]


def test_the_entities_form_is_doccanos_relation_jsonl():
    record = json.loads(export_doccano(SESSION, form="entities"))
    assert record["entities"][1] == {"id": 1, "label": "GPE", "start_offset": 10, "end_offset": 12}
    assert record["relations"] == []


def test_older_exports_with_data_and_labels_are_read():
    imported = import_doccano('{"data": "Acme grew", "labels": [[0, 4, "ORG"]]}\n')
    assert [(h.start, h.end, h.label) for h in imported.session.highlights] == [(0, 4, "ORG")]


@pytest.mark.parametrize(("record", "field", "words"), [
    ({"label": []}, "", 'the field "text" is missing'),
    ({"text": "Acme", "label": [[0, 9, "ORG"]]}, "label[0].end", "past the end"),
    ({"text": "Acme", "label": [[2, 2, "ORG"]]}, "label[0]", "should be before"),
    ({"text": "Acme", "label": [[0, 4]]}, "label[0]", "[start, end, label]"),
    ({"text": "Acme", "label": ["positive"]}, "label[0]", "text classification"),
    ({"text": "Acme", "entities": [{"start_offset": 0, "end_offset": 4}]}, "entities[0]", '"label" is missing'),
    ({"text": "Acme", "label": [[0, 4, "ORG"]], "notes": [{"start_offset": 0, "end_offset": 3, "label": "ORG",
                                                          "note": "x"}]}, "notes", "does not label"),
])
def test_bad_lines_are_refused_with_their_line_and_field(record, field, words):
    data = '{"text": "fine", "label": []}\n' + json.dumps(record) + "\n"
    with pytest.raises(AnnotationFormatError) as caught:
        import_doccano(data)
    assert (caught.value.line, caught.value.field) == (2, field)
    assert words in caught.value.reason


def test_an_empty_file_is_refused():
    with pytest.raises(AnnotationFormatError, match="empty"):
        import_doccano(b"\n\n")
