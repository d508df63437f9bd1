"""Organisations and people read by the words in and around a name: classes the model mislabels.

Works on one text (a chunk) and its entity spans, after :mod:`.context`.

1. A name that ends with a company's legal form ("Halverton & Co.", "Norvik
   Textiles Ltd") is an organisation, whatever kind of name the model read.
2. "the" before an organisation's name that qualifies a noun of the organisation's
   parts or people ("the Halverton Bank chairman", "the Norvik unit") belongs to that
   noun, not to the name (as the news annotations read it): the span starts after it.
3. A name of one to three capitalised words followed by a comma and a person's role
   ("Dana Ruiz, a senior writer.", "Lin Bao, member of the committee") is a person
   where the model read an organisation (not after "the" or "of": "economist of the
   Exchange, is a professor" names the Exchange).

Three more classes were measured and left out, as they gained on one half of the
OntoNotes development documents only (``benchmarks/entities_accuracy.py`` keeps a
stage to a class that gains on both): a one-word person right after "the" acting on
its own ("the Courier was sold"), a person after "president of" or "a spokesman for",
and a name before a noun of goods ("Vesta cigarettes").
"""

from __future__ import annotations

import re
from dataclasses import replace

from desktop.nlp.entities import reasons
from desktop.nlp.entities.consistency import COMPANY_ENDING
from desktop.nlp.results import EntitySpan

#: Labels the model gives an organisation by mistake, that a legal form overrules.
_NOT_A_COMPANY = frozenset({"PERSON", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"})
#: A person's role in apposition: ", a senior writer.", ", chairman of", ", secretary general of".
_ROLE_AFTER = re.compile(
    r", (?:(?:a|an) )?(?:[a-z-]+ ){0,2}(?:chairman|chairwoman|vice-chairman|president|director|manager"
    r"|secretary|minister|member|editor|writer|spokesman|spokeswoman|analyst|founder|commander"
    r"|professor|economist|attorney|lawyer|governor|mayor|senator|ambassador|envoy)(?: general)?"
    r"(?: of| at| for|,|\.)")
_PERSON_SHAPE = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}")
_ARTICLE_OR_OF = re.compile(r"\b(?:the|The|of) \Z")

#: Nouns of an organisation's parts and people that a name qualifies ("the X unit").
ORG_PARTS = frozenset(
    "chairman chairwoman president spokesman spokeswoman executive executives official"
    " officials unit units division subsidiary group office offices board floor staff"
    " contract publication plant headquarters".split()
)


def apply_organisation_cues(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """``spans`` of ``text`` with the three classes above revised."""
    return [person_with_role(part_after_the(legal_form_name(span, text), text), text) for span in spans]


def legal_forms(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """A name that ends with a company's legal form is ORG."""
    return [legal_form_name(span, text) for span in spans]


def legal_form_name(span: EntitySpan, text: str) -> EntitySpan:
    """``span`` labelled ORG when its name ends with a company's legal form."""
    if span.label in _NOT_A_COMPANY and (form := _legal_form(text[span.start : span.end])):
        return replace(span, label="ORG", reason=reasons.legal_form(form))
    return span


def parts_after_the(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """An ORG "the X" that qualifies a noun of its parts or people loses the "the"."""
    return [part_after_the(span, text) for span in spans]


def part_after_the(span: EntitySpan, text: str) -> EntitySpan:
    """``span`` without a leading "the" that belongs to the noun after it."""
    if span.label == "ORG" and text[span.start : span.start + 4] in ("the ", "The ") and _qualifies_a_part(
            text, span.end):
        return replace(span, start=span.start + 4)
    return span


def people_with_roles(spans: list[EntitySpan], text: str) -> list[EntitySpan]:
    """An ORG shaped like a person's name, with a person's role in apposition, is PERSON."""
    return [person_with_role(span, text) for span in spans]


def person_with_role(span: EntitySpan, text: str) -> EntitySpan:
    """``span`` labelled PERSON when a person's role follows it in apposition."""
    if (span.label == "ORG" and text[span.end : span.end + 2] == ", "
            and (role := _ROLE_AFTER.match(text, span.end))
            and _PERSON_SHAPE.fullmatch(text, span.start, span.end)
            and not _ARTICLE_OR_OF.search(text, max(0, span.start - 4), span.start)):
        return replace(span, label="PERSON", reason=reasons.person_with_role(role.group().strip(", .")))
    return span


#: The last words a legal form can be (a quick test before :data:`COMPANY_ENDING`'s).
_LAST_WORDS = frozenset(
    "Corp Corporation Inc Incorporated Co Cos Company Ltd Limited LLC L.P LP PLC Plc plc AG SA S.A"
    " S.p.A N.V NV GmbH Group Holdings Bancorp".split()
)


def _legal_form(name: str) -> str:
    """The legal form that ends ``name`` after a space ("Co." of "Halverton & Co."), or ""."""
    if name[name.rfind(" ") + 1 :].rstrip(".") not in _LAST_WORDS:
        return ""
    match = COMPANY_ENDING.search(name)
    if match is None or match.start() == 0 or not name[match.start() - 1].isspace():
        return ""
    return match.group().lstrip("& ").strip()


def _qualifies_a_part(text: str, end: int) -> bool:
    match = re.compile(r" ([a-z]+)\b").match(text, end)
    return match is not None and match.group(1) in ORG_PARTS
