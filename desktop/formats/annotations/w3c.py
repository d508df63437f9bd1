"""W3C Web Annotation (https://www.w3.org/TR/annotation-model/): an
``AnnotationCollection`` in JSON-LD whose first page embeds one ``Annotation`` per
highlight.

Each annotation targets ``{"source": ..., "selector": [TextPositionSelector,
TextQuoteSelector]}``; its label is a ``TextualBody`` with purpose ``tagging`` and
its note one with purpose ``commenting``. Positions count Unicode code points, as
the model requires (and as Python string indices do); the quote carries up to 32
characters of prefix and suffix. The source is the article's URL when it was read
from one, else ``ni:///sha-256;…`` (RFC 6920), naming the text by its hash. The
vocabulary has no place for the text itself, so the collection carries it in an
extra field, ``"article": {"id", "type": "Text", "format": "text/plain", "title",
"value"}``; JSON-LD processing drops it, plain JSON readers keep it.

Import takes a collection, a page, one annotation or a list of them, with the text
from ``article.value`` or given apart. An annotation whose position does not fit
the text but whose quote is found exactly once there (with its prefix and suffix
when the exact text alone is found more than once) is repaired by the quote, with
a warning; one that fits neither is refused.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from json.encoder import encode_basestring  # the C function where there is one
from typing import Any

from desktop.core.session import Session
from desktop.formats.annotations.common import (
    CONTEXT_CHARS,
    AnnotationFormatError,
    Imported,
    Span,
    build_session,
    check_span,
    decoded,
    exported_highlights,
    json_value,
    quoted,
    text_value,
)

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_HEX_ID = re.compile("[0-9a-f]{32}")
#: A commenting body's label when an annotation has no tagging body.
UNTAGGED = "ANNOTATION"


def export_w3c(session: Session) -> bytes:
    """The highlights as an AnnotationCollection (JSON-LD, UTF-8), one annotation a line."""
    article = session.article
    text = article.text
    source = source_iri(article.source, text)
    highlights = exported_highlights(session)
    head = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{_uuid(hashlib.sha256((source + '#annotations').encode()).hexdigest())}",
        "type": "AnnotationCollection",
        "label": article.title,
        "total": len(highlights),
    }
    lines = [f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}" for key, value in head.items()]
    items = ",\n  ".join(_annotations(text, highlights, json.dumps(source)))
    lines.append(f' "first": {{"type": "AnnotationPage", "startIndex": 0, "items": [\n  {items}\n ]}}'
                 if items else ' "first": {"type": "AnnotationPage", "startIndex": 0, "items": []}')
    carried = {"id": source, "type": "Text", "format": "text/plain", "title": article.title, "value": text}
    lines.append(f' "article": {json.dumps(carried, ensure_ascii=False)}')
    return ("{\n" + ",\n".join(lines) + "\n}\n").encode("utf-8")


def _annotations(text: str, highlights: list, source: str) -> list[str]:
    """Each highlight's Annotation as one line of JSON, its texts escaped by the C
    encoder's string function (5x quicker than encoding each annotation's objects)."""
    lines = []
    for h in highlights:
        label, note, exact, prefix, suffix = map(encode_basestring, (
            h.label, h.note, text[h.start:h.end], text[max(0, h.start - CONTEXT_CHARS):h.start],
            text[h.end:h.end + CONTEXT_CHARS]))
        body = f'{{"type": "TextualBody", "purpose": "tagging", "value": {label}}}'
        if h.note:
            body += f', {{"type": "TextualBody", "purpose": "commenting", "value": {note}}}'
        selector = (f'{{"type": "TextPositionSelector", "start": {h.start}, "end": {h.end}}}, '
                    f'{{"type": "TextQuoteSelector", "exact": {exact}, "prefix": {prefix}, "suffix": {suffix}}}')
        stamp = f', "created": {encode_basestring(h.created)}' if h.created else ""
        lines.append(f'{{"id": "urn:uuid:{_uuid(h.id)}", "type": "Annotation", "body": [{body}], '
                     f'"target": {{"source": {source}, "selector": [{selector}]}}{stamp}}}')
    return lines


def import_w3c(data: bytes | str, text: str | None = None, title: str = "", source: str = "") -> Imported:
    """A session from W3C Web Annotation JSON; ``text`` is the annotated text when the
    file does not carry it. AnnotationFormatError names the field."""
    document = json_value(decoded(data, "the annotation file"), "the annotation file")
    items, where = _items(document)
    article = document.get("article") if isinstance(document, dict) else None
    if text is None:
        if not isinstance(article, dict) or not isinstance(article.get("value"), str):
            raise AnnotationFormatError("the file does not carry the annotated text (no \"article.value\"): "
                                        "give the text file with it", "article")
        text = article["value"]
    if not title:
        label = document.get("label") if isinstance(document, dict) else None
        title = label if isinstance(label, str) else ""
    warnings: list[str] = []
    spans = [_span(text, item, f"{where}[{index}]", warnings) for index, item in enumerate(items)]
    return Imported(build_session(text, spans, title=title, source=source), warnings)


def source_iri(source: str, text: str) -> str:
    """The IRI annotations target: the article's URL, else the text's ni: hash IRI."""
    if source.startswith(("http://", "https://")):
        return source
    digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode("utf-8")).digest()).rstrip(b"=").decode()
    return f"ni:///sha-256;{digest}?ct=text/plain"


def _items(document: Any) -> tuple[list, str]:
    """The annotations of a collection, a page, a list or one annotation, and the
    path they are at."""
    if isinstance(document, list):
        return document, ""
    if not isinstance(document, dict):
        raise AnnotationFormatError("should be an annotation, a page or a collection of them, "
                                    f"not {type(document).__name__}")
    kind = document.get("type")
    if kind == "AnnotationCollection":
        first = document.get("first")
        if not isinstance(first, dict):
            raise AnnotationFormatError("the collection does not embed its first page of annotations",
                                        "first")
        return _page_items(first, "first.items"), "first.items"
    if kind == "AnnotationPage":
        return _page_items(document, "items"), "items"
    if kind == "Annotation":
        return [document], ""
    raise AnnotationFormatError(f"{quoted(str(kind))} is not Annotation, AnnotationPage or "
                                "AnnotationCollection", "type")


def _page_items(page: dict, field: str) -> list:
    items = page.get("items", [])
    if not isinstance(items, list):
        raise AnnotationFormatError("should be a list of annotations", field)
    if "next" in page:
        raise AnnotationFormatError("the annotations go on in pages that are not embedded", "next")
    return items


def _span(text: str, annotation: Any, field: str, warnings: list[str]) -> Span:
    if not isinstance(annotation, dict):
        raise AnnotationFormatError("should be an annotation object", field)
    name = f"{field} ({annotation['id']})" if isinstance(annotation.get("id"), str) else field
    label, note = _label_and_note(annotation.get("body", []), f"{field}.body", name, warnings)
    target = annotation.get("target")
    if isinstance(target, list) and len(target) == 1:
        target = target[0]
    if not isinstance(target, dict) or "selector" not in target:
        raise AnnotationFormatError("should be one target with a selector", f"{field}.target")
    start, end = _anchor(text, target["selector"], f"{field}.target.selector", name, warnings)
    return Span(start, end, label, note)


def _label_and_note(body: Any, field: str, name: str, warnings: list[str]) -> tuple[str, str]:
    bodies = body if isinstance(body, list) else [body]
    tags, comments = [], []
    for index, item in enumerate(bodies):
        if not isinstance(item, dict) or "value" not in item:
            continue  # a body that is only a link: nothing to take
        value = text_value(item["value"], f"{field}[{index}].value" if isinstance(body, list) else f"{field}.value")
        purpose = item.get("purpose", "")
        (tags if purpose == "tagging" else comments).append(value)
    if len(tags) > 1:
        warnings.append(f"{name}: more than one tag; the first, {quoted(tags[0])}, is its label.")
    if not tags:
        warnings.append(f"{name}: no tagging body; it is labelled {UNTAGGED}.")
    return (tags[0] if tags else UNTAGGED), "\n\n".join(comments)


def _anchor(text: str, selectors: Any, field: str, name: str, warnings: list[str]) -> tuple[int, int]:
    """The span a target's selectors give, repaired by the quote when the position is wrong."""
    listed = selectors if isinstance(selectors, list) else [selectors]
    by_type = {item.get("type"): (index, item) for index, item in reversed(list(enumerate(listed)))
               if isinstance(item, dict)}
    position, quote = by_type.get("TextPositionSelector"), by_type.get("TextQuoteSelector")
    if position is None and quote is None:
        raise AnnotationFormatError("has no TextPositionSelector or TextQuoteSelector", field)
    exact = _quote_parts(quote, field) if quote else None
    problem = None
    if position is not None:
        place = f"{field}[{position[0]}]" if isinstance(selectors, list) else field
        try:
            start, end = check_span(text, position[1].get("start"), position[1].get("end"), place)
            if exact is None or text[start:end] == exact[0]:
                return start, end
            problem = AnnotationFormatError(f"the quote {quoted(exact[0])} is not the text at {start}–{end}, "
                                            f"which is {quoted(text[start:end])}", place)
        except AnnotationFormatError as error:
            if exact is None:
                raise
            problem = error
    found = _find_quote(text, *exact)
    if found is None:
        count = text.count(exact[0])
        reason = f"the quote {quoted(exact[0])} is found {'nowhere' if not count else f'{count} times'} in the text"
        if problem is not None:
            reason = f"{problem.reason}, and {reason}"
        raise AnnotationFormatError(reason, problem.field if problem else field)
    if problem is not None:
        warnings.append(f"{name}: its position was wrong ({problem.reason}); it was placed by its quote "
                        f"at {found[0]}–{found[1]}.")
    return found


def _quote_parts(quote: tuple[int, dict], field: str) -> tuple[str, str, str]:
    index, item = quote
    exact = text_value(item.get("exact"), f"{field}[{index}].exact", empty=False)
    prefix = item.get("prefix", "")
    suffix = item.get("suffix", "")
    return exact, prefix if isinstance(prefix, str) else "", suffix if isinstance(suffix, str) else ""


def _find_quote(text: str, exact: str, prefix: str, suffix: str) -> tuple[int, int] | None:
    """Where ``exact`` is in ``text`` if it is there once (or once with its prefix and
    suffix around it)."""
    for before, after in (("", ""), (prefix, suffix)):
        whole = before + exact + after
        first = text.find(whole)
        if first >= 0 and text.find(whole, first + 1) < 0:
            start = first + len(before)
            return start, start + len(exact)
    return None


def _uuid(hex_id: str) -> str:
    """A hex id as a UUID's text (hashed first when it is not 32 hex digits)."""
    digits = hex_id.lower()
    if not _HEX_ID.fullmatch(digits):
        digits = hashlib.sha256(hex_id.encode("utf-8")).hexdigest()[:32]
    return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"
