"""Bytes to article text: the encoding recognised, small damage replaced and counted."""

from __future__ import annotations

import codecs
import math
import re
import unicodedata
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from desktop.formats.errors import FileFormatError

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
#: Share of characters that may be undecodable (or NUL) in a file still read as text.
_MAX_REPLACED_SHARE = 0.01
#: In UTF-16 the byte holding the high half of each character varies much less than the
#: other (one script's block); this many bits of entropy less tells the byte order.
_MIN_ENTROPY_GAP = 0.5
#: Bytes looked at to tell UTF-16 from other data.
_SAMPLE = 65536
#: charset-normalizer's "mess" score under which a decoding shows no mojibake.
_MOJIBAKE_LIMIT = 0.2


@dataclass(frozen=True)
class DecodedText:
    """A file's text, and how it relates to the file's own characters."""

    #: The article text: no byte order mark, each line break one "\n", NUL as U+FFFD.
    text: str
    encoding: str
    #: Characters that could not be decoded (or were NUL), shown as U+FFFD.
    replaced: int
    #: The file decoded with ``encoding`` (undecodable bytes as U+FFFD), line breaks as
    #: in the file: Python's ``open(path, encoding=encoding, errors="replace", newline="")``.
    as_read: str

    @cached_property
    def _shifts(self) -> tuple[int, list[int]]:
        lead = len(self.as_read) - len(self.as_read.lstrip("\ufeff"))
        body = self.as_read[lead:]
        crlf = [match.start() - i for i, match in enumerate(re.finditer("\r\n", body))]
        return lead, crlf

    def file_offset(self, offset: int) -> int:
        """The position in :attr:`as_read` of ``offset`` in :attr:`text`."""
        lead, crlf = self._shifts
        return lead + offset + bisect_left(crlf, offset)


def decode_bytes(data: bytes, name: str = "the file") -> DecodedText:
    """``data`` decoded as text; FileFormatError if it is empty or not text."""
    if not data.strip():
        raise FileFormatError(f"{name} is empty: there is no text to read.")
    as_read, encoding, replaced = _decode(data, name)
    text = as_read.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        replaced += text.count("\x00")
        text = text.replace("\x00", "\ufffd")
    if _control_share(text) > _MAX_CONTROL_SHARE or not _small(replaced, len(text)):
        raise FileFormatError(f"{name} looks like a binary file, not an article.")
    if not text.replace("\ufffd", "").strip():
        raise FileFormatError(f"{name} is empty: there is no text to read.")
    return DecodedText(text, encoding, replaced, as_read)


def _decode(data: bytes, name: str) -> tuple[str, str, int]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text, damage = _with_replacement(data, encoding)
            return text, encoding, damage
    if b"\x00" in data[:_SAMPLE] and not _utf8_with_stray_nuls(data):
        return _decode_bomless_utf16(data, name)
    utf8, damage = _with_replacement(data, "utf-8")
    if not damage:
        return utf8, "utf-8", 0
    if _small(damage, len(utf8)) and _NOT_ASCII.search(utf8):
        return utf8, "utf-8", damage  # UTF-8 (it has multi-byte characters) with a few bad bytes
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return (*_prefer_windows_1252(data, str(best), best.encoding), 0)
    if _small(damage, len(utf8)):
        return utf8, "utf-8", damage
    raise FileFormatError(
        f"{name} is not text in any encoding Article Lens recognises "
        "(it may be a binary file or a document format such as PDF or Word)."
    )


def _small(damage: int, length: int) -> bool:
    """Few enough characters damaged (one always is) for the text to be read."""
    return damage <= _MAX_REPLACED_SHARE * length + 1


def _with_replacement(data: bytes, encoding: str) -> tuple[str, int]:
    """``data`` decoded, each undecodable sequence as U+FFFD, and how many there were."""
    try:
        return data.decode(encoding), 0
    except UnicodeDecodeError:
        pass
    text = data.decode(encoding, "replace")
    return text, text.count("\ufffd") - data.decode(encoding, "ignore").count("\ufffd")


def _utf8_with_stray_nuls(data: bytes) -> bool:
    """A few NUL bytes in what is otherwise plain UTF-8 text (UTF-16 has one in every
    other byte of ASCII characters, or decodes as UTF-8 full of control characters)."""
    sample = data[:_SAMPLE]
    if sample.count(0) > _MAX_REPLACED_SHARE * len(sample) + 1:
        return False
    text, damage = _with_replacement(sample, "utf-8")
    text = text.replace("\x00", "").replace("\r", "\n")
    return _small(damage, len(text)) and _control_share(text) <= _MAX_CONTROL_SHARE


def _decode_bomless_utf16(data: bytes, name: str) -> tuple[str, str, int]:
    """Text with NUL bytes is UTF-16 without a byte order mark, or binary.

    The byte holding each character's high half takes few values (the block of one
    script, and 0 for spaces and digits) while the low half takes many: the half with
    the lower entropy tells the byte order, in any script. When the two are too close
    to tell (a short text), the byte order is the one of the two that decodes to text."""
    sample = data[: _SAMPLE - _SAMPLE % 2]
    even, odd = _entropy(sample[0::2]), _entropy(sample[1::2])
    orders = ["utf-16-le", "utf-16-be"] if odd <= even else ["utf-16-be", "utf-16-le"]
    if abs(even - odd) >= _MIN_ENTROPY_GAP:
        del orders[1:]
    readings = [(*_with_replacement(data, encoding), encoding) for encoding in orders]
    texts = [(text, encoding, damage) for text, damage, encoding in readings
             if _looks_like_text(text, damage)]
    if len(texts) == 1:
        return texts[0]
    raise FileFormatError(f"{name} looks like a binary file, not an article.")


def _looks_like_text(text: str, damage: int) -> bool:
    """Few undecodable sequences, control characters, or unassigned, private-use or
    surrogate code points."""
    sample = text[:_SAMPLE].replace("\r", "\n")
    odd = sum(1 for c in sample if unicodedata.category(c) in ("Cn", "Co", "Cs"))
    return (_small(damage, len(text)) and odd <= _MAX_REPLACED_SHARE * len(sample)
            and _control_share(sample) <= _MAX_CONTROL_SHARE)


def _entropy(data: bytes) -> float:
    counts = Counter(data).values()
    total = sum(counts) or 1
    return -sum(n / total * math.log2(n / total) for n in counts)


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


#: A character that tells UTF-8 from ASCII (and is not a replacement).
_NOT_ASCII = re.compile("[^\x00-\x7f\ufffd]")
#: Control characters (Unicode category Cc) other than tab, newline, \v and \f.
_CONTROL = re.compile("[\x00-\x08\x0d-\x1f\x7f-\x9f]")


def _control_share(text: str) -> float:
    sample = text[:100_000]
    return len(_CONTROL.findall(sample)) / max(1, len(sample))
