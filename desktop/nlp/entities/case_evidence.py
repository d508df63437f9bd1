"""How the words of an article are written: the evidence the all-caps re-read
(:mod:`.casing`) goes by, and the runs of words in capitals it reads.

:class:`CaseEvidence` counts, for each word, how often the article writes it in lower
case, capitalised and in capitals outside all-caps stretches; capitals at a sentence
start, in a run of capitals, or leading a dateline say nothing and are not counted.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from desktop.nlp.entities.words import WORD, at_sentence_start

#: What follows a dateline's place: a comma, bracket or dash ("BAKU, Azerbaijan"), or
#: the date itself ("LONDON 1996-08-30", "PARIS Aug 30", "ROME 3 March"), not a bare
#: number ("NATO 2023 plans").
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
DATELINE_END = re.compile(
    rf"\s*[,(—–-]|\s+(?:\d{{4}}-\d\d-\d\d|\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}\b)")
#: What may stand between two words of one run of capitals ("CANCELS 40 FLIGHTS").
RUN_GAP = re.compile(r"[ \t\d./&'’%$€£-]*")
#: The words of ``WORD`` but those starting with a-z (most words of an English text,
#: which say nothing about capitals): the same matches at the same places, as a word
#: starts where no letter, or letter and apostrophe, comes before.
_UNLESS_LOWER_START = re.compile(r"(?<![^\W\d_])(?<![^\W\d_]['’])(?![a-z])" + WORD.pattern)
#: The words of ``_UNLESS_LOWER_START`` that open a sentence (see ``at_sentence_start``):
#: after the start of the text or a sentence's end, spaces and opening marks.
_SENTENCE_START_WORD = re.compile(
    r"(?:\A|[.!?:;\n])[ \t\"'“‘(\[«]*" + r"(?<![^\W\d_])(?<![^\W\d_]['’])(?![a-z])(" + WORD.pattern + ")")
#: The words of ``_UNLESS_LOWER_START`` whose second character is no a-z either: every
#: word in capitals is one (the others are turned away by ``is_caps``, and any word
#: between two in capitals breaks their run by standing in the gap).
_CAPS_START = re.compile(r"(?<![^\W\d_])(?<![^\W\d_]['’])(?![a-z])(?![^\W\d_][a-z])" + WORD.pattern)


class CaseEvidence:
    """How the words of an article are written outside all-caps stretches, counted
    by their lower-case form: ``lower``, ``title`` and ``acronym`` counters.

    :meth:`of` counts only when something asks: most articles have no stretch to
    re-read, and :meth:`written_normally` answers a word no capitalised spelling of
    which is in the text without counting anything (the count is the stages' largest
    cost otherwise). Equality, merging and pickling count first.
    """

    __slots__ = ("_text", "_counts", "_lowered")

    def __init__(self, lower: Counter[str], title: Counter[str], acronym: Counter[str]) -> None:
        self._text: str | None = None
        self._lowered: str | None = None
        self._counts: tuple[Counter[str], Counter[str], Counter[str]] | None = (lower, title, acronym)

    @classmethod
    def of(cls, text: str) -> CaseEvidence:
        """Each word's spellings in ``text`` (counted when first needed); capitals at
        a sentence start, in a run of capitals, or leading a dateline say nothing and
        are not counted."""
        evidence = cls.__new__(cls)
        evidence._text, evidence._counts, evidence._lowered = text, None, None
        return evidence

    @property
    def lower(self) -> Counter[str]:
        return self._counted()[0]

    @property
    def title(self) -> Counter[str]:
        return self._counted()[1]

    @property
    def acronym(self) -> Counter[str]:
        return self._counted()[2]

    def _counted(self) -> tuple[Counter[str], Counter[str], Counter[str]]:
        if self._counts is None:
            self._counts = _count_spellings(self._text or "")
            self._text = self._lowered = None
        return self._counts

    def merged(self, other: CaseEvidence) -> CaseEvidence:
        """The evidence of two texts together: the evidence of a text split after a
        line break is the merged evidence of its parts (nothing counted looks across
        a line end), so parts can be counted on different cores."""
        return CaseEvidence(self.lower + other.lower, self.title + other.title,
                            self.acronym + other.acronym)

    def written_normally(self, word: str) -> bool:
        """True when ``word`` is written capitalised at least as often as in capitals
        (which count ``word`` itself)."""
        _, title, acronym = self.counts_of(word.lower())
        return 0 < title >= acronym

    def counts_of(self, key: str) -> tuple[int, int, int]:
        """How often the word ``key`` (lower case) is written in lower case, capitalised
        and in capitals: ``lower[key], title[key], acronym[key]``, read off the text
        for this one word until every word is counted."""
        if self._counts is not None:
            return self._counts[0][key], self._counts[1][key], self._counts[2][key]
        if self._lowered is None:
            self._lowered = (self._text or "").lower()
        return _spellings_of(self._text or "", key, self._lowered)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CaseEvidence) and self._counted() == other._counted()

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self):
        return CaseEvidence, self._counted()

    def __repr__(self) -> str:
        lower, title, acronym = self._counted()
        return f"CaseEvidence(lower={lower!r}, title={title!r}, acronym={acronym!r})"


def _count_spellings(text: str) -> tuple[Counter[str], Counter[str], Counter[str]]:
    # One pass over the words: WORD finds the words of _UNLESS_LOWER_START too, at the
    # same places, besides those that start with a-z.
    spellings = Counter(WORD.findall(text))
    lower = Counter({word: count for word, count in spellings.items() if word.islower()})
    # Capitalised words, less those that open a sentence.
    title: Counter[str] = Counter()
    for word, count in spellings.items():
        if not "a" <= word[0] <= "z" and word[1:].islower() and not word.islower():
            title[word.lower()] += count
    title.subtract(w.lower() for w in _SENTENCE_START_WORD.findall(text)
                   if w[1:].islower() and not w.islower())
    title = +title
    # Words in capitals standing alone: a run of one that leads no dateline.
    acronym = Counter(run[0].group().lower() for run in caps_runs(text)
                      if len(run) == 1 and not _leads_dateline(text, run[0]))
    return lower, title, acronym

def caps_runs(text: str) -> list[list[re.Match]]:
    """Runs of words in capitals separated by nothing but spaces, numbers and the like
    (a comma, a bracket, a line end or any other word breaks a run)."""
    runs: list[list[re.Match]] = []
    current: list[re.Match] = []
    for match in _CAPS_START.finditer(text):
        if not is_caps(match.group()):
            continue
        if current and RUN_GAP.fullmatch(text, current[-1].end(), match.start()):
            current.append(match)
            continue
        if current:
            runs.append(current)
        current = [match]
    if current:
        runs.append(current)
    return runs



def is_caps(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def _leads_dateline(text: str, match: re.Match) -> bool:
    """True when ``match`` opens a line and a dateline's comma, bracket or dash follows."""
    return opens_dateline(text, match.start(), match.end())


