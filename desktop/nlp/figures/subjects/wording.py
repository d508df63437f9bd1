"""What the words around a figure say of its subject, read from the text without the
parse: what a sentence's opening leaves out ("Excluding one-off items, ..."), a figure
compared with the one before ("compared to 95% in June", "the best since an 8% rise in
1999"), the trading session a price is quoted in, where a clause ends, and what an
exchange rate or a unit price is of ("8.30 to the dollar", "$40 a barrel")."""

from __future__ import annotations

import re

from desktop.nlp.figures.subjects.words import _MONTHS, MOVEMENT_NOUNS
from desktop.nlp.figures.units import currency_names

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


#: The trading session a price is quoted in: "in after-hours trade", "in early trading".
_SESSION_AFTER = re.compile(r"\s+(in (?:[\w-]+ ){0,2}(?:trade|trading|dealings))\b", re.IGNORECASE)


def with_session(subject: str, text: str, reading) -> str:
    """``subject`` with the trading session the figure after it is quoted in ("Acme
    share price" -> "Acme share price in after-hours trade")."""
    match = _SESSION_AFTER.match(text, reading.end)
    return f"{subject} {match.group(1)}" if match and match.group(1) not in subject else subject


_SESSION_END = re.compile(r" in (?:[\w-]+ ){0,2}(?:trade|trading|dealings)$", re.IGNORECASE)


def without_session(subject: str) -> str:
    """``subject`` without the trading session :func:`with_session` added."""
    return _SESSION_END.sub("", subject)


_PER_UNIT = re.compile(r"\s(?:a|an|per)\s+(barrel|tonne|ton|ounce|gallon|litre|liter|kilo|kilogram|bushel)\b")


#: "to the US dollar" after a rate: what it is quoted against.
_QUOTED_AGAINST = re.compile(r"\s+(?:to|per|against) (the |one |a )?((?:US |American )?(?:dollar|euro|pound))\b")


def exchange_rate(text: str, end: int, code: str) -> str:
    """ "the yuan around 8.30 to the dollar": an exchange rate is of its currency
    against the one it is quoted against ("yuan against the dollar")."""
    match = _QUOTED_AGAINST.match(text, end)
    name = _currency_word(code) if match is not None else ""
    if not name or name in match.group(2).lower():
        return ""
    return f"{name} against the {match.group(2)}"


def _currency_word(code: str) -> str:
    """The plain word for a currency code: "CNY" -> "yuan" (the first single word the
    unit lexicon gives it)."""
    return next((word for word, named in _CURRENCY_NAMES.items() if named == code and word.isalpha()
                 and word != code.lower() and " " not in word), "")


_CURRENCY_NAMES = currency_names()


def unit_price(text: str, start: int, end: int, commodity: str) -> str:
    """ "above $40 a barrel" with nothing else named: the price per barrel, of the
    article's commodity when it follows one ("oil price per barrel")."""
    match = _PER_UNIT.match(text, end) or _PER_UNIT.search(text, start, end)
    if match is None:
        return ""
    return f"{commodity} price per {match.group(1)}".strip()


_RISE_WORDS = {"up": "rise", "higher": "rise", "more": "rise", "down": "fall", "lower": "fall", "less": "fall"}
#: A change and its base: "£4.5bn higher than the same period in 2003" (the words after).
_BASE_AFTER = re.compile(r"\s+(higher|lower|more|less) than ((?:the |a |an )?[\w' -]{3,40}?)(?=[,.;:)]|$)")
#: "up £40m on last year": the word before, the base after.
_UP_BEFORE = re.compile(r"\b(up|down)\s+(?:by\s+)?$", re.IGNORECASE)
_BASE_ON = re.compile(r"\s+(?:on|from) ((?:the |a |an )?[\w' -]{3,40}?)(?=[,.;:)]|$)")


def with_base(subject: str, text: str, reading) -> str:
    """``subject`` as the change a figure is against its base ("£4.5bn higher than a
    year earlier" -> "rise in <subject> on a year earlier"; "up £40m on last year")."""
    after = _BASE_AFTER.match(text, reading.end)
    if after is not None:
        return f"{_RISE_WORDS[after.group(1)]} in {subject} on {after.group(2).strip()}"
    before = _UP_BEFORE.search(text, max(0, reading.start - 12), reading.start)
    base = _BASE_ON.match(text, reading.end) if before is not None else None
    if base is not None and not subject.startswith(("rise in", "fall in")):
        return f"{_RISE_WORDS[before.group(1).lower()]} in {subject} on {base.group(1).strip()}"
    return subject


_THRESHOLD = re.compile(r"^(?:over|above|under|below|more than|less than|at least)\b", re.IGNORECASE)
_THRESHOLD_BEFORE = re.compile(r"\b(?:over|above|under|below|more than|less than|at least)\s+$", re.IGNORECASE)
#: Where things over a threshold go: "over £1,000 to local branches".
_DESTINATION = re.compile(r"\s+((?:to|for|from) (?:the |their |its )?(?:[a-z-]+ ){0,2}[a-z-]+s)\b")


def with_destination(subject: str, text: str, reading) -> str:
    """``subject`` with where the things a threshold is set for go: "donations" ->
    "donations to local branches" for "all donations over £1,000 to local branches"."""
    if not (_THRESHOLD.match(reading.surface) or _THRESHOLD_BEFORE.search(text, max(0, reading.start - 12),
                                                                           reading.start)):
        return subject
    match = _DESTINATION.match(text, reading.end)
    return f"{subject} {match.group(1)}" if match and match.group(1) not in subject else subject
