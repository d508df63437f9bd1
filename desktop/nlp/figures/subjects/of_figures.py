"""Subjects: what a figure measures, read from the dependency parse of its sentence,
named as a reader would, with its owner.

"over 120 agreements and treaties" counts "agreements and treaties"; "3.2 million
tons of cargo" measures "cargo"; in "bilateral trade between Kazakhstan and
Azerbaijan grew by 40 percent in 2022, exceeding $460 million" both figures are of
"bilateral trade between Kazakhstan and Azerbaijan" (the subject of the verbs they
hang from); "an aging tanker fleet with an average age of 16-17 years" is of
"tanker fleet".

The owner comes with the thing measured: a possessive ("Norvik's profits"), a compound
("Globex net income"), the subject of the verb the measure hangs from ("Acme has cut
300 jobs" -> "Acme jobs"; "Acme said sales rose 2%" -> "Acme sales"). "it", "its"
and "the firm" stand for the company the sentence or paragraph names before them
(:mod:`desktop.nlp.figures.subjects.names`); a subject is never a pronoun. A subject that
only points back ("this figure") is returned by :func:`subject_of` as
:data:`ANAPHOR`, and :func:`subjects_of` gives it the subject of the figure before.

Works on any spaCy ``Doc`` that has a dependency parse (no spaCy import here).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from desktop.nlp.figures.subjects.article import COUNTRY_WORDS, DOMESTIC_COMMODITIES, country_form
from desktop.nlp.figures.subjects.names import (
    PRONOUNS,
    capitalised_words,
    is_name,
    name_text,
    sentence_names,
    stands_in,
)
from desktop.nlp.figures.subjects.words import (
    ANAPHOR,
    MACRO_WORDS,
    MEASURE_NOUNS,
    MOVEMENT_NOUNS,
    NOMINALS,
    OWNED_MEASURES,
    PLACEHOLDER_NOUNS,
    _CLIMB_DEPS,
    _COPULAS,
    _EXPECTING_VERBS,
    _GENERIC_ALONE,
    _HAVING_VERBS,
    _LIGHT_VERBS,
    _MONEY_WORDS,
    _MONTHS,
    _NAME_TAGS,
    _NOUN_TAGS,
    _OWNING_VERBS,
    _PHRASE_PREPS,
    _PLACE_NOUNS,
    _POINTING_NOUNS,
    _POINTING_WORDS,
    _PREMODIFIER_DEPS,
    _RELATIVE_TIME,
    _RELATIVE_WORDS,
    _SAYING_PARTICIPLES,
    _SHARE_WORDS,
    _SUBJECT_DEPS,
    _TIME_NOUNS,
    _UNIT_WORDS,
)

if TYPE_CHECKING:
    from desktop.nlp.figures.surroundings import FigureContext

_MAX_PREP_TOKENS = 7
_MAX_CLAUSE_TOKENS = 6
_MAX_CLIMB = 12
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class Found:
    """What a figure measures, as read from its sentence: the head ``noun`` of the
    thing measured, or, when the figure is the object of a verb, the verb's subject
    (``owner``) and the measure the verb names (``nominal``: "took" -> "takings").
    ``done`` is the verb the thing counted underwent ("cut" in "cut 300 jobs");
    ``own`` a name the figure itself is given ("the Liberals' £212,000"); ``extra``
    words that end the subject ("against the euro", "per share"); ``part`` what
    part of the noun a percentage of it is to its owner ("stake in", "share of")."""

    noun: object | None = None
    owner: object | None = None
    nominal: str = ""
    pointing: bool = False
    done: str = ""
    own: object | None = None
    extra: str = ""
    part: str = ""


def subjects_of(context: FigureContext, docs: Mapping[int, object] | None,
                names: Sequence[str] = ()) -> list[str]:
    """What each figure of ``context`` measures, from the parse of its sentence
    (``docs``: a sentence's index -> its Doc), with its owner. "it", "its" and "the
    firm" stand for the last name an earlier sentence of the paragraph gave as a
    subject, else for the first of ``names`` (the article's). A word pointing back
    takes the subject of the figure before it in the same paragraph, and a figure
    whose clause names nothing the subject of the figure before it in its sentence.
    "" without a parse, and for a figure that is part of a period."""
    if not docs:
        return [""] * len(context.readings)
    subjects: list[str] = []
    abbreviations = getattr(names, "abbreviations", ())
    last_subject, last_paragraph, last_sentence = "", -1, -1
    paragraph = _Paragraph(context.text)
    sentence_subjects: list[str] = []
    last_found: tuple[Found, set[int]] | None = None
    for index, reading in enumerate(context.readings):
        place = context.places[index]
        doc = docs.get(place.sentence) if docs else None
        if place.paragraph != last_paragraph:
            last_subject, last_paragraph = "", place.paragraph
            paragraph = _Paragraph(context.text, paragraph.known)
        if place.sentence != last_sentence:
            if last_sentence >= 0 and docs and docs.get(last_sentence) is not None \
                    and context.places[index - 1].paragraph == place.paragraph:
                paragraph.docs.append(docs[last_sentence])
            last_sentence, sentence_subjects, last_found = place.sentence, [], None
        subject = ""
        if doc is not None and not context.inside_period(index):
            start, end = reading.start - place.first, reading.end - place.first
            found, inside = find(doc, start, end)
            if found is not None and found.own is not None and last_found is not None \
                    and (found.noun is None or found.noun.i in (found.own.i, found.own.head.i)):
                # "the Reds' drive cost £2.3m, the Blues' £515,000": the measure before, theirs
                own = found.own
                found, inside = replace(last_found[0], own=own), last_found[1]
            if found is not None and found.pointing:
                subject = last_subject
            elif found is not None:
                subject = render(found, inside, _Names(doc, paragraph, names), reading.kind == "money")
                if subject and abbreviations:
                    subject = _expanded(subject, abbreviations)
            if not subject and sentence_subjects and _same_clause(context.text, context.readings[index - 1], reading):
                subject = sentence_subjects[-1]
            if subject:
                last_subject = subject
                sentence_subjects.append(subject)
                if found is not None and found.own is None:
                    last_found = (found, inside)
        subjects.append(subject)
    return subjects


def _expanded(subject: str, abbreviations: Sequence[tuple[str, str]]) -> str:
    """``subject`` with the article's abbreviations written out: "OM's market share"
    -> "Opera Mobile's market share" (the long form is how readers name it)."""
    for short, long in abbreviations:
        if short in subject and long not in subject:
            subject = re.sub(r"(?<![\w-])" + re.escape(short) + r"(?![\w-])", long, subject)
    return subject


_CLAUSE_BREAK = re.compile(r"[;:]|\b(?:while|whereas|but|although|though|which|who|when)\b", re.IGNORECASE)


def _same_clause(text: str, before, reading) -> bool:
    """True when no other clause ("while ...", "but ...") starts between two
    figures of a sentence."""
    return not _CLAUSE_BREAK.search(text, before.end, reading.start)


def subject_of(doc, start: int, end: int, names: Sequence[str] = ()) -> str:
    """What the figure at character offsets ``[start, end)`` of ``doc`` measures, ""
    when the parse does not say, :data:`ANAPHOR` when it is a word pointing back.
    "it" and "the firm" stand for a name before them in ``doc``, else ``names[0]``."""
    found, inside = find(doc, start, end)
    if found is None:
        return ""
    if found.pointing:
        return ANAPHOR
    money = any(doc[i].tag_ == "$" or doc[i].lower_ in _MONEY_WORDS for i in inside)
    return render(found, inside, _Names(doc, _Paragraph(""), names), money)


def find(doc, start: int, end: int) -> tuple[Found | None, set[int]]:
    """What the figure at ``[start, end)`` of ``doc`` measures, and its tokens."""
    last = doc[-1] if len(doc) else None
    length = last.idx + len(last.text_with_ws) if last is not None else 0  # doc.text joins every token
    covering = doc.char_span(start, min(end, length), alignment_mode="expand")
    tokens = list(covering) if covering is not None else []
    if not tokens:
        return None, set()
    inside = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])
    found = _valued(root, inside) or _described(root, inside)
    if found is None:
        counted = _counted_noun(root, inside)
        found = _counted_found(counted, inside) if counted is not None else _climb(root, inside)
        if counted is not None and found is not None and found.noun is counted:
            _part_of(root, found)
    if found is not None and not found.pointing:
        first, after = tokens[0].i, tokens[-1].i + 1
        if first > 1 and doc[first - 1].dep_ == "case" and is_name(doc[first - 1].head):
            found.own = doc[first - 1].head  # "the Liberals' £212,000"
        per = next((i for i in range(first + 1, min(after + 1, len(doc) - 1))
                    if doc[i].lower_ in ("a", "an", "per")), None)
        if per is not None and doc[per + 1].tag_ == "NN" and doc[per + 1].dep_ in ("npadvmod", "pobj") \
                and doc[per + 1].lower_ not in PLACEHOLDER_NOUNS \
                and (per + 2 == len(doc) or doc[per + 2].lower_ not in _RELATIVE_TIME):
            found.extra = f"{found.extra} per {doc[per + 1].lower_}".strip()  # "$50 a barrel"
    return found, inside


def _part_of(root, found: Found) -> None:
    """ "Acme owns 8% of Beta" -> "Acme stake in Beta"; "Acme had 90% of users" ->
    "Acme share of users": a percentage some subject has of a thing."""
    if root.lower_ not in ("%", "percent") or root.dep_ != "dobj":
        return
    verb = root.head
    subject = _verb_subject(verb) if verb.tag_.startswith("VB") else None
    if subject is None or subject.lower_ in ("they", "them", "who", "which", "that"):
        return
    found.owner = _named(subject)
    found.part = "stake in" if verb.lower_ in _OWNING_VERBS else "share of"


def _valued(root, inside: set[int]) -> Found | None:
    """ "put output at 7bn litres", "sold 3.1 million shares at $27 each":
    what a verb puts a figure on is its object."""
    head = root.head
    if root.dep_ != "pobj" or head.lower_ != "at" or not head.head.tag_.startswith("VB"):
        return None
    verb = head.head
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < root.i and _is_noun(c)
                and not any(t.i in inside for t in c.subtree)), None)
    return Found(_measured(obj, inside)) if obj is not None else None


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
    figure of shares measures their price."""
    if found.noun is None:
        owner = _owner_text(found.own or found.owner, resolve, inside)
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
        phrase = _words(tokens)
    for token in tokens:  # "a 50% stake in the club" -> "stake in Dunmore Rovers"
        if token.dep_ == "pobj" and token.i != noun.i and token.lower_ in _STAND_IN_CLUBS and stands_in(token):
            name = resolve(token)
            if name and not _names_in(name, phrase):
                phrase = re.sub(r"\b(?:the|this) " + re.escape(token.text) + r"\b", name, phrase, count=1)
    if found.part:
        owner = _owner_text(found.owner, resolve, inside) if found.owner is not None else ""
        if owner and (found.owner.tag_ in _NAME_TAGS or resolve.is_name(found.owner) or stands_in(found.owner)):
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
    if any(resolve.is_name(t) or t.tag_ in _NAME_TAGS or t.lower_ in PRONOUNS or t.lower_ in COUNTRY_WORDS
           for t in tokens) or _owned_elsewhere(noun):
        return phrase
    macro = any(word in MACRO_WORDS for word in phrase.lower().split()) or resolve.commodity in DOMESTIC_COMMODITIES \
        and noun.lower_ in ("price", "prices")
    name = resolve.default_owner() if noun.lower_ in OWNED_MEASURES else ""
    if not name and macro:
        name = resolve.country  # "the trade gap" in an article about Ruritania: "Ruritania trade gap"
    if name and not _names_in(name, phrase):
        phrase = f"{name} {phrase}"  # "profits" in an article about Acme: "Acme profits"
    return phrase


#: Stand-ins written out inside a phrase; "the country" and "the government" stay.
_STAND_IN_CLUBS = frozenset("firm company group club airline carrier bank retailer chain studio carmaker".split())
_TRADE_GAP = re.compile(
    r"(?:the )?(?:gap|difference|shortfall|balance) between (?:what )?(?:the )?(?:(?P<owner>[A-Z][\w.]*)(?:'s)? )?"
    r"(?:exports|exported|exports of goods)(?: and| with)(?: what it)? (?:imports|imported)$")


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
    if name or owner.lower_ in PRONOUNS or stands_in(owner) or owner.tag_ not in _NOUN_TAGS:
        return name
    tokens = _phrase_tokens(owner, inside)
    phrase = _words([t for t in tokens if t.dep_ != "prep" and t.head.dep_ != "prep"] or tokens)
    poss = next((c for c in owner.lefts if c.dep_ == "poss"), None)
    if poss is not None and (poss.lower_ in PRONOUNS or stands_in(poss)):
        name = resolve(poss)
        if name:
            phrase = f"{name} {phrase}"
    return phrase


class _Known:
    """The words a text capitalises inside sentences (:func:`capitalised_words`),
    found on the first question."""

    __slots__ = ("text", "_words")

    def __init__(self, text: str) -> None:
        self.text, self._words = text, None

    def __contains__(self, word: str) -> bool:
        if self._words is None:
            self._words = capitalised_words(self.text)
        return word in self._words


class _Paragraph:
    """The parsed sentences of a paragraph before the current one, and the names
    they give as subjects (read on the first question)."""

    __slots__ = ("known", "docs", "_names", "_main", "_read", "_words")

    def __init__(self, text: str, known: _Known | None = None) -> None:
        self.known = known if known is not None else _Known(text)
        self.docs: list = []
        self._names: list[str] = []
        self._main: list[str] = []
        self._read = 0
        self._words: frozenset[str] | None = None

    def names(self, main: bool = False) -> list[str]:
        """The names given as subjects, in order; with ``main``, only the subjects
        of main verbs."""
        if self._read < len(self.docs):
            for doc in self.docs[self._read:]:
                for _, name, of_main in sentence_names(doc, self.known):
                    self._names.append(name)
                    if of_main:
                        self._main.append(name)
            self._read, self._words = len(self.docs), None
        return self._main if main else self._names

    def words(self) -> frozenset[str]:
        names = self.names()
        if self._words is None:
            self._words = frozenset(word for name in names for word in name.split())
        return self._words


class _Names:
    """What tokens of one sentence name: a name itself, or for "it", "its" and "the
    firm" the subject before it in the sentence when that is a name (or stands for
    one), else the last name an earlier sentence of the ``paragraph`` gave as a
    subject, else the article's first name (``article``)."""

    __slots__ = ("doc", "paragraph", "article")

    def __init__(self, doc, paragraph: _Paragraph, article: Sequence[str]) -> None:
        self.doc, self.paragraph, self.article = doc, paragraph, article

    def is_name(self, token) -> bool:
        if is_name(token, self.paragraph.known):
            return True
        # "Tailspin runs 17 ferries" after "Tailspin Lines" was a subject
        return token.i == 0 and token.tag_ in _NOUN_TAGS and token.text[:1].isupper() \
            and token.text in self.paragraph.words()

    @property
    def country(self) -> str:
        return getattr(self.article, "country", "")

    @property
    def commodity(self) -> str:
        return getattr(self.article, "commodity", "")

    def default_owner(self) -> str:
        """Whose a measure the sentence gives no owner is: the last name an earlier
        sentence of the paragraph gave as the subject of its main verb, else the
        article's first name."""
        names = self.paragraph.names(main=True)
        if names:
            return names[-1]
        return self.article[0] if self.article else ""

    def __call__(self, token, depth: int = 0) -> str:
        if self.is_name(token):
            return name_text(token)
        lower = token.lower_
        if lower in ("his", "her"):  # "Ms Ruiz has seen her fortune shrink": the person before
            person = next((t for t in reversed(self.doc[:token.i]) if t.dep_ in _SUBJECT_DEPS), None)
            return name_text(person) if person is not None and person.tag_ in _NAME_TAGS else ""
        if depth > 2 or not stands_in(token) or token.lower_ in _PLACE_NOUNS:
            return ""
        for subject in reversed([t for t in self.doc[:token.i] if t.dep_ in _SUBJECT_DEPS]):
            named = _named(subject)
            if self.is_name(named):
                return name_text(named)
            owner = next((c for c in subject.lefts if c.dep_ in ("poss", "compound") and self.is_name(c)), None)
            if owner is not None and any(c.lower_ in ("former", "ex") for c in subject.lefts):
                continue  # "the former Acme chairman ... the club": no longer Acme's
            if owner is None:  # "Jo Bloggs, Acme's chief executive, said the firm ..."
                owner = next((p for c in subject.children if c.dep_ == "appos"
                              for p in c.children if p.dep_ == "poss" and self.is_name(p)), None)
            if owner is None:  # "shares in Acme fell after the firm said ..."
                owner = next((o for c in subject.rights if c.dep_ == "prep" and c.lower_ in ("in", "at", "of")
                              for o in c.children if o.dep_ == "pobj" and self.is_name(o)), None)
            if owner is not None:
                return name_text(owner)  # "Ruritania's deficit ... its shortfall"
            if stands_in(subject):
                return self(subject, depth + 1)
            if subject.lower_ in _PLACE_NOUNS:
                return ""  # "the country ... its economy": no company of the paragraph's
            if subject.tag_ == "NN" and subject.lower_ not in PRONOUNS:
                return ""  # "the panel ... its forecast": no company of the paragraph's
        names = self.paragraph.names()
        if names:
            return names[-1]
        return self.article[0] if self.article else ""


def _counted_noun(root, inside: set[int]):
    """The noun a bare number counts ("120 agreements"), or what a unit measures
    ("tons of cargo", "years of diplomatic relations", "8% of the company")."""
    head = root.head
    if root.tag_ == "CD" and root.dep_ in ("nummod", "quantmod", "compound", "amod") \
            and head.i not in inside and _is_noun(head) and head.i > root.i \
            and head.lower_ not in MOVEMENT_NOUNS and head.lower_ not in PLACEHOLDER_NOUNS \
            and head.lower_ not in _UNIT_WORDS:
        return _measured(head, inside)
    if root.tag_ in _NOUN_TAGS or root.tag_ == "CD":
        for child in root.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj" and c.tag_ in _NOUN_TAGS]
                if objects and objects[0].i not in inside and not _is_amount(objects[0]):
                    return _measured(objects[0], inside)
    return None


def _counted_found(noun, inside: set[int]) -> Found:
    """What a counted noun stands for: the subject a copula gives it ("the idle
    total is 2.6 million workers"), the object of the verb that puts a figure on it
    ("put output at 7 billion litres of milk"), else the noun itself and what
    it underwent ("cut 300 jobs" -> "jobs cut")."""
    head = noun.head
    if noun.dep_ == "attr" and head.lower_ in _COPULAS:
        subject = _subject_child(head)
        if subject is not None and subject.lower_ not in PRONOUNS:
            return Found(_measured(subject, inside))
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.tag_.startswith("VB"):
        obj = _object(head.head, inside)
        if obj is not None and obj.i < noun.i:
            return Found(_measured(obj, inside))
    if noun.dep_ == "appos" and head.tag_ in _NAME_TAGS:
        return Found(head)  # "Dana Ruiz, the 29-year-old cellist"
    found = Found(noun)
    if noun.dep_ == "nsubj" and head.tag_ == "VBG":
        words = [head]
        for child in head.rights:
            if child.dep_ not in ("dobj", "prep"):
                break
            part = list(child.subtree)
            if len(words) + len(part) > _MAX_CLAUSE_TOKENS or any(_is_amount(t) for t in part):
                break
            words.extend(part)
        if len(words) > 1:
            found.done = _words(words)  # "90 million pupils will be reading books on tablets"
    elif noun.dep_ == "dobj" and head.lower_ in _LIGHT_VERBS and _state(head, noun):
        found.done = _state(head, noun)  # "Ruritania had 2 million people out of work"
    elif noun.dep_ == "dobj" and head.tag_ in ("VBD", "VBN") and head.lower_ not in _LIGHT_VERBS \
            and _is_owner_like(_verb_subject(head)):
        found.done = head.lower_  # "Acme has cut 300 jobs" -> "Acme jobs cut"
    elif noun.dep_ == "nsubjpass" and head.tag_ == "VBN" and head.lower_ not in _SAYING_PARTICIPLES:
        found.done = head.lower_  # "4,100 homes have been flooded"
    elif noun.dep_ == "nsubjpass" and head.tag_ == "VBN":
        clause = next((c for c in head.children if c.dep_ == "xcomp"), None)
        words = [head, *(t for t in clause.subtree if t.tag_ not in ("WRB", "WDT"))] if clause is not None else []
        if words and len(words) <= 5 and not any(_is_amount(t) for t in words):
            found.done = _words(words)  # "300 cattle are feared to have drowned"
    elif noun.dep_ == "nsubj" and head.lower_ in _COPULAS:
        state = next((c for c in head.children if c.i > noun.i and c.dep_ in ("prep", "acomp")), None)
        words = list(state.subtree) if state is not None else []
        if words and len(words) <= 4 and not any(_is_amount(t) for t in words):
            found.done = _words(words)  # "2 million Ruritanians were without jobs"
    return found


def _state(verb, noun) -> str:
    """The state a verb's counted object is in, when the parse hangs it on the verb:
    "out of work" in "had 2 million people out of work"."""
    state = next((c for c in verb.rights if c.i > noun.i and c.dep_ == "prep" and c.lower_ in _STATE_PREPS), None)
    words = list(state.subtree) if state is not None else []
    if 1 < len(words) <= 4 and not any(_is_amount(t) or t.lower_ in _TIME_NOUNS or t.lower_ in _MONTHS
                                       for t in words):
        return _words(words)
    return ""


_STATE_PREPS = frozenset({"out", "without"})


def _is_owner_like(subject) -> bool:
    """A subject that owns what it acts on: a name, "it" or "the firm"."""
    return subject is not None and (subject.tag_ in _NAME_TAGS or subject.lower_ in ("it", "they", "we")
                                    or stands_in(subject))


def _climb(token, inside: set[int]) -> Found | None:
    """Walks from the figure up the parse to the noun it measures."""
    for _ in range(_MAX_CLIMB):
        head = token.head
        if head.i == token.i:
            return None
        dep = token.dep_
        if dep in _SUBJECT_DEPS:
            # the figure is itself the subject: what its verb says of it, if anything
            return _predicate(head, token, inside) if token.i in inside else None
        outside_noun = head.i not in inside and _is_noun(head) and not _is_amount(head, inside)
        if outside_noun and dep in _PREMODIFIER_DEPS and head.i > token.i and head.lower_ in _UNIT_WORDS:
            token = head  # "41.7 points higher": the unit the figure is in
            continue
        if outside_noun and dep in _PREMODIFIER_DEPS and head.i > token.i:
            # "a 35% slide in margins", "a $6bn deal", "the three-year plan"
            found = _noun_found(head, inside)
            if found is not None:
                return found
            token = head
            continue
        if dep == "pobj" and head.lower_ in ("of", "with") and head.head.tag_ in _NOUN_TAGS \
                and head.head.i not in inside:
            noun = head.head
            if noun.lower_ in MEASURE_NOUNS or noun.lower_ in PLACEHOLDER_NOUNS:
                owner = _owner_of_measure(noun)
                if owner is not None:
                    return Found(owner)
                if _is_pointing(noun):
                    return Found(pointing=True)
                token = noun
                continue
            if head.lower_ == "of" and noun.dep_ == "pobj" and noun.head.lower_ in ("excluding", "including") \
                    and _is_noun(noun.head.head):
                noun = noun.head.head  # "profit excluding charges of $2.07"
            if head.lower_ == "of":
                found = _noun_found(noun, inside)
                if found is not None:
                    return found
                token = noun
                continue
        if dep == "appos" and outside_noun:
            if _is_amount(head) or head.lower_ in PLACEHOLDER_NOUNS:
                token = head  # "$60bn (£31.7bn)": what the main amount measures
                continue
            return Found(_measured(head, inside))
        if dep == "conj" and _is_amount(head):
            token = head
            continue
        if dep == "pobj" and head.dep_ in ("prep", "agent") and head.head.tag_ in _NOUN_TAGS \
                and head.head.i not in inside:
            noun = head.head  # "a gain in yearly margins to $8.4bn", "stock at $27"
            found = _noun_found(noun, inside)
            if found is not None:
                return found
            token = noun
            continue
        if dep in ("acl", "relcl", "amod", "prep") and outside_noun and head.i < token.i:
            # "the shortfall, well above the $31bn forecast", "grants totalling ..."
            found = _noun_found(head, inside)
            if found is not None:
                return found
            token = head
            continue
        if dep not in _CLIMB_DEPS:
            return None
        if head.tag_.startswith("VB"):
            found = _verb_found(head, token, dep, inside)
            if found is not None:
                return found
        else:
            subject = _subject_child(head)
            if subject is not None:
                return _subject_found(subject, inside)
        token = head
    return None


def _predicate(verb, subject, inside: set[int]) -> Found | None:
    """What a figure that is the subject of ``verb`` is, as the verb says: "59% are
    men" -> "men"; "$4bn is required to rebuild the bridges" -> "required to rebuild the
    bridges"; "3 million have installed the app" -> "installed the app"."""
    if verb.lower_ in _COPULAS:
        attr = next((c for c in verb.children if c.dep_ == "attr" and c.i > subject.i and _is_noun(c)), None)
        return Found(_measured(attr, inside)) if attr is not None and not _is_amount(attr, inside) else None
    if not verb.tag_.startswith("VB") or verb.lower_ in _EXPECTING_VERBS:
        return None
    words = [verb]
    purpose = False
    for child in verb.rights:
        if child.dep_ in ("dobj", "xcomp", "prt", "attr", "acomp", "oprd", "agent"):
            words.extend(child.subtree)
        elif child.dep_ == "advcl" and verb.tag_ == "VBN" and _is_purpose(child):
            words.extend(child.subtree)  # "$2bn is needed to repair the dams"
            purpose = True
        elif child.dep_ != "prep":
            break
    limit = _MAX_CLAUSE_TOKENS + 2 if purpose else _MAX_CLAUSE_TOKENS
    if len(words) < 2 or len(words) > limit or any(_is_amount(t, inside) for t in words):
        return None
    return Found(None, None, _words(words))


def _is_purpose(clause) -> bool:
    """A clause saying what something is for: "to repair the dams"."""
    return clause.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _noun_found(noun, inside: set[int]) -> Found | None:
    """What a noun the figure modifies measures: the noun itself ("jobs"), what a
    movement is in ("a rise in profits"), or None to climb on from it."""
    lower = noun.lower_
    if lower in MOVEMENT_NOUNS:
        target = _prep_object(noun, ("in", "of"), inside)
        if target is not None and (target.lower_ in _TIME_NOUNS or target.lower_ in _MONTHS or target.like_num):
            return None  # "the £3bn gain in July": a time, no measure; climb on to the clause's
        if target is not None:
            return Found(_measured(target, inside))
        if lower == "growth" and any(c.dep_ in ("compound", "amod", "poss") and c.i not in inside
                                     and c.tag_ != "CD" for c in noun.lefts):
            return Found(noun)  # "earnings growth of 5%"
        return None
    if lower in _TIME_NOUNS:
        return None  # "ended the session 41 points higher"
    if lower in PLACEHOLDER_NOUNS:
        if _is_pointing(noun) or (lower in _POINTING_NOUNS and not _prep_object(noun, ("of",), inside)
                                  and not any(c.dep_ in ("compound", "amod") for c in noun.lefts)):
            return Found(pointing=True)  # "a figure nearer to $7m"
        return None
    return Found(_measured(noun, inside))


def _verb_found(verb, token, dep: str, inside: set[int]) -> Found | None:
    """What a figure hanging from ``verb`` (by ``dep``, through ``token``) measures:
    the verb's subject ("sales rose 2%", "the gap was $3bn"), its object ("cut its
    debt by 10%"), or for an amount it takes as object, its subject and the measure
    the verb names ("it took $42m" -> takings)."""
    if dep in ("dobj", "attr", "oprd") and token.i in inside:
        subject = _verb_subject(verb)
        if verb.lower_ in _COPULAS:
            return _subject_found(subject, inside) if subject is not None else None
        nominal = _nominal(verb, subject, inside)
        if subject is None or nominal.startswith("cost "):
            return Found(None, None, nominal) if nominal else None
        subject = _named(subject)
        if not nominal and subject.lower_ in PRONOUNS and verb.dep_ == "relcl" and _is_noun(verb.head):
            return Found(_measured(verb.head, inside))  # "the takings of the opening night, when it made $8m"
        if subject.lower_ in PRONOUNS or stands_in(subject) or subject.tag_ in _NAME_TAGS \
                or subject.text[:1].isupper():
            return Found(None, subject, nominal)
        if verb.lower_ in _EXPECTING_VERBS:
            return Found(pointing=True)  # "brokers had forecast 61 cents": the figure before
        if nominal:
            return Found(None, subject, nominal)  # "the charity was spending £9m"
        return _subject_found(subject, inside)
    if dep in ("prep", "npadvmod", "advmod", "agent", "dative", "acomp"):
        relative = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ in _RELATIVE_WORDS), None)
        if relative is not None and verb.dep_ == "relcl" and verb.head.tag_ in _NOUN_TAGS:
            return Found(_measured(verb.head, inside))  # "provisions, which it put at $700m"
        obj = _object(verb, inside)
        found = _noun_found(obj, inside) if obj is not None else None
        if found is not None and not found.pointing:
            return found  # "raising its payout by 14%"
        if obj is None:
            for child in verb.children:  # "the brewer made a profit of £43m against £61m"
                if child.dep_ == "dobj" and child.i not in inside and child.i < token.i \
                        and child.tag_ in _NOUN_TAGS:
                    found = _noun_found(child, inside)  # "reporting a 37% jump in margins to £214m"
                    if found is not None and not found.pointing:
                        return found
        subject = _subject_child(verb)
        if subject is not None:
            found = _subject_found(subject, inside)
            if found is not None and found.noun is not None:
                found.extra = _against(verb)
            return found
    if dep in ("xcomp", "conj") or (dep == "advcl" and token.tag_ in ("VBG", "VBN", "VB")
                                    and not any(c.dep_ in ("mark", "nsubj") for c in token.children)):
        subject = _subject_child(verb)  # "spending is set to rise by 5%", "stores did well, rising 2%"
        if subject is not None:
            return _subject_found(subject, inside)
    return None


