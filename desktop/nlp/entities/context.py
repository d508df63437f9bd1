"""Names read by the words around them: three classes of name the model mislabels.

Works on one text (a chunk) and its entity spans, after the gazetteer stage.

1. A place adjective before a geographic noun is a location: "the Caspian region",
   "Pacific rim", "the Arctic shelf" (LOC). Words for a people stay NORP ("the Korean
   peninsula", "the Asian region"): a gazetteer demonym, a language name, or a word
   made from a territory's name ("Asia" -> "Asian").
2. An ethnonym adjective is a people's word (NORP): the stem of a language family in
   the IANA language subtag registry ("Turkic languages" -> "Turkic", "Slavic") or a
   language name in the Unicode CLDR ("Kurdish"), written before a lower-case word
   ("the Turkic vector", "Kurdish rebels") where the model read it as another kind of
   name. "in Kurdish" stays the language (:mod:`.places` decides that).
3. A named source of what is reported, right after "told" or "according to", that
   the model left unlabelled is an organisation (a news agency or outlet: "told
   Trend", "according to Interfax"); a person named there is one the model knows as
   such, so its spans are left alone. No maintained list of news agencies and outlets
   is packaged for Python (the README's benchmarks section says what was looked at), so
   the words around the name decide.

4. A name right before a comma and a state's abbreviation is a town ("Danbury,
   Conn.", "La Canada, Calif."): GPE, where the model read another kind of name or
   none.

The data are maintained packages the app already installs: babel (CLDR), countryinfo
(through :mod:`.gazetteer`) and langcodes (the IANA registry, a dependency of spaCy).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from desktop.nlp.entities import reasons
from desktop.nlp.entities.gazetteer import load_gazetteer
from desktop.nlp.entities.words import WORD, Occupancy, sort_spans, word_after
from desktop.nlp.results import EntitySpan

#: Common nouns that name a stretch of land or water: an adjective before one places it.
GEOGRAPHIC_NOUNS = frozenset(
    "region regions sea seas basin coast coastline coasts shelf littoral rim belt steppe"
    " steppes waters shore shores peninsula plateau lowlands highlands seaboard hinterland"
    " hinterlands".split()
)
#: Labels the model gives an ethnonym adjective by mistake. A PERSON, GPE or LOC is left
#: alone: "Karen" and "Yao" name people too, and "Delaware" and "Ottawa" places.
_NOT_A_PEOPLE = frozenset({"ORG", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})
#: Endings that make a people's word from a place's name ("Asia" -> "Asian").
_PEOPLE_ENDINGS = ("n", "an", "ian", "ean", "ese", "i", "ish")
#: What introduces the source a report is quoted from.
_SOURCE_CUE = re.compile(r"\b(?:told|[Aa]ccording to) (?=[A-Z])")
#: A name right after a cue: capitalised words, "of"/"and" between them.
_NAME = re.compile(r"[A-Z][\w&'’.-]*(?:\s(?:(?:of|and|for|de|la)\s)?[A-Z][\w&'’.-]*)*")


def apply_context(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """``spans`` of ``text`` with place adjectives, ethnonyms and quoted sources relabelled."""
    spans = place_adjectives(spans, text)
    spans = ethnonyms(spans, text)
    spans = towns_before_states(spans, text)
    return quoted_sources(spans, text)


def place_adjectives(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """"Caspian" in "the Caspian region" is LOC."""
    revised = []
    for span in spans:
        if span.label == "NORP" and (noun := word_after(text, span.end)) in GEOGRAPHIC_NOUNS:
            word = text[span.start : span.end]
            if WORD.fullmatch(word) and not is_people_word(word):
                span = replace(span, label="LOC", reason=reasons.place_adjective(noun))
        revised.append(span)
    return revised


def ethnonyms(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """"Turkic" in "the Turkic vector" is NORP."""
    revised = []
    for span in spans:
        if span.label in _NOT_A_PEOPLE and (word := text[span.start : span.end]) in ethnonym_words():
            after = word_after(text, span.end)
            if after[:1].islower() and after not in GEOGRAPHIC_NOUNS:
                span = replace(span, label="NORP", reason=reasons.ethnonym(word))
        revised.append(span)
    return revised


def quoted_sources(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """An unlabelled name that "told" or "according to" introduces is ORG."""
    added = []
    occupied = None
    for match in _SOURCE_CUE.finditer(text):
        name = _NAME.match(text, match.end())
        if name is None:
            continue
        start, end = name.start(), name.end()
        while end > start and text[end - 1] in ".'’-":
            end -= 1  # the full stop of the sentence, a possessive
        if text[end - 2 : end] in ("'s", "’s"):
            end -= 2
        occupied = occupied or Occupancy(len(text), spans)
        if end > start and occupied.free(start, end) and not _is_common_word(text[start:end]):
            added.append(EntitySpan(start, end, "ORG", reasons.quoted_source(match.group().strip().lower())))
            occupied.take(start, end)
    return sort_spans([*spans, *added]) if added else spans


#: A state's abbreviation as news writes it ("Conn.", "Calif.", "N.J."): a short word
#: (or initials) with its full stop, ending a clause; the full stop may have been
#: left to the sentence (:func:`.boundaries.trim_sentence_stop`).
_STATE_ABBREVIATION = re.compile(r"(?:[A-Z][a-z]{1,4}|[A-Z]\.[A-Z])\.")
#: What follows a state's abbreviation: the end of the clause or "-based".
_AFTER_STATE = re.compile(r"[,;:)\n]|\s+[-–—]|-based|\Z")
#: A town's name: one to three capitalised words ("Red Bank", "Marina del Rey").
_TOWN = re.compile(r"[A-Z][a-z]+(?: (?:[A-Z][a-z]+|de|del|la|le|on|upon)){0,2}")


def towns_before_states(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """A name right before ", " and a GPE that is a state's abbreviation is GPE."""
    states = [s for s in spans if s.label == "GPE" and s.start >= 2 and text[s.start - 2 : s.start] == ", "
              and _STATE_ABBREVIATION.fullmatch(text, s.start, end := _end_with_stop(text, s.end))
              and _AFTER_STATE.match(text, end)]
    if not states:
        return spans
    by_end = {s.end: s for s in spans}
    revised = {(s.start, s.end): s for s in spans}
    for state in states:
        end = state.start - 2
        town = by_end.get(end)
        if town is not None:
            if town.label != "GPE" and town.label in _TOWN_OR_NAME and _TOWN.fullmatch(text, town.start, end):
                reason = reasons.town(text[state.start : state.end])
                revised[(town.start, end)] = replace(town, label="GPE", reason=reason)
            continue
        found = _last_town(text, end)
        if found is not None and all(not (s.start < end and found < s.end) for s in revised.values()):
            revised[(found, end)] = EntitySpan(found, end, "GPE", reasons.town(text[state.start:state.end]))
    return sort_spans(revised.values())


