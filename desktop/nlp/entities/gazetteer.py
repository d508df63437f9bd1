"""Countries, their capitals and the words for their people, from maintained packages.

countryinfo gives each country's names, capital, demonym, population and official
languages; babel (the Unicode CLDR) gives the English names of territories and
languages. A language named after its country ("Kazakh", "Uzbek") also names the
country's people, so it is read as a demonym of that country.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.nlp.entities.words import is_whole_word

if TYPE_CHECKING:
    from babel import Locale

#: Capitals of smaller places are dropped: many are also personal names
#: (Stanley, Douglas, Hamilton, Victoria).
MIN_POPULATION_FOR_CAPITAL = 1_000_000
#: A language is a country's demonym when it shares a stem of at least this many
#: letters with the country's name, covering this share of the language's name.
MIN_STEM_LETTERS = 4
MIN_STEM_SHARE = 0.6
#: Demonyms ending so take no plural "s" ("the French", "the Swiss", "the Chinese",
#: "Icelandic", "Malagasy").
_NO_PLURAL_ENDINGS = ("sh", "tch", "nch", "ese", "s", "z", "x", "ic", "y")

_KIND_ORDER = {"country": 0, "capital": 1, "demonym": 2}
_PARENTHESIS = re.compile(r"\s*\(([^)]*)\)")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_CAPITALISED_WORD = re.compile(r"(?<!\w)[^\W\d_a-z][^\W\d_]*")


@dataclass(frozen=True, slots=True)
class Place:
    """What a gazetteer surface names.

    ``label`` is GPE for countries and capitals and NORP for demonyms; ``name`` is
    the canonical name of what is mentioned (the capital itself, else the
    country); ``country`` is the country it belongs to.
    """

    label: str
    kind: str
    name: str
    country: str


@dataclass(frozen=True)
class Gazetteer:
    """Surfaces (case-sensitive) and what they name, plus English language names,
    every word of the CLDR's English territory names ("Asia", "Caribbean") and the
    language families of the IANA registry ("Turkic", "Slavic")."""

    places: dict[str, Place]
    language_names: frozenset[str]
    territory_words: frozenset[str]
    language_families: frozenset[str]
    _by_first_word: dict[str, list[str]] = field(repr=False)

    @classmethod
    def of(cls, places: dict[str, Place], language_names: frozenset[str],
           territory_words: frozenset[str] = frozenset(),
           language_families: frozenset[str] = frozenset()) -> Gazetteer:
        by_first_word: dict[str, list[str]] = {}
        for surface in places:
            first = _FIRST_WORD.match(surface)
            if first:
                by_first_word.setdefault(first.group(), []).append(surface)
        for surfaces in by_first_word.values():
            surfaces.sort(key=len, reverse=True)
        return cls(places, language_names, territory_words, language_families, by_first_word)

    def lookup(self, surface: str) -> Place | None:
        return self.places.get(surface)

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(p.country for p in self.places.values())

    def find(self, text: str) -> Iterator[tuple[int, int, Place]]:
        """Whole-word, case-sensitive occurrences in ``text``, longest first, not
        overlapping one another."""
        if self._by_first_word.keys().isdisjoint(_CAPITALISED_WORD.findall(text)):
            return  # no capitalised word of the text starts a gazetteer name
        taken_until = 0
        for match in _CAPITALISED_WORD.finditer(text):
            start = match.start()
            if start < taken_until:
                continue
            for surface in self._by_first_word.get(match.group(), ()):
                end = start + len(surface)
                if text.startswith(surface, start) and is_whole_word(text, start, end):
                    yield start, end, self.places[surface]
                    taken_until = end
                    break


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer built from countryinfo and babel: ~0.1 s to build (with their
    imports), so built once and kept in the user's cache folder, ~2 ms to read back
    (:mod:`desktop.nlp.entities.gazetteer_cache`); every process loading the
    analysis needs it, the one analysing the first article at launch among them."""
    from desktop.nlp.entities import gazetteer_cache

    return gazetteer_cache.cached(build_gazetteer)


def build_gazetteer() -> Gazetteer:
    """The gazetteer, built from countryinfo and babel."""
    from babel import Locale
    from babel.core import get_global
    from countryinfo import all_countries

    english = Locale("en")
    retired_codes = {code for code in get_global("territory_aliases") if len(code) == 2}
    countries = _merge_duplicates(
        country for entry in all_countries()
        if (country := _Country.of(entry.info(), english)) and country.code not in retired_codes
    )
    places: dict[str, tuple[tuple[int, int], Place]] = {}

    def add(surface: str, place: Place, population: int) -> None:
        rank = (_KIND_ORDER[place.kind], -population)
        if surface and (surface not in places or rank < places[surface][0]):
            places[surface] = (rank, place)

    for country in countries:
        for surface in country.names:
            add(surface, Place("GPE", "country", country.canonical, country.canonical),
                country.population)
        if country.capital and country.population >= MIN_POPULATION_FOR_CAPITAL:
            add(country.capital, Place("GPE", "capital", country.capital, country.canonical),
                country.population)
        for demonym in country.demonyms:
            _add_demonym(add, demonym, country)
    for language, country in _languages_named_after_countries(countries, english):
        _add_demonym(add, language, country)
    language_names = frozenset(str(name) for name in english.languages.values())
    territory_words = frozenset(word for name in english.territories.values()
                                for word in re.findall(r"[A-Z][a-z]+", str(name)))
    return Gazetteer.of({s: place for s, (_, place) in places.items()}, language_names, territory_words,
                        language_families())


