"""A subject as a reader would write it: the phrase measured, with its owner named
("Acme jobs", "Ruritania's deficit") and what it is measured against."""

from __future__ import annotations

import re

from desktop.nlp.figures.subjects.article import COUNTRY_WORDS, DOMESTIC_COMMODITIES, country_form
from desktop.nlp.figures.subjects.found import Found
from desktop.nlp.figures.subjects.names import PRONOUNS, stands_in
from desktop.nlp.figures.subjects.references import _Names
from desktop.nlp.figures.subjects.tokens import _named, _phrase_tokens, _prep_object, _verb_subject, _words
from desktop.nlp.figures.subjects.words import (
    _EXPECTING_VERBS,
    _GENERIC_ALONE,
    _HAVING_VERBS,
    _NAME_TAGS,
    _NOUN_TAGS,
    _SHARE_WORDS,
    _SUBJECT_DEPS,
    MACRO_WORDS,
    MOVEMENT_NOUNS,
    OWNED_MEASURES,
    PLACEHOLDER_NOUNS,
)


def _shares_owner(noun, tokens: list, inside: set[int], resolve: _Names) -> str:
    """What the shares are of: "shares in the grocer" -> the name "the grocer" stands
    for, "Acme shares" -> "Acme" (``tokens`` without ``noun``, which is dropped)."""
    prep = next((t for t in noun.rights if t.dep_ == "prep" and t.lower_ in ("in", "of")), None)
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if obj is None:
        return _words(tokens)
    in_prep = {t.i for t in prep.subtree}
    rest = _words([t for t in tokens if t.i not in in_prep])
    definite = obj.tag_ in ("NN", "NNS") and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in obj.children)
    if obj.lower_ in PRONOUNS or stands_in(obj) or definite:  # "the grocer": the company named before
        owner = resolve(obj)  # none found: the owner the clause gives is put in front later
        return f"{owner} {rest}".strip()
    owner = _words([t for t in obj.subtree if t.i not in inside and t.dep_ != "det"])
    return f"{owner} {rest}".strip() if owner else _words(tokens)


def render(found: Found, inside: set[int], resolve: _Names, money: bool = False) -> str:
    """The subject ``found`` names, its owner first ("Norvik pre-tax profit"); "" when
    it names nothing but a pronoun or a placeholder ("the figure"). A ``money``
    figure of shares measures their price; the size of a movement names the movement
    ("jump in Norvik sales")."""
    phrase = _rendered(found, inside, resolve, money)
    return f"{found.movement} in {phrase}" if phrase and found.movement else phrase


