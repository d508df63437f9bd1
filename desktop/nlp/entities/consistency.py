"""Document-level consistency: one name, one label across the article.

Four passes over the entity spans of a whole text:

1. A person's surname or other short form ("Mussabekova") takes the PERSON label
   and canonical name of the full name it ends ("Aliya Mussabekova"), unless the
   model reads those words as another kind of name more often than as this person
   ("Henry Ford" does not make every "Ford" of a car-maker story a person).
   Likewise the leading words of a company's full name ("Halverton" of "Halverton
   Optics Corp.") name that company (ORG), unless they name a place the gazetteer
   knows or a person of the article ("Laird" of "Laird Group Inc." beside "Anna Laird").
2. Mentions with the same words and different labels take the label most of them
   have (earliest mention breaking a tie), but a vote makes no person the article
   does not name in full; a label the user gave, a defined abbreviation's or the
   gazetteer's wins over the model's.
3. Unlabelled occurrences of a labelled name get its label, unless they are part of
   a longer capitalised name, a name made with a number ("S&P 500") or a capitalised
   common word at a sentence start.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from desktop.nlp.entities import reasons
from desktop.nlp.entities.words import (
    NAME_LABELS,
    Occupancy,
    WordStarts,
    at_sentence_start,
    continues_a_name,
    is_capitalised,
    names_with_a_number,
    plain_name,
    sort_spans,
    stop_words,
    whole_word_matches,
    word_before,
)
from desktop.nlp.results import EntitySpan

#: Name endings that are not names by themselves ("Jr.", "III").
_GENERATION = re.compile(r"^(?:Jr|Sr|I{1,3}|IV|V|VI)\.?$")
_WORD_SPLIT = re.compile(r"\s+")


def make_consistent(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """``spans`` of ``text`` with short names, labels and missed mentions made consistent."""
    spans = inherit_from_full_names(spans, text)
    spans = inherit_from_companies(spans, text)
    spans = vote_by_surface(spans, text)
    return label_unmarked_mentions(spans, text)


def inherit_from_full_names(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """A name that ends a PERSON's full name is that person ("Mussabekova")."""
    full_names = _full_person_names(spans, text)
    if not full_names:
        return spans
    revised = []
    for span in spans:
        surface = plain_name(text[span.start : span.end])
        full = _nearest_full_name(full_names.get(surface, []), span.start)
        if full is None or span.label not in NAME_LABELS or _is_fixed(span, strongest=True):
            revised.append(span)
        elif span.label == "PERSON":
            revised.append(span.named(span.canonical or full))
        else:
            revised.append(replace(span, label="PERSON", reason=reasons.same_as(full), canonical=full))
    return revised


#: The last word of a company's full name: its legal form or a group's word.
COMPANY_ENDING = re.compile(
    r"(?:&\s+)?(?:Corp|Corporation|Inc|Incorporated|Co|Cos|Company|Ltd|Limited|LLC|L\.P|LP|PLC|Plc|plc"
    r"|AG|SA|S\.A|S\.p\.A|N\.V|NV|GmbH|Group|Holdings|Bancorp)\.?$")
#: Words a short company name does not end with.
_NO_SHORT_END = frozenset({"&", "and", "of", "the", "for", "de"})


