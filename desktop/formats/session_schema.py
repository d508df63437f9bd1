"""The rules a session document follows, checked field by field.

Every check raises SessionFileError naming the field (``highlights[12].end``) and
what is wrong with it. Highlights are checked a column at a time with set and
min/max operations, so tens of thousands cost milliseconds; the search for the
first bad entry runs only once a column is known to hold one.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from operator import ge, itemgetter
from typing import Any

from desktop.core.article import text_sha256
from desktop.core.highlight import ORIGINS, STATUSES
from desktop.formats.errors import shortened
from desktop.formats.session_kind import SessionFileError
from desktop.formats.session_values import cell_problem, timestamp_problem

ARTICLE_FIELDS = ("text", "sha256", "title", "source", "encoding")
#: Article fields a file may leave out (written only when not empty: an article read
#: from a document, its format and what it says about itself; older files have none).
OPTIONAL_ARTICLE_FIELDS = ("format", "author", "date", "site", "url")
LABEL_FIELDS = ("name", "colour", "description", "key")
HIGHLIGHT_FIELDS = ("id", "start", "end", "label", "origin", "status", "note",
                    "created", "modified")
#: Highlight fields a file may leave out (older files have none of them).
OPTIONAL_HIGHLIGHT_FIELDS = ("reason",)
REQUIRED_FIELDS = ("format", "version", "app_version", "created", "modified",
                   "article", "labels", "highlights")
#: ``checksum`` is looked at by desktop.formats.session_checksum, never refused.
OPTIONAL_FIELDS = ("figure_overrides", "view_state", "hidden_labels", "checksum")
TOP_FIELDS = REQUIRED_FIELDS + OPTIONAL_FIELDS
#: Free-form values (view state, overrides, unknown fields) nested deeper are not saved.
MAX_DEPTH = 100

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}(?:[0-9a-fA-F]{2})?")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_KIND_NAMES = {dict: "an object", list: "a list", str: "text", int: "a whole number"}
#: Text values and keys are quoted up to this many characters (lists and objects up to
#: errors.QUOTE_CHARS in all).
_SHORT_TEXT = 40


def check_v1(document: dict[str, Any]) -> None:
    """Raise SessionFileError at the first wrong field of a version 1 document."""
    check_fields(document, REQUIRED_FIELDS, "")
    check_metadata(document)
    text = _check_article(document["article"])
    _check_labels(document["labels"])
    _check_highlights(document["highlights"], len(text))
    _check_overrides(document.get("figure_overrides", {}))
    expect(document.get("view_state", {}), dict, "view_state")
    hidden = expect(document.get("hidden_labels", []), list, "hidden_labels")
    _check_type(hidden, str, lambda index: f"hidden_labels[{index}]")


def check_metadata(document: dict[str, Any]) -> None:
    """The fields every version has beside ``format`` and ``version``."""
    expect(document["app_version"], str, "app_version")
    for name in ("created", "modified"):
        stamp = expect(document[name], str, name)
        if not _is_timestamp(stamp, allow_empty=False):
            raise SessionFileError(_not_timestamp(stamp), name)


def check_json_value(value: Any, path: str) -> None:
    """Raise SessionFileError at the first part of ``value`` a JSON file cannot hold
    exactly: a non-text key, NaN or infinity, an unpaired surrogate, a Python object,
    a loop, or nesting deeper than MAX_DEPTH."""
    open_ids: set[int] = set()
    stack: list[tuple[Any, str | None, int]] = [(value, path, 0)]
    while stack:
        item, where, depth = stack.pop()
        if where is None:
            open_ids.discard(item)
            continue
        children = _children(item, where)
        if children is None:
            continue
        if id(item) in open_ids:
            raise SessionFileError("holds itself (a loop), which a file cannot store", where)
        if depth >= MAX_DEPTH:
            raise SessionFileError(f"is nested more than {MAX_DEPTH} levels deep", where)
        open_ids.add(id(item))
        stack.append((id(item), None, depth))  # leaving this container, after its children
        stack.extend((child, child_path, depth + 1) for child, child_path in reversed(children))


def _children(item: Any, where: str) -> list[tuple[Any, str]] | None:
    """The parts of a list or object, None for a storable scalar; raises otherwise."""
    if isinstance(item, str):
        _check_unicode(item, where)
        return None
    if item is None or isinstance(item, int):
        return None
    if isinstance(item, float):
        if math.isfinite(item):
            return None
        raise SessionFileError(f"{item} is not a number a file can store", where)
    if isinstance(item, dict):
        for key in item:
            if not isinstance(key, str):
                raise SessionFileError(f"has the key {preview(key)}; keys must be text", where)
            _check_unicode(key, where)
        return [(child, field_path(where, key)) for key, child in item.items()]
    if isinstance(item, (list, tuple)):
        return [(child, f"{where}[{index}]") for index, child in enumerate(item)]
    kind = type(item).__name__
    raise SessionFileError(f"holds a Python {kind}, which a file cannot store", where)


def _check_unicode(text: str, where: str) -> None:
    found = _SURROGATE.search(text)
    if found:
        code = f"\\u{ord(found.group()):04x}"
        raise SessionFileError(f"holds an unpaired surrogate ({code}), which is not text", where)


def _check_article(value: Any) -> str:
    article = expect(value, dict, "article")
    check_fields(article, ARTICLE_FIELDS, "article")
    for name in ARTICLE_FIELDS:
        expect(article[name], str, f"article.{name}")
    for name in OPTIONAL_ARTICLE_FIELDS:
        if name in article:
            _check_unicode(expect(article[name], str, f"article.{name}"), f"article.{name}")
    date = article.get("date", "")
    if date and not _is_date(date):
        raise SessionFileError(f'{preview(date)} is not a date like "2024-06-22"', "article.date")
    text: str = article["text"]
    digest: str = article["sha256"]
    if not _SHA256.fullmatch(digest):
        raise SessionFileError(f"{preview(digest)} is not a sha256 digest (64 hex digits)",
                               "article.sha256")
    _check_unicode(text, "article.text")
    if text_sha256(text) != digest:
        raise SessionFileError("does not match the text, so the file was changed or damaged",
                               "article.sha256")
    return text


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _is_date(value: str) -> bool:
    """Whether ``value`` is a calendar date written YYYY-MM-DD."""
    import datetime as dt

    if not _DATE.fullmatch(value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _check_labels(value: Any) -> None:
    columns = _columns(value, "labels", LABEL_FIELDS)
    for name in LABEL_FIELDS:
        _check_type(columns[name], str, _where("labels", name))
    names = columns["name"]
    _check_not_empty(names, _where("labels", "name"))
    _check_unique(names, "labels", _where("labels", "name"))
    colours = columns["colour"]
    if not all(map(_COLOUR.fullmatch, colours)):
        index = _first(colours, lambda colour: not _COLOUR.fullmatch(colour))
        raise SessionFileError(f'{preview(colours[index])} is not a colour like "#a8d1ff"',
                               f"labels[{index}].colour")


def _check_highlights(value: Any, text_length: int) -> None:
    columns = _columns(value, "highlights", HIGHLIGHT_FIELDS)
    for name in HIGHLIGHT_FIELDS:
        kind = int if name in ("start", "end") else str
        _check_type(columns[name], kind, _where("highlights", name))
    if not columns["id"]:
        return
    for name in ("id", "label"):
        _check_not_empty(columns[name], _where("highlights", name))
    _check_unique(columns["id"], "highlights", _where("highlights", "id"))
    _check_choice(columns["origin"], ORIGINS, _where("highlights", "origin"))
    _check_choice(columns["status"], STATUSES, _where("highlights", "status"))
    _check_timestamps(columns["created"], _where("highlights", "created"))
    _check_timestamps(columns["modified"], _where("highlights", "modified"))
    _check_optional_text(value, OPTIONAL_HIGHLIGHT_FIELDS, "highlights")
    _check_spans(columns["start"], columns["end"], text_length)


def _check_optional_text(records: list[dict[str, Any]], names: tuple[str, ...], path: str) -> None:
    """Optional fields, where present, hold text."""
    for name in names:
        column = [record.get(name, "") for record in records]
        _check_type(column, str, _where(path, name))


def _check_spans(starts: Sequence[int], ends: Sequence[int], text_length: int) -> None:
    if min(starts) < 0:
        index = _first(starts, lambda start: start < 0)
        raise SessionFileError(f"{preview(starts[index])} is before the start of the text",
                               f"highlights[{index}].start")
    if max(ends) > text_length:
        index = _first(ends, lambda end: end > text_length)
        raise SessionFileError(
            f"{preview(ends[index])} is past the end of the text ({text_length} characters)",
            f"highlights[{index}].end",
        )
    if any(map(ge, starts, ends)):
        index = _first(range(len(starts)), lambda i: starts[i] >= ends[i])
        start, end = preview(starts[index]), preview(ends[index])
        raise SessionFileError(f"the start ({start}) should be before the end ({end})",
                               f"highlights[{index}]")


def _check_overrides(value: Any) -> None:
    overrides = expect(value, dict, "figure_overrides")
    for highlight_id, cells in overrides.items():
        where = field_path("figure_overrides", highlight_id)
        for column, cell in expect(cells, dict, where).items():
            problem = cell_problem(column, cell)
            if problem:
                raise SessionFileError(f"{describe(cell)} {problem}", field_path(where, column))


def expect(value: Any, kind: type, path: str) -> Any:
    """``value`` if it is exactly of JSON type ``kind``; SessionFileError otherwise."""
    if type(value) is not kind:
        raise SessionFileError(f"should be {_KIND_NAMES[kind]}, not {describe(value)}", path)
    return value


def check_fields(record: dict[str, Any], fields: Iterable[str], path: str) -> None:
    """SessionFileError naming the first of ``fields`` that ``record`` lacks."""
    for name in fields:
        if name not in record:
            raise SessionFileError(f'the field "{name}" is missing', path)


def _columns(value: Any, path: str, fields: tuple[str, ...]) -> dict[str, Sequence[Any]]:
    """A list of records as one column per field; every record must hold them all."""
    records = expect(value, list, path)
    if not all(type(record) is dict for record in records):
        index = _first(records, lambda record: type(record) is not dict)
        expect(records[index], dict, f"{path}[{index}]")
    wanted = frozenset(fields)
    if not all(record.keys() >= wanted for record in records):
        index = _first(records, lambda record: not record.keys() >= wanted)
        check_fields(records[index], fields, f"{path}[{index}]")
    if not records:
        return {name: () for name in fields}
    rows = map(itemgetter(*fields), records)
    return dict(zip(fields, zip(*rows, strict=True), strict=True))


def _where(path: str, name: str) -> Callable[[int], str]:
    return lambda index: f"{path}[{index}].{name}"


def _check_type(column: Sequence[Any], kind: type, where: Callable[[int], str]) -> None:
    if not set(map(type, column)) <= {kind}:
        index = _first(column, lambda value: type(value) is not kind)
        expect(column[index], kind, where(index))


def _check_not_empty(column: Sequence[str], where: Callable[[int], str]) -> None:
    if "" in column:
        raise SessionFileError("should not be empty", where(column.index("")))


def _check_unique(column: Sequence[str], path: str, where: Callable[[int], str]) -> None:
    if len(set(column)) == len(column):
        return
    seen: dict[str, int] = {}
    for index, value in enumerate(column):
        if value in seen:
            raise SessionFileError(f"{preview(value)} is already used by {path}[{seen[value]}]",
                                   where(index))
        seen[value] = index


def _check_choice(
    column: Sequence[str], known: tuple[str, ...], where: Callable[[int], str]
) -> None:
    if not set(column) <= set(known):
        index = _first(column, lambda value: value not in known)
        choices = ", ".join(map(preview, known[:-1])) + f" or {preview(known[-1])}"
        raise SessionFileError(f"{preview(column[index])} is not {choices}", where(index))


def _check_timestamps(column: Sequence[str], where: Callable[[int], str]) -> None:
    if not all(_is_timestamp(stamp, allow_empty=True) for stamp in set(column)):
        index = _first(column, lambda stamp: not _is_timestamp(stamp, allow_empty=True))
        raise SessionFileError(_not_timestamp(column[index]), where(index))


def _is_timestamp(value: str, allow_empty: bool) -> bool:
    if not value:
        return allow_empty
    return timestamp_problem(value) is None


def _not_timestamp(value: str) -> str:
    return f"{preview(value)} {timestamp_problem(value) or 'is not a date and time'}"


def _first(values: Iterable[Any], predicate: Callable[[Any], bool]) -> int:
    return next(index for index, value in enumerate(values) if predicate(value))


def field_path(parent: str, key: Any) -> str:
    """The path of ``parent``'s member ``key``: ``view_state.scroll`` or ``a["3f2e"]``."""
    if isinstance(key, str) and key.isidentifier() and len(key) <= _SHORT_TEXT:
        return f"{parent}.{key}" if parent else key
    return f"{parent}[{preview(key)}]"


def describe(value: Any) -> str:
    """A JSON value's kind, with the value when it is short: ``the text "12"``."""
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, str):
        return f"the text {preview(value)}"
    if value is None or isinstance(value, bool):
        return preview(value)
    if _is_huge(value):
        return "a very large number"
    if isinstance(value, (int, float)):
        return f"the number {preview(value)}"
    return f"a Python {type(value).__name__}"


def preview(value: Any) -> str:
    """``value`` as it would look in the file, shortened to fit in a message."""
    if _is_huge(value):
        return "a very large number"
    if isinstance(value, str) and len(value) > _SHORT_TEXT:
        value = value[:_SHORT_TEXT] + "…"
    try:
        shown = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError, RecursionError):
        shown = repr(value) if not isinstance(value, (list, dict)) else describe(value)
    return shortened(shown.encode("utf-8", "backslashreplace").decode("utf-8"))


def _is_huge(value: Any) -> bool:
    return isinstance(value, int) and value.bit_length() > 64
