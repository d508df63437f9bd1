"""What the words around a figure say of its subject, read from the text without the
parse: what a sentence's opening leaves out ("Excluding one-off items, ..."), a figure
compared with the one before ("compared to 95% in June", "the best since an 8% rise in
1999"), and where a clause ends."""

from __future__ import annotations

import re

from desktop.nlp.figures.subjects.words import _MONTHS, MOVEMENT_NOUNS

#: A sentence opening that says what its measures leave out: "Excluding one-off charges, ...".
_FRONTED_EXCLUSION = re.compile(r"\s*[\"“]?((?:excluding|including|before|stripping out) [\w' -]{3,40}?),\s",
                                re.IGNORECASE)


def with_exclusion(subject: str, text: str, first: int, start: int) -> str:
    """``subject`` with what its sentence's opening leaves out ("Excluding one-off
    charges, Acme's profit was 30 cents a share" -> "Acme's profit excluding one-off
    charges")."""
    match = _FRONTED_EXCLUSION.match(text, first, start)
    if match is None or match.end() > start:
        return subject
    exclusion = match.group(1)
    return subject if exclusion.lower() in subject.lower() else f"{subject} {exclusion[0].lower()}{exclusion[1:]}"


_COMPARED_BEFORE = re.compile(r"\bcompared (?:to|with)\s+(?:an? |the )?$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\b")


def compared_alone(text: str, reading) -> bool:
    """True for a figure a sentence compares with the one before and that names
    nothing of its own ("92% of users in May compared to 95% in June"): it measures
    what that one measures. Not "59% are men compared to 41% of women"."""
    return _COMPARED_BEFORE.search(text, max(0, reading.start - 20), reading.start) is not None \
        and _OF_AFTER.match(text, reading.end) is None


_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:while|whereas|but|although|though|which|who|when)\b", re.IGNORECASE)


def same_clause(text: str, before, reading) -> bool:
    """True when no other clause ("while ...", "but ...") starts between two
    figures of a sentence."""
    return not _CLAUSE_BREAK.search(text, before.end, reading.start)


#: A movement of a time and nothing else after a figure: "an 8.5% rise in 1999".
_MOVEMENT_IN_TIME = re.compile(
    r"\s+(?:" + "|".join(sorted(MOVEMENT_NOUNS)) + r")\s+(?:in|during|since)\s+(?:the\s+)?"
    r"(?:(?:19|20)\d\d|(?:" + "|".join(sorted(_MONTHS)) + r")|(?:first|second|third|fourth|final|last)\s+quarter)"
    r"(?![\w-]|\s+(?:of|in)\s+[a-z])", re.IGNORECASE)


def movement_in_time(text: str, reading) -> bool:
    """True for a figure that is a movement of a time naming nothing that moved ("the
    best year since an 8.5% rise in 1999"): it measures what the figure before did."""
    return _MOVEMENT_IN_TIME.match(text, reading.end) is not None
