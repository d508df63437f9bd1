"""The text of an imported document (web page, PDF, Word) with what it says about itself."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.formats.errors import FileFormatError

FORMATS = ("html", "pdf", "docx")
#: Short of this many letters a "document" holds no article text.


class DocumentError(FileFormatError):
    """A document that cannot be imported; ``str(error)`` says why in plain words."""


@dataclass(frozen=True)
class ImportedText:
    """Plain text (paragraphs apart by a blank line) and the document's metadata;
    a field the document does not give is ''."""

    text: str
    title: str = ""
    author: str = ""
    date: str = ""  # ISO 8601, YYYY-MM-DD
    site: str = ""
    url: str = ""
    format: str = ""  # one of FORMATS
    warnings: tuple[str, ...] = ()


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_START = re.compile(rb"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                         re.IGNORECASE | re.DOTALL)


def sniff_format(data: bytes) -> str:
    """The document format ``data`` holds by its content: 'pdf', 'docx', 'odt', 'doc'
    (or another pre-2007 Office file), 'rtf', 'zip' (any other zip), 'html', or '' (none)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(_OLE2):
        return "doc"
    if data.startswith(b"{\\rtf"):
        return "rtf"
    if data.startswith(b"PK\x03\x04"):
        if b"mimetypeapplication/vnd.oasis.opendocument" in data[:200]:
            return "odt"
        return "docx" if b"word/" in data[:65536] or b"[Content_Types].xml" in data[:65536] else "zip"
    for bom in (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"):
        head = head.removeprefix(bom)
    text = head.replace(b"\x00", b"")
    return "html" if _HTML_START.match(text) else ""


def unsupported_document(name: str, kind: str) -> DocumentError:
    """The error for a word-processor format Article Lens cannot read yet (.doc, .odt …)."""
    what = {"doc": "an old Word (.doc) document", "odt": "an OpenDocument (.odt) text",
            "rtf": "a Rich Text (.rtf) document"}.get(kind, f"a .{kind} document")
    return DocumentError(f"{name} is {what}, which Article Lens cannot open yet: "
                        "save it as .docx or PDF and open that.")


_SPACES = re.compile(r"[^\S\t\n]+")
_TAB = re.compile(r" ?\t ?")


def tidy_paragraphs(paragraphs: list[str]) -> str:
    """Paragraphs with runs of spaces made one (tabs, which part table cells, are kept, so
    a row may start with one), empty lines and paragraphs left out, a blank line between."""
    kept = []
    for paragraph in paragraphs:
        lines = [_TAB.sub("\t", _SPACES.sub(" ", line)).strip(" ") for line in paragraph.splitlines()]
        text = "\n".join(line for line in lines if line.strip())
        if text:
            kept.append(text)
    return "\n\n".join(kept)


_ISO_DATE = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})")


def iso_date(value: object) -> str:
    """'YYYY-MM-DD' from a date, a datetime, a PDF date ('D:20240307…') or an ISO string; else ''."""
    import datetime as dt

    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    match = _ISO_DATE.match(str(value or "").strip().removeprefix("D:"))
    if not match:
        return ""
    try:
        return dt.date(*map(int, match.groups())).isoformat()
    except ValueError:
        return ""
