"""Movements stated as "X to Y": "rose 32,000 to 1.4 million" and "fell from 5% to 4%"
give a change (or an earlier level) and a new level, not a range.

A range stays a range when no movement is stated as a fact: "between 10% and 15%",
"$4bn to $5bn", and an estimate such as "is expected to grow 3% to 3.5%" (the verb in
its base form, after a modal or "to").
"""

from __future__ import annotations

import re

from desktop.nlp.figures.qualifiers import qualifier_before

# Movement verbs stated as a fact, directly before X ("rose", "grew by", "closed up").
_FACT_VERBS = frozenset((
    "rose fell grew climbed jumped dropped slipped slid declined decreased increased gained lost added shed"
    " surged soared plunged plummeted tumbled sank eased edged rallied advanced retreated dipped widened"
    " narrowed shrank expanded improved recovered rises falls grows climbs jumps drops slips gains adds"
    " sheds surges soars dips eases adding gaining losing shedding up down"
).split())
# Words that may stand between the verb and X ("grew by", "rose a further").
_BETWEEN_VERB_AND_FIGURE = frozenset({"by", "up", "down", "back", "further", "another", "a"})
# Any word of movement, of any tense, or a noun, somewhere before "from X to Y".
_MOVEMENT_WORDS = frozenset((
    "rise rises risen rising rose fall falls fallen falling fell grow grows grown growing growth grew"
    " increase increases increased increasing decrease decreases decreased decreasing decline declines"
    " declined declining drop drops dropped dropping climb climbs climbed climbing jump jumps jumped jumping"
    " cut cuts cutting raise raises raised raising lift lifts lifted lifting boost boosts boosted boosting"
    " reduce reduces reduced reducing reduction lower lowers lowered lowering up down move moves moved"
    " moving went go goes gone going change changes changed changing widen widens widened widening narrow"
    " narrows narrowed narrowing improve improves improved improving slip slips slipped slipping slide"
    " slides slid sliding shrink shrinks shrank shrunk shrinking expand expands expanded expanding swing"
    " swings swung swinging plunge plunges plunged plunging surge surges surged surging soar soars soared"
    " soaring tumble tumbles tumbled tumbling gain gains gained gaining lose loses lost losing"
).split())
_TOKENS = re.compile(r"[A-Za-z]+|[;:!?(\n]|\.(?!\d)")
_WINDOW = 60


def moves_to(text: str, start: int, unit_on_second_only: bool) -> bool:
    """Whether "X to Y" with X at ``start`` states a movement: two figures, not a range.

    "adding 10 to 14 days", with the unit written only after Y, is a range but for "from"
    ("rose from 300 to 420 yen").
    """
    if qualifier := qualifier_before(text, start):
        start = qualifier[1]
    tokens = _TOKENS.findall(text, max(0, start - _WINDOW), start)
    if not tokens:
        return False
    if tokens[-1].lower() == "from":
        for token in reversed(tokens[:-1]):
            if not token[0].isalpha():
                return False
            if token.lower() in _MOVEMENT_WORDS:
                return True
        return False
    if unit_on_second_only:
        return False
    for token in reversed(tokens):
        word = token.lower()
        if word in _FACT_VERBS:
            return True
        if word not in _BETWEEN_VERB_AND_FIGURE:
            return False
    return False
