"""Word-level helpers the entity stages share: boundaries, case, sentence starts."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache

from desktop.nlp.results import EntitySpan

#: Labels of names; the document pass reasons about these and leaves numbers alone.
NAME_LABELS = frozenset({
    "PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
    "WORK_OF_ART", "LAW", "LANGUAGE",
})

#: A word: letters, possibly joined by an apostrophe ("Kazakhstan's", "O'Brien").
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
#: A run of letters and digits (exactly the characters ``str.isalnum`` accepts).
_ALNUM_RUN = re.compile(r"[^\W_]+")
#: The runs of ``_ALNUM_RUN`` that start with neither a-z nor a digit.
_RUN_NOT_LOWER = re.compile(r"(?<![^\W_])(?![a-z0-9])[^\W_]+")
_LOWER_OR_DIGIT = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_LEADING_ARTICLE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"['’]s?$")
_SENTENCE_END = frozenset(".!?:;\n")
_OPENING = frozenset("\"'“‘([«")


def is_capitalised(word: str) -> bool:
    """True when ``word`` starts with a capital letter."""
    return word[:1].isupper()


def is_whole_word(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` is not part of a longer word."""
    return (start == 0 or not text[start - 1].isalnum()) and (
        end == len(text) or not text[end].isalnum()
    )


def whole_word_matches(text: str, surface: str) -> Iterator[int]:
    """Start offsets of case-sensitive, whole-word occurrences of ``surface``."""
    start = text.find(surface)
    while start != -1:
        if is_whole_word(text, start, start + len(surface)):
            yield start
        start = text.find(surface, start + 1)


#: Below this many surfaces times characters, WordStarts searches each surface with
#: str.find instead of scanning the text once (each find runs at memchr speed).
FIND_BUDGET = 2_000_000


class WordStarts:
    """:func:`whole_word_matches` for many surfaces in one long text, from one scan
    of it instead of one search per surface.

    A whole-word occurrence of a surface that starts with a letter or digit starts
    where a run of letters and digits starts, and that run is the surface's own
    leading run; so the scan keeps where each run that leads one of ``surfaces``
    starts, and a match is one of those that the whole surface follows.
    """

    def __init__(self, text: str, surfaces: Iterable[str]) -> None:
        leads = {_leading_run(surface) for surface in surfaces}
        self._text = text
        self._starts: dict[str, list[int]] | None = defaultdict(list)
        self._leads = leads
        if len(leads) * len(text) <= FIND_BUDGET:
            self._starts = None  # a few surfaces in a short text: str.find is quicker
            return
        # Names lead with a capital: then runs that start with a-z or a digit are skipped.
        runs = _RUN_NOT_LOWER if not any(lead[:1] in _LOWER_OR_DIGIT for lead in leads) else _ALNUM_RUN
        for match in runs.finditer(text):
            if match.group() in leads:
                self._starts[match.group()].append(match.start())

    def matches(self, surface: str) -> Iterator[int]:
        """Start offsets of case-sensitive, whole-word occurrences of ``surface``."""
        lead = _leading_run(surface)
        if not lead or (self._starts is None and lead in self._leads):
            yield from whole_word_matches(self._text, surface)
            return
        if self._starts is None:
            return  # a surface it was not built for, as the scan would answer
        text = self._text
        for start in self._starts.get(lead, ()):
            end = start + len(surface)
            if text.startswith(surface, start) and (end == len(text) or not text[end].isalnum()):
                yield start


def _leading_run(surface: str) -> str:
    match = _ALNUM_RUN.match(surface)
    return match.group() if match else ""


def word_after(text: str, end: int) -> str:
    """The word right after ``end`` when only one space separates them, else ""."""
    if text[end : end + 1] != " ":
        return ""
    match = WORD.match(text, end + 1)
    return match.group() if match else ""


def word_before(text: str, start: int) -> str:
    """The word right before ``start`` when only one space separates them, else ""."""
    if start < 2 or text[start - 1] != " ":
        return ""
    position = start - 1
    while position > 0 and (text[position - 1].isalpha() or text[position - 1] in "'’"):
        position -= 1
    return text[position : start - 1]


def at_sentence_start(text: str, start: int) -> bool:
    """True when nothing but spaces and opening quotes separate ``start`` from the
    start of the text or the end of the previous sentence."""
    position = start - 1
    while position >= 0 and (text[position] in " \t" or text[position] in _OPENING):
        position -= 1
    return position < 0 or text[position] in _SENTENCE_END


def continues_a_name(text: str, start: int, end: int) -> bool:
    """True when a capitalised word joins ``text[start:end]`` on either side, so the
    words are likely part of a longer name ("Kazakh Foreign Ministry", "New Jersey")."""
    if is_capitalised(word_after(text, end)):
        return True
    before = word_before(text, start)
    return is_capitalised(before) and not at_sentence_start(text, start - len(before) - 1)


#: A number joined to a name ("BMP-1"), or after it and before a lower-case word
#: ("S&P 500 stocks", "Boeing 767 jets"): not a score in a table ("Haitai 2 Samsung 0",
#: "Middlesex 199 and 426").
_NUMBER_AFTER = re.compile(r"-\d|[ \t]\d[\d.,]*[ \t]+([a-z]+)")


def names_with_a_number(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` leads a name made with a number ("S&P 500
    futures", "Boeing 767 jets", "BMP-1") or follows "non-" ("non-Manpower units")."""
    if text[max(0, start - 4) : start].lower() == "non-":
        return True
    after = _NUMBER_AFTER.match(text, end)
    return after is not None and (after.group(1) is None or after.group(1) not in stop_words())


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words ("the", "and", "which")."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=65536)
def plain_name(surface: str) -> str:
    """A mention's name without a leading article, a possessive or line breaks."""
    name = " ".join(surface.split())
    name = _LEADING_ARTICLE.sub("", name)
    return _POSSESSIVE.sub("", name) if name.endswith(("'s", "’s", "'", "’")) else name


class Occupancy:
    """Which characters of a text some span already covers."""

    def __init__(self, length: int, spans: Iterable[EntitySpan] = ()) -> None:
        self._taken = bytearray(length)
        for span in spans:
            self.take(span.start, span.end)

    def take(self, start: int, end: int) -> None:
        self._taken[start:end] = b"\x01" * (end - start)

    def free(self, start: int, end: int) -> bool:
        """True when no span covers any character of ``[start, end)``."""
        return not any(self._taken[start:end])


def sort_spans(spans: Iterable[EntitySpan]) -> list[EntitySpan]:
    """Spans in text order (the order the entity table uses)."""
    return sorted(spans, key=lambda s: (s.start, s.end, s.label))
