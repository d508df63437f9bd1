"""W3C Web Annotation: the collection's shape, repair by the quote, and what an
import refuses."""

from __future__ import annotations

import json

import pytest

from desktop.core.article import Article
from desktop.core.highlight import Highlight
from desktop.core.highlight_set import HighlightSet
from desktop.core.session import Session
from desktop.formats.annotations.common import AnnotationFormatError
from desktop.formats.annotations.w3c import export_w3c, import_w3c

TEXT = "Acme 😀 grew. Acme fell. 北京 rose."


def collection() -> dict:
    session = Session(Article(TEXT, title="t"), HighlightSet([
        Highlight(0, 4, "ORG", note="first 🙂"), Highlight(14, 18, "ORG"), Highlight(24, 26, "GPE")]))
    return json.loads(export_w3c(session))


def test_each_quote_is_the_text_at_its_position(tricky_session):
    document = json.loads(export_w3c(tricky_session))
    assert document["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert document["type"] == "AnnotationCollection"
    items = document["first"]["items"]
    assert document["total"] == len(items) == sum(1 for h in tricky_session.highlights if h.visible)
    text = tricky_session.article.text
    for item in items:
        assert item["type"] == "Annotation" and item["id"].startswith("urn:uuid:")
        position, quote = item["target"]["selector"]
        assert (position["type"], quote["type"]) == ("TextPositionSelector", "TextQuoteSelector")
        assert text[position["start"]:position["end"]] == quote["exact"]
        assert text[:position["start"]].endswith(quote["prefix"]) and text[position["end"]:].startswith(quote["suffix"])
        assert item["target"]["source"].startswith("ni:///sha-256;")
        purposes = [body["purpose"] for body in item["body"]]
        assert purposes[0] == "tagging" and set(purposes) <= {"tagging", "commenting"}


def test_a_wrong_position_is_repaired_by_a_quote_found_once():
    document = collection()
    document["first"]["items"][2]["target"]["selector"][0].update(start=1, end=3)
    document["first"]["items"][1]["target"]["selector"][0].update(start=400, end=404)
    imported = import_w3c(json.dumps(document))
    assert sorted((h.start, h.end, h.label) for h in imported.session.highlights) == [
        (0, 4, "ORG"), (14, 18, "ORG"), (24, 26, "GPE")]
    assert len(imported.warnings) == 2 and "placed by its quote at 24–26" in " ".join(imported.warnings)


def test_a_quote_found_twice_and_not_at_its_position_is_refused():
    document = collection()
    selector = document["first"]["items"][1]["target"]["selector"]
    selector[0].update(start=5, end=9)
    selector[1].update(prefix="", suffix="")
    with pytest.raises(AnnotationFormatError) as caught:
        import_w3c(json.dumps(document))
    assert caught.value.field == "first.items[1].target.selector[0]"
    assert "is not the text at 5–9" in caught.value.reason and "found 2 times" in caught.value.reason


@pytest.mark.parametrize(("change", "field", "words"), [
    (lambda d: d["first"]["items"][0]["target"]["selector"].pop(1) and
     d["first"]["items"][0]["target"]["selector"][0].update(end=99), "first.items[0].target.selector[0].end",
     "past the end"),
    (lambda d: d["first"]["items"][0]["target"].update(selector=[]), "first.items[0].target.selector",
     "no TextPositionSelector"),
    (lambda d: d["first"]["items"][0].pop("target"), "first.items[0].target", "one target"),
    (lambda d: d.pop("article"), "article", "does not carry the annotated text"),
    (lambda d: d.update(type="Thing"), "type", "is not Annotation"),
    (lambda d: d["first"].update(next="https://example.org/page2"), "next", "not embedded"),
])
def test_bad_annotations_are_refused_naming_the_field(change, field, words):
    document = collection()
    change(document)
    with pytest.raises(AnnotationFormatError) as caught:
        import_w3c(json.dumps(document))
    assert caught.value.field == field and words in caught.value.reason


def test_a_single_annotation_or_a_list_can_be_imported_with_its_text():
    items = collection()["first"]["items"]
    assert len(import_w3c(json.dumps(items[0]), text=TEXT).session.highlights) == 1
    assert len(import_w3c(json.dumps(items), text=TEXT).session.highlights) == 3


def test_an_annotation_without_a_tag_gets_a_label_and_a_warning():
    document = collection()
    document["first"]["items"][0]["body"] = {"type": "TextualBody", "value": "just a comment"}
    imported = import_w3c(json.dumps(document))
    first = min(imported.session.highlights, key=lambda h: h.start)
    assert (first.label, first.note) == ("ANNOTATION", "just a comment")
    assert "no tagging body" in imported.warnings[0]


def test_invalid_json_names_its_line():
    with pytest.raises(AnnotationFormatError) as caught:
        import_w3c('{\n "type": "Annotation",\n "body": [1,]\n}')
    assert caught.value.line == 3


def test_quotes_and_backslashes_in_texts_and_notes_survive():
    text = 'He said "a", "b" \\ and C:\\path\\ ", "'
    notes = ['a "quoted", "list"', "ends in a backslash \\", '", "', ""]
    highlights = [Highlight(8, 11, 'LA"BEL', note=notes[0], created=""), Highlight(13, 16, "X", note=notes[1]),
                  Highlight(19, 31, "Y\\", note=notes[2]), Highlight(len(text) - 4, len(text), "Z")]
    session = Session(Article(text), HighlightSet(highlights))
    document = json.loads(export_w3c(session))
    assert [item["body"][0]["value"] for item in document["first"]["items"]] == ['LA"BEL', "X", "Y\\", "Z"]
    assert "created" not in document["first"]["items"][0]
    back = import_w3c(export_w3c(session)).session
    assert sorted((h.start, h.end, h.label, h.note) for h in back.highlights) == sorted(
        (h.start, h.end, h.label, h.note) for h in highlights)
