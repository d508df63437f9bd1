"""The climb from a figure up its sentence's parse to what it measures: the noun it
modifies, the predicate it completes ("sales were $3 million"), the verb it hangs
from with that verb's subject and object, or the measure a verb names ("took" ->
"takings")."""

from __future__ import annotations

from desktop.nlp.figures.subjects.clauses import against, amount_purpose, measure_clause
from desktop.nlp.figures.subjects.found import Found
from desktop.nlp.figures.subjects.names import PRONOUNS, stands_in
from desktop.nlp.figures.subjects.tokens import (
    _MAX_CLAUSE_TOKENS,
    _is_amount,
    _is_noun,
    _is_pointing,
    _measured,
    _named,
    _object,
    _owner_of_measure,
    _phrase,
    _prep_object,
    _subject_child,
    _verb_subject,
    _words,
)
from desktop.nlp.figures.subjects.words import (
    _CLIMB_DEPS,
    _COPULAS,
    _EXPECTING_VERBS,
    _MONTHS,
    _NAME_TAGS,
    _NOUN_TAGS,
    _POINTING_NOUNS,
    _POINTING_WORDS,
    _PREMODIFIER_DEPS,
    _RELATIVE_WORDS,
    _SUBJECT_DEPS,
    _TIME_NOUNS,
    _UNIT_WORDS,
    MEASURE_NOUNS,
    MOVEMENT_NOUNS,
    NOMINALS,
    PLACEHOLDER_NOUNS,
)

_MAX_CLIMB = 12


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
            if head.lower_ in MOVEMENT_NOUNS and not any(c.dep_ == "prep" for c in head.rights):
                return _moved(head, inside)  # "a 3% improvement anticipated": of what the clause is about
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
            passive = _passive_subject(noun.head.head) if head.lower_ == "with" and noun.dep_ == "pobj" \
                and noun.head.dep_ == "agent" else None
            if passive is not None:
                return Found(_measured(passive, inside))  # "the record was set by X with $8m": the record
            found = _noun_found(noun, inside)
            if found is not None and head.lower_ in ("to", "from"):
                found.movement = ""  # the level a movement went to or came from, not its size
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
        if dep == "dobj" and head.dep_ == "acl" and head.lower_ in _TOTALLING and _is_noun(head.head) \
                and head.head.i not in inside:
            return _totalled(head, token, inside)
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


#: Participles by which an amount totals the things before it ("12 donations totalling £48,200").
_TOTALLING = frozenset("totalling totaling totalled totaled amounting worth costing valued".split())


def _totalled(verb, token, inside: set[int]) -> Found:
    """ "12 donations totalling £48,200 from Halden Services": the amount is of the
    things it totals, with where they come from or go to ("donations from Halden
    Services")."""
    noun = verb.head
    if noun.dep_ == "pobj" and noun.head.lower_ in ("for", "to", "from") and _is_noun(noun.head.head) \
            and noun.head.head.i not in inside:
        noun = noun.head.head  # "rebates for exporters totalling £4bn": the rebates total it
    found = _noun_found(noun, inside) or Found(_measured(noun, inside))
    found.extra = totals_whence(verb, token.i, inside)
    return found


def totals_whence(verb, after: int, inside: set[int]) -> str:
    """Where what a totalling participle totals comes from or goes to: "from Halden
    Services" in "donations totalling £48,200 from Halden Services"."""
    for child in verb.rights:
        if child.i > after and child.dep_ == "prep" and child.lower_ in ("from", "to", "for", "by", "on", "in"):
            words = list(child.subtree)
            if 1 < len(words) <= 7 and not any(_is_amount(t) or t.i in inside for t in words):
                return _words(words)
    return ""


def counted_whence(noun, inside: set[int]) -> str:
    """ "12 donations totalling £48,200 from Halden Services": where the counted
    things come from, as their totalling participle says."""
    verb = next((c for c in noun.rights if c.dep_ == "acl" and c.lower_ in _TOTALLING), None)
    return totals_whence(verb, verb.i, inside) if verb is not None else ""


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
            words.extend(_purpose_words(child))  # "$2bn is needed to repair the dams"
            purpose = True
        elif child.dep_ != "prep":
            break
    limit = _MAX_CLAUSE_TOKENS + 2 if purpose else _MAX_CLAUSE_TOKENS
    if len(words) < 2 or len(words) > limit or any(_is_amount(t, inside) for t in words):
        return None
    return Found(None, None, _words(words))


