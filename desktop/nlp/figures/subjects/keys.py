"""The key figures are grouped by what they measure: a subject's head noun
("bilateral trade between Kazakhstan and Azerbaijan" and "mutual trade" are both
"trade"), for derived figures and the Over time chart."""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.nlp.figures.subjects.words import _PHRASE_PREPS, MEASURE_NOUNS, MOVEMENT_NOUNS

_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=8192)
def subject_key(subject: str) -> str:
    """The word a subject is grouped by: its head noun, lower-cased ("bilateral trade
    between Kazakhstan and Azerbaijan" and "mutual trade" are both "trade")."""
    words = _SPACE.sub(" ", subject.strip().lower()).split(" ")
    if len(words) > 2 and words[0] in MOVEMENT_NOUNS and words[1] == "in":
        return subject_key(" ".join(words[2:]))  # "jump in sales" moves "sales"
    for i, word in enumerate(words):
        if _is_measure(word) and i + 1 < len(words) and words[i + 1] == "of":
            return subject_key(" ".join(words[i + 2:]))
    head = []
    for word in words:
        if word in _PHRASE_PREPS or word in ("and", "or", ",", "between"):
            break
        head.append(word)
    if len(head) > 1 and (head[-1].endswith("ed") or head[-1] in _IRREGULAR_PARTICIPLES):
        head.pop()  # "jobs cut", "shares sold" are of "jobs", "shares"
    if len(head) > 1 and _is_measure(head[-1]) and head[-2].strip("-") not in _PERIOD_WORDS \
            and not _written_capitalised(subject, head[-2]):
        head.pop()  # "freight volumes" is of "freight"; "quarter turnover", "Acme turnover" stay "turnover"
    return (head or words or [""])[-1].strip(".,;:“”\"'")


def _written_capitalised(subject: str, word: str) -> bool:
    """Whether ``word`` (lower-cased) is written as a name in ``subject`` ("Acme")."""
    return any(written.lower() == word and written[:1].isupper() for written in subject.split())


_PERIOD_WORDS = frozenset(
    "quarter quarterly year yearly annual month monthly week weekly half full-year fourth-quarter first-half"
    " daily".split())


_IRREGULAR_PARTICIPLES = frozenset(
    "cut sold lost paid spent made taken won held put set built bought brought kept left shut".split())


def _is_measure(word: str) -> bool:
    return word in MEASURE_NOUNS or (word.endswith("s") and word[:-1] in MEASURE_NOUNS)