def inherit_from_companies(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """The leading words of a company's full name are that company ("Halverton" of
    "Halverton Optics Corp." is ORG), unless the gazetteer knows them as a place or
    they are a short form of a person of the article."""
    short_forms = _company_short_forms(spans, text)
    if not short_forms:
        return spans
    candidates = [i for i, span in enumerate(spans) if span.label != "ORG" and span.label in NAME_LABELS
                  and plain_name(text[span.start : span.end]) in short_forms]
    if not candidates:
        return spans
    people = _full_person_names(spans, text)
    revised = list(spans)
    for index in candidates:
        span = spans[index]
        surface = plain_name(text[span.start : span.end])
        if not (_is_fixed(span) or surface in people or _is_known_place(surface) or _placed(span, text)):
            full = short_forms[surface]
            revised[index] = replace(span, label="ORG", reason=reasons.short_for(full), canonical=full)
    return revised


def _company_short_forms(spans: list[EntitySpan], text: str) -> dict[str, str]:
    """Each run of leading words of an ORG whose name ends with a company's legal form,
    with that full name (the first one, when several share the words)."""
    found: dict[str, str] = {}
    for span in spans:
        if span.label != "ORG":
            continue
        full = plain_name(text[span.start : span.end])
        ending = COMPANY_ENDING.search(full)
        if ending is None:
            continue
        words = _WORD_SPLIT.split(full[: ending.start()].rstrip(" ,"))
        for count in range(1, len(words) + 1):
            lead = words[:count]
            if lead[-1] in _NO_SHORT_END or not all(w[:1].isupper() for w in lead):
                break
            found.setdefault(" ".join(lead), full)
    return found


#: "in Norfolk", "Norfolk, Va.": a place where it stands.
_PLACE_BEFORE = frozenset({"in", "near", "outside"})
_STATE_AFTER = re.compile(r",\s+[A-Z][a-z]*\.?(?:[A-Z]\.)*[,.\s-]")


def _placed(span: EntitySpan, text: str) -> bool:
    """True for a place the model found where the words around it name a place ("in
    Norfolk", "Norfolk, Va."): a company named after it does not make it the company."""
    return span.label in ("GPE", "LOC") and (
        word_before(text, span.start) in _PLACE_BEFORE or bool(_STATE_AFTER.match(text, span.end)))


def _is_known_place(surface: str) -> bool:
    from desktop.nlp.entities.gazetteer import load_gazetteer

    return load_gazetteer().lookup(surface) is not None


#: Labels an unlabelled mention takes from a labelled one. The small model's FAC and
#: PRODUCT are right less than half the time ("Lake Vineyard Cabernet" as a building):
#: spreading them spreads more errors than names.
SPREAD_LABELS = NAME_LABELS - {"FAC", "PRODUCT"}
#: Labels each mention earns on its own: a title in quotes ("Cosby" the show beside
#: Bill Cosby) is not outvoted, nor outvotes.
_OWN_READING = frozenset({"WORK_OF_ART"})
#: Labels told apart by the words around each mention ("the English", "in English"):
#: neither outvotes the other.
_PEOPLE_OR_LANGUAGE = frozenset({"NORP", "LANGUAGE"})


def vote_by_surface(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """Mentions with the same words get the same label (see _OWN_READING and
    _PEOPLE_OR_LANGUAGE for the exceptions). A vote makes no person of a name the
    article never gives in full (after a title or a first name, or as a PERSON of two
    or more words ending with it): the model reads many a company, team or place it
    does not know as one ("Cluett", "Herald"). Nor does it make a people (NORP) of
    words that name none (a gazetteer demonym, a language, "Asian": ``is_people_word``):
    "the Artist" of a film's hero."""
    groups: dict[str, list[EntitySpan]] = defaultdict(list)
    for span in spans:
        if span.label in NAME_LABELS and span.label not in _OWN_READING:
            groups[text[span.start : span.end]].append(span)
    winners = {
        surface: _winning_label(group)
        for surface, group in groups.items()
        if len({s.label for s in group}) > 1
    }
    people = _person_words(spans, text) if "PERSON" in winners.values() else set()
    revised = []
    for span in spans:
        surface = text[span.start : span.end]
        winner = winners.get(surface) if span.label in NAME_LABELS else None
        if (winner is None or winner == span.label or _is_fixed(span) or span.label in _OWN_READING
                or {winner, span.label} <= _PEOPLE_OR_LANGUAGE
                or winner == "PERSON" and surface not in people and not _named_in_full(surface, text)
                and not any(_is_fixed(s) for s in groups[surface])
                or winner == "NORP" and not _people_word(surface)):
            revised.append(span)
            continue
        donor = next(s for s in groups[surface] if s.label == winner)
        revised.append(replace(span, label=winner, reason=reasons.other_mentions(surface),
                               canonical=donor.canonical or span.canonical))
    return revised


def _person_words(spans: list[EntitySpan], text: str) -> set[str]:
    """The PERSON names of two or more words and their tails ("Aliya Mussabekova",
    "Mussabekova"): the people the article names in full."""
    found = set()
    for span in spans:
        if span.label == "PERSON":
            words = _WORD_SPLIT.split(plain_name(text[span.start : span.end]))
            if len(words) >= 2:
                found.update(" ".join(words[-count:]) for count in range(1, len(words) + 1))
    return found


_TITLE_OR_NAME = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr)\.?|[A-Z][a-z]+)[ \t]$")


def _people_word(surface: str) -> bool:
    from desktop.nlp.entities.context import is_people_word

    return is_people_word(plain_name(surface))