def _purpose_words(clause) -> list:
    """The words of a purpose clause, without the places and times its verb ends
    with when they make it long: "to repair the dams in the three northern provinces
    of the country" -> "to repair the dams"."""
    words = list(clause.subtree)
    if len(words) <= _MAX_CLAUSE_TOKENS:
        return words
    cut = {t.i for c in clause.rights if c.dep_ == "prep" for t in c.subtree}
    return [t for t in words if t.i not in cut]


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
            return Found(_measured(target, inside), movement=lower)
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


def _plural_misread(verb, subject) -> bool:
    """A plural noun the parser took for a verb after the noun before it, in the object
    of a gerund: "increasing world aid flows by $5bn" ("flows" as a verb, "aid" its
    subject, "increasing" a modifier of "aid")."""
    return verb.tag_ == "VBZ" and subject.tag_ == "NN" and subject.i == verb.i - 1 \
        and not any(c.dep_ in ("aux", "neg", "dobj") for c in verb.children) \
        and any(c.dep_ == "amod" and c.tag_ == "VBG" and c.i < subject.i for c in subject.lefts)


def _passive_subject(verb):
    """The noun a passive verb is said of ("the record" in "the record was set by ...")."""
    return next((c for c in verb.children if c.dep_ == "nsubjpass" and c.tag_ in ("NN", "NNS")), None)


def _moved(movement, inside: set[int]) -> Found | None:
    """What a movement noun with nothing after it ("a 3% improvement") is of: what the
    walk up from it finds, named as that movement ("improvement in revenue")."""
    found = _climb(movement, inside)
    if found is not None and not found.pointing and found.noun is not None:
        found.movement = movement.lower_
    return found


def _verb_found(verb, token, dep: str, inside: set[int]) -> Found | None:
    """What a figure hanging from ``verb`` (by ``dep``, through ``token``) measures:
    the verb's subject ("sales rose 2%", "the gap was $3bn"), its object ("cut its
    debt by 10%"), or for an amount it takes as object, its subject and the measure
    the verb names ("it took $42m" -> takings)."""
    if dep == "npadvmod" and token.i in inside and NOMINALS.get(verb.lower_, "cost") != "cost" \
            and not any(c.dep_ == "dobj" for c in verb.children):
        dep = "dobj"  # "they had spent £10m on the election": what was spent, parsed as an adverb
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
        found = _subject_found(subject, inside)
        if found is not None and found.noun is not None:
            found.extra = against(verb) or found.extra  # "the peso shed 0.4% against the dollar"
        return found
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
                        found.movement = ""  # the £214m is no size of the jump
                        return found
        subject = _subject_child(verb)
        if subject is not None and _plural_misread(verb, subject):
            return Found(subject, extra=verb.lower_)  # "increasing world aid flows by $5bn": "aid flows"
        if subject is not None:
            found = _subject_found(subject, inside)
            if found is not None and found.noun is not None:
                found.extra = against(verb) or found.extra
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
    return f"{nominal} {_verb_preps(verb, inside) or amount_purpose(verb, inside)}".strip()






def _verb_preps(verb, inside: set[int]) -> str:
    """What a verb's amount goes to: "on the launch", "in Tailspin Rovers"."""
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in ("in", "on", "for", "into"):
            words = list(child.subtree)
            stop = next((t.i for t in words if t.is_punct and t.i > child.i), None)
            if stop is not None and any(t.i in inside or _is_amount(t) for t in words):
                words = [t for t in words if t.i < stop]  # "on the campaign - second to £3m"
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
    if lower in MOVEMENT_NOUNS:
        moved = _noun_found(subject, inside)  # "growth in goods bought abroad slowed to 2%"
        if moved is not None:
            return moved
    names = [c for c in subject.head.children if c.dep_ in _SUBJECT_DEPS and c.i != subject.i and c.tag_ in _NAME_TAGS]
    if names and subject.tag_ not in _NAME_TAGS:
        subject = names[0]  # "Ruritania's biggest brewer, Norvik, fell 1.4%"
    measured = _measured(subject, inside)
    return Found(measured, extra=measure_clause(subject, inside) if measured is not subject else "")

