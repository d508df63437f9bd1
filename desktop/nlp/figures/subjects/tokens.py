"""What the subject walk asks of a parsed token: is it a noun, an amount, a word
pointing back; its subject, object and the measure it names; and the words of the
phrase it heads."""

from __future__ import annotations

import re

from desktop.nlp.figures.subjects.names import PRONOUNS, stands_in
from desktop.nlp.figures.subjects.words import (
    _EXPECTING_VERBS,
    _NAME_TAGS,
    _NOUN_TAGS,
    _PHRASE_PREPS,
    _POINTING_NOUNS,
    _RELATIVE_WORDS,
    _SAYING_PARTICIPLES,
    _SUBJECT_DEPS,
    _TIME_NOUNS,
    MEASURE_NOUNS,
)

_OWNED_PARTS = frozenset({"share", "stake"})
_MAX_PREP_TOKENS = 7
_MAX_CLAUSE_TOKENS = 6
_MAX_PURPOSE_TOKENS = 10
_SPACE = re.compile(r"\s+")


#: Adjectives before a number that say what kind of the counted thing it is ("an
#: extra 10 seats" counts extra seats); qualifiers ("about", "nearly") say nothing of it.
_ADDED_WORDS = frozenset({"extra", "additional", "further", "new"})


def _named(token):
    """``token``, or the name in apposition to it ("Dutch chemicals group Norvik")."""
    if token.tag_ in _NAME_TAGS:
        return token
    return next((c for c in token.children if c.dep_ == "appos" and c.tag_ in _NAME_TAGS), token)


def _name_in_misread(subject):
    """``subject``, or the name before it when the parser took a word after the name for
    the subject ("Comedy Big Jim - co-written by ... - moved": "co" as a verb)."""
    if subject.tag_ in _NOUN_TAGS or not subject.tag_.startswith("VB"):
        return subject
    return next((c for c in subject.lefts if c.dep_ == "compound" and c.tag_ in _NAME_TAGS), subject)


def _object(verb, inside: set[int]):
    """The noun object of ``verb`` that holds no figure and is no time ("ended the session")."""
    return next((c for c in verb.children if c.dep_ == "dobj" and c.i not in inside and c.tag_ in _NOUN_TAGS
                 and c.lower_ not in _TIME_NOUNS
                 and not any(t.i in inside or _is_amount(t) for t in c.subtree)), None)


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
            return _name_in_misread(subject)
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
    """ "trade" for "the volume of mutual trade"; the noun itself otherwise, also a
    share someone has ("its share of users" is the owner's share)."""
    if noun.lower_ not in MEASURE_NOUNS or noun.lower_ in _OWNED_PARTS and any(c.dep_ == "poss" for c in noun.lefts):
        return noun
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj" and c.tag_ in _NOUN_TAGS and c.i not in inside]
            if objects and not any(t.i in inside for t in objects[0].subtree):
                return objects[0]
    return noun


def _words(tokens: list) -> str:
    words = "".join(t.text_with_ws for t in sorted(tokens, key=lambda t: t.i))
    return _SPACE.sub(" ", words).strip(" ,;:“”\"'-")


#: Participles that before a noun only ever modify it.
_PLAN_PARTICIPLES = frozenset("planned proposed projected budgeted revised adjusted combined".split())


def _modifier_start(token) -> bool:
    """A participle that modifies the noun after it ("proposed spending"), not a verb
    the parser took for one ("... and said demand would be ...")."""
    if token.i == 0:
        return True
    if token.lower_ in _PLAN_PARTICIPLES and token.head.i == token.i + 1:
        return True  # "..., and planned spending would double": only ever a modifier
    before = token.doc[token.i - 1]
    return before.tag_ not in ("CC", ",", ":", "-LRB-", "HYPH", "NFP") and not before.tag_.startswith("VB") \
        and sum(1 for _ in token.subtree) <= 2


def _age_bound(token) -> bool:
    """A number that bounds the ages of a group ("children under 18", "aged 65"): part of
    the group's name, not a figure of its own."""
    before = token.doc[token.i - 1] if token.i else None
    return token.tag_ == "CD" and before is not None and before.lower_ in ("under", "over", "aged") \
        and not any(c.tag_ == "$" for c in token.children)


def _clause_limit(clause) -> int:
    """How long a clause after a noun may be and still belong to its phrase: longer
    for what the thing is for ("a plan to fight the disease and find a cure"), unless
    it goes on into prepositions ("to pay for the cost of moving from ...")."""
    purpose = clause.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) \
        and not any(t.dep_ == "prep" for t in clause.subtree)
    return _MAX_PURPOSE_TOKENS if purpose else _MAX_CLAUSE_TOKENS


def _phrase(noun, inside: set[int]) -> str:
    """The noun phrase of ``noun`` without determiners, pronouns, participles or
    the figure itself: "bilateral trade between Kazakhstan and Azerbaijan"."""
    return _words(_phrase_tokens(noun, inside))


def _phrase_tokens(noun, inside: set[int], keep_owner: bool = True) -> list:
    chosen = [noun]
    for child in noun.lefts:
        if child.i in inside:
            chosen.extend(c for c in child.lefts if c.dep_ == "amod" and c.lower_ in _ADDED_WORDS)
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
        elif child.dep_ in ("relcl", "acl") and len(subtree) <= _clause_limit(child) \
                and not any(_is_amount(t) and not _age_bound(t)
                            and not any(_age_bound(c) for c in t.children) for t in subtree):
            chosen.extend(t for t in subtree if not t.is_punct)  # "Ruritanians who own e-readers"
        else:
            break
    return chosen
