"""Clauses and phrases that end a subject: what an amount is for ("to advertise the
launch"), the clause after a measure noun that belongs to what it measures, and what a
movement is measured against ("against the euro")."""

from __future__ import annotations

from desktop.nlp.figures.subjects.tokens import _MAX_CLAUSE_TOKENS, _MAX_PURPOSE_TOKENS, _is_amount, _words
from desktop.nlp.figures.subjects.words import _MONEY_WORDS, _NAME_TAGS


def amount_purpose(verb, inside: set[int]) -> str:
    """What a verb's money is for: "to advertise the launch of the Ruritania" in
    "they raised $2m to advertise the launch of the Ruritania in the press, and ..."
    (the clause's own prepositions and the clauses joined to it left out)."""
    if not any(verb.doc[i].tag_ == "$" or verb.doc[i].lower_ in _MONEY_WORDS for i in inside):
        return ""  # "the book took seven years to write": a time, not money for something
    clause = next((c for c in verb.rights if c.dep_ in ("xcomp", "advcl") and c.tag_ == "VB"
                   and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    return _purpose_words(clause, inside) if clause is not None else ""


def purpose_after(doc, after: int, inside: set[int]) -> str:
    """What a part of an amount is for, when "to" and a verb follow it ("including £2bn
    to help farmers"), "" otherwise."""
    if after + 1 >= len(doc) or doc[after].tag_ != "TO" or doc[after].head.tag_ != "VB" \
            or doc[after].head.i != after + 1:
        return ""
    return _purpose_words(doc[after].head, inside)


def _purpose_words(clause, inside: set[int]) -> str:
    cut = {t.i for c in clause.rights if c.dep_ in ("conj", "cc", "prep", "punct") for t in c.subtree}
    words = [t for t in clause.subtree if t.i not in cut]
    if len(words) > _MAX_PURPOSE_TOKENS:
        first_prep = next((t.i for t in words if t.dep_ == "prep" and t.lower_ != "of"), None)
        words = [t for t in words if first_prep is None or t.i < first_prep]
    if not 1 < len(words) <= _MAX_PURPOSE_TOKENS or any(
            t.i in inside or t.tag_ in ("CD", "$") and not _model_number(t) for t in words):
        return ""
    return _words(words)


def _model_number(token) -> bool:
    """A number that is part of a name ("Firefox 1.0", "Windows 95")."""
    return token.tag_ == "CD" and token.head.tag_ in _NAME_TAGS and token.head.i < token.i


def measure_clause(measure, inside: set[int]) -> str:
    """The clause after a measure noun that belongs to what it measures: "using the
    Opera browser" in "the share of users using the Opera browser (OB) fell"."""
    clause = next((c for c in measure.rights if c.dep_ in ("acl", "relcl")), None)
    if clause is None:
        return ""
    words, depth = [], 0
    for token in clause.subtree:  # without what it puts in brackets ("(OB)")
        depth += token.text == "("
        if not depth:
            words.append(token)
        depth -= token.text == ")" and depth > 0
    if len(words) > _MAX_CLAUSE_TOKENS + 2 or any(t.i in inside or _is_amount(t) for t in words):
        return ""
    return _words(words)


def against(verb) -> str:
    """ "against the euro" in "the dollar fell 2% against the euro"."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("against", "versus"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            words = [child, *obj.subtree] if obj is not None else []
            if len(words) > 5:  # "against the dollar Analysts said ...": a lost full stop
                words = [child, *(t for t in obj.subtree if t.i <= obj.i)]
            if 1 < len(words) <= 5 and not any(_is_amount(t) for t in words):
                return _words(words)
    return ""