def _named_in_full(surface: str, text: str) -> bool:
    """True when ``surface`` follows a title or a first name somewhere in ``text``
    ("Ms. Mussabekova", "Aliya Mussabekova"), though the model did not read them
    as one name (a capitalised word opening a sentence counts when the text never
    writes it in lower case and it is no function word: "The Herald" does not)."""
    for start in whole_word_matches(text, surface):
        before = _TITLE_OR_NAME.search(text, max(0, start - 20), start)
        if before is None:
            continue
        word = before.group().rstrip()
        if (word.startswith(("Mr", "Ms", "Dr")) or not at_sentence_start(text, before.start())
                or word.lower() not in stop_words() and not _used_in_lower_case(word, text)):
            return True
    return False


def label_unmarked_mentions(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """Unlabelled occurrences of a labelled name, or of a labelled person's short
    name, labelled like it."""
    known: dict[str, EntitySpan] = {}
    for span in spans:
        surface = text[span.start : span.end]
        if surface not in known and span.label in SPREAD_LABELS and _can_spread(surface):
            known[surface] = span  # its reason is made for the mentions it labels
    people = _full_person_names(spans, text)
    for short, names in people.items():
        full = names[0][1]
        known.setdefault(short, EntitySpan(0, 0, "PERSON", reasons.same_as(full), full))
    for short, full in _company_short_forms(spans, text).items():
        if short not in people and not _is_known_place(short):
            known.setdefault(short, EntitySpan(0, 0, "ORG", reasons.short_for(full), full))
    occupied = Occupancy(len(text), spans)
    words = WordStarts(text, known)
    added = []
    for surface, donor in sorted(known.items(), key=lambda item: -len(item[0])):
        for start in words.matches(surface):
            end = start + len(surface)
            if (not occupied.free(start, end) or continues_a_name(text, start, end)
                    or names_with_a_number(text, start, end)):
                continue
            if at_sentence_start(text, start) and " " not in surface and _used_in_lower_case(surface, text):
                continue
            reason = donor.reason if donor.end == 0 else reasons.other_mentions(surface)
            added.append(EntitySpan(start, end, donor.label, reason, donor.canonical))
            occupied.take(start, end)
    return sort_spans([*spans, *added]) if added else spans


def _full_person_names(spans: list[EntitySpan], text: str) -> dict[str, list[tuple[int, str]]]:
    """Each short form (a proper tail of a PERSON name of two or more capitalised
    words) with the full names it ends and where they stand. A short form the model
    labels as another kind of name at least twice, and more often than it labels it
    or its full names as a person, is left out."""
    model_labels: dict[str, Counter[str]] = defaultdict(Counter)
    for span in spans:
        if span.reason == reasons.MODEL and span.label in NAME_LABELS:
            model_labels[plain_name(text[span.start : span.end])][span.label] += 1
    short_forms: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for span in spans:
        if span.label != "PERSON":
            continue
        full = plain_name(text[span.start : span.end])
        words = _WORD_SPLIT.split(full)
        if len(words) < 2 or not all(is_capitalised(w) for w in words):
            continue
        for count in range(1, len(words)):
            tail = words[-count:]
            if _GENERATION.match(tail[0]) or len(tail[0].rstrip(".")) < 2:
                continue
            short_forms[" ".join(tail)].append((span.start, full))
    return {short: names for short, names in short_forms.items()
            if not _another_kind_of_name(model_labels[short], len(names))}


def _another_kind_of_name(labels: Counter[str], full_mentions: int) -> bool:
    other = max((count for label, count in labels.items() if label != "PERSON"), default=0)
    return other >= 2 and other > labels["PERSON"] + full_mentions


def _nearest_full_name(candidates: list[tuple[int, str]], position: int) -> str | None:
    """The full name closest before ``position``, else the first one after it."""
    if not candidates:
        return None
    before = [c for c in candidates if c[0] <= position]
    return (max(before) if before else min(candidates))[1]


def _winning_label(group: list[EntitySpan]) -> str:
    fixed = [s for s in group if _is_fixed(s)]
    pool = fixed or group
    counts = Counter(s.label for s in pool)
    best = max(counts.values())
    return next(s.label for s in sorted(pool, key=lambda s: s.start) if counts[s.label] == best)


def _is_fixed(span: EntitySpan, strongest: bool = False) -> bool:
    """Labels that come from the user or a definition (and, unless ``strongest``,
    the gazetteer) are not outvoted by the model's."""
    if span.reason == reasons.FROM_CORRECTIONS or span.reason.startswith(reasons.ABBREVIATION_PREFIX):
        return True
    return not strongest and span.reason.startswith(reasons.GAZETTEER_PREFIX)


def _can_spread(surface: str) -> bool:
    return len(surface) >= 2 and is_capitalised(surface) and "\n" not in surface


def _used_in_lower_case(word: str, text: str) -> bool:
    return next(whole_word_matches(text, word.lower()), None) is not None
