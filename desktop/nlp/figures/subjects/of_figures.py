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
from dataclasses import replace
from typing import TYPE_CHECKING

from desktop.nlp.figures.subjects.article import COUNTRY_WORDS
from desktop.nlp.figures.subjects.clauses import purpose_after
from desktop.nlp.figures.subjects.climb import _climb, _described, counted_whence
from desktop.nlp.figures.subjects.found import Found, _counted_found, _counted_noun
from desktop.nlp.figures.subjects.names import is_name, person_opening
from desktop.nlp.figures.subjects.references import _Names, _Paragraph
from desktop.nlp.figures.subjects.render import render
from desktop.nlp.figures.subjects.tokens import _is_amount, _is_noun, _measured, _named, _phrase, _verb_subject
from desktop.nlp.figures.subjects.wording import (
    compared_alone,
    exchange_rate,
    movement_in_time,
    same_clause,
    unit_price,
    with_base,
    with_destination,
    with_exclusion,
    with_session,
    without_session,
)
from desktop.nlp.figures.subjects.words import (
    _MONEY_WORDS,
    _NAME_TAGS,
    _OWNING_VERBS,
    _RELATIVE_TIME,
    _SAYING_PARTICIPLES,
    _TIME_NOUNS,
    ANAPHOR,
    NOMINALS,
    PLACEHOLDER_NOUNS,
)

if TYPE_CHECKING:
    from desktop.nlp.figures.surroundings import FigureContext


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
    abbreviations = (*getattr(names, "abbreviations", ()), *_short_forms(names))
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
            paragraph.before = _sentence_before(context, place)
        subject = ""
        if doc is not None and not context.inside_period(index):
            start, end = reading.start - place.first, reading.end - place.first
            found, inside = find(doc, start, end)
            if found is not None and found.own is not None and last_found is not None \
                    and (found.noun is None or found.noun.i in (found.own.i, found.own.head.i)
                         or found.noun.i < min(inside)):
                # "the Reds' drive cost £2.3m, the Blues' £515,000": the measure before, theirs
                # (also when the walk from "the Blues' £515,000" reached a noun before it)
                own = found.own
                found, inside = replace(last_found[0], own=own), last_found[1]
            if found is not None and found.pointing:
                subject = last_subject
            elif found is not None and found.person:
                person = person_before(context.text, place.first) or getattr(names, "person", "")
                subject = f"{person}'s age" if person else ""
            elif found is not None:
                subject = render(found, inside, _Names(doc, paragraph, names), reading.kind == "money")
                if subject and abbreviations:
                    subject = _expanded(subject, abbreviations)
                if subject:
                    subject = _whole_names(subject, context.text[place.first:place.last])
            if reading.kind == "money":
                subject = exchange_rate(context.text, reading.end, reading.unit_code) or subject
            if not subject and reading.kind == "money":
                subject = unit_price(context.text, reading.start, reading.end, getattr(names, "commodity", ""))
            if sentence_subjects and (not subject and (
                    same_clause(context.text, context.readings[index - 1], reading) or found is None)
                    or (compared_alone(context.text, reading) or movement_in_time(context.text, reading))
                    and same_clause(context.text, context.readings[index - 1], reading)):
                subject = sentence_subjects[-1]
            purpose = _part_purpose(doc, inside) if doc is not None and inside else ""
            if subject and purpose and purpose not in subject:
                subject = f"{subject} {purpose}"  # "including £2bn to help farmers": that part's use
            if subject and found is not None and not found.pointing:
                subject = with_exclusion(subject, context.text, place.first, reading.start)
                subject = with_base(subject, context.text, reading)
                subject = with_destination(subject, context.text, reading)
                if reading.kind == "money":  # a price, quoted in a session
                    subject = with_session(subject, context.text, reading)
                if sentence_subjects and found.noun is not None and found.noun.lower_ in _SESSION_ENDS:
                    subject = f"{without_session(sentence_subjects[-1])} {subject}"  # "fell to $9, from a $10 close"
            if subject:
                last_subject = subject
                sentence_subjects.append(subject)
                if found is not None and found.own is None:
                    last_found = (found, inside)
        subjects.append(subject)
    return subjects


#: Nouns of a trading session's end a price is quoted at ("from a $10.05 close").
_SESSION_ENDS = frozenset({"end", "close", "finish", "opening", "open"})


def _sentence_before(context: FigureContext, place) -> str:
    """The text of the sentence before ``place``'s, "" when it is in another paragraph."""
    if place.sentence <= 0:
        return ""
    first, last = context.sentences[place.sentence - 1]
    return context.text[first:last] if first >= place.paragraph else ""


