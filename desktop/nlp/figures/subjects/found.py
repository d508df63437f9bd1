"""What a figure measures, as the walk up its sentence's parse finds it (:class:`Found`),
and for a number that counts something, the thing counted and the verb it underwent
("Acme has cut 300 jobs")."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.nlp.figures.subjects.names import PRONOUNS, stands_in
from desktop.nlp.figures.subjects.tokens import (
    _MAX_CLAUSE_TOKENS,
    _is_amount,
    _is_noun,
    _measured,
    _object,
    _subject_child,
    _verb_subject,
    _words,
)
from desktop.nlp.figures.subjects.words import (
    _COPULAS,
    _LIGHT_VERBS,
    _MONTHS,
    _NAME_TAGS,
    _NOUN_TAGS,
    _SAYING_PARTICIPLES,
    _TIME_NOUNS,
    _UNIT_WORDS,
    MEASURE_NOUNS,
    MOVEMENT_NOUNS,
    PLACEHOLDER_NOUNS,
)


@dataclass(slots=True)
class Found:
    """What a figure measures, as read from its sentence: the head ``noun`` of the
    thing measured, or, when the figure is the object of a verb, the verb's subject
    (``owner``) and the measure the verb names (``nominal``: "took" -> "takings").
    ``done`` is the verb the thing counted underwent ("cut" in "cut 300 jobs");
    ``own`` a name the figure itself is given ("the Liberals' £212,000"); ``extra``
    words that end the subject ("against the euro", "per share"); ``part`` what
    part of the noun a percentage of it is to its owner ("stake in", "share of");
    ``person`` an owner the sentence only describes ("the 41-year-old pianist"): the
    person the article is about; ``movement`` the noun of a movement the figure is the
    size of ("improvement" in "a 3% improvement in sales")."""

    noun: object | None = None
    owner: object | None = None
    nominal: str = ""
    pointing: bool = False
    done: str = ""
    own: object | None = None
    extra: str = ""
    part: str = ""
    person: bool = False
    movement: str = ""


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
    if noun.dep_ == "pobj" and head.lower_ in _VALUING_PREPS and head.head.tag_.startswith("VB"):
        obj = _object(head.head, inside)
        if obj is not None and obj.i < noun.i:
            return Found(_measured(obj, inside))
    if noun.dep_ == "pobj" and head.lower_ == "to" and head.head.tag_.startswith("VB"):
        counted = _counted_by_subject(head.head, inside)
        if counted is not None:
            return Found(counted)  # "the number of homes rose to 2 million units": homes
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
    elif noun.dep_ == "nsubj" and (head.lower_ in _COPULAS or head.lower_ in _LINKING_VERBS):
        state = next((c for c in head.children if c.i > noun.i and c.dep_ in ("prep", "acomp")), None)
        words = list(state.subtree) if state is not None else []
        if words and len(words) <= 4 and not any(_is_amount(t) for t in words):
            found.done = _words(words)  # "2 million Ruritanians were without jobs"
    return found


#: Verbs that, like "be", link a counted thing to its state ("2,000 homes remain empty").
_LINKING_VERBS = frozenset("become becomes became remain remains remained stay stays stayed".split())
#: Prepositions by which a verb puts a figure on its object ("put output at 7bn litres",
#: "expanded the board to 14 members"); "took Acme into third place with 10 seats" puts
#: none on Acme.
_VALUING_PREPS = frozenset({"at", "to"})


def _counted_by_subject(verb, inside: set[int]):
    """What the subject of ``verb`` counts when that is a measure noun ("the number of
    homes", "the total of jobs"): the thing a movement "to 2 million units" counts."""
    subject = _verb_subject(verb)
    if subject is None or subject.lower_ not in MEASURE_NOUNS:
        return None
    counted = _measured(subject, inside)
    return counted if counted is not subject else None


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