def opens_dateline(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t\"'“‘") and bool(DATELINE_END.match(text, end))


@lru_cache(maxsize=4096)
def _occurrences(key: str) -> re.Pattern[str]:
    """Whole words (as WORD finds them) spelled ``key`` in any case."""
    return re.compile(r"(?<![^\W\d_])(?<![^\W\d_]['’])" + re.escape(key) + r"(?![^\W\d_])(?!['’][^\W\d_])",
                      re.IGNORECASE)


def _starts_of(text: str, key: str, lowered: str | None) -> list[int]:
    """Where whole words that may be spelled ``key`` start: searched in the text in lower
    case (``lowered``) when lowering kept every offset, else by a pattern."""
    if lowered is None or len(lowered) != len(text):
        return [match.start() for match in _occurrences(key).finditer(text)]
    starts = []
    position = lowered.find(key)
    while position != -1:
        starts.append(position)
        position = lowered.find(key, position + 1)
    return starts


def _word_start(text: str, position: int) -> bool:
    """True when no letter, nor letter and apostrophe, comes right before ``position``."""
    if position and _is_letter(text[position - 1]):
        return False
    return not (position > 1 and text[position - 1] in "'’" and _is_letter(text[position - 2]))


def _spellings_of(text: str, key: str, lowered: str | None = None) -> tuple[int, int, int]:
    """``_count_spellings(text)``'s three counts of one word, found by searching for it."""
    lower = title = acronym = 0
    for start in _starts_of(text, key, lowered):
        match = WORD.match(text, start)
        if match is None or match.group().lower() != key or not _word_start(text, start):
            continue
        word = match.group()
        if word.islower():
            lower += 1
        elif not "a" <= word[0] <= "z" and word[1:].islower():
            title += not at_sentence_start(text, match.start())
        elif is_caps(word) and not opens_dateline(text, match.start(), match.end()) and not (
            is_caps(_word_before_gap(text, match.start())) or is_caps(_word_after_gap(text, match.end()))
        ):
            acronym += 1
    return lower, title, acronym


def _word_before_gap(text: str, start: int) -> str:
    """The word a run of capitals would join to the word at ``start`` from before: the
    one ending where the characters a run may hold (``RUN_GAP``) before ``start`` end."""
    position = start
    while position > 0 and RUN_GAP.fullmatch(text[position - 1]):
        position -= 1
    end = position
    while position > 0 and (text[position - 1].isalpha() and not text[position - 1].isdigit()
                            or text[position - 1] in "'’" and position > 1 and _is_letter(text[position - 2])):
        position -= 1
    word = WORD.match(text, position)
    return word.group() if word and word.end() == end else ""


def _word_after_gap(text: str, end: int) -> str:
    """The word after ``end`` past the characters a run may hold, as WORD finds it."""
    gap = RUN_GAP.match(text, end)
    word = WORD.match(text, gap.end())
    return word.group() if word else ""


def _is_letter(char: str) -> bool:
    return bool(WORD.match(char))
