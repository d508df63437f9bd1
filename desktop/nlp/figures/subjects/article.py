"""What a whole article is about, read once from its start with regexes (no parse):
its main country ("UK", "US", "German") and the commodity whose price it follows
("crude oil", "house").

A paragraph is analysed apart from the others, so a bare "the trade gap" or
"prices" in it cannot see that the article is about Britain or oil; these give it
that, through :func:`desktop.nlp.figures.subjects.names.article_names`.
"""

from __future__ import annotations

import re
from collections import Counter

#: How much of an article is read: its headline and first paragraphs.
ARTICLE_CHARS = 2_500

#: The ways a country is written (its name, its people, its adjective), by country.
_COUNTRY_FORMS: dict[str, tuple[str, ...]] = {
    "UK": ("UK", "Britain", "British", "United Kingdom", "Britons"),
    "US": ("US", "USA", "America", "American", "Americans", "United States", "U.S."),
    "Germany": ("Germany", "German", "Germans"),
    "France": ("France", "French"),
    "China": ("China", "Chinese"),
    "Japan": ("Japan", "Japanese"),
    "India": ("India", "Indian", "Indians"),
    "Italy": ("Italy", "Italian", "Italians"),
    "Spain": ("Spain", "Spanish"),
    "Russia": ("Russia", "Russian", "Russians"),
    "Canada": ("Canada", "Canadian", "Canadians"),
    "Australia": ("Australia", "Australian", "Australians"),
    "Brazil": ("Brazil", "Brazilian", "Brazilians"),
    "Mexico": ("Mexico", "Mexican", "Mexicans"),
    "Ireland": ("Ireland", "Irish"),
    "Netherlands": ("Netherlands", "Dutch"),
    "Sweden": ("Sweden", "Swedish"),
    "Switzerland": ("Switzerland", "Swiss"),
    "Korea": ("South Korea", "Korea", "South Korean", "Korean"),
    "Indonesia": ("Indonesia", "Indonesian"),
    "Thailand": ("Thailand", "Thai"),
    "Turkey": ("Turkey", "Turkish"),
    "Poland": ("Poland", "Polish"),
    "Greece": ("Greece", "Greek"),
    "Portugal": ("Portugal", "Portuguese"),
    "Belgium": ("Belgium", "Belgian"),
    "Austria": ("Austria", "Austrian"),
    "Norway": ("Norway", "Norwegian"),
    "Denmark": ("Denmark", "Danish"),
    "Argentina": ("Argentina", "Argentine", "Argentinian"),
    "South Africa": ("South Africa", "South African"),
    "Nigeria": ("Nigeria", "Nigerian"),
    "Egypt": ("Egypt", "Egyptian"),
    "Israel": ("Israel", "Israeli"),
    "Pakistan": ("Pakistan", "Pakistani"),
    "Malaysia": ("Malaysia", "Malaysian"),
    "Singapore": ("Singapore", "Singaporean"),
    "Philippines": ("Philippines", "Philippine", "Filipino"),
    "Vietnam": ("Vietnam", "Vietnamese"),
    "New Zealand": ("New Zealand",),
    "Eurozone": ("eurozone", "euro zone", "Eurozone"),
}
_COUNTRY_OF = {form: country for country, forms in _COUNTRY_FORMS.items() for form in forms}
#: Every way of writing a country, lower-cased: a phrase holding one has its owner.
COUNTRY_WORDS = frozenset(form.lower() for form in _COUNTRY_OF) | {"national", "domestic", "global", "world"}
_COUNTRY = re.compile(r"(?<![\w.])(" + "|".join(sorted(map(re.escape, _COUNTRY_OF), key=len, reverse=True))
                      + r")(?![\w])")
#: A people's plural ("Germans") is not how a measure's owner is named.
_PEOPLE_FORMS = frozenset({"Germans", "Americans", "Britons", "Indians", "Italians", "Russians", "Canadians",
                           "Australians", "Brazilians", "Mexicans"})

_COMMODITIES = ("crude oil|oil|petrol|gasoline|fuel|gas|natural gas|gold|silver|copper|steel|aluminium|coffee"
                "|cocoa|sugar|wheat|corn|rice|house|home|property|food|energy|electricity|commodity")
_COMMODITY = re.compile(rf"(?i)\b({_COMMODITIES})\s+prices?\b|\bprices?\s+(?:of|for)\s+({_COMMODITIES})\b")
#: Commodities whose price is a country's ("UK house prices").
DOMESTIC_COMMODITIES = frozenset({"house", "home", "property", "food", "petrol", "energy", "electricity"})


