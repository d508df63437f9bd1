"""Session files (.alens): an annotated article saved as UTF-8 JSON and reopened exactly.

The format is described in docs/session-format.md. Saving builds the whole file in
memory, checks it by the same rules a load applies, and only then replaces the file
atomically. Loading refuses anything it cannot read exactly, always with a
SessionFileError that names the field and the fault.
"""

from __future__ import annotations

import codecs
import json
import math
import re
import stat
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.core.highlight import now_iso
from desktop.core.session import Session
from desktop.formats import session_v1
from desktop.formats.atomic_write import atomic_write
from desktop.formats.disk_stamp import DiskStamp
from desktop.formats.session_checksum import add_checksum, checksum_warnings
from desktop.formats.session_kind import FORMAT_MARKER, SESSION_SUFFIX, is_session_file
from desktop.formats.session_schema import (
    SessionFileError,
    check_json_value,
    describe,
    expect,
    preview,
)
from desktop.formats.session_values import clean_view_state
from desktop.formats.steps import run_to_end

__all__ = [
    "FORMAT_VERSION", "LOADERS", "MAX_SESSION_BYTES", "SESSION_SUFFIX", "LoadedSession",
    "SessionFileError", "is_session_file", "load_session", "parse_document", "read_document",
    "save_session", "session_from_bytes", "session_steps", "session_to_bytes",
]

#: Larger files are refused before they are read.
MAX_SESSION_BYTES = 512 * 2**20

#: Reads a parsed document in steps (a generator returning the session and view state).
Loader = Callable[[dict[str, Any], bool], Generator[None, None, tuple[Session, dict[str, Any]]]]
#: A loader for every format version ever written. A new version adds its loader
#: (and its writer becomes the one used to save); the old entries stay.
LOADERS: dict[int, Loader] = {session_v1.VERSION: session_v1.document_steps}
FORMAT_VERSION = max(LOADERS)
#: The field-by-field check of each version's documents (run by its loader too).
CHECKS: dict[int, Callable[[dict[str, Any]], None]] = {session_v1.VERSION: session_v1.check_v1}

#: A \u escape of a surrogate: only these can put an unpaired one into parsed text.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False)
#: Fields written one item per line, so a person can read and diff the file.
_LISTED_FIELDS = ("labels", "highlights")


@dataclass
class LoadedSession:
    """A session read from a file, with the view state and metadata saved beside it.

    ``warnings``: what a person should know about the file though it loaded (its
    checksum does not match; view-state fields left out), each naming the field."""

    session: Session
    view_state: dict[str, Any]
    format_version: int
    app_version: str
    created: str
    modified: str
    warnings: list[str] = field(default_factory=list)


def save_session(
    session: Session,
    path: str | Path,
    view_state: dict[str, Any] | None = None,
    app_version: str = __version__,
    created: str | None = None,
) -> DiskStamp:
    """Save ``session`` (and the window's ``view_state``) to ``path`` atomically.

    The old file stays whole until the new one is complete; a read-only one is not
    replaced. ``session`` is only read, never changed. The file's "created" stamp is
    the one the session was loaded with (``session.extra["created"]``), else
    ``created`` (when an earlier save of this session was made), else now. Returns
    the stamp of the file written (see disk_stamp). Raises SessionFileError when the
    session cannot be stored or the file cannot be written.
    """
    path = Path(path)
    data = session_to_bytes(session, view_state, app_version, created)
    try:
        return atomic_write(path, data)
    except OSError as error:
        reason = error.strerror or error
        raise SessionFileError(f"{path.name} could not be saved: {reason}.") from error


def session_to_bytes(
    session: Session, view_state: dict[str, Any] | None = None, app_version: str = __version__,
    created: str | None = None,
) -> bytes:
    """The bytes of a session file (the newest format version) holding ``session``
    (read only; ``created``: see :func:`save_session`)."""
    now = now_iso()
    document = session_v1.to_document(session, view_state or {}, app_version, now, created or now)
    return _encode(document)


