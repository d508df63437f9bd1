"""Subjects: what a figure measures, read from the dependency parse of its sentence.

"over 120 agreements and treaties" counts "agreements and treaties"; "3.2 million
tons of cargo" measures "cargo"; in "bilateral trade between Kazakhstan and
Azerbaijan grew by 40 percent in 2022, exceeding $460 million" both figures are of
"bilateral trade between Kazakhstan and Azerbaijan" (the subject of the verbs they
hang from); "an aging tanker fleet with an average age of 16-17 years" is of
"tanker fleet". A subject that only points back ("this figure", "it") is returned
as :data:`ANAPHOR` for the caller to resolve from the figures before it.

Works on any spaCy ``Doc`` that has a dependency parse (no spaCy import here).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.nlp.figure_sentences import FigureContext

#: Returned when the subject is a word pointing back to an earlier figure.
ANAPHOR = "\0anaphor"

#: Nouns that name a measure of something else: "the volume of trade" is of "trade".
MEASURE_NOUNS = frozenset(
    "volume value amount level total number share size sum rate quantity output turnover"
    " figure average age capacity worth count proportion percentage portion".split()
)
_POINTING_NOUNS = frozenset("figure number amount total sum indicator result".split())
_POINTING_WORDS = frozenset("it this that these those which".split())
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_CLIMB_DEPS = frozenset("prep pobj agent dobj npadvmod attr acomp advmod oprd dative pcomp"
                        " compound nummod quantmod amod appos advcl xcomp conj ccomp".split())
_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_PHRASE_PREPS = frozenset({"of", "between", "among", "from", "to", "in", "on", "for"})
_MAX_PREP_TOKENS = 7
_MAX_CLIMB = 12
_SPACE = re.compile(r"\s+")


def subjects_of(context: FigureContext, docs: Mapping[int, object] | None) -> list[str]:
    """What each figure of ``context`` measures, from the parse of its sentence
    (``docs``: a sentence's index -> its Doc); a word pointing back takes the
    subject of the figure before it in the same paragraph. "" without a parse, and
    for a figure that is part of a period."""
    subjects = []
    last_subject, last_paragraph = "", -1
    for index, reading in enumerate(context.readings):
        place = context.places[index]
        if place.paragraph != last_paragraph:
            last_subject, last_paragraph = "", place.paragraph
        doc = docs.get(place.sentence) if docs else None
        subject = ""
        if doc is not None and not context.inside_period(index):
            subject = subject_of(doc, reading.start - place.first, reading.end - place.first)
            if subject == ANAPHOR:
                subject = last_subject
            if subject:
                last_subject = subject
        subjects.append(subject)
    return subjects


def subject_of(doc, start: int, end: int) -> str:
    """What the figure at character offsets ``[start, end)`` of ``doc`` measures, "" when
    the parse does not say, :data:`ANAPHOR` when it is a word pointing back."""
    last = doc[-1] if len(doc) else None
    length = last.idx + len(last.text_with_ws) if last is not None else 0  # doc.text joins every token
    covering = doc.char_span(start, min(end, length), alignment_mode="expand")
    tokens = list(covering) if covering is not None else []
    if not tokens:
        return ""
    inside = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])
    counted = _counted_noun(root, inside)
    if counted is not None:
        return _phrase(counted, inside)
    return _climb(root, inside)


@lru_cache(maxsize=8192)
def subject_key(subject: str) -> str:
    """The word a subject is grouped by: its head noun, lower-cased ("bilateral trade
    between Kazakhstan and Azerbaijan" and "mutual trade" are both "trade")."""
    words = _SPACE.sub(" ", subject.strip().lower()).split(" ")
    for i, word in enumerate(words):
        if _is_measure(word) and i + 1 < len(words) and words[i + 1] == "of":
            return subject_key(" ".join(words[i + 2:]))
    head = []
    for word in words:
        if word in _PHRASE_PREPS or word in ("and", "or", ",", "between"):
            break
        head.append(word)
    if len(head) > 1 and _is_measure(head[-1]):  # "freight volumes" is of "freight"
        head.pop()
    return (head or words or [""])[-1].strip(".,;:“”\"'")


def _is_measure(word: str) -> bool:
    return word in MEASURE_NOUNS or (word.endswith("s") and word[:-1] in MEASURE_NOUNS)


def _counted_noun(root, inside: set[int]):
    """The noun a bare number counts ("120 agreements"), or what a unit measures
    ("tons of cargo", "years of diplomatic relations")."""
    head = root.head
    if root.tag_ == "CD" and root.dep_ in ("nummod", "quantmod", "compound", "amod") \
            and head.i not in inside and head.tag_ in _NOUN_TAGS and head.i > root.i:
        return _measured(head, inside)
    if root.tag_ in _NOUN_TAGS:
        for child in root.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj" and c.tag_ in _NOUN_TAGS]
                if objects and objects[0].i not in inside:
                    return _measured(objects[0], inside)
    return None


def _climb(token, inside: set[int]) -> str:
    """Walks from the figure up the parse to the noun or verb subject it belongs to."""
    for _ in range(_MAX_CLIMB):
        head = token.head
        if head.i == token.i:
            return ""
        dep = token.dep_
        if dep in _SUBJECT_DEPS:
            return ""  # the figure is itself the subject: it measures nothing named here
        if dep == "pobj" and head.lower_ in ("of", "with") and head.head.tag_ in _NOUN_TAGS:
            noun = head.head
            if noun.lower_ in MEASURE_NOUNS:
                owner = _owner_of_measure(noun)
                if owner is not None:
                    return _phrase(owner, inside)
                token = noun
                continue
            if head.lower_ == "of":
                return _phrase(noun, inside)
        if dep in ("acl", "relcl") and head.tag_ in _NOUN_TAGS:
            return _phrase(_measured(head, inside), inside)
        if dep not in _CLIMB_DEPS and dep not in ("acl", "relcl"):
            return ""
        token = head
        subject = _subject_child(token)
        if subject is not None:
            return _noun_subject(subject, inside)
    return ""


def _subject_child(token):
    if not (token.tag_.startswith("VB") or token.tag_.startswith("JJ") or token.dep_ == "ROOT"):
        return None
    return next((c for c in token.children if c.dep_ in _SUBJECT_DEPS), None)


def _noun_subject(subject, inside: set[int]) -> str:
    if subject.lower_ in _POINTING_WORDS or (
            subject.lower_ in _POINTING_NOUNS
            and any(c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those", "the") for c in subject.children)
            and not any(c.dep_ == "prep" for c in subject.rights)):  # "the number of visitors" is no pointer
        return ANAPHOR
    return _phrase(_measured(subject, inside), inside)


def _owner_of_measure(noun):
    """ "fleet" in "a fleet with an average age of ...": the noun a measure belongs to
    (also when the parse hangs "with" on the verb: "operate a fleet with ...")."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("with", "of"):
        return None
    owner = noun.head.head
    if owner.tag_ in _NOUN_TAGS:
        return owner
    if noun.head.lower_ == "with" and owner.tag_.startswith("VB"):
        return next((c for c in owner.children if c.dep_ == "dobj" and c.i < noun.i), None)
    return None


def _measured(noun, inside: set[int]):
    """ "trade" for "the volume of mutual trade"; the noun itself otherwise."""
    if noun.lower_ not in MEASURE_NOUNS:
        return noun
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.tag_ in _NOUN_TAGS and c.i not in inside]
            if objects and not any(t.i in inside for t in objects[0].subtree):
                return objects[0]
    return noun


def _phrase(noun, inside: set[int]) -> str:
    """The noun phrase of ``noun`` without determiners, possessives, participles or
    the figure itself: "bilateral trade between Kazakhstan and Azerbaijan"."""
    chosen = _phrase_tokens(noun, inside)
    words = "".join(t.text_with_ws for t in sorted(chosen, key=lambda t: t.i))
    return _SPACE.sub(" ", words).strip(" ,;:“”\"'")


def _phrase_tokens(noun, inside: set[int]) -> list:
    chosen = [noun]
    for child in noun.lefts:
        if child.i in inside:
            continue
        if child.dep_ in ("compound", "nmod") or (child.dep_ == "amod" and child.tag_ in ("JJ", "JJR", "NN", "NNP")):
            chosen.extend(t for t in child.subtree if t.i not in inside)
    rights = list(noun.rights)
    for index, child in enumerate(rights):
        subtree = list(child.subtree)
        if any(t.i in inside for t in subtree):
            break
        if child.dep_ == "prep" and child.lower_ in _PHRASE_PREPS and len(subtree) <= _MAX_PREP_TOKENS:
            chosen.extend(subtree)
        elif child.dep_ == "cc" and index + 1 < len(rights) and rights[index + 1].dep_ == "conj" \
                and rights[index + 1].tag_ in _NOUN_TAGS:
            chosen.append(child)
        elif child.dep_ == "conj" and child.tag_ in _NOUN_TAGS and chosen[-1].dep_ == "cc":
            chosen.extend(_phrase_tokens(child, inside))
        else:
            break
    return chosen