def person_before(text: str, start: int) -> str:
    """The person whose name opens the sentence before ``start`` in ``text``, "" when
    that sentence opens with no person's name ("Dana Ruiz has bought the club." ->
    "Dana Ruiz"): whom "the 41-year-old pianist" of the next sentence means."""
    before = text[:start].rstrip()
    end = max(before.rfind(". ", 0, len(before) - 1), before.rfind("\n", 0, len(before) - 1))
    return person_opening(before[end + 1 if end >= 0 else 0:])


def _short_forms(names: Sequence[str]) -> list[tuple[str, str]]:
    """The first word of each of the article's names of several words, with the name:
    ("Dunmore", "Dunmore Rovers"). A story calls its company by the first word of its
    name ("Dunmore has 42 players"); a reader names it in full. Not a country's word,
    nor a word two names begin with."""
    firsts = [name.split()[0] for name in names if " " in name]
    return [(first, name) for first, name in zip(firsts, (n for n in names if " " in n))
            if firsts.count(first) == 1 and first[:1].isupper() and first.lower() not in COUNTRY_WORDS
            and len(first) > 2]


_CAPITALISED = r"[A-Z][\w&.-]*[\w&]"
#: A run of capitalised words, with "of", "the", "a" or a possessive inside a title:
#: "A Series of Unfortunate Events", "Lemony Snicket's A Series of ..." ("and" joins
#: two names: "Labour and the Conservatives").
_TITLE_RUN = re.compile(_CAPITALISED + r"(?:(?:'s|’s)?(?: (?:of|the|a|A|de))* " + _CAPITALISED + r")*")
_NAME_RUN = re.compile(_CAPITALISED + r"(?: " + _CAPITALISED + r")*")
#: Capitalised words that open a sentence and begin no name.
_OPENERS = frozenset("the a an in on at but and however it its this that these those he she they we i"
                     " yet so also still now meanwhile after as for with while when if since".split())


def _whole_names(subject: str, sentence: str) -> str:
    """``subject`` with a name it holds only part of written as the sentence writes it
    whole: "Unfortunate Events" -> "Lemony Snicket's A Series of Unfortunate Events"
    when the parse kept only the title's last words. A country's word alone stays
    ("US" in "US Commerce Department")."""
    runs = [match.group() for match in _TITLE_RUN.finditer(sentence)]
    for part in {match.group() for match in _NAME_RUN.finditer(subject)}:
        if part.lower() in COUNTRY_WORDS:
            continue
        pattern = re.compile(r"(?<![\w'-])" + re.escape(part) + r"(?![\w-])")
        whole = max((run for run in runs if run != part and pattern.search(run)), key=len, default="")
        words = whole.split()
        while words and (words[0].lower() in _OPENERS or _possessive_stem(words[0]).lower() in COUNTRY_WORDS):
            words.pop(0)  # "Yet Mr Ruiz", "Japan's Globex Bank": no part of the name
        whole = " ".join(words)
        found = pattern.search(subject) if len(whole) > len(part) and whole not in subject else None
        if found is not None:
            subject = subject[:found.start()] + whole + subject[found.end():]
    return subject


def _possessive_stem(word: str) -> str:
    return word.removesuffix("'s").removesuffix("’s") if word.endswith(("'s", "’s")) else ""


def _expanded(subject: str, abbreviations: Sequence[tuple[str, str]]) -> str:
    """``subject`` with the article's abbreviations written out: "OM's market share"
    -> "Opera Mobile's market share" (the long form is how readers name it)."""
    for short, long in abbreviations:
        if short in subject and long not in subject:
            subject = re.sub(r"(?<![\w-])" + re.escape(short) + r"(?![\w-]| [A-Z])", long, subject)
    return subject


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
    while tokens and tokens[0].tag_ in _EDGE_TAGS:
        tokens.pop(0)  # '"At least $10bn': the quote opens the sentence, not the figure
    while tokens and tokens[-1].tag_ in _EDGE_TAGS:
        tokens.pop()
    if not tokens:
        return None, set()
    inside = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])
    aged = _aged(root, inside)
    if aged is not None:
        return aged, inside
    found = _valued(root, inside) or _described(root, inside) or _dashed(tokens[0], inside)
    if found is None:
        counted = _counted_noun(root, inside)
        found = _counted_found(counted, inside) if counted is not None else _climb(root, inside)
        if counted is not None and found is not None and found.noun is counted:
            _part_of(root, found)
            found.extra = found.extra or counted_whence(counted, inside)
            _traded(root, found)
            found.done = found.done or _undergone(root)
    if found is not None and not found.pointing and found.noun is not None and root.lower_ in ("%", "percent"):
        group = _fronted_group(doc, inside)
        if group and group.lower() not in _phrase(found.noun, inside).lower():
            found.extra = f"among {group}"  # "Of the pupils who sat it, 60% are girls"
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


_DASHES = frozenset({"-", "—", "–", "--"})
#: Words between a dash and the figure it sets off: "costs - a predicted extra £250m".
_SET_OFF_TAGS = frozenset({"DT", "JJ", "VBN", "RB", "JJR"})