def _nominal(verb, subject, inside: set[int]) -> str:
    """The measure a verb taking an amount names, with what the amount goes to:
    "spent £3m on the launch" -> "spending on the launch"; "it would take £70m
    to buy the port" -> "cost to buy the port"."""
    nominal = NOMINALS.get(verb.lower_, "")
    if not nominal:
        return ""
    if nominal == "takings" and (subject is None or subject.lower_ == "it"):
        purpose = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl")
                        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        words = list(purpose.subtree) if purpose is not None else []
        if words and len(words) <= 6 and not any(_is_amount(t) for t in words):
            return f"cost {_words(words)}"
    return f"{nominal} {_verb_preps(verb, inside)}".strip()


def _verb_preps(verb, inside: set[int]) -> str:
    """What a verb's amount goes to: "on the launch", "in Tailspin Rovers"."""
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in ("in", "on", "for", "into"):
            words = list(child.subtree)
            if 1 < len(words) <= 5 and not any(t.i in inside or _is_amount(t) for t in words):
                return _words(words)
    return ""


def _described(root, inside: set[int]) -> Found | None:
    """ "the £900m being spent on training" -> "spending on training"; "the £6m
    received by charities" -> "received by charities": a participle after the figure."""
    verb = next((c for c in root.rights if c.dep_ in ("acl", "relcl") and c.tag_ in ("VBN", "VBG")), None)
    if verb is None or verb.lower_ in _EXPECTING_VERBS:
        return None
    nominal = NOMINALS.get(verb.lower_)
    if nominal:
        return Found(None, None, f"{nominal} {_verb_preps(verb, inside)}".strip())
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    obj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if obj is None or _is_amount(obj, inside) and obj.tag_ == "CD":
        return None
    return Found(None, None, f"{verb.lower_} {agent.lower_} {_phrase(obj, inside)}")


