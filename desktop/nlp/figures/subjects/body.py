"""Names an article's body gives, read once with regexes (no parse): the longer
title a headline's name stands for ("Pirates" in the headline, "Return of the
Pirates" in the body), and, when the headline names nobody, the organisation the
body names most ("Dunmore Rovers" in a story headlined "Grant seals deal").

Used by :func:`desktop.nlp.figures.subjects.names.article_names`.
"""

from __future__ import annotations

import re
from collections import Counter

from desktop.nlp.figures.subjects.article import COUNTRY_WORDS

#: A run of capitalised words inside a sentence (after a lower-case word or a comma).
_INSIDE_RUN = re.compile(r"(?<=[a-z,;] )(?:[A-Z][\w&.-]*[\w&]|[A-Z])(?:[ -][A-Z][\w&.-]*[\w&])*")
#: Words that begin no organisation's name.
_SKIP_FIRST = frozenset(
    "a an the in on at but and however it its this that these those he she they we i"
    " mr mrs ms miss dr sir lord lady dame prof president chancellor minister"
    " january february march april may june july august september october november december"
    " monday tuesday wednesday thursday friday saturday sunday christmas easter gmt bst".split())
#: Capitalised single words that are an institution's kind, not its name ("the Bank").
_KIND_WORDS = frozenset(
    "bank office ministry department commission agency authority council court fund times street house"
    " city government state exchange board union league group party".split())
#: Bodies of politics and government: a measure the sentence gives no owner is not theirs.
_POLITICAL = frozenset(
    "congress parliament senate treasury pentagon white house fed commons lords labour conservatives"
    " tories tory democrats republicans liberal lib dems ukip greens administration government".split())
#: Places that are no country in :data:`COUNTRY_WORDS`: never an owner by count alone.
_REGIONS = frozenset("europe asia africa america latin middle east west north south london new york wall".split())
_TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|President|Chancellor|Prime Minister)\.? "
                     r"(?:[A-Z][\w-]+ )?([A-Z][\w-]+)")


def _possessive_stripped(run: str) -> str:
    return run.removesuffix("'s").removesuffix("'").removesuffix("’s")


def longer_title(name: str, body: str) -> str:
    """The longer name ``body`` gives ``name`` inside sentences, when it is always
    or mostly written so: "Pirates" -> "Return of the Pirates"; else ``name``."""
    pattern = re.compile(r"(?<=[a-z,;] )((?:[A-Z][\w&'-]*[\w&] (?:(?:the|of|a|and) ){0,2}){1,3})"
                         + re.escape(name) + r"(?![\w&'-]| [A-Z])")
    found = Counter(match.group(1) for match in pattern.finditer(body))
    if not found:
        return name
    prefix, _ = found.most_common(1)[0]
    words = prefix.split()
    if words[0].lower() in _SKIP_FIRST or any(w.endswith(("'s", "’s")) for w in words):
        return name
    longer = prefix + name
    total = len(re.findall(r"\b" + re.escape(name) + r"\b", body))
    written = len(re.findall(r"(?i)\b" + re.escape(longer) + r"\b", body))
    return longer if written >= 2 and 2 * written >= total else name


def most_named(body: str) -> str:
    """The organisation ``body`` names most inside its sentences, when it names it at
    least four times and half again as often as any other name; "" when that is a
    country, a region, a person ("Mr Grant"), a kind of body alone ("the Bank") or a
    body of politics ("Congress", "Labour"): a story of government has no company."""
    people = {match.group(1) for match in _TITLED.finditer(body)}
    counts: Counter[str] = Counter()
    for match in _INSIDE_RUN.finditer(body):
        words = _possessive_stripped(match.group()).split()
        while words and words[0].lower() in _SKIP_FIRST:
            words.pop(0)
        if words and words[-1] not in people and not any(c.isdigit() for c in words[-1]):
            counts[" ".join(words)] += 1
    if not counts:
        return ""
    merged: Counter[str] = Counter()
    for name, count in counts.items():  # "Leeds" and "Leeds United": the longer, when it is as often written
        longer = [other for other in counts if other != name and other.startswith(name + " ")]
        owner = max(longer, key=counts.__getitem__) if longer else name
        if owner != name and 2 * counts[owner] < counts[name]:
            owner = name
        merged[owner] += count
    ranked = [(name, count) for name, count in merged.most_common() if not _is_place(name)]
    if not ranked or ranked[0][1] < 4 or (len(ranked) > 1 and 2 * ranked[0][1] < 3 * ranked[1][1]):
        return ""
    name = ranked[0][0]
    lower = name.lower()
    if lower in _KIND_WORDS or any(word in _POLITICAL for word in lower.split()) \
            or sum(body.count(word) for word in ("Congress", "Parliament", "MPs", "election")) >= 2:
        return ""
    return name


def _is_place(name: str) -> bool:
    lower = name.lower()
    return lower in COUNTRY_WORDS or lower in _REGIONS or all(w in _REGIONS for w in lower.split())