def _dashed(first, inside: set[int]) -> Found | None:
    """ "its fuel costs - a predicted £250m": a figure a dash sets off after a noun
    measures that noun, whatever the parse made of it."""
    doc, i = first.doc, first.i - 1
    while i > 0 and first.i - i <= 3 and doc[i].tag_ in _SET_OFF_TAGS and doc[i].i not in inside:
        i -= 1
    if i < 1 or doc[i].text not in _DASHES:
        return None
    noun = doc[i - 1]
    if noun.lower_ in _TIME_NOUNS:  # "the number of weddings last year - 271,124 -"
        noun = noun.head if noun.head.tag_ in ("NN", "NNS") and noun.head.i < noun.i else doc[0]
    if noun.tag_ not in ("NN", "NNS") or noun.lower_ in _TIME_NOUNS or noun.i in inside or _is_amount(noun) or noun.lower_ in PLACEHOLDER_NOUNS:
        return None
    return Found(_measured(noun, inside))


#: Punctuation a figure's span may take in at its edges: quotes, brackets, commas.
_EDGE_TAGS = frozenset({"``", "''", "-LRB-", "-RRB-", ",", ":", "."})


def _aged(root, inside: set[int]) -> Found | None:
    """ "Dana Ruiz, the 41-year-old pianist" -> Dana Ruiz's age: an age ("N-year-old")
    measures the person its noun names (the noun itself when it is a name, the name it is
    in apposition to), not the noun ("pianist"). A person the sentence does not name
    ("the 41-year-old pianist said") is the one the article is about."""
    if root.lower_ != "old" or not any(doc_token.lower_ == "year" for doc_token in root.doc[min(inside):root.i]):
        return None
    noun = root.head
    if noun.i in inside or root.dep_ != "amod" or noun.tag_ not in ("NN", "NNP", "NNPS"):
        return None
    if noun.tag_ in _NAME_TAGS:
        return Found(None, noun, "age")
    if noun.dep_ == "appos" and noun.head.tag_ in _NAME_TAGS:
        return Found(None, noun.head, "age")
    name = next((c for c in noun.children if c.dep_ == "appos" and c.tag_ in _NAME_TAGS), None)
    if name is not None:
        return Found(None, name, "age")
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    return Found(None, None, "age", person=True) if definite else None


def _part_purpose(doc, inside: set[int]) -> str:
    """What a part of an amount is for: "to help farmers" in "a £9bn budget, including
    £2bn to help farmers"; "" for a figure no "including" introduces."""
    root = next((doc[i] for i in inside if doc[i].head.i not in inside), None)
    if root is None or root.head.lower_ != "including":
        return ""
    return purpose_after(doc, max(inside) + 1, inside)


def _undergone(root) -> str:
    """What the part a percentage counts underwent: "already finished" in "60% of the
    repairs have already been finished"."""
    verb = root.head
    if root.lower_ not in ("%", "percent") or root.dep_ != "nsubjpass" or verb.tag_ != "VBN" \
            or verb.lower_ in _SAYING_PARTICIPLES:
        return ""
    return " ".join([*(c.lower_ for c in verb.lefts if c.dep_ == "advmod" and c.lower_ in ("already", "now")),
                     verb.lower_])


def _fronted_group(doc, inside: set[int]) -> str:
    """The group a sentence opening with "Of ..." takes its percentages of: "Of the 20
    million pupils who sat it, 60% are girls" -> "pupils who sat it"; "" otherwise."""
    opening = doc[0] if len(doc) else None
    if opening is None or opening.lower_ != "of" or opening.dep_ != "prep" or opening.i in inside:
        return ""
    group = next((c for c in opening.children if c.dep_ == "pobj" and _is_noun(c)), None)
    if group is None or any(t.i in inside for t in group.subtree):
        return ""
    return _phrase(group, inside)


#: Measures a verb names that read after the thing they are of ("goods exports").
_TRADE_NOMINALS = frozenset({"exports", "imports", "sales", "production"})


def _traded(root, found: Found) -> None:
    """ "Ruritania exported £6bn worth of goods" -> "Ruritania goods exports": an
    amount of a thing that is the object of a verb naming a measure is that measure
    of the thing, and its owner is the verb's subject when that is a name."""
    if root.head.lower_ == "worth" and root.head.i != root.i:
        root = root.head  # "£6bn worth of goods"
    verb = root.head
    nominal = NOMINALS.get(verb.lower_, "") if root.dep_ == "dobj" and verb.tag_.startswith("VB") else ""
    if nominal not in _TRADE_NOMINALS or found.done:
        return
    found.done = nominal
    subject = _verb_subject(verb)
    if subject is not None and is_name(_named(subject)) and found.own is None:
        found.own = _named(subject)


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
