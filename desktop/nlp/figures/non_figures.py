"""Numbers that are not figures: years, dates, clock times, identifiers and pronouns
("in 2021", "June 22", "10 pm", "Boeing 737", "article 5", "one of the")."""

from __future__ import annotations

import re

from desktop.nlp.figures.nearby_words import word_before
from desktop.nlp.figures.numbers import NumberToken
from desktop.nlp.figures.qualifiers import qualifier_before

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
)
# Before a day any case will do ("may 19" is a date); after it, "5 may" is no date.
# Other days may stand between ("16 or 17 March", "March 3, 4 and 5").
_ORDINAL = r"(?:st|nd|rd|th)?"
_OTHER_DAYS = rf"(?:\s*(?:[-–,&/]|\bor\b|\band\b|\bto\b)\s*(?:the\s+)?\d{{1,2}}{_ORDINAL}){{0,3}}"
_MONTH_BEFORE = re.compile(
    rf"\b(?i:{_MONTHS})\s?\.?,?\s+(?:the\s+)?(?:\d{{1,2}}{_ORDINAL}{_OTHER_DAYS}\s*(?:[-–,&/]|or|and|to)\s*(?:the\s+)?)?$"
)
_MONTH_AFTER = re.compile(rf"{_ORDINAL}{_OTHER_DAYS}\s+(?:of\s+)?{_MONTHS}\b")
_CLOCK = re.compile(r"(?:[1-9]|1[0-2])(?:[.:][0-5]\d)?")
_CLOCK_SUFFIX = re.compile(r"\s?(?:[aApP]\.[mM]\.|[aApP][mM]\b|o['’]clock\b)")
_24_HOUR_CLOCK = re.compile(r"(?:[01]\d|2[0-3])[.:]?[0-5]\d")
_TIME_ZONE_AFTER = re.compile(
    r"\s?(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|PST|ET|JST|IST|AEST|AEDT|HKT|SGT|Z|hrs|hours?\s+local"
    r"|local(?:\s+time)?|[AaPp]\.?[Mm]\b\.?)\b"
)
_YEAR = re.compile(r"1[89]\d\d|20\d\d|2100")
_YEAR_CONTEXT_BEFORE = re.compile(
    r"\b(?:in|since|by|until|till|during|before|after|from|to|of|early|late|mid|fiscal|FY|year"
    r"|spring|summer|autumn|fall|winter|end|start|through|throughout|as\s+of|between|and)\s*-?$",
    re.IGNORECASE,
)
_PLURAL_NOUN_AFTER = re.compile(r"\s+([a-z]{2,}s)\b")
_NOT_PLURAL_NOUNS = frozenset(
    "is was has its this thus as us his yes always perhaps less unless across whereas besides"
    " sees says does goes makes marks remains seems becomes means".split()
)
_MODEL_DIGITS = re.compile(r"\d{3,4}")
_DETERMINERS = frozenset("its the a an his her their our your my this that new".split())
_NAME_AFTER = re.compile(r" [A-Z][a-z]+(?<!s)\b(?! [a-z]+s\b)(?!-)")
# Plurals a year dates rather than a count counts ("2005 revenues", "2004 results").
_NOUNS_DATED_BY_YEAR = frozenset(
    "revenues sales profits earnings results figures accounts budgets forecasts elections prices"
    " losses returns targets estimates accounts levels highs lows totals".split()
)
# "a third quarter", "a fourth time": an ordinal, not a fraction, before these nouns.
_ORDINAL_USE = re.compile(
    r"(?i:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) (?:quarter|half|time|term|round|place"
    r"|party|way|day|week|month|year|straight|consecutive|successive|largest|biggest)\b"
)
_LABELS = (
    "no", "nos", "number", "page", "pages", "p", "pp", "article", "articles", "chapter", "section",
    "paragraph", "clause", "item", "line", "route", "flight", "room", "platform", "gate", "exit",
    "version", "ver", "v", "vol", "volume", "episode", "season", "level", "phase", "stage", "grade",
    "category", "class", "tier", "zone", "block", "lot", "row", "seat", "figure", "fig", "table",
    "step", "round", "game", "match", "week", "term", "model", "type", "district", "ward", "lane",
    "highway", "interstate", "bus", "train", "channel", "track", "code", "id", "batch", "issue",
    "part", "resolution", "decree", "law", "bill", "unit", "division", "brigade", "squad", "size",
)
_LABEL_BEFORE = re.compile(rf"(?:\b(?:{'|'.join(_LABELS)})\s?\.?|#)\s*$", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Za-z][A-Za-z0-9&'’.-]*) $")
_FUNCTION_WORDS = frozenset(
    "a an the in on at by for from to of and or but with about over under some nearly almost around"
    " approximately only just up than since after before until during between among all another its"
    " their his her our my your these those this that each every top first last next roughly exactly"
    " more less fewer least most per if when while as so then there here it we they he she i you who"
    " what which where why how is are was were be been has have had do did does will would can could"
    " should may might must also still yet already even not within without across against via plus"
    " minus both either neither many few several perhaps maybe now today yesterday overall total"
    " altogether currently".split()
)


def is_clock_time(text: str, number_surface: str, end: int) -> bool:
    """True for "10 pm", "2.30am", "7 o'clock", "1650 GMT", "0930 local time"."""
    if _CLOCK.fullmatch(number_surface) and _CLOCK_SUFFIX.match(text, end):
        return True
    if len(number_surface) < 4 or not _24_HOUR_CLOCK.fullmatch(number_surface):
        return False
    return bool(_TIME_ZONE_AFTER.match(text, end))


def is_day_of_month(text: str, start: int, end: int, value: float) -> bool:
    """True for the day in "June 22", "22 June", "the 5th of May"."""
    if not (value.is_integer() and 1 <= value <= 31):
        return False
    return bool(_MONTH_BEFORE.search(text, max(0, start - 30), start) or _MONTH_AFTER.match(text, end))


def is_year(text: str, start: int, end: int, counted: bool = False) -> bool:
    """True when a bare four-digit number 1800-2100 reads as a year, not a count.

    "2000 people" is a count, and so is any number ``counted`` by its qualifier
    ("more than 2000"); "in 2000", "2000 saw" and "2005 revenues" are years.
    """
    if not _YEAR.fullmatch(text[start:end]) or counted:
        return False
    if _YEAR_CONTEXT_BEFORE.search(text, max(0, start - 12), start):
        return True
    noun = _PLURAL_NOUN_AFTER.match(text, end)
    return not (noun and noun[1] not in _NOT_PLURAL_NOUNS and noun[1] not in _NOUNS_DATED_BY_YEAR)


def is_identifier(text: str, start: int) -> bool:
    """True for numbers that name rather than count: "Boeing 737", "article 5", "i7 860"."""
    if _LABEL_BEFORE.search(text, max(0, start - 14), start):
        return True
    word_match = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if not word_match:
        return False
    word = word_match[1]
    if any(char.isdigit() for char in word):
        return True
    lower = word.lower().rstrip(".")
    if word.rstrip(".") == lower or lower in _FUNCTION_WORDS or lower.endswith("ly") or word.endswith(("'s", "’s")):
        return False
    return True


#: Qualifiers that make a bare four-digit number a count ("more than 2000").
_COUNTING_QUALIFIERS = frozenset({
    "more than", "less than", "fewer than", "no more than", "no less than", "no fewer than",
    "at least", "up to", "nearly", "almost", "over", "well over", "just over", "some",
    "as many as", "in excess of", "upwards of", "exceeding", "an estimated", "roughly",
})
_ONE_AS_PRONOUN_AFTER = re.compile(
    r"\s*(?:$|[^\w\s]|(?:of|another|by|or|and|who|whom|whose|which|that|is|was|has|had|can|could"
    r"|would|will|should|must|may|might|does|did|in|on|at|to|for|from|with|as|than|day|time|point"
    r"|way|thing|hand|side|more|less|again|else|after|anything)\b)",
    re.IGNORECASE,
)
_ONE_AS_PRONOUN_BEFORE = re.compile(
    r"\b(?:no|this|that|the|any|every|each|which|such|only|what|last|next|another|little|big"
    r"|right|wrong|good|bad|new|old|one|someone|everyone|anyone|can|could|would|should|will|shall"
    r"|may|might|must|does|did|how|why)\s+$",
    re.IGNORECASE,
)


def _is_ordinal_use(text: str, end: int) -> bool:
    """Whether the number word ending at ``end`` is an ordinal ("a third quarter")."""
    last_word = end
    while last_word > 0 and text[last_word - 1].isalpha():
        last_word -= 1
    return bool(_ORDINAL_USE.match(text, last_word))


def _is_in_name(text: str, start: int) -> bool:
    """Whether a capitalised number word follows a capitalised name ("World War Two", "BBC Five Live")."""
    word_match = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if not word_match:
        return False
    word = word_match[1]
    return word[0].isupper() and not word.endswith(".") and word.lower() not in _FUNCTION_WORDS


def is_bare_figure(text: str, number: NumberToken, start: int, end: int) -> bool:
    """Whether a number with no unit, spanning ``start:end``, counts something.

    Not when glued to letters ("3D", "1990s"), a hyphenated word ("two-way"), a pronoun
    ("one of the"), a day of a month, a year, or an identifier.
    """
    after = text[end:end + 2]
    if after[:1].isalpha() or after in ("'s", "’s"):
        return False
    if number.spelled:
        if after[:1] == "-" and after[1:].isalpha() or _LABEL_BEFORE.search(text, max(0, start - 14), start):
            return False
        if text[number.start].isupper() and _is_in_name(text, number.start) or _is_ordinal_use(text, end):
            return False
        if number.words == 1 and text[number.start:number.end].lower() == "one":
            return not (_ONE_AS_PRONOUN_AFTER.match(text, number.end)
                        or _ONE_AS_PRONOUN_BEFORE.search(text, max(0, number.start - 12), number.start))
        return True
    qualifier = qualifier_before(text, start)
    counting = bool(qualifier and qualifier[0] in _COUNTING_QUALIFIERS)
    return not (
        is_day_of_month(text, start, end, number.value)
        or is_year(text, number.start, number.end, counting)
        or is_identifier(text, start)
        or is_product_number(text, number.start, number.end)
    )


def is_named_year(text: str, start: int, end: int) -> bool:
    """True for a number before the word "year" that names one ("for the 2005 year")."""
    return bool(_YEAR.fullmatch(text, start, end))


def is_product_number(text: str, start: int, end: int) -> bool:
    """True for a model named by its number after a determiner: "its 787 Dreamliner", "the 380 Superjumbo".

    A count would be followed by a plural ("its 200 Boeing jets").
    """
    if not (_MODEL_DIGITS.fullmatch(text, start, end) and _NAME_AFTER.match(text, end)):
        return False
    word, word_start = word_before(text, start)
    possessive = word == "s" and text[word_start - 1:word_start] in ("'", "’")
    return possessive or word in _DETERMINERS


#: After a count, a model number in digits ("10 737-800 planes", "12 747s").
MODEL_AFTER_COUNT = re.compile(r" \d{3,4}(?:-\d{2,3}\b(?![-–.,]\d| to \d)|s\b)")
