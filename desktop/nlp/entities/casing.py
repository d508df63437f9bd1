"""All-caps stretches read again in normal case: datelines, headlines, shouted names.

The model learned names from mixed-case text, so "BAKU" in a dateline or a headline
in capitals is mostly missed or mislabelled. Each such stretch is given the case its
words have elsewhere in the article (title case for unknown words of a dateline,
lower case for other unknown words); the sentence around it goes through the
recogniser again, in the same batch as the chunks (see :mod:`.chunk`), and the
entities found in the stretch replace the first reading's there. The re-cased copy
has the same length as the original, so offsets carry over. Lone capitalised
acronyms (OTS, NATO) are not stretches and are left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from desktop.nlp.entities import reasons
from desktop.nlp.entities.gazetteer import load_gazetteer
from desktop.nlp.entities.words import WORD, at_sentence_start, plain_name, sort_spans
from desktop.nlp.entity_merge import EntitySpan

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: This many capitalised words in a row make a headline or shouting.
MIN_HEADLINE_WORDS = 3
#: A shorter capitalised word is taken for an acronym unless it leads a dateline.
MIN_SHOUTED_LETTERS = 4
#: A dateline names a place in a few words ("RIO DE JANEIRO, ..."); longer runs of
#: capitals that open a paragraph are headlines.
MAX_DATELINE_WORDS = 3
#: How far around a stretch the re-read looks for context, at most.
CONTEXT_CHARS = 50

#: What follows a dateline's place: a comma, bracket or dash ("BAKU, Azerbaijan"), or
#: the date itself ("LONDON 1996-08-30", "PARIS Aug 30", "ROME 3 March"), not a bare
#: number ("NATO 2023 plans").
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE_END = re.compile(
    rf"\s*[,(—–-]|\s+(?:\d{{4}}-\d\d-\d\d|\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}\b)")
#: Two capitals a word in capitals holds, in an ASCII text ("NATO", "L'AQUILA").
_TWO_CAPITALS = re.compile(r"[A-Z]['’]?[A-Z]")
#: What may stand between two words of one run of capitals ("CANCELS 40 FLIGHTS").
_RUN_GAP = re.compile(r"[ \t\d./&'’%$€£-]*")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s|\n")
#: The words of ``WORD`` but those starting with a-z (most words of an English text,
#: which say nothing about capitals): the same matches at the same places, as a word
#: starts where no letter, or letter and apostrophe, comes before.
_UNLESS_LOWER_START = re.compile(r"(?<![^\W\d_])(?<![^\W\d_]['’])(?![a-z])" + WORD.pattern)
#: The words of ``_UNLESS_LOWER_START`` that open a sentence (see ``at_sentence_start``):
#: after the start of the text or a sentence's end, spaces and opening marks.
_SENTENCE_START_WORD = re.compile(
    r"(?:\A|[.!?:;\n])[ \t\"'“‘(\[«]*" + r"(?<![^\W\d_])(?<![^\W\d_]['’])(?![a-z])(" + WORD.pattern + ")")
#: The words of ``_UNLESS_LOWER_START`` whose second character is no a-z either: every
#: word in capitals is one (the others are turned away by ``_is_caps``, and any word
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
    acronym = Counter(run[0].group().lower() for run in _caps_runs(text)
                      if len(run) == 1 and not _leads_dateline(text, run[0]))
    return lower, title, acronym


@dataclass(frozen=True, slots=True)
class CapsStretch:
    """Capitalised words to re-read; ``dateline`` when they open a paragraph."""

    start: int
    end: int
    dateline: bool


def caps_stretches(text: str, evidence: CaseEvidence) -> list[CapsStretch]:
    """The all-caps stretches of ``text``: runs of MIN_HEADLINE_WORDS capitalised
    words, a capitalised dateline ("BAKU, ..."), or capitalised words each of which
    the article elsewhere writes as a name ("KAZAKHSTAN")."""
    stretches = []
    for run in _caps_runs(text):
        start, end = run[0].start(), run[-1].end()
        dateline = (
            len(run) <= MAX_DATELINE_WORDS
            and not text[:start].strip(" \t\"'“‘")
            and bool(_DATELINE_END.match(text, end))
        )
        shouted = all(
            len(m.group()) >= MIN_SHOUTED_LETTERS and evidence.written_normally(m.group())
            for m in run
        )
        if len(run) >= MIN_HEADLINE_WORDS or dateline or shouted:
            stretches.append(CapsStretch(start, end, dateline))
    return stretches


def recased(text: str, stretches: Iterable[CapsStretch], evidence: CaseEvidence) -> str:
    """``text`` with each stretch's words in their normal case; same length."""
    chars = list(text)
    for stretch in stretches:
        for match in WORD.finditer(text, stretch.start, stretch.end):
            word = _normal_case(match.group(), evidence, stretch.dateline)
            if match.start() == stretch.start and at_sentence_start(text, match.start()):
                word = _title(word[:1]) + word[1:]
            chars[match.start() : match.end()] = word
    return "".join(chars)


@dataclass(frozen=True, slots=True)
class RereadPlan:
    """The stretches of one text and the windows around them to read again, each
    as ``(start, end, re-cased text)``."""

    stretches: list[CapsStretch]
    windows: list[tuple[int, int, str]]