def _against(verb) -> str:
    """ "against the euro" in "the dollar fell 2% against the euro"."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("against", "versus"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            words = [child, *obj.subtree] if obj is not None else []
            if 1 < len(words) <= 5 and not any(_is_amount(t) for t in words):
                return _words(words)
    return ""


def _named(token):
    """``token``, or the name in apposition to it ("Dutch chemicals group Norvik")."""
    if token.tag_ in _NAME_TAGS:
        return token
    return next((c for c in token.children if c.dep_ == "appos" and c.tag_ in _NAME_TAGS), token)


def _object(verb, inside: set[int]):
    """The noun object of ``verb`` that holds no figure and is no time ("ended the session")."""
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i not in inside and c.tag_ in _NOUN_TAGS
                 and c.lower_ not in _TIME_NOUNS
                 and not any(t.i in inside or _is_amount(t) for t in c.subtree)), None)


def _subject_found(subject, inside: set[int]) -> Found | None:
    lower = subject.lower_
    if lower in _RELATIVE_WORDS and subject.head.dep_ == "relcl":
        subject = subject.head.head
        lower = subject.lower_
    if lower in _POINTING_WORDS or (
            lower in _POINTING_NOUNS
            and any(c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those", "the") for c in subject.children)
            and not any(c.dep_ == "prep" for c in subject.rights)):  # "the number of visitors" is no pointer
        return Found(pointing=True)
    names = [c for c in subject.head.children if c.dep_ in _SUBJECT_DEPS and c.i != subject.i and c.tag_ in _NAME_TAGS]
    if names and subject.tag_ not in _NAME_TAGS:
        subject = names[0]  # "Ruritania's biggest brewer, Norvik, fell 1.4%"
    return Found(_measured(subject, inside))


def _is_noun(token) -> bool:
    """A noun, or a word the tagger took for a verb where only a noun can stand
    ("a $6bn deal" tagged as the verb "deal")."""
    return token.tag_ in _NOUN_TAGS or (token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass")
                                        and token.tag_ in ("VBP", "VB", "VBZ"))


def _is_pointing(noun) -> bool:
    return noun.lower_ in _POINTING_NOUNS and any(
        c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those") for c in noun.children)


def _is_amount(token, inside: set[int] | frozenset[int] = frozenset()) -> bool:
    """A token of another figure (not of ``inside``): a number, or a money or unit
    word with one."""
    return token.tag_ in ("CD", "$") or any(
        (c.tag_ == "CD" or c.tag_ == "$") and c.i not in inside for c in token.children)


def _prep_object(noun, preps: tuple[str, ...], inside: set[int]):
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.i not in inside and obj.tag_ in _NOUN_TAGS \
                        and not _is_amount(obj):
                    return obj
    return None


def _subject_child(token):
    if not (token.tag_.startswith("VB") or token.tag_.startswith("JJ") or token.dep_ == "ROOT"):
        return None
    return next((c for c in token.children if c.dep_ in _SUBJECT_DEPS), None)


def _verb_subject(verb):
    """The subject of ``verb``, or of the verb its clause hangs from ("it had hoped
    to save £130m", "Tailspin owns 17 ferries and runs 88 sailings")."""
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None:
            if subject.lower_ in _RELATIVE_WORDS and verb.dep_ == "relcl":
                return verb.head
            return subject
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.tag_.startswith("VB"):
            verb = verb.head.head  # "ended third after taking $11m"
            continue
        if verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


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
    if any(names.is_name(t) for t in tokens):
        return None
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


def _words(tokens: list) -> str:
    words = "".join(t.text_with_ws for t in sorted(tokens, key=lambda t: t.i))
    return _SPACE.sub(" ", words).strip(" ,;:“”\"'-")


def _modifier_start(token) -> bool:
    """A participle that modifies the noun after it ("proposed spending"), not a verb
    the parser took for one ("... and said demand would be ...")."""
    if token.i == 0:
        return True
    before = token.doc[token.i - 1]
    return before.tag_ not in ("CC", ",", ":", "-LRB-", "HYPH", "NFP") and not before.tag_.startswith("VB") \
        and sum(1 for _ in token.subtree) <= 2


def _phrase(noun, inside: set[int]) -> str:
    """The noun phrase of ``noun`` without determiners, pronouns, participles or
    the figure itself: "bilateral trade between Kazakhstan and Azerbaijan"."""
    return _words(_phrase_tokens(noun, inside))


def _phrase_tokens(noun, inside: set[int], keep_owner: bool = True) -> list:
    chosen = [noun]
    for child in noun.lefts:
        if child.i in inside:
            continue
        if child.dep_ in ("compound", "nmod") or (child.dep_ == "amod" and child.tag_ in ("JJ", "JJR", "NN", "NNP")) \
                or (child.dep_ == "amod" and child.tag_ == "VBN" and _modifier_start(child)):
            subtree = [t for t in child.subtree if t.i not in inside and t.dep_ != "det"]
            if not any(t.dep_ == "cc" or t.tag_ == "$" for t in subtree):
                chosen.extend(subtree)
        elif child.dep_ == "poss" and keep_owner and child.lower_ not in PRONOUNS and not stands_in(child):
            chosen.extend(t for t in child.subtree if t.i not in inside and t.dep_ != "det")
    rights = list(noun.rights)
    for index, child in enumerate(rights):
        subtree = list(child.subtree)
        if any(t.i in inside for t in subtree):
            if child.dep_ == "acl" and child.tag_ == "VBN" and child.i not in inside \
                    and child.lower_ not in _EXPECTING_VERBS and child.lower_ not in _SAYING_PARTICIPLES \
                    and child.lower_ not in ("projected", "set"):
                chosen.append(child)  # "the number of workers hired to 4,000": "workers hired"
            break
        if child.dep_ == "prep" and child.lower_ in _PHRASE_PREPS and len(subtree) <= _MAX_PREP_TOKENS \
                and not any(_is_amount(t) for t in subtree):
            chosen.extend(subtree)
        elif child.dep_ == "cc" and index + 1 < len(rights) and rights[index + 1].dep_ == "conj" \
                and rights[index + 1].tag_ in _NOUN_TAGS and not _is_amount(rights[index + 1]):
            chosen.append(child)
        elif child.dep_ == "conj" and child.tag_ in _NOUN_TAGS and chosen[-1].dep_ == "cc":
            chosen.extend(_phrase_tokens(child, inside))
        elif child.dep_ in ("relcl", "acl") and len(subtree) <= _MAX_CLAUSE_TOKENS \
                and not any(_is_amount(t) for t in subtree):
            chosen.extend(t for t in subtree if not t.is_punct)  # "Ruritanians who own e-readers"
        else:
            break
    return chosen
