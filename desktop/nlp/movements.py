"""Movements stated as "X to Y": "rose 32,000 to 1.4 million" and "fell from 5% to 4%"
give a change (or an earlier level) and a new level, not a range.

A range stays a range when no movement is stated as a fact: "between 10% and 15%",
"$4bn to $5bn", and an estimate such as "is expected to grow 3% to 3.5%" (the verb in
its base form, after a modal or "to").
"""

from __future__ import annotations

import re

from desktop.nlp.qualifiers import qualifier_before

# Movement verbs stated as a fact, directly before X ("rose", "grew by", "closed up").
_FACT_VERBS = (
    "rose|fell|grew|climbed|jumped|dropped|slipped|slid|declined|decreased|increased|gained|lost"
    "|added|shed|surged|soared|plunged|plummeted|tumbled|sank|eased|edged|rallied|advanced|retreated"
    "|dipped|widened|narrowed|shrank|expanded|improved|recovered|rises|falls|grows|climbs|jumps"
    "|drops|slips|gains|adds|sheds|surges|soars|dips|eases|adding|gaining|losing|shedding|up|down"
)
_FACT_BEFORE = re.compile(rf"\b(?:{_FACT_VERBS})(?:\s+(?:up|down|back|by|a\s+further|another))*\s+$", re.IGNORECASE)
# Any word of movement, of any tense or a noun, somewhere before "from X to Y".
_MOVEMENT_WORD = re.compile(
    r"\b(?:ris(?:e[ns]?|ing)|rose|fall(?:s|en|ing)?|fell|grow(?:s|n|ing|th)?|grew|increas(?:e[ds]?|ing)"
    r"|decreas(?:e[ds]?|ing)|declin(?:e[ds]?|ing)|drop(?:s|ped|ping)?|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?"
    r"|cut(?:s|ting)?|rais(?:e[ds]?|ing)|lift(?:s|ed|ing)?|boost(?:s|ed|ing)?|reduc(?:e[ds]?|ing|tion)"
    r"|lower(?:s|ed|ing)?|up|down|mov(?:e[ds]?|ing)|went|go(?:es|ne|ing)?|chang(?:e[ds]?|ing)"
    r"|widen(?:s|ed|ing)?|narrow(?:s|ed|ing)?|improv(?:e[ds]?|ing)|slip(?:s|ped|ping)?|slid(?:e|es|ing)?"
    r"|shr[iau]nk(?:s|ing)?|expand(?:s|ed|ing)?|swung|swing(?:s|ing)?|plung(?:e[ds]?|ing)"
    r"|surg(?:e[ds]?|ing)|soar(?:s|ed|ing)?|tumbl(?:e[ds]?|ing)|gain(?:s|ed|ing)?|los[st]|losing)\b",
    re.IGNORECASE,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:!?(\n]|\.(?!\d)")
_WINDOW = 60


def moves_to(text: str, start: int) -> bool:
    """Whether "X to Y" with X at ``start`` states a movement: two figures, not a range."""
    if qualifier := qualifier_before(text, start):
        start = qualifier[1]
    window_start = max(0, start - _WINDOW)
    if _FACT_BEFORE.search(text, window_start, start):
        return True
    if not (lead := _FROM_BEFORE.search(text, window_start, start)):
        return False
    clause = text[window_start:lead.start()]
    breaks = list(_CLAUSE_BREAK.finditer(clause))
    clause = clause[breaks[-1].end():] if breaks else clause
    return bool(_MOVEMENT_WORD.search(clause))
