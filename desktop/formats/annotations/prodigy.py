"""Prodigy: a JSONL task with ``text``, ``tokens`` and ``spans`` (https://prodi.gy/docs/api-interfaces).

Tokens come from spaCy's English tokenizer (``spacy.blank("en")``, see
:mod:`.prodigy_tokens`), each ``{"text", "start", "end", "id", "ws"}``; spans are
``{"start", "end", "label", "token_start", "token_end"}`` with ``token_end``
inclusive, as ``ner_manual`` and ``spans_manual`` write them. Offsets are Python
string indices (code points), as Prodigy counts them. A highlight that does not
begin or end at a token boundary keeps its exact character offsets; its token
indices are those of the tokens it touches. Highlights may overlap, which
``spans_manual`` shows and ``ner_manual`` does not. A note is the span's extra field
``"note"``.

Import reads the character offsets of each span (or, when a span has only token
indices, the offsets of those tokens), checks the tokens against the text, and
joins several tasks into one article, a blank line between each.
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
    check_quote,
    check_span,
    exported_highlights,
    joined,
    json_lines,
    member,
    text_value,
    whole_number,
)
from desktop.formats.annotations.prodigy_tokens import token_range, tokens


def export_prodigy(session: Session) -> bytes:
    """One JSONL task holding the article, its tokens and its highlights."""
    text = session.article.text
    task_tokens = tokens(text)
    starts = [token["start"] for token in task_tokens]
    ends = [token["end"] for token in task_tokens]
    spans = []
    for h in exported_highlights(session):
        first, last = token_range(starts, ends, h.start, h.end)
        span = {"start": h.start, "end": h.end, "label": h.label, "token_start": first, "token_end": last}
        if h.note:
            span["note"] = h.note
        spans.append(span)
    task = {"text": text, "meta": {"title": session.article.title}, "tokens": task_tokens, "spans": spans}
    return (json.dumps(task, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def import_prodigy(data: bytes | str, title: str = "", source: str = "") -> Imported:
    """A session from Prodigy JSONL; AnnotationFormatError names the line and field."""
    records = json_lines(data, "the Prodigy file")
    documents, warnings = [], []
    for number, task in records:
        documents.append(_document(task, number))
        if isinstance(task, dict) and task.get("answer") in ("reject", "ignore"):
            warnings.append(f"line {number}: the task was answered \"{task['answer']}\"; "
                            "its spans were imported all the same.")
    text, spans, joined_warnings = joined(documents)
    meta = records[0][1].get("meta") if len(records) == 1 else None
    if not title and isinstance(meta, dict) and isinstance(meta.get("title"), str):
        title = meta["title"]
    return Imported(build_session(text, spans, title=title, source=source), joined_warnings + warnings)


def _document(task: Any, number: int) -> tuple[str, list[Span]]:
    if not isinstance(task, dict):
        raise AnnotationFormatError("should be a JSON object with a \"text\"", "", number)
    text = text_value(member(task, "text", "", number), "text", number)
    task_tokens = _checked_tokens(text, task.get("tokens", []), number)
    items = task.get("spans", [])
    if not isinstance(items, list):
        raise AnnotationFormatError("should be a list of spans", "spans", number)
    return text, [_span(text, task_tokens, item, f"spans[{index}]", number) for index, item in enumerate(items)]


def _checked_tokens(text: str, items: Any, number: int) -> list[tuple[int, int]]:
    """The (start, end) of each token, each checked against the text."""
    if not isinstance(items, list):
        raise AnnotationFormatError("should be a list of tokens", "tokens", number)
    try:  # the usual case, at speed; the checks below name the first fault otherwise
        result = [(token["start"], token["end"]) for token in items]
        length = len(text)
        if all(type(start) is int and type(end) is int and 0 <= start < end <= length
               and text[start:end] == token["text"] for (start, end), token in zip(result, items)):
            return result
    except (TypeError, KeyError):
        pass
    result = []
    for index, token in enumerate(items):
        field = f"tokens[{index}]"
        start, end = check_span(text, member(token, "start", field, number), member(token, "end", field, number),
                                field, number)
        check_quote(text, start, end, text_value(member(token, "text", field, number), f"{field}.text", number),
                    f"{field}.text", number)
        result.append((start, end))
    return result


def _span(text: str, task_tokens: list[tuple[int, int]], item: Any, field: str, number: int) -> Span:
    label = text_value(member(item, "label", field, number), f"{field}.label", number, empty=False)
    indices = [_token_index(item, key, task_tokens, field, number) for key in ("token_start", "token_end")]
    if "start" in item or "end" in item or None in indices:
        start, end = member(item, "start", field, number), member(item, "end", field, number)
    else:
        start, end = task_tokens[indices[0]][0], task_tokens[indices[1]][1]
    start, end = check_span(text, start, end, field, number)
    if None not in indices and indices[0] > indices[1]:
        raise AnnotationFormatError(f"token_start ({indices[0]}) is after token_end ({indices[1]})",
                                    field, number)
    if "text" in item:
        check_quote(text, start, end, text_value(item["text"], f"{field}.text", number), f"{field}.text", number)
    note = item.get("note", "")
    return Span(start, end, label, text_value(note, f"{field}.note", number))


def _token_index(item: dict, key: str, task_tokens: list, field: str, number: int) -> int | None:
    if key not in item:
        return None
    index = whole_number(item[key], f"{field}.{key}", number)
    if not 0 <= index < len(task_tokens):
        raise AnnotationFormatError(f"{index} is not a token of the task ({len(task_tokens)} tokens)",
                                    f"{field}.{key}", number)
    return index
