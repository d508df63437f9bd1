"""A checksum of a session's whole content, so a change after saving is noticed.

``article.sha256`` covers the text only; a flipped bit in an id, a label or an offset
would load silently. Each save writes ``"checksum": {"sha256": …, "modified": …}``: the
SHA-256 of the document's canonical JSON without the ``checksum`` field
(``json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)``,
UTF-8) and the ``modified`` stamp of that save. A mismatch is a warning, not a refusal:
a file edited by hand is legitimate. A file without a checksum, or whose ``modified``
is not the one the checksum was made with (re-saved since by a version that writes
none, and keeps this one as an unknown field), is not checked.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

FIELD = "checksum"
#: Items of a long list encoded per call, so a thread hashing a large file lets the
#: window's thread take the GIL between calls.
SLICE_ITEMS = 500
MISMATCH = (f"{FIELD}: the content does not match the checksum saved with it, so the file "
            "was changed after it was saved (edited by hand, or damaged); check the "
            "highlights and labels before you save over it.")
UNREADABLE = f"{FIELD}: is not a checksum Article Lens writes, so the content was not checked."

_encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, sort_keys=True,
                           separators=(",", ":")).encode


def canonical_pieces(document: dict[str, Any]) -> Iterator[str]:
    """The canonical JSON of ``document`` without its checksum, in pieces."""
    yield "{"
    for position, key in enumerate(sorted(key for key in document if key != FIELD)):
        yield ("," if position else "") + _encode(key) + ":"
        value = document[key]
        if type(value) is list and len(value) > SLICE_ITEMS:
            for first in range(0, len(value), SLICE_ITEMS):
                part = _encode(value[first : first + SLICE_ITEMS])
                yield ("[" if first == 0 else ",") + part[1:-1]
            yield "]"
        else:
            yield _encode(value)
    yield "}"


def content_digest(document: dict[str, Any]) -> str:
    """The SHA-256 (hex) of the canonical JSON of ``document`` without its checksum."""
    digest = hashlib.sha256()
    for piece in canonical_pieces(document):
        # (a lone surrogate, refused by the save that follows, must not fail here first)
        digest.update(piece.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def add_checksum(document: dict[str, Any]) -> None:
    """Put the checksum of ``document``'s content in it, as its last field."""
    document.pop(FIELD, None)
    document[FIELD] = {"sha256": content_digest(document), "modified": document["modified"]}


def checksum_warnings(document: dict[str, Any]) -> list[str]:
    """A warning if ``document`` holds a checksum its content does not match."""
    if FIELD not in document:
        return []
    saved = document[FIELD]
    if (type(saved) is not dict or type(saved.get("sha256")) is not str
            or type(saved.get("modified")) is not str):
        return [UNREADABLE]
    if saved["modified"] != document.get("modified"):
        return []
    return [MISMATCH] if saved["sha256"] != content_digest(document) else []