def article_country(text: str) -> str:
    """The country the start of ``text`` names most (its headline counted twice),
    written as the article writes it most ("German", "UK", "China"); "" when none
    is named at least twice."""
    head = text[:ARTICLE_CHARS]
    headline = head.partition("\n")[0]
    counts: Counter[str] = Counter()
    forms: Counter[str] = Counter()
    for part in (headline, head):
        for match in _COUNTRY.finditer(part):
            form = match.group(1)
            if form == "US" and match.end() < len(part) and part[match.end()] == "$":
                continue  # "US$5m"
            counts[_COUNTRY_OF[form]] += 1
            if form not in _PEOPLE_FORMS:
                forms[form] += 1
    if not counts:
        return ""
    (country, count), *rest = counts.most_common(2)
    if count < 2 or (rest and rest[0][1] == count):
        return ""
    written = [(n, form) for form, n in forms.items() if _COUNTRY_OF[form] == country]
    return max(written)[1] if written else country


def country_form(name: str, written: str) -> str:
    """``name`` as the article writes its country (``written``, from
    :func:`article_country`): "Ruritania" -> "Ruritanian" in an article that says
    "Ruritanian" most; ``name`` when it is no country or another one."""
    country = _COUNTRY_OF.get(name)
    return written if country is not None and written and _COUNTRY_OF.get(written) == country else name


def article_commodity(text: str) -> str:
    """The thing whose price the start of ``text`` follows ("copper" for "Copper
    prices climb past $9,000", "house" for "House prices edge higher"), lower
    case; "" when its headline names none and its start names none twice."""
    head = text[:ARTICLE_CHARS]
    headline = head.partition("\n")[0]
    counts: Counter[str] = Counter()
    for part in (headline, headline, head):
        for match in _COMMODITY.finditer(part):
            counts[(match.group(1) or match.group(2)).lower()] += 1
    if not counts:
        return ""
    commodity, count = counts.most_common(1)[0]
    return commodity if count >= 2 else ""


_DEFINED = re.compile(r"\b((?:[A-Z][\w-]*|of|for|and|the)(?: (?:[A-Z][\w-]*|of|for|and|the)){1,5}) \(([A-Z]{2,6})\)")


def article_abbreviations(text: str) -> tuple[tuple[str, str], ...]:
    """The abbreviations the start of ``text`` defines, each with its long form:
    "Opera Mobile (OM)" -> ("OM", "Opera Mobile"); only when the
    abbreviation is the initials of the long form's capitalised words."""
    found = []
    for match in _DEFINED.finditer(text[:ARTICLE_CHARS * 2]):
        words, short = match.group(1).split(), match.group(2)
        while words and not words[0][:1].isupper():
            words.pop(0)
        capitals = [w for w in words if w[:1].isupper()]
        if len(capitals) > len(short):
            drop = len(capitals) - len(short)  # "Web Metrics said Opera Mobile (OM)"
            words = words[words.index(capitals[drop]):]
            capitals = capitals[drop:]
        if "".join(w[0] for w in capitals) == short and (short, " ".join(words)) not in found:
            found.append((short, " ".join(words)))
    return tuple(found)


#: A name and the noun it owns in a headline: "Bush budget", "Acme's profits".
_HEADLINE_OWNED = re.compile(r"(?<![\w'’])([A-Z][\w&.-]*(?: [A-Z][\w&.-]*)*)(?:'s|’s|')? ([a-z]{3,})\b")


def headline_owners(text: str) -> tuple[tuple[str, str], ...]:
    """The nouns the headline (``text``'s first line) gives an owner's name, with that
    name: (("budget", "Bush"),) for "Bush budget seeks cuts". The headline's first
    word counts only when the body writes it capitalised inside a sentence, and a name
    counts only when the body names it again."""
    headline, _, body = text[:ARTICLE_CHARS].partition("\n")
    owners = []
    for match in _HEADLINE_OWNED.finditer(headline):
        name, noun = match.group(1), match.group(2)
        if match.start() == 0 and not re.search(r"(?<=[a-z,] )" + re.escape(name) + r"\b", body):
            continue
        if re.search(r"\b" + re.escape(name) + r"\b", body) and name.lower() not in COUNTRY_WORDS \
                and not any(c.isdigit() for c in name):  # "MP3 players": a kind of thing, no owner
            owners.append((noun, name))
    return tuple(owners)
