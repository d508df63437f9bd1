"""Reading article files (.txt, .md and other plain text) in any common encoding."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from desktop.core.article import Article
from desktop.formats.errors import FileFormatError

#: Larger files are refused before they are read.
MAX_ARTICLE_BYTES = 200 * 1024 * 1024
#: Suffixes offered in the Open dialog; any other file is still tried as text.
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".text")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Share of control characters (other than tab and newlines) above which a
#: decoded "text" is really binary data.
_MAX_CONTROL_SHARE = 0.01
#: charset-normalizer's "mess" score under which a decoding shows no mojibake.
_MOJIBAKE_LIMIT = 0.2


def read_article(path: str | Path) -> Article:
    """The article in ``path``, decoded and with newlines normalised to ``\\n``.

    Raises FileFormatError with a message for the reader when the file is missing,
    too large, empty, binary, or in no encoding that can be recognised.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise FileFormatError(
                f"{path.name} is {size / 2**20:.0f} MB; articles up to "
                f"{MAX_ARTICLE_BYTES / 2**20:.0f} MB can be opened."
            )
        data = path.read_bytes()
    except FileFormatError:
        raise
    except IsADirectoryError:
        raise FileFormatError(f"{path.name} is a folder, not a file.") from None
    except OSError as error:
        raise FileFormatError(f"{path.name} could not be read: {error.strerror or error}.") from None
    text, encoding = decode_text(data, path.name)
    return Article.from_file_text(text, path, encoding)


def decode_text(data: bytes, name: str = "the file") -> tuple[str, str]:
    """``data`` decoded as text, with the encoding used; FileFormatError if not text."""
    if not data.strip():
        raise FileFormatError(f"{name} is empty: there is no text to read.")
    text, encoding = _decode(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise FileFormatError(f"{name} looks like a binary file, not an article.")
    if not text.strip():
        raise FileFormatError(f"{name} is empty: there is no text to read.")
    return text, encoding


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    if b"\x00" in data[:65536]:
        return _decode_bomless_utf16(data, name)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise FileFormatError(
            f"{name} is not text in any encoding Article Lens recognises "
            "(it may be a binary file or a document format such as PDF or Word)."
        )
    return _prefer_windows_1252(data, str(best), best.encoding)


def _prefer_windows_1252(data: bytes, text: str, encoding: str) -> tuple[str, str]:
    """Short Western texts fit several single-byte code pages equally well;
    charset-normalizer may then pick a Baltic or Central European one and turn
    "à" into "ą". For English news Windows-1252 is by far the likelier source, so it
    wins whenever it decodes the bytes without any sign of mojibake."""
    from charset_normalizer.md import mess_ratio
    from charset_normalizer.utils import is_multi_byte_encoding

    if encoding == "cp1252" or is_multi_byte_encoding(encoding):
        return text, encoding
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        return text, encoding
    if mess_ratio(western, 1.0) < _MOJIBAKE_LIMIT:
        return western, "cp1252"
    return text, encoding


def _decode_bomless_utf16(data: bytes, name: str) -> tuple[str, str]:
    """Text with NUL bytes is UTF-16 without a byte order mark, or binary."""
    sample = data[:4096]
    half = len(sample) / 2
    even_zeros, odd_zeros = sample[0::2].count(0), sample[1::2].count(0)
    if min(even_zeros, odd_zeros) < 0.05 * half:
        encoding = "utf-16-le" if odd_zeros > 0.3 * half else "utf-16-be"
        if max(even_zeros, odd_zeros) > 0.3 * half:
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                pass
    raise FileFormatError(f"{name} looks like a binary file, not an article.")


#: Control characters (Unicode category Cc) other than tab, newline, \v and \f.
_CONTROL = re.compile("[\x00-\x08\x0d-\x1f\x7f-\x9f]")


def _control_share(text: str) -> float:
    sample = text[:100_000]
    return len(_CONTROL.findall(sample)) / max(1, len(sample))