#: An IANA registry description naming a family of languages ("Turkic languages").
_FAMILY = re.compile(r"^([A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:ic|an|ian)) languages$", re.MULTILINE)


def language_families() -> frozenset[str]:
    """The stems of the language families the IANA registry (langcodes' copy) names;
    none without it."""
    registry = registry_path()
    try:
        text = registry.read_text(encoding="utf-8") if registry else ""
    except OSError:
        text = ""
    return frozenset(_FAMILY.findall("\n".join(re.findall(r"^Description: (.+)$", text, re.MULTILINE))))


def registry_path() -> Path | None:
    """langcodes' copy of the IANA language subtag registry (found, not imported)."""
    from importlib.util import find_spec

    spec = find_spec("langcodes")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "language-subtag-registry.txt"


@dataclass
class _Country:
    """What the gazetteer takes from one countryinfo record."""

    canonical: str
    names: set[str]
    capital: str
    demonyms: set[str]
    languages: set[str]
    population: int
    code: str

    @classmethod
    def of(cls, info: dict, english: Locale) -> _Country | None:
        """The record's names, capital, demonyms and languages; None for places
        without people (Antarctica) or without a plain name."""
        population = info.get("population") or 0
        name = _PARENTHESIS.sub("", info.get("name") or "").strip()
        if not population or not name or "," in name:
            return None
        code = (info.get("ISO") or {}).get("alpha2") or ""
        names = {name, name.removeprefix("The ")}
        stems = set(re.findall(r"[^\W\d_]{4,}", name))
        names |= {a for a in info.get("altSpellings", []) if _is_english_alias(a, stems)}
        cldr_names = _cldr_names(english.territories.get(code, "")) if code else []
        names |= set(cldr_names)
        canonical = cldr_names[0] if cldr_names else name.removeprefix("The ")
        capital = info.get("capital")
        demonyms = {d.strip() for d in re.split(r"[,/]| and ", info.get("demonym") or "")}
        return cls(
            canonical=canonical,
            names=names,
            capital=capital.strip() if isinstance(capital, str) else "",
            demonyms={d for d in demonyms if d and d not in names},
            languages={code for code in info.get("languages", []) if isinstance(code, str)},
            population=int(population),
            code=code,
        )


def _merge_duplicates(countries: Iterable[_Country]) -> list[_Country]:
    """One record per ISO code (the data has both "Burma" and "Myanmar")."""
    by_code: dict[str, _Country] = {}
    merged: list[_Country] = []
    for country in countries:
        kept = by_code.get(country.code) if country.code else None
        if kept is None:
            by_code[country.code] = country
            merged.append(country)
            continue
        bigger, smaller = sorted((kept, country), key=lambda c: -c.population)
        bigger.names |= smaller.names
        bigger.demonyms |= smaller.demonyms
        if country is bigger:
            merged[merged.index(kept)] = bigger
            by_code[country.code] = bigger
    return merged


def _is_english_alias(alias: str, stems: set[str]) -> bool:
    """Official long forms that contain the country's own name ("Republic of
    Kazakhstan"); native-language names and codes are left out."""
    if "," in alias or alias.isupper() or alias != alias.strip() or not _latin(alias):
        return False
    return any(word.startswith(stem) for word in alias.split() for stem in stems)


def _cldr_names(territory: str) -> list[str]:
    """CLDR's English name, then its alternative in parentheses: "Myanmar (Burma)".
    Names that read as descriptions ("Congo - Kinshasa", "Hong Kong SAR China")
    are left out."""
    if not territory or " - " in territory or "SAR" in territory:
        return []
    main = _PARENTHESIS.sub("", territory).replace(" & ", " and ").strip()
    return [main, *_PARENTHESIS.findall(territory)]


def _latin(text: str) -> bool:
    return all(not c.isalpha() or c.isascii() or "LATIN" in unicodedata.name(c, "") for c in text)


def _add_demonym(add: Callable[[str, Place, int], None], demonym: str, country: _Country) -> None:
    place = Place("NORP", "demonym", country.canonical, country.canonical)
    add(demonym, place, country.population)
    if not demonym.endswith(_NO_PLURAL_ENDINGS):
        add(demonym + "s", place, country.population)


def _languages_named_after_countries(
    countries: list[_Country], english: Locale
) -> Iterator[tuple[str, _Country]]:
    """Official languages whose English name shares its stem with a country's name."""
    names = {str(english.languages[c]) for country in countries for c in country.languages
             if c in english.languages}
    for language in sorted(names):
        best = max(countries, key=lambda c: _shared_prefix(language, c.canonical))
        shared = _shared_prefix(language, best.canonical)
        if shared >= MIN_STEM_LETTERS and shared >= MIN_STEM_SHARE * len(language):
            yield language, best


def _shared_prefix(a: str, b: str) -> int:
    length = 0
    for x, y in zip(a, b):
        if x != y:
            break
        length += 1
    return length