def _rendered(found: Found, inside: set[int], resolve: _Names, money: bool) -> str:
    if found.noun is None:
        owner = _owner_text(found.own or found.owner, resolve, inside)
        if found.nominal == "age":  # "Dana Ruiz's age"; no one named, no subject
            return f"{owner}'s age" if owner else ""
        nominal = f"{found.nominal} {found.extra}".strip() if found.nominal else ""
        return f"{owner} {nominal}".strip() if owner or nominal else ""
    noun = found.noun
    if noun.lower_ in PRONOUNS or stands_in(noun):
        name = resolve(noun)
        nominal = f"{found.nominal} {found.extra}".strip() if found.nominal else ""
        return f"{name} {nominal}".strip() if name else nominal
    tokens = _phrase_tokens(noun, inside, keep_owner=found.own is None)
    if not tokens or all(t.lower_ in PLACEHOLDER_NOUNS or t.lower_ in _GENERIC_ALONE or not t.is_alpha or t.is_stop
                         for t in tokens):
        return ""
    if money and noun.lower_ in _SHARE_WORDS and noun.tag_ in ("NNS", "NN"):
        tokens = [t for t in tokens if t.i != noun.i]
        phrase = f"{_shares_owner(noun, tokens, inside, resolve)} share price".strip()
    else:
        phrase = _lower_first(_words(tokens), min(tokens, key=lambda t: t.i), resolve.paragraph.known.text)
    for token in tokens:  # "a 50% stake in the club" -> "stake in Dunmore Rovers"
        if token.dep_ == "pobj" and token.i != noun.i and token.lower_ in _STAND_IN_CLUBS and stands_in(token):
            name = resolve(token)
            if name and not _names_in(name, phrase):
                phrase = re.sub(r"\b(?:the|this) " + re.escape(token.text) + r"\b", name, phrase, count=1)
    place = _moved_in_place(noun, inside)
    if place is not None and resolve.commodity:  # "the rate of increase in the UK" in an article on house prices
        return f"{noun.lower_} in {country_form(place.text, resolve.country)} {resolve.commodity} prices"
    if found.part:
        owner = _owner_text(found.owner, resolve, inside) if found.owner is not None else ""
        if owner and (found.owner.tag_ in _NAME_TAGS or resolve.is_name(found.owner) or stands_in(found.owner)
                      or _named_kind(found.owner)):
            if noun.lower_ in _SHARE_NOUNS:  # "Opera browsers have 6% of the market share"
                return f"{owner} {phrase}"
            return f"{owner} {found.part} {phrase}"
    if found.done:
        phrase = f"{phrase} {found.done}"
    if found.extra and found.extra not in phrase:
        phrase = f"{phrase} {found.extra}"
    owner = found.own if found.own is not None else _owner(noun, tokens, resolve)
    if owner is not None:
        name = country_form(_owner_text(owner, resolve, inside), resolve.country)
        if name and not _names_in(name, phrase):
            phrase = f"{name} {phrase}"
        return phrase
    gap = _TRADE_GAP.match(phrase)
    if gap:  # "the gap between what Ruritania sold abroad and bought": the Ruritania trade gap
        phrase = f"{gap.group('owner') or ''} trade gap".strip()
        tokens = [t for t in tokens if t.text == gap.group("owner")]
    if noun.lower_ in ("price", "prices") and resolve.commodity and not any(t.i < noun.i for t in tokens):
        phrase = f"{resolve.commodity} {phrase}"  # "prices" in an article about oil: "oil prices"
        if resolve.commodity not in DOMESTIC_COMMODITIES:
            return phrase
    macro = any(word in MACRO_WORDS for word in phrase.lower().split()) or resolve.commodity in DOMESTIC_COMMODITIES \
        and noun.lower_ in ("price", "prices")
    name = resolve.headline_owner(noun.lower_)
    if name and not _names_in(name, phrase) and not any(
            t.i < noun.i and (resolve.is_name(t) or t.tag_ in _NAME_TAGS or t.lower_ in COUNTRY_WORDS
                              or t.dep_ == "poss") for t in tokens):
        return f"{name} {phrase}"  # "the budget sent to Congress" under the headline "Bush budget seeks cuts"
    if any((resolve.is_name(t) and (t.i != noun.i or t.tag_ in _NAME_TAGS)) or t.tag_ in _NAME_TAGS
           or t.lower_ in PRONOUNS or t.lower_ in COUNTRY_WORDS for t in tokens):
        return phrase
    if _owned_elsewhere(noun):  # "analysts expect sales ...": no company's; an economy's measure stays its country's
        if macro and resolve.country:
            return f"{resolve.country} {phrase}"
        name = resolve.default_owner() if _company_measure(noun, resolve, inside) else ""  # a company's own measure
        return f"{name} {phrase}".strip() if name and not _names_in(name, phrase) else phrase
    name = resolve.default_owner() if _company_measure(noun, resolve, inside) else ""
    if not name and macro:
        name = resolve.country  # "the trade gap" in an article about Ruritania: "Ruritania trade gap"
    if name and not _names_in(name, phrase):
        phrase = f"{name} {phrase}"  # "profits" in an article about Acme: "Acme profits"
    return phrase


