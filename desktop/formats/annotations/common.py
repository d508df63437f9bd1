"""What the annotation formats share: the spans a session exports, the session an
import builds, the checks every import makes, and the error a bad file raises.

Offsets are Python ``str`` indices (code points) into the article text.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.core.article import Article
from desktop.core.highlight import Highlight
from desktop.core.highlight_set import HighlightSet
from desktop.core.labels import Label, default_labels, fallback_colour
from desktop.core.session import Session
from desktop.formats.errors import FileFormatError, shortened

#: Characters of context a quote carries on each side (W3C prefix and suffix).
CONTEXT_CHARS = 32
#: What joins the texts of a file holding several documents into one article.
DOCUMENT_JOINER = "\n\n"


class AnnotationFormatError(FileFormatError):
    """An annotation file cannot be read: ``line`` (1-based, None when the file has
    no lines) and ``field`` say where, ``reason`` what is wrong."""

    def __init__(self, reason: str, field: str = "", line: int | None = None) -> None:
        where = ", ".join(part for part in (f"line {line}" if line else "", field) if part)
        super().__init__(f"{where}: {reason}" if where else reason)
        self.reason, self.field, self.line = reason, field, line


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled span ``[start, end)`` of the text, with the person's note."""

    start: int
    end: int
    label: str
    note: str = ""


@dataclass
class Imported:
    """What an import gives: the session, and what was repaired or left out."""

    session: Session
    warnings: list[str] = field(default_factory=list)


def exported_highlights(session: Session) -> list[Highlight]:
    """The highlights an export writes: every visible one (rejected suggestions are
    left out), in text order."""
    return [h for h in session.highlights if h.visible]


def build_session(text: str, spans: Iterable[Span], title: str = "", source: str = "",
                  colours: Mapping[str, str] | None = None) -> Session:
    """A session on ``text`` whose highlights are ``spans`` (made by hand, accepted).
    Labels the default set lacks are added after it, with the colour ``colours``
    gives them or a stable fallback colour."""
    spans = list(spans)
    labels = list(default_labels())
    known = {label.name for label in labels}
    colours = colours or {}
    for span in spans:
        if span.label not in known:
            known.add(span.label)
            labels.append(Label(span.label, colours.get(span.label) or fallback_colour(span.label)))
    highlights = HighlightSet(
        Highlight(s.start, s.end, s.label, origin="manual", status="accepted", note=s.note)
        for s in spans
    )
    return Session(Article(text, title=title, source=source), highlights, labels)


def check_span(text: str, start: Any, end: Any, field: str, line: int | None = None) -> tuple[int, int]:
    """``start`` and ``end`` as offsets of a non-empty span of ``text``, or an error
    naming ``field`` (``start`` and ``end`` are appended to it)."""
    start = whole_number(start, f"{field}.start" if field else "start", line)
    end = whole_number(end, f"{field}.end" if field else "end", line)
    if start < 0:
        raise AnnotationFormatError(f"{start} is before the start of the text", _join(field, "start"), line)
    if end > len(text):
        raise AnnotationFormatError(f"{end} is past the end of the text ({len(text)} characters)",
                                    _join(field, "end"), line)
    if start >= end:
        raise AnnotationFormatError(f"the start ({start}) should be before the end ({end})", field, line)
    return start, end


def check_quote(text: str, start: int, end: int, quote: str, field: str, line: int | None = None) -> None:
    """Refuse a span whose quoted text is not the text at its offsets."""
    if text[start:end] != quote:
        raise AnnotationFormatError(
            f"{quoted(quote)} is not the text at {start}–{end}, which is {quoted(text[start:end])}",
            field, line)


def whole_number(value: Any, field: str, line: int | None = None) -> int:
    if type(value) is not int:
        raise AnnotationFormatError(f"should be a whole number, not {describe(value)}", field, line)
    return value


def text_value(value: Any, field: str, line: int | None = None, empty: bool = True) -> str:
    if not isinstance(value, str):
        raise AnnotationFormatError(f"should be text, not {describe(value)}", field, line)
    if not empty and not value:
        raise AnnotationFormatError("should not be empty", field, line)
    return value


def member(record: Any, key: str, field: str, line: int | None = None) -> Any:
    """``record[key]``, or an error saying the field is missing."""
    if not isinstance(record, dict):
        raise AnnotationFormatError(f"should be an object, not {describe(record)}", field, line)
    if key not in record:
        raise AnnotationFormatError(f'the field "{key}" is missing', field, line)
    return record[key]


def decoded(data: bytes | str, what: str, keep_bom: bool = False) -> str:
    """``data`` as text: UTF-8, a leading byte order mark skipped unless ``keep_bom``."""
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8" if keep_bom else "utf-8-sig")
    except UnicodeDecodeError as error:
        raise AnnotationFormatError(
            f"{what} is not UTF-8 text (the byte 0x{data[error.start]:02x} at position "
            f"{error.start} is not UTF-8)") from None


def json_lines(data: bytes | str, what: str) -> list[tuple[int, Any]]:
    """The records of a JSON Lines file with their line numbers (blank lines skipped)."""
    records = []
    for number, line in enumerate(decoded(data, what).split("\n"), 1):
        if line.strip():
            records.append((number, json_value(line, what, number)))
    if not records:
        raise AnnotationFormatError(f"{what} is empty: it holds no document")
    return records


def json_value(text: str, what: str, line: int | None = None) -> Any:
    """One JSON value; an error gives the line and column where it goes wrong."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        where = error.lineno if line is None else line
        raise AnnotationFormatError(f"{what} is not valid JSON (column {error.colno}): {error.msg}",
                                    line=where) from None
    except RecursionError:
        raise AnnotationFormatError(f"{what} is nested too deeply", line=line) from None


def joined(documents: list[tuple[str, list[Span]]]) -> tuple[str, list[Span], list[str]]:
    """Several documents as one article: their texts joined by a blank line, their
    spans shifted to match; a warning says so."""
    if len(documents) == 1:
        return documents[0][0], documents[0][1], []
    texts, spans, offset = [], [], 0
    for text, own in documents:
        texts.append(text)
        spans += [Span(s.start + offset, s.end + offset, s.label, s.note) for s in own]
        offset += len(text) + len(DOCUMENT_JOINER)
    warning = f"{len(documents)} documents were joined into one article, a blank line between each."
    return DOCUMENT_JOINER.join(texts), spans, [warning]


def describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"the value {'true' if value else 'false'}"
    if value is None:
        return "null"
    if isinstance(value, str):
        return f"the text {quoted(value)}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    return "a list" if isinstance(value, list) else "an object"


def quoted(text: str) -> str:
    return json.dumps(shortened(text, 60), ensure_ascii=False)


def _join(field: str, name: str) -> str:
    return f"{field}.{name}" if field else name
