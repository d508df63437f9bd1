"""Version 1 of the session file: a Session as a JSON document, and back.

Whatever the file holds that the Session classes do not model goes to
``Session.extra`` in the file's own shape, so a re-save writes it back:

- ``extra["created"]``: when the session was first saved;
- ``extra["article"]``: unknown fields of the article record;
- ``extra["labels"]``: label name -> unknown fields of that label's record;
- ``extra["highlights"]``: highlight id -> unknown fields of that highlight's record;
- any other key: an unknown top-level field.

Known top-level names never appear as unknown top-level fields, so the two uses of
``extra`` cannot collide.
"""

from __future__ import annotations

from collections.abc import Collection, Generator
from operator import itemgetter
from typing import Any

from desktop.core.article import Article
from desktop.core.highlight import Highlight
from desktop.core.highlight_set import HighlightSet
from desktop.core.labels import Label
from desktop.core.session import Session
from desktop.formats.session_kind import FORMAT_MARKER
from desktop.formats.session_schema import (
    ARTICLE_FIELDS,
    HIGHLIGHT_FIELDS,
    LABEL_FIELDS,
    OPTIONAL_ARTICLE_FIELDS,
    OPTIONAL_HIGHLIGHT_FIELDS,
    TOP_FIELDS,
    check_json_value,
    check_v1,
    expect,
    field_path,
)

VERSION = 1


def to_document(
    session: Session, view_state: dict[str, Any], app_version: str, now: str, created: str | None = None
) -> dict[str, Any]:
    """The version 1 document of ``session``, checked by the rules a load applies;
    "created" is the session's own (from the file it was loaded from), else
    ``created``, else ``now``. ``session`` is only read."""
    # plain dicts: the window's model hands out a read-only view of its session
    extra = dict(session.extra)
    overrides = {key: dict(cells) for key, cells in session.figure_overrides.items()}
    _check_free_form(overrides, view_state, extra)
    label_extra = _extra_part(extra, "labels")
    highlight_extra = _extra_part(extra, "highlights")
    document = {
        "format": FORMAT_MARKER,
        "version": VERSION,
        "app_version": app_version,
        "created": extra.get("created", created or now),
        "modified": now,
        "article": _with_unknown(_article_record(session.article), extra, "article"),
        "labels": [
            _with_unknown(_label_record(label), label_extra, label.name, "extra.labels")
            for label in session.labels
        ],
        "highlights": [
            _with_unknown(_highlight_record(h), highlight_extra, h.id, "extra.highlights")
            if h.id in highlight_extra else _highlight_record(h)
            for h in session.highlights
        ],
        "figure_overrides": overrides,
        "view_state": view_state,
        "hidden_labels": sorted(session.hidden_labels, key=str),
    }
    document.update((key, value) for key, value in extra.items() if key not in TOP_FIELDS)
    check_v1(document)
    return document


#: Highlights made per step of :func:`document_steps` (~10 ms; slower beside a thread).
STEP_HIGHLIGHTS = 2_000


def document_steps(document: dict[str, Any], checked: bool = False
                   ) -> Generator[None, None, tuple[Session, dict[str, Any]]]:
    """The session and view state a version 1 document holds (SessionFileError if
    any field is wrong), made in steps: it yields between slices of the work, so a
    window can read a long session between two paints (``steps.run_to_end`` runs
    them all at once). ``checked``: ``check_v1``
    has passed already (in the thread that parsed the file)."""
    if not checked:
        check_v1(document)
        yield
    records = document["highlights"]
    highlights = HighlightSet()
    highlight_extra: dict[str, dict[str, Any]] = {}
    for first in range(0, len(records), STEP_HIGHLIGHTS):
        part = records[first : first + STEP_HIGHLIGHTS]
        highlights.extend(map(_highlight, part))
        highlight_extra.update(_unknown_highlight_fields(part))
        yield
    highlights.build_index()  # here, not in the first paint of the session
    yield
    session = Session(
        article=_article(document["article"]),
        highlights=highlights,
        labels=[Label(**_known(record, LABEL_FIELDS)) for record in document["labels"]],
        figure_overrides=document.get("figure_overrides", {}),
        hidden_labels=set(document.get("hidden_labels", [])),
        extra=_unknown_parts(document, highlight_extra),
    )
    view_state = document.get("view_state", {})
    _check_free_form(session.figure_overrides, view_state, session.extra)
    return session, view_state


