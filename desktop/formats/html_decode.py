"""Web page bytes to text: the byte order mark, else the charset the page declares,
else UTF-8, else the encoding charset-normalizer recognises."""

from __future__ import annotations

import codecs
import re

from desktop.formats.imported_text import DocumentError

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([a-z0-9_.:-]+)""",
    re.IGNORECASE)
#: What browsers read in place of these labels (the WHATWG Encoding Standard).
_BROWSER_LABELS = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252",
                   "us-ascii": "cp1252", "iso8859-1": "cp1252", "iso-8859-9": "cp1254", "tis-620": "cp874",
                   # a page that can say so in ASCII is not UTF-16: browsers read it as UTF-8
                   "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def decode_html(data: bytes, name: str = "the page") -> str:
    """``data`` as text; DocumentError when it is binary rather than a page."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:4096]:
        raise DocumentError(f"{name} looks like a binary file, not a web page.")
    declared = declared_charset(data)
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # mislabelled: detect instead
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:500_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    return data.decode(encoding, errors="replace")


def declared_charset(data: bytes) -> str:
    """The Python codec of the charset a page declares in its first 4 KB, or ''."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return ""
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    label = _BROWSER_LABELS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return ""


def looks_binary(text: str) -> bool:
    """Whether more than 1% of the start of ``text`` is control characters."""
    sample = text[:100_000]
    return len(_CONTROL.findall(sample)) > 0.01 * max(1, len(sample))
