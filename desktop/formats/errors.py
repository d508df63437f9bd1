"""Errors a person can cause with a file, each with a message meant for them."""

#: The most characters of one value a message quotes.
QUOTE_CHARS = 200
#: The most characters a message has: a few quoted values, the field and the reason.
MESSAGE_CHARS = 800


class FileFormatError(Exception):
    """A file could not be read; ``str(error)`` says why in plain words (its middle cut
    out beyond MESSAGE_CHARS, so no value from a file makes it run on)."""

    def __init__(self, message: str = "") -> None:
        super().__init__(shortened(message, MESSAGE_CHARS, keep_end=True))


def shortened(text: str, limit: int = QUOTE_CHARS, keep_end: bool = False) -> str:
    """``text`` cut to at most ``limit`` characters, with "…" where it was cut: at the
    end, or (``keep_end``) in the middle."""
    if len(text) <= limit:
        return text
    if not keep_end:
        return text[: limit - 1] + "…"
    head = (limit - 1) // 2
    return text[:head] + "…" + text[len(text) - (limit - 1 - head):]