def plan_reread(text: str, evidence: CaseEvidence) -> RereadPlan:
    """What of ``text`` to read again: the sentence around each all-caps stretch,
    re-cased (windows the re-casing leaves unchanged are skipped)."""
    if text.isascii() and not _TWO_CAPITALS.search(text):
        return RereadPlan([], [])  # no word in capitals: nothing to re-read
    stretches = caps_stretches(text, evidence)
    if not stretches:
        return RereadPlan([], [])
    normal = recased(text, stretches, evidence)
    windows = [
        (start, end, normal[start:end])
        for start, end in _windows(text, stretches)
        if normal[start:end] != text[start:end]
    ]
    return RereadPlan(stretches, windows)


def apply_reread(spans: list[EntitySpan], plan: RereadPlan, docs: Iterable[Doc]) -> list[EntitySpan]:
    """``spans`` with the stretches' entities taken from ``docs``, the recogniser's
    reading of ``plan.windows`` in order."""
    found = [
        EntitySpan(start + e.start_char, start + e.end_char, e.label_, reasons.CAPS_REREAD,
                   canonical=plain_name(e.text))
        for (start, _, _), doc in zip(plan.windows, docs)
        for e in doc.ents
        if any(start + e.start_char < s.end and s.start < start + e.end_char
               for s in plan.stretches)
    ]
    return _replace_in_stretches(spans, found, plan.stretches) if plan.windows else spans


def _replace_in_stretches(
    spans: list[EntitySpan], found: list[EntitySpan], stretches: list[CapsStretch]
) -> list[EntitySpan]:
    """The re-read's spans replace every first-reading span they or a stretch touch;
    a span read the same way both times stays as the model's. A re-read span is
    named by its words in normal case ("BAKU" -> "Baku")."""
    def touches(span: EntitySpan, others: Iterable) -> bool:
        return any(span.start < o.end and o.start < span.end for o in others)

    first = {(s.start, s.end): s for s in spans}
    kept = [s for s in spans if not touches(s, stretches) and not touches(s, found)]
    for span in found:
        before = first.get((span.start, span.end))
        if before is not None and before.label == span.label:
            kept.append(replace(before, canonical=span.canonical))
        else:
            kept.append(replace(span, model_label=before.model_label if before else ""))
    return sort_spans(kept)


def _caps_runs(text: str) -> list[list[re.Match]]:
    """Runs of words in capitals separated by nothing but spaces, numbers and the like
    (a comma, a bracket, a line end or any other word breaks a run)."""
    runs: list[list[re.Match]] = []
    current: list[re.Match] = []
    for match in _CAPS_START.finditer(text):
        if not _is_caps(match.group()):
            continue
        if current and _RUN_GAP.fullmatch(text, current[-1].end(), match.start()):
            current.append(match)
            continue
        if current:
            runs.append(current)
        current = [match]
    if current:
        runs.append(current)
    return runs


def _windows(text: str, stretches: list[CapsStretch]) -> list[tuple[int, int]]:
    """The sentence around each stretch (at most CONTEXT_CHARS either side), with
    overlapping windows joined."""
    windows: list[tuple[int, int]] = []
    for stretch in stretches:
        low = max(0, stretch.start - CONTEXT_CHARS)
        breaks = [m.end() for m in _SENTENCE_BREAK.finditer(text, low, stretch.start)]
        start = breaks[-1] if breaks else low
        after = _SENTENCE_BREAK.search(text, stretch.end, stretch.end + CONTEXT_CHARS)
        end = after.start() + 1 if after else min(len(text), stretch.end + CONTEXT_CHARS)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _normal_case(word: str, evidence: CaseEvidence, dateline: bool) -> str:
    lower, title, acronym = evidence.counts_of(word.lower())
    if acronym > title:
        return word
    if title > lower:
        return _title(word)
    if lower:
        return _lower(word)
    if dateline or load_gazetteer().lookup(_title(word)) is not None:
        return _title(word)
    return _lower(word)


def _is_caps(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def _leads_dateline(text: str, match: re.Match) -> bool:
    """True when ``match`` opens a line and a dateline's comma, bracket or dash follows."""
    return _opens_dateline(text, match.start(), match.end())


def _opens_dateline(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip(" \t\"'“‘") and bool(_DATELINE_END.match(text, end))


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
        elif _is_caps(word) and not _opens_dateline(text, match.start(), match.end()) and not (
            _is_caps(_word_before_gap(text, match.start())) or _is_caps(_word_after_gap(text, match.end()))
        ):
            acronym += 1
    return lower, title, acronym


def _word_before_gap(text: str, start: int) -> str:
    """The word a run of capitals would join to the word at ``start`` from before: the
    one ending where the characters a run may hold (``_RUN_GAP``) before ``start`` end."""
    position = start
    while position > 0 and _RUN_GAP.fullmatch(text[position - 1]):
        position -= 1
    end = position
    while position > 0 and (text[position - 1].isalpha() and not text[position - 1].isdigit()
                            or text[position - 1] in "'’" and position > 1 and _is_letter(text[position - 2])):
        position -= 1
    word = WORD.match(text, position)
    return word.group() if word and word.end() == end else ""


def _word_after_gap(text: str, end: int) -> str:
    """The word after ``end`` past the characters a run may hold, as WORD finds it."""
    gap = _RUN_GAP.match(text, end)
    word = WORD.match(text, gap.end())
    return word.group() if word else ""


def _is_letter(char: str) -> bool:
    return bool(WORD.match(char))


def _lower(word: str) -> str:
    """Lower case, keeping each character's length (so offsets do not move)."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in word)


def _title(word: str) -> str:
    first = word[:1].upper()
    return (first if len(first) == 1 else word[:1]) + _lower(word[1:])
