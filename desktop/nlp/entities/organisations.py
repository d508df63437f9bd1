"""Organisations read by the words in and around a name: classes the model mislabels.

Works on one text (a chunk) and its entity spans, after :mod:`.context`.

1. A name that ends with a company's legal form ("Halverton & Co.", "Norvik
   Textiles Ltd") is an organisation, whatever kind of name the model read.
2. A one-word name right after "the", followed by a possessive, a stop or a verb,
   names no person ("the Courier's editor", "the Ledger was sold"): the model reads
   many a paper, firm or club it does not know as a person. It is an organisation
   (a people's word, "the Uzbek said", is left alone: :func:`.context.is_people_word`).
3. A name that leads a role in it, after "president of", "a spokesman for",
   "director at" ("the president of Quarry Hill"), is an organisation where the model
   read a person.
4. "the" before an organisation's name that qualifies a noun of the organisation's
   parts or people ("the Halverton Bank chairman", "the Norvik unit") belongs to that
   noun, not to the name (as the news annotations read it): the span starts after it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from desktop.nlp.entities import reasons
from desktop.nlp.entities.consistency import COMPANY_ENDING
from desktop.nlp.entities.context import is_people_word
from desktop.nlp.entity_merge import EntitySpan

#: Labels the model gives an organisation by mistake, that a legal form overrules.
_NOT_A_COMPANY = frozenset({"PERSON", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})
#: "the" written right before a span (not "Bathe", not "the late").
_THE_BEFORE = re.compile(r"(?<![\w-])(?:the|The)\s\Z")
#: What follows a name used as a subject or owner: a possessive, a stop, or a verb
#: (an auxiliary or a past tense), not a noun it qualifies ("the Bush administration").
_AFTER_SUBJECT = re.compile(
    r"['’]s\b|[,.;:)!?]|\s+(?:is|was|has|had|said|says|will|would|could|can|did|does|"
    r"joins|[a-z]{3,}ed)\b")
#: A role whose organisation follows it: "the president of", "a spokesman for".
_ROLE_BEFORE = re.compile(
    r"\b(?:president|chairman|chairwoman|spokesman|spokeswoman|director|officials?|"
    r"executives?|analyst|economist) (?:of|for|at) \Z")
#: Nouns of an organisation's parts and people that a name qualifies ("the X unit").
ORG_PARTS = frozenset(
    "chairman chairwoman president spokesman spokeswoman executive executives official"
    " officials unit units division subsidiary group office offices board floor staff"
    " contract publication plant headquarters".split()
)


def apply_organisation_cues(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """``spans`` of ``text`` with the four classes above revised."""
    return [_revised(span, text) for span in spans]


def _revised(span: EntitySpan, text: str) -> EntitySpan:
    name = text[span.start : span.end]
    if span.label in _NOT_A_COMPANY and (form := _legal_form(name)):
        return replace(span, label="ORG", reason=reasons.legal_form(form))
    if span.label == "PERSON" and " " not in name and name[:1].isupper() and not is_people_word(name):
        if _THE_BEFORE.search(text, max(0, span.start - 5), span.start) and _AFTER_SUBJECT.match(text, span.end):
            return replace(span, label="ORG", reason=reasons.the_before_name())
    if span.label == "PERSON" and (role := _ROLE_BEFORE.search(text, max(0, span.start - 30), span.start)):
        return replace(span, label="ORG", reason=reasons.role_of(role.group().strip()))
    if span.label == "ORG" and name[:4] in ("the ", "The ") and _qualifies_a_part(text, span.end):
        return replace(span, start=span.start + 4)
    return span


def _legal_form(name: str) -> str:
    """The legal form that ends ``name`` after a space ("Co." of "Halverton & Co."), or ""."""
    match = COMPANY_ENDING.search(name)
    if match is None or match.start() == 0 or not name[match.start() - 1].isspace():
        return ""
    return match.group().lstrip("& ").strip()


def _qualifies_a_part(text: str, end: int) -> bool:
    match = re.compile(r" ([a-z]+)\b").match(text, end)
    return match is not None and match.group(1) in ORG_PARTS