def load_session(path: str | Path) -> LoadedSession:
    """The session saved in ``path``; SessionFileError if it cannot be read exactly."""
    path = Path(path)
    return session_from_bytes(_read(path), path.name)


def session_from_bytes(data: bytes, name: str = "the file") -> LoadedSession:
    """The session held in ``data`` (the bytes of a file called ``name``)."""
    return run_to_end(session_steps(parse_document(data, name), name))


def read_document(path: str | Path) -> dict[str, Any]:
    """The parsed document of the session file ``path``, checked field by field: the
    first half of a load, for a background thread (``session_steps(document,
    checked=True, warnings=checksum_warnings(document))`` does the rest)."""
    path = Path(path)
    document = parse_document(_read(path), path.name)
    CHECKS[document["version"]](document)
    return document


def parse_document(data: bytes, name: str = "the file") -> dict[str, Any]:
    """The JSON document in ``data``, checked to be a session of a version this reads."""
    document = _parse(data, name)
    _check_version(document, name)
    return document


def session_steps(document: dict[str, Any], name: str = "the file", checked: bool = False,
                  warnings: list[str] | None = None) -> Generator[None, None, LoadedSession]:
    """The session in a parsed ``document``, made in steps (see :data:`LOADERS`);
    ``checked``: it came from :func:`read_document`; ``warnings``: those of its
    checksum, found already (else they are looked for here)."""
    version = _check_version(document, name)
    session, view_state = yield from LOADERS[version](document, checked)
    if warnings is None:
        warnings = checksum_warnings(document)
        yield
    view_state, dropped = clean_view_state(view_state, len(session.article.text))
    return LoadedSession(session, view_state, version, document["app_version"],
                         document["created"], document["modified"], [*warnings, *dropped])


def _read(path: Path) -> bytes:
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            raise SessionFileError(f"{path.name} is a folder, not a session file.")
        if not stat.S_ISREG(status.st_mode):
            raise SessionFileError(f"{path.name} is not a regular file.")
        _check_size(status.st_size, path.name)
        return path.read_bytes()
    except OSError as error:
        reason = error.strerror or error
        raise SessionFileError(f"{path.name} could not be read: {reason}.") from None


def _check_size(size: int, name: str) -> None:
    if size > MAX_SESSION_BYTES:
        raise SessionFileError(f"{name} is {size / 2**20:.0f} MB; session files up to "
                               f"{MAX_SESSION_BYTES / 2**20:.0f} MB can be opened.")


def _parse(data: bytes, name: str) -> dict[str, Any]:
    """The JSON object in ``data``, which must be UTF-8 (a leading BOM is skipped)."""
    _check_size(len(data), name)
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = _decode_in_slices(memoryview(data)[skip:])
    except UnicodeDecodeError:
        raise SessionFileError(_not_utf8(data, skip, name)) from None
    if not text or text.isspace():
        raise SessionFileError(f"{name} is empty: it holds no session.")
    document = _loads(text, name)
    if type(document) is not dict:
        raise SessionFileError(f"{name} is not an Article Lens session: it holds "
                               f"{describe(document)}, not a JSON object.")
    if _SURROGATE_ESCAPE.search(text):
        check_json_value(document, "")
    return document


#: Bytes decoded at a time: a session is read in a thread, and decoding holds the GIL
#: (8 MB at once kept the window's thread waiting 20-60 ms).
DECODE_SLICE_BYTES = 256 * 1024


