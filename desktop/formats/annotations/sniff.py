"""Which annotation format a file is in, from its name and its first record: for an
import where the person did not say (File › Import… with "All annotation files")."""

from __future__ import annotations

import json
from pathlib import Path

#: The most bytes read to find the end of the first line (a JSONL line holds a
#: whole article).
FIRST_LINE_BYTES = 64 * 1024 * 1024
_W3C_TYPES = {"Annotation", "AnnotationCollection", "AnnotationPage"}


def guess_format(path: str | Path) -> str | None:
    """"brat", "doccano", "prodigy" or "w3c", or None when the file says none of them
    (or cannot be read)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".ann" or (suffix == ".txt" and path.with_suffix(".ann").is_file()):
        return "brat"
    try:
        with path.open("rb") as file:
            first = file.readline(FIRST_LINE_BYTES)
            record = _json(first)
            if record is None:  # one JSON document over several lines
                file.seek(0)
                record = _json(file.read(FIRST_LINE_BYTES))
    except OSError:
        return None
    if isinstance(record, list):
        record = record[0] if record and isinstance(record[0], dict) else None
    if not isinstance(record, dict):
        return None
    kind = record.get("type")
    if "@context" in record or (isinstance(kind, str) and kind in _W3C_TYPES):
        return "w3c"
    if "tokens" in record or "spans" in record:
        return "prodigy"
    if {"label", "labels", "entities"} & record.keys() and ("text" in record or "data" in record):
        return "doccano"
    return None


def _json(data: bytes):
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return None
