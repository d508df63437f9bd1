"""doccano: JSON Lines for a sequence labelling project (https://github.com/doccano/doccano).

The export is the form doccano documents as the JSONL import and export of a
sequence labelling project: one line ``{"text": ..., "label": [[start, end,
"LABEL"], ...]}``. ``form="entities"`` writes the form of a project with
relations ("JSONL(Relation)"): ``"entities": [{"id", "label", "start_offset",
"end_offset"}]`` and ``"relations": []``. Offsets are Python string indices (code
points), as doccano's Python server stores and exports them. doccano has no notes
on spans, so notes go in an extra field, ``"notes": [{"start_offset",
"end_offset", "label", "note"}]``, which doccano keeps as metadata.

Import reads either form (and "data" for the text, "labels" for the spans, as older
doccano versions wrote them); several lines become one article, a blank line
between each.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.core.session import Session
from desktop.formats.annotations.common import (
    AnnotationFormatError,
    Imported,
    Span,
    build_session,
    check_span,
    exported_highlights,
    joined,
    json_lines,
    member,
    text_value,
)

FORMS = ("label", "entities")


def export_doccano(session: Session, form: str = "label") -> bytes:
    """One JSONL line holding the article and its highlights (see the module)."""
    if form not in FORMS:
        raise ValueError(f"unknown doccano form {form!r}")
    highlights = exported_highlights(session)
    record: dict[str, Any] = {"text": session.article.text}
    if form == "label":
        record["label"] = [[h.start, h.end, h.label] for h in highlights]
    else:
        record["entities"] = [{"id": number, "label": h.label, "start_offset": h.start, "end_offset": h.end}
                              for number, h in enumerate(highlights)]
        record["relations"] = []
    record["notes"] = [{"start_offset": h.start, "end_offset": h.end, "label": h.label, "note": h.note}
                       for h in highlights if h.note]
    record["title"] = session.article.title
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


def import_doccano(data: bytes | str, title: str = "", source: str = "") -> Imported:
    """A session from a doccano JSONL file; AnnotationFormatError names the line and field."""
    records = json_lines(data, "the doccano file")
    documents = [_document(record, number) for number, record in records]
    text, spans, warnings = joined(documents)
    if len(records) == 1 and not title and isinstance(records[0][1].get("title"), str):
        title = records[0][1]["title"]
    return Imported(build_session(text, spans, title=title, source=source), warnings)


def _document(record: Any, number: int) -> tuple[str, list[Span]]:
    if not isinstance(record, dict):
        raise AnnotationFormatError("should be a JSON object with a \"text\"", "", number)
    key = "text" if "text" in record or "data" not in record else "data"
    text = text_value(member(record, key, "", number), key, number)
    if "entities" in record:
        spans = _entities(text, record["entities"], number)
    else:
        key = "label" if "label" in record or "labels" not in record else "labels"
        spans = _label_lists(text, record.get(key, []), key, number)
    return text, _with_notes(text, spans, record.get("notes", []), number)


def _label_lists(text: str, items: Any, key: str, number: int) -> list[Span]:
    if not isinstance(items, list):
        raise AnnotationFormatError("should be a list of [start, end, label]", key, number)
    spans = []
    for index, item in enumerate(items):
        field = f"{key}[{index}]"
        if isinstance(item, dict):
            spans.append(_span_object(text, item, field, number))
            continue
        if isinstance(item, str):
            raise AnnotationFormatError(f"is the category {json.dumps(item, ensure_ascii=False)}: a text "
                                        "classification file, not sequence labelling", field, number)
        if not isinstance(item, list) or len(item) != 3:
            raise AnnotationFormatError("should be [start, end, label]", field, number)
        start, end = check_span(text, item[0], item[1], field, number)
        spans.append(Span(start, end, text_value(item[2], f"{field}[2]", number, empty=False)))
    return spans


def _entities(text: str, items: Any, number: int) -> list[Span]:
    if not isinstance(items, list):
        raise AnnotationFormatError("should be a list of entities", "entities", number)
    return [_span_object(text, item, f"entities[{index}]", number) for index, item in enumerate(items)]


def _span_object(text: str, item: Any, field: str, number: int) -> Span:
    start, end = member(item, "start_offset", field, number), member(item, "end_offset", field, number)
    label = text_value(member(item, "label", field, number), f"{field}.label", number, empty=False)
    start, end = check_span(text, start, end, field, number)
    return Span(start, end, label)


def _with_notes(text: str, spans: list[Span], notes: Any, number: int) -> list[Span]:
    """``spans`` with the notes of the ``notes`` field put on the spans they name."""
    if not isinstance(notes, list):
        raise AnnotationFormatError("should be a list of notes", "notes", number)
    waiting: dict[tuple[int, int, str], list[str]] = {}
    for index, item in enumerate(notes):
        field = f"notes[{index}]"
        span = _span_object(text, item, field, number)
        note = text_value(member(item, "note", field, number), f"{field}.note", number)
        waiting.setdefault((span.start, span.end, span.label), []).append(note)
    if not waiting:
        return spans
    result = []
    for span in spans:
        left = waiting.get((span.start, span.end, span.label))
        result.append(Span(span.start, span.end, span.label, left.pop(0)) if left else span)
    unplaced = sum(map(len, waiting.values()))
    if unplaced:
        raise AnnotationFormatError(f"{unplaced} note(s) name a span the line does not label", "notes", number)
    return result