def _check_free_form(
    figure_overrides: dict[str, Any], view_state: dict[str, Any], extra: dict[str, Any]
) -> None:
    """Parts no rule describes must still be plain JSON that saves and loads the same."""
    check_json_value(figure_overrides, "figure_overrides")
    check_json_value(view_state, "view_state")
    check_json_value(extra, "")


def _article_record(article: Article) -> dict[str, Any]:
    record = {"text": article.text, "sha256": article.sha256, "title": article.title,
              "source": article.source, "encoding": article.encoding}
    for name in OPTIONAL_ARTICLE_FIELDS:  # written only when not empty
        if value := getattr(article, name):
            record[name] = value
    return record


def _article(record: dict[str, Any]) -> Article:
    optional = {name: record[name] for name in OPTIONAL_ARTICLE_FIELDS if name in record}
    return Article(**_known(record, ARTICLE_FIELDS), **optional)


def _label_record(label: Label) -> dict[str, Any]:
    return {"name": label.name, "colour": label.colour, "description": label.description,
            "key": label.key}


def _highlight_record(h: Highlight) -> dict[str, Any]:
    record = {"id": h.id, "start": h.start, "end": h.end, "label": h.label, "origin": h.origin,
              "status": h.status, "note": h.note, "created": h.created, "modified": h.modified}
    if h.reason:  # optional: written only when there is one
        record["reason"] = h.reason
    return record


#: A highlight record's fields in the order of Highlight's own (one C call reads them).
_HIGHLIGHT_VALUES = itemgetter("start", "end", "label", "origin", "status", "note", "id",
                               "created", "modified")


def _highlight(record: dict[str, Any]) -> Highlight:
    return Highlight(*_HIGHLIGHT_VALUES(record), record.get("reason", ""))


def _extra_part(extra: dict[str, Any], key: str) -> dict[str, Any]:
    part: dict[str, Any] = expect(extra.get(key, {}), dict, f"extra.{key}")
    return part


def _with_unknown(record: dict[str, Any], extra: dict[str, Any], key: str,
                  path: str = "extra") -> dict[str, Any]:
    """``record`` followed by the unknown fields kept for it in ``extra[key]``."""
    unknown = expect(extra.get(key, {}), dict, field_path(path, key))
    return record | {name: value for name, value in unknown.items() if name not in record}


def _unknown_parts(document: dict[str, Any], highlights: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Session.extra for ``document``: its fields that no Session attribute holds
    (``highlights``: those of its highlights, see :func:`_unknown_highlight_fields`)."""
    extra = {key: value for key, value in document.items() if key not in TOP_FIELDS}
    extra["created"] = document["created"]
    nested = {
        "article": _unknown(document["article"], ARTICLE_FIELDS + OPTIONAL_ARTICLE_FIELDS),
        "labels": _unknown_by(document["labels"], "name", LABEL_FIELDS),
        "highlights": highlights,
    }
    extra.update((key, part) for key, part in nested.items() if part)
    return extra


def _unknown_highlight_fields(records: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return _unknown_by(records, "id", HIGHLIGHT_FIELDS + OPTIONAL_HIGHLIGHT_FIELDS, HIGHLIGHT_FIELDS)


def _unknown_by(records: list[dict[str, Any]], key: str, known: tuple[str, ...],
                required: tuple[str, ...] | None = None) -> dict[str, dict[str, Any]]:
    """Record ``key`` -> the record's fields not in ``known``, for records that have
    some; a record with only the ``required`` fields is not looked into."""
    least = len(required if required is not None else known)
    known_names = frozenset(known)
    return {record[key]: _unknown(record, known_names) for record in records
            if len(record) > least and not record.keys() <= known_names}


def _known(record: dict[str, Any], known: tuple[str, ...]) -> dict[str, Any]:
    return {name: record[name] for name in known}


def _unknown(record: dict[str, Any], known: Collection[str]) -> dict[str, Any]:
    return {name: value for name, value in record.items() if name not in known}