#: Labels the model gives a town by mistake.
_TOWN_OR_NAME = frozenset({"PERSON", "ORG", "LOC", "FAC", "NORP", "PRODUCT"})


def _end_with_stop(text: str, end: int) -> int:
    return end + 1 if text[end : end + 1] == "." and text[end - 1 : end] != "." else end


_BEFORE_TOWN = frozenset({"in", "of", "from", "at", "near", "to", "outside"})


def _last_town(text: str, end: int) -> int | None:
    """Where the town's name that ends at ``end`` starts, if one does (after a comma,
    a word of place such as "in" or "of", or the start of a line)."""
    line_start = text.rfind("\n", 0, end) + 1
    for match in _TOWN.finditer(text, max(line_start, end - 40), end):
        if match.end() == end:
            before = text[line_start : match.start()].rstrip()
            if not before or before.endswith(",") or before.split()[-1] in _BEFORE_TOWN:
                return match.start()
    return None


def is_people_word(word: str) -> bool:
    """True for a word that names a people: a gazetteer demonym, a language name, or
    a territory's name with a people's ending ("Asian", "European", "Caribbean")."""
    gazetteer = load_gazetteer()
    place = gazetteer.lookup(word)
    if (place is not None and place.kind == "demonym") or word in gazetteer.language_names:
        return True
    stems = gazetteer.territory_words
    return any(word.endswith(ending) and (word[: -len(ending)] in stems
                                          or word[: -len(ending)] + "e" in stems)
               for ending in _PEOPLE_ENDINGS)


@cache
def ethnonym_words() -> frozenset[str]:
    """Language-family stems of the IANA registry ("Turkic", "Slavic", "Celtic") and
    the one-word English language names of the CLDR."""
    gazetteer = load_gazetteer()
    return gazetteer.language_families | {name for name in gazetteer.language_names if WORD.fullmatch(name)}


def _is_common_word(name: str) -> bool:
    return name in ("I", "God") or name.isupper() and len(name) == 1
