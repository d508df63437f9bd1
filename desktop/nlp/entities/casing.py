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
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from desktop.nlp.entities import reasons
from desktop.nlp.entities.case_evidence import DATELINE_END, CaseEvidence, caps_runs

__all__ = ["CaseEvidence", "CapsStretch", "RereadPlan", "apply_reread", "caps_stretches", "plan_reread", "recased"]
from desktop.nlp.entities.gazetteer import load_gazetteer
from desktop.nlp.entities.words import WORD, at_sentence_start, plain_name, sort_spans
from desktop.nlp.results import EntitySpan

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

#: Two capitals a word in capitals holds, in an ASCII text ("NATO", "L'AQUILA").
_TWO_CAPITALS = re.compile(r"[A-Z]['’]?[A-Z]")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s|\n")


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
    for run in caps_runs(text):
        start, end = run[0].start(), run[-1].end()
        dateline = (
            len(run) <= MAX_DATELINE_WORDS
            and not text[:start].strip(" \t\"'“‘")
            and bool(DATELINE_END.match(text, end))
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


def _lower(word: str) -> str:
    """Lower case, keeping each character's length (so offsets do not move)."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in word)


def _title(word: str) -> str:
    first = word[:1].upper()
    return (first if len(first) == 1 else word[:1]) + _lower(word[1:])