def _lower_first(phrase: str, first, text: str) -> str:
    """``phrase`` without the capital its first word has only for starting its sentence
    ("Net income for 2004 was ...": "net income"): a word the text also writes in lower
    case. A name keeps it ("Brent crude", "Indian airline", "US")."""
    word = first.text
    after = first.doc[first.i + 1] if first.i + 1 < len(first.doc) else None
    if not (first.is_sent_start and phrase.startswith(word) and len(word) > 1 and word[0].isupper()
            and word[1:].islower() and first.tag_ not in _NAME_TAGS
            and (after is None or after.tag_ not in _NAME_TAGS)):  # "Former Beatle Paul ..." is a name
        return phrase
    if not re.search(r"(?<![\w-])" + re.escape(word.lower()) + r"(?![\w-])", text):
        return phrase
    return word.lower() + phrase[len(word):]


#: Stand-ins written out inside a phrase; "the country" and "the government" stay.
_STAND_IN_CLUBS = frozenset("firm company group club airline carrier bank retailer chain studio carmaker".split())
_TRADE_GAP = re.compile(
    r"(?:the )?(?:gap|difference|shortfall|balance) between (?:what )?(?:the )?(?:(?P<owner>[A-Z][\w.]*)(?:'s)? )?"
    r"(?:exports|exported|exports of goods)(?: and| with)(?: what it)? (?:imports|imported)$")


#: Nouns that are already a part of a whole: "6% of the market share" is the share itself.
_SHARE_NOUNS = frozenset({"share", "stake"})


def _moved_in_place(noun, inside: set[int]):
    """The country a movement is said to be in, when that is all it names ("the
    increase in the UK"): no measure of its own."""
    if noun.lower_ not in MOVEMENT_NOUNS:
        return None
    target = _prep_object(noun, ("in",), inside)
    return target if target is not None and target.lower_ in COUNTRY_WORDS else None


def _company_measure(noun, resolve: _Names, inside: set[int]) -> bool:
    """A measure a company has ("profits"), or a price in an article that follows no
    commodity's ("the price range", "the offer price": the company sets it)."""
    return noun.lower_ in OWNED_MEASURES or not resolve.commodity and (
        noun.lower_ in ("price", "prices") or any(c.dep_ == "compound" and c.lower_ == "price" for c in noun.lefts)
    ) and not any(c.dep_ == "prep" and c.lower_ in ("of", "for") and not any(t.i in inside for t in c.subtree)
                  for c in noun.rights)  # "the price of oil" is no company's


def _named_kind(token) -> bool:
    """A common noun a name makes a kind of something ("Opera browsers", "Globex
    shops"): an owner as much as the name alone."""
    return token.tag_ in ("NN", "NNS") and any(
        c.dep_ == "compound" and c.tag_ in _NAME_TAGS for c in token.lefts)


def _names_in(name: str, phrase: str) -> bool:
    """True when ``phrase`` holds the words of ``name`` ("US" is not in "adjusted")."""
    return re.search(r"(?<!\w)" + re.escape(name.lower()) + r"(?!\w)", phrase.lower()) is not None


def _owned_elsewhere(noun) -> bool:
    """True when the sentence gives the noun's clause a subject of its own that is no
    name: "analysts expect sales ...", "the airline's rivals saw profits ..."."""
    verb = noun.head
    while verb.dep_ in ("prep", "pobj") and verb.head.i != verb.i:
        verb = verb.head
    if not verb.tag_.startswith("VB") or noun.dep_ in _SUBJECT_DEPS:
        return False
    subject = _verb_subject(verb)
    return subject is not None and subject.tag_ in ("NN", "NNS") and not stands_in(subject)


def _owner_text(owner, resolve: _Names, inside: set[int]) -> str:
    """How an owner is named: a name, what "it" or "the firm" stands for, or a
    noun phrase ("its film division" -> "Acme film division")."""
    if owner is None:
        return ""
    name = resolve(owner)
    if name and owner.tag_ in _NAME_TAGS and any(c.dep_ == "conj" for c in owner.children):
        return _joined_names(owner) or name
    if not name and owner.lower_ == "their":
        return _their(owner, resolve, inside)
    if name or owner.lower_ in PRONOUNS or stands_in(owner) or owner.tag_ not in _NOUN_TAGS:
        return name
    tokens = _phrase_tokens(owner, inside)
    in_preps = {t.i for c in tokens if c.dep_ == "prep" for t in c.subtree}
    phrase = _words([t for t in tokens if t.i not in in_preps] or tokens)
    poss = next((c for c in owner.lefts if c.dep_ == "poss"), None)
    if poss is not None and (poss.lower_ in PRONOUNS or stands_in(poss)):
        name = resolve(poss)
        if name:
            phrase = f"{name} {phrase}"
    return phrase