def _decode_in_slices(data: memoryview) -> str:
    """``data`` decoded from UTF-8 a slice at a time (UnicodeDecodeError as one call)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    parts = [decoder.decode(data[first : first + DECODE_SLICE_BYTES])
             for first in range(0, len(data), DECODE_SLICE_BYTES)]
    parts.append(decoder.decode(b"", final=True))
    return "".join(parts)


def _not_utf8(data: bytes, skip: int, name: str) -> str:
    """Why ``data[skip:]`` is not UTF-8: its first bad byte and where it is."""
    try:
        str(memoryview(data)[skip:], "utf-8")
    except UnicodeDecodeError as error:
        byte, position = error.object[error.start], skip + error.start
        return (f"{name} is not UTF-8 text (the byte 0x{byte:02x} at position {position} "
                "is not UTF-8); a session file is UTF-8 JSON.")
    return f"{name} is not UTF-8 text; a session file is UTF-8 JSON."


def _loads(text: str, name: str) -> Any:
    try:
        return json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float,
                          object_hook=_each_object)
    except json.JSONDecodeError as error:
        cut_short = error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated")
        hint = " (the file ends too early: it may have been cut short)" if cut_short else ""
        reason = error.msg.removesuffix(" at") + (" here" if error.msg.endswith(" at") else "")
        raise SessionFileError(f"{name} is not valid JSON (line {error.lineno}, column "
                               f"{error.colno}): {reason}{hint}.") from None
    except RecursionError:
        raise SessionFileError(f"{name} is nested too deeply to be a session file.") from None
    except _UnreadableNumber as error:
        raise SessionFileError(f"{name} is not valid JSON: {error}.") from None
    except ValueError:  # Python reads integers of up to 4300 digits
        raise SessionFileError(f"{name} holds a whole number too long to read.") from None


class _UnreadableNumber(ValueError):
    """NaN, Infinity or a number too large for a float: JSON has no such numbers."""


def _each_object(record: dict[str, Any]) -> dict[str, Any]:
    # A call into Python per object lets the window's thread take the GIL while a
    # long file is parsed in the background (json.loads alone keeps it ~50 ms per 8 MB).
    return record


def _refuse_constant(literal: str) -> float:
    raise _UnreadableNumber(f"{literal} is not a number JSON allows")


def _finite_float(literal: str) -> float:
    value = float(literal)
    if math.isinf(value):
        raise _UnreadableNumber(f"the number {literal[:40]} is too large")
    return value


def _check_version(document: dict[str, Any], name: str) -> int:
    """The format version of ``document``, which must be one this version reads."""
    marker = document.get("format")
    if marker != FORMAT_MARKER:
        found = (f'its "format" is {preview(marker)}' if "format" in document
                 else 'it has no "format" field')
        raise SessionFileError(f'{name} is not an Article Lens session: {found} (a session has '
                               f'"format": "{FORMAT_MARKER}").')
    if "version" not in document:
        raise SessionFileError('the field "version" is missing')
    version: int = expect(document["version"], int, "version")
    if version > FORMAT_VERSION:
        raise SessionFileError(
            f"this session was saved by a newer Article Lens (format version {preview(version)}); "
            f"this version reads up to version {FORMAT_VERSION}. Install a newer Article Lens "
            "to open it."
        )
    if version not in LOADERS:
        raise SessionFileError(f"{preview(version)} is not a session format version "
                               f"(known: {', '.join(map(str, LOADERS))})", "version")
    return version


def _encode(document: dict[str, Any]) -> bytes:
    """``document`` as UTF-8 JSON: a line per top-level field and per label and highlight,
    the checksum of its content last."""
    try:
        add_checksum(document)
        return _layout(document).encode("utf-8")
    except (UnicodeEncodeError, ValueError, RecursionError) as error:
        check_json_value(document, "")
        raise SessionFileError(f"the session cannot be written as JSON: {error}.") from error


def _layout(document: dict[str, Any]) -> str:
    encode = _ENCODER.encode
    lines = []
    for key, value in document.items():
        if key in _LISTED_FIELDS and value:
            items = ",\n  ".join(map(encode, value))
            lines.append(f"{encode(key)}: [\n  {items}\n ]")
        else:
            lines.append(f"{encode(key)}: {encode(value)}")
    return "{\n " + ",\n ".join(lines) + "\n}\n"
