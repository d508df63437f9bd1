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
#: the date itself ("LONDON 1996-08-30", "PARIS Aug 30").
_DATELINE_END = re.compile(
    r"\s*[,(—–-]|\s+(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)")
#: What may stand between two words of one run of capitals ("CANCELS 40 FLIGHTS").
_RUN_GAP = re.compile(r"[ \t\d./&'’%$€£-]*")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s|\n")
#: The words of ``WORD`` but those starting with a-z (most words of an English text,
#: which say nothing about capitals): the same matches at the same places, as a word
#: starts where no letter, or letter and apostrophe, comes before.
_UNLESS_LOWER_START = re.compile(r"(?<![^\W\d_])(?<![^\W\d_]['’])(?![a-z])" + WORD.pattern)


@dataclass(frozen=True)
class CaseEvidence:
    """How the words of an article are written outside all-caps stretches, counted
    by their lower-case form."""

    lower: Counter[str]
    title: Counter[str]
    acronym: Counter[str]

    @classmethod
    def of(cls, text: str) -> CaseEvidence:
        """Count each word's spellings; capitals at a sentence start, in a run of
        capitals, or leading a dateline say nothing and are not counted."""
        lower = Counter({word: count for word, count in Counter(WORD.findall(text)).items()
                         if word.islower()})
        title: Counter[str] = Counter()
        acronym: Counter[str] = Counter()
        words = list(_UNLESS_LOWER_START.finditer(text))
        in_runs = {m.start() for run in _caps_runs(text, words) if len(run) > 1 for m in run}
        for match in words:
            word = match.group()
            if word.islower():
                continue
            if _is_caps(word):
                if match.start() not in in_runs and not _leads_dateline(text, match):
                    acronym[word.lower()] += 1
            elif word[1:].islower() and not at_sentence_start(text, match.start()):
                title[word.lower()] += 1
        return cls(lower, title, acronym)

    def merged(self, other: CaseEvidence) -> CaseEvidence:
        """The evidence of two texts together: the evidence of a text split after a
        line break is the merged evidence of its parts (nothing counted looks across
        a line end), so parts can be counted on different cores."""
        return CaseEvidence(self.lower + other.lower, self.title + other.title,
                            self.acronym + other.acronym)

    def written_normally(self, word: str) -> bool:
        """True when ``word`` is written capitalised at least as often as in capitals
        (which count ``word`` itself)."""
        key = word.lower()
        return 0 < self.title[key] >= self.acronym[key]


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


def _caps_runs(text: str, words: Iterable[re.Match] | None = None) -> list[list[re.Match]]:
    """Runs of capitalised words separated by nothing but spaces, numbers and the
    like (a comma, a bracket or a line end breaks a run, and so does a lower-case
    word, which lies in the gap to the next capitalised one); ``words`` are the
    matches of _UNLESS_LOWER_START in ``text`` when the caller has them."""
    runs: list[list[re.Match]] = []
    current: list[re.Match] = []
    for match in _UNLESS_LOWER_START.finditer(text) if words is None else words:
        if _is_caps(match.group()) and (
            not current or _RUN_GAP.fullmatch(text, current[-1].end(), match.start())
        ):
            current.append(match)
            continue
        if current:
            runs.append(current)
        current = [match] if _is_caps(match.group()) else []
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
    key = word.lower()
    if evidence.acronym[key] > evidence.title[key]:
        return word
    if evidence.title[key] > evidence.lower[key]:
        return _title(word)
    if evidence.lower[key]:
        return _lower(word)
    if dateline or load_gazetteer().lookup(_title(word)) is not None:
        return _title(word)
    return _lower(word)


def _is_caps(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def _leads_dateline(text: str, match: re.Match) -> bool:
    """True when ``match`` opens a line and a dateline's comma, bracket or dash follows."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    return not text[line_start : match.start()].strip(" \t\"'“‘") and bool(
        _DATELINE_END.match(text, match.end())
    )


def _lower(word: str) -> str:
    """Lower case, keeping each character's length (so offsets do not move)."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in word)


def _title(word: str) -> str:
    first = word[:1].upper()
    return (first if len(first) == 1 else word[:1]) + _lower(word[1:])