def _their(owner, resolve: _Names, inside: set[int]) -> str:
    """Whom "their" stands for: the plural subject of its clause ("the directors agreed
    to leave their loans" -> "directors"), "" when that is no plural noun."""
    verb = owner.head.head
    subject = _verb_subject(verb) if verb.tag_.startswith("VB") else None
    if subject is None or subject.tag_ not in ("NNS", "NNPS") or subject.lower_ in PRONOUNS:
        return ""
    return _owner_text(subject, resolve, inside)


def _joined_names(owner) -> str:
    """ "Ruritania, Oceania and Asia-Pacific": an owner that is several names joined,
    "" when anything but names joins it."""
    tokens = [t for t in owner.subtree if not (t.dep_ == "det" and t.i < owner.i)]
    if all(t.tag_ in _NAME_TAGS or t.tag_ in ("CC", ",", "HYPH") for t in tokens) and len(tokens) <= 8:
        return _words(tokens)
    return ""


def _owner(noun, tokens: list, names: _Names):
    """The token naming the owner of what ``noun`` heads, when its phrase has no
    name: "its" in "its profits", the subject of the verb it is the object of
    ("Acme has cut 300 jobs"), or of the verb that reports or has it ("Acme said
    sales rose", "its toy arm saw margins shrink")."""
    poss = next((c for c in noun.lefts if c.dep_ == "poss"), None)
    if poss is not None and poss.lower_ == "whose":
        clause = next((t for t in noun.ancestors if t.dep_ == "relcl"), None)
        return _named(clause.head) if clause is not None else None  # "Dana Ruiz, whose fortune grew"
    if poss is not None and (poss.lower_ in PRONOUNS or stands_in(poss)):
        return poss
    if any(names.is_name(t) for t in tokens if t.i != noun.i or t.tag_ in _NAME_TAGS):
        return None  # "PCs" in "150 million new PCs" is capitalised, not a name owning it
    original = noun
    while noun.dep_ == "pobj" and noun.head.head.lower_ in MOVEMENT_NOUNS and noun.head.head.i != noun.i:
        noun = noun.head.head  # "Acme posted a decline in revenues": Acme's revenues
        poss = next((c for c in noun.lefts if c.dep_ == "poss"), None)
        if poss is not None and (poss.lower_ in PRONOUNS or stands_in(poss)):
            return poss  # "its 5% rise in sales"
    verb, dep = noun.head, noun.dep_
    if dep == "pobj" and verb.dep_ == "prep":
        verb, dep = verb.head, "pobj"
    if not verb.tag_.startswith("VB") or verb.i == noun.i:
        return None
    if dep in ("dobj", "pobj", "attr", "dative"):
        subject = _verb_subject(verb)
        if verb.lower_ in _EXPECTING_VERBS and original.lower_ not in OWNED_MEASURES:
            return None  # "Globex Bank forecast a drop in land prices": a forecaster, no owner
        if subject is not None:
            subject = _named(subject)
            if names.is_name(subject) or stands_in(subject):
                return subject
        return None
    if dep in ("nsubj", "nsubjpass"):
        for _ in range(3):
            if verb.dep_ not in ("ccomp", "advcl", "conj", "xcomp") or verb.head.i == verb.i:
                return None
            verb = verb.head
            subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
            if subject is not None:
                if names.is_name(subject) or stands_in(subject):
                    return subject
                if verb.lower_ in _HAVING_VERBS and subject.tag_ in ("NN", "NNS") \
                        and subject.lower_ not in PLACEHOLDER_NOUNS:
                    return subject
                return None
    return None
