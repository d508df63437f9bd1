"""Roles: what each figure does in its sentence (a level, a change, an earlier
value, a share or a forecast), which way a movement goes, what moved, and the
figure it is tied to.

Read from the words around each figure in its clause: a movement word beside it
makes a change ("rose 2%", "a 40% drop"); "from X", "compared with X", "X a year
earlier" an earlier value; "X% of", "a X% stake" a share; a word of expecting,
planning or predicting earlier in the clause a forecast. "rose 2% to $4.2bn from
$3.9bn" ties the change and the earlier value to the new level, and an amount
converted in brackets ("£75m ($141m)") is tied to its main amount and takes its role.
When several roles fit, the first of FIGURE_ROLES wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import repeat
from typing import TYPE_CHECKING

from desktop.nlp.figures.changes import MOVEMENT_WORD, change_of, movement_sign
from desktop.nlp.figures.periods.of_figures import base_after

if TYPE_CHECKING:
    from desktop.core.figure import FigureReading
    from desktop.nlp.figures.surroundings import FigureContext


@dataclass(frozen=True, slots=True)
class Role:
    """The role of one figure and the change it states (see FIGURE_COLUMNS).
    ``converts`` marks an amount in brackets that converts its linked main amount."""

    role: str = ""
    direction: str = ""
    moved: str = ""
    link: int = -1
    change: str = ""
    converts: bool = False


# Where a clause starts: the figure's cues are looked for after the last of these.
_CLAUSE_START = re.compile(r"(?=[;:,\sbwa])(?:[;:]\s|,\s+(?:but|while|whereas|although|though|and|however|which)\b"
                           r"|\s[-–—]\s|\b(?:but|while|whereas|although)\s)", re.IGNORECASE)
_FORECAST_WORDS = (
    "expect expects expected expecting expectation expectations forecast forecasts forecasting predict predicts"
    " predicted predicting prediction predictions project projects projected projecting projection projections"
    " will would could might shall propose proposes proposed proposing proposal proposals plan plans planned"
    " planning target targets targeted targeting aim aims aimed aiming goal pledge pledged pledges promise"
    " promised hope hopes hoped seek seeks seeking sought outlook guidance anticipate anticipated likely"
    " foresee foresees budgeted intend intends urge urged urges urging").split()
_FORECAST_SET = frozenset(_FORECAST_WORDS)
# Two-word cues: "set to", "in a bid to", "calls for".
_FORECAST_PAIRS = frozenset({("set", "to"), ("due", "to"), ("is", "to"), ("are", "to"), ("bid", "to"),
                             ("track", "to"), ("looking", "to"), ("want", "to"), ("wants", "to"), ("call", "for"),
                             ("calls", "for"), ("called", "for"), ("calling", "for")})
# A clause with none of these words (and no "'ll") holds no cue.
_CUE_WORDS = _FORECAST_SET | {first for first, _ in _FORECAST_PAIRS} | {"may"}
# Words that make a cue only what a result is measured against: "beat forecasts".
_AGAINST = frozenset("beat beats beating exceeded exceeding exceeds missed misses missing above below than"
                     " topped tops".split())
_AGAINST_PAIRS = frozenset({("ahead", "of"), ("short", "of"), ("line", "with")})
_PUNCTUATION = ".,;:!?\"()[]“”‘’"
_FORECAST_AFTER = re.compile(  # (the first letters looked ahead: re skips other words at once)
    r"^[^.;,]{0,30}?(?=[aefpitw])\b(?:anticipated|expected|forecast|predicted|projected|planned|targeted|pledged"
    r"|promised|proposed|it\s+had\s+(?:\w+\s+)?aimed|will|would)\b", re.IGNORECASE)
_PREVIOUS_BEFORE = re.compile(
    r"(?:\b(?:from|compared\s+(?:with|to)|as\s+against|versus|vs\.?)\s+(?:(?:the|a|an|its|their)\s+)?"
    r"(?:(?:loss|profit|deficit|surplus|total|level|figure|peak|high|low)\s+of\s+)?"
    r"|\b(?:up|down)\s+on\s+(?:the\s+)?"
    r"|\bsince\s+(?:an?|the)\s+"
    r"|\bpreviously\s+(?:\w+\s+){0,2}(?:at|of)\s+"
    r"|\b(?:(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|November"
    r"|December|year|quarter|month|week|yesterday)['’]s\s+(?:[a-z-]+\s+){0,2}(?:of\s+)?)$",
    re.IGNORECASE)
# Every word _PREVIOUS_BEFORE hangs on: without one nearby, no full search.
# (Their first letters looked ahead for first: re then skips the other characters at once.)
_PREVIOUS_ANCHOR = re.compile(r"(?=[fcavops'’])(?:\b(?:from|compared|against|versus|vs|on|previously|since)\b"
                              r"|['’]s\b)", re.IGNORECASE)
_PREVIOUS_AFTER = re.compile(
    r"^\s*(?:\([^()]*\)\s*)?(?:(?:seen|recorded|reported|posted|made)\s+)?(?:(?:in|for|during)\s+)?"
    r"(?:(?:a|one|the)\s+(?:year|month|quarter|week)\s+(?:earlier|ago|before)|year[- ]earlier|year[- ]ago"
    r"|the\s+(?:previous|prior|preceding|same)\s+(?:year|month|quarter|week|period)"
    r"|the\s+(?:year|month|quarter)[- ]ago\s+period|last\s+year\b(?!\s*['’]))",
    re.IGNORECASE)
_TO_BEFORE = re.compile(r"(?<!compared )(?<!close )(?<!equal )(?<!relative )(?<!next )(?<!due )\bto\s+$",
                        re.IGNORECASE)
# After a figure: the plan, budget or target it is the size of ("a £5bn plan").
_PLANNED_AFTER = re.compile(r"^\s*(?:\([^()]*\)\s*)?(?:[a-z-]+\s+){0,2}(?:budget|plan|proposal|pledge|target"
                            r"|forecast|projection|programme|program)\b", re.IGNORECASE)
_SHARE_AFTER = re.compile(
    r"^\s*(?:of\b(?!\s+(?:the\s+)?(?:(?:19|20)\d\d|growth|inflation|increase|rise|fall))"
    r"|(?:stake|share|holding|interest)\b|(?:are|were)\s+(?!up|down|expected|forecast)[a-z]+)", re.IGNORECASE)
_SHARE_BEFORE = re.compile(
    r"\b(?:owns?|owned|owning|controls?|controlled|holds?|held|stake\s+of|share\s+of|holding\s+of"
    r"|market\s+share\s+(?:of|at)|accounts?\s+for|accounted\s+for|made\s+up)\s+(?:a\s+|an\s+|about\s+|around\s+|just\s+|only\s+)?$",
    re.IGNORECASE)
_PART_OF_AFTER = re.compile(r"^\s*of\s+(?:this|that|which|it|them|these|those|the\s+total)\b", re.IGNORECASE)
_SHARE_WORDS = re.compile(r"\b(?:market\s+share|share\s+of|stake|penetration)\b", re.IGNORECASE)
_GROWTH_WORDS = re.compile(r"\b(?:growth|grew|grow|grows|growing|inflation|rate\s+of\s+increase|expanded|expansion)\b",
                           re.IGNORECASE)
_EASED = re.compile(r"\b(?:slow|slowed|slowing|down|lower|fell|declined?|eased|easing|cooled|cooling|dipped)\b",
                    re.IGNORECASE)
_RATE_WORDS = re.compile(r"\b(?:(?:interest|exchange|tax|base|mortgage|lending|discount)\s+rates?|rates\b|yields?)",
                         re.IGNORECASE)
_JOINED = re.compile(r"^[^.;]{0,40}?\b(?:and|or|as\s+well\s+as)\s+(?:by\s+)?(?:a\s+further\s+)?$", re.IGNORECASE)
_OR = re.compile(r"^\s*,?\s*or\s+$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+(?:(?:the|a|an|its|their)\s+)?$", re.IGNORECASE)
_THRESHOLDS = frozenset({"above", "below", "over", "under", "beyond", "well over", "just over", "just under"})
_CONVERSION_GAP = re.compile(r"^\s*(?:[(;]|or|/)\s*$", re.IGNORECASE)
_RATE_UNITS = frozenset({"pp", "bp"})
_RELATIVE_UNITS = frozenset({"%", "pp", "bp"})
_NEAR = 60


def roles_of(context: FigureContext) -> list[Role]:
    """The role of each figure of ``context``, read sentence by sentence."""
    roles: list[Role] = [Role()] * len(context.readings)
    by_sentence: dict[int, list[int]] = {}
    for index, place in enumerate(context.places):
        by_sentence.setdefault(place.first, []).append(index)
    for indexes in by_sentence.values():
        _sentence_roles(context, indexes, roles)
    return roles


def _sentence_roles(context: FigureContext, indexes: list[int], roles: list[Role]) -> None:
    """Fills ``roles`` for the figures at ``indexes`` (one sentence's, in text order):
    conversions follow their main amount, the others are read from their words, then
    each earlier value is linked to the figure it is compared with."""
    text, readings = context.text, context.readings
    first = context.places[indexes[0]].first
    for position, index in enumerate(indexes):
        reading = readings[index]
        before = readings[indexes[position - 1]] if position else None
        gap = text[before.end:reading.start] if before is not None else ""
        clause = _clause_before(text, first, reading.start)
        if context.inside_period(index):
            roles[index] = Role()  # "four months" in "the first four months of 2023" names a period
            continue
        main = _converted(readings, indexes, position, gap, roles)
        if main is not None:
            role = roles[main]
            roles[index] = Role(role.role, role.direction, role.moved, readings[main].start,
                                _change(text, reading, role.direction, context, index), True)
            continue
        roles[index] = _role(context, index, reading, before, gap, clause, roles, indexes[:position])
    for position, index in enumerate(indexes):  # a previous value points to the level it is compared with
        role = roles[index]
        if role.role == "previous" and role.link < 0:
            level = _compared_level(readings, indexes[:position], roles, readings[index])
            if level is not None:
                roles[index] = _with_link(role, readings[level].start)


def _role(context: FigureContext, index: int, reading: FigureReading, before: FigureReading | None,
          gap: str, clause: str, roles: list[Role], earlier: list[int]) -> Role:
    """The role of one figure from its clause (``clause``: its words before it), the
    words after it, and the figures before it in its sentence (``earlier``, whose
    roles a "to" may link to this one)."""
    text = context.text
    after = text[reading.end:reading.end + _NEAR]
    near = clause[-_NEAR:]
    threshold = reading.qualifier in _THRESHOLDS and not re.search(r"\bby\s*$", clause)
    # "fell below $35" is a level; "their biggest one-day drop" is no one-day change
    sign = 0 if threshold else movement_sign(text, reading.start, reading.end,
                                             after_too=reading.kind not in ("duration", "age"))
    forecast = bool(_FORECAST_AFTER.match(after) or _PLANNED_AFTER.match(after)) or (
        reading.kind not in ("duration", "age") and _is_forecast(clause))
    previous = not forecast and _is_previous(near, after, clause)  # a forecast wins either way
    if previous and reading.unit_code == "%" and after.lstrip().startswith("of "):
        previous = False  # "62% of drivers compared to 30% of cyclists": two shares
    link = -1
    joined = None
    if before is not None and (_OR.match(gap) or _JOINED.match(gap) and _same_measure(before, reading)):
        joined = roles[earlier[-1]]
        if sign == 0 and joined.role in ("change", "share", "forecast"):
            sign = 1 if joined.direction == "up" else -1 if joined.direction == "down" else 0
    if earlier and near.rstrip()[-2:].lower() == "to" and _TO_BEFORE.search(near):
        target = _moved_from(context.readings, earlier, roles, reading, text)
        if target is not None:
            link = context.readings[target].start
            source = roles[target]
            roles[target] = _with_link(source, reading.start)
            forecast = forecast or source.role == "forecast"
            sign = 0  # "rose 2% to $4.2bn": the figure after "to" is the new level
            previous = False
    if sign == 0 and reading.unit_code == "%" and _GROWTH_WORDS.search(clause):
        sign = -1 if _EASED.search(near) else 1
    direction = "up" if sign > 0 else "down" if sign < 0 else ""
    moved = _moved(reading, clause) if direction else ""
    if forecast:
        role = "forecast"
    elif previous:
        role = "previous"
    elif direction:
        role = "change"
    elif joined is not None and joined.role == "share":
        role = "share"
    elif _is_share(reading, near, after):
        role = "share"
    else:
        role = "level"
    return Role(role, direction, moved, link, _change(text, reading, direction, context, index))


def _is_forecast(clause: str) -> bool:
    """True when a word of expecting, planning or predicting is in the clause (and
    not only as what a result is measured against: "beat forecasts"). Read word by
    word: a regex scan of the clause costs several times more."""
    raw = clause.split()
    words = list(map(str.strip, clause.lower().split(), repeat(_PUNCTUATION)))  # lower() keeps the words apart
    if _CUE_WORDS.isdisjoint(words) and "'" not in clause and "’" not in clause:
        return False
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        cue = (word in _FORECAST_SET or word.endswith(("'ll", "’ll")) or raw[index].strip(_PUNCTUATION) == "may"
               or (word, following) in _FORECAST_PAIRS)
        if cue and not _measured_against(words, index):
            return True
    return False


def _measured_against(words: list[str], index: int) -> bool:
    before = words[max(0, index - 4):index]
    return any(word in _AGAINST for word in before) or any(
        pair in _AGAINST_PAIRS for pair in zip(before, before[1:]))


def _is_previous(near: str, after: str, clause: str) -> bool:
    """True for an earlier value: "compared with X", "X a year earlier", "2003's X",
    "from X" where something moved."""
    if _PREVIOUS_AFTER.match(after):
        return True
    found = _PREVIOUS_BEFORE.search(near) if _PREVIOUS_ANCHOR.search(near) else None
    if found is None:
        return False
    if _FROM.search(near) and not (MOVEMENT_WORD.search(clause) or re.match(r"^[^.;]{0,30}\bto\s", after)):
        return False  # "from two million users" is where figures came from, not an earlier value
    return True


def _clause_before(text: str, first: int, start: int) -> str:
    """The words of the figure's clause before it."""
    window = text[first:start]
    clause_start = 0
    for match in _CLAUSE_START.finditer(window):
        clause_start = match.end()
    return window[clause_start:]


def _converted(readings, indexes: list[int], position: int, gap: str, roles: list[Role]) -> int | None:
    """The main amount a bracketed amount converts ("£75m ($141m)", "$5m; £3m"), or None."""
    if not position or not _CONVERSION_GAP.match(gap):
        return None
    reading = readings[indexes[position]]
    for back in range(position - 1, -1, -1):
        main = indexes[back]
        if not roles[main].converts:
            other = readings[main]
            money = reading.kind == other.kind == "money" and reading.unit_code != other.unit_code
            in_brackets = "(" in gap or ";" in gap or "/" in gap
            return main if money and (in_brackets or gap.strip().lower() == "or") else None
    return None


def _moved_from(readings, earlier: list[int], roles: list[Role], reading: FigureReading, text: str) -> int | None:
    """The change or earlier value that "to" takes to ``reading`` ("rose 2% to $4.2bn",
    "from £6 to £10"), or None."""
    for index in reversed(earlier):
        role = roles[index]
        if role.converts:
            continue
        between = text[readings[index].end:reading.start]
        if len(between) > 45 or re.search(r"[;.]|\b(?:and|but|while)\b", between):
            return None
        if role.role == "previous" or (role.role in ("change", "forecast") and role.direction):
            return index
        return None
    return None


def _compared_level(readings, earlier: list[int], roles: list[Role], reading: FigureReading) -> int | None:
    """The nearest figure before an earlier value that it is compared with (not
    another earlier value), of the same unit when there is one."""
    candidates = [i for i in reversed(earlier) if not roles[i].converts and roles[i].role != "previous"]
    same = [i for i in candidates if readings[i].unit_code == reading.unit_code]
    return (same or candidates or [None])[0]


def _same_measure(one: FigureReading, other: FigureReading) -> bool:
    return one.kind == other.kind and (one.unit_code == other.unit_code or one.kind == "money")


def _is_share(reading: FigureReading, near: str, after: str) -> bool:
    if reading.unit_code == "%":
        return bool(_SHARE_AFTER.match(after) or _SHARE_BEFORE.search(near) or _SHARE_WORDS.search(near)
                    or not _RATE_WORDS.search(near[-30:]))
    return reading.kind in ("money", "count") and bool(_PART_OF_AFTER.match(after))


def _moved(reading: FigureReading, clause: str) -> str:
    """What moved: a rate (percentage points, a market share moving by a percentage)
    or an amount."""
    if reading.unit_code in _RATE_UNITS:
        return "rate"
    if reading.unit_code == "%" and _SHARE_WORDS.search(clause):
        return "rate"
    return "amount"


def _change(text: str, reading: FigureReading, direction: str, context: FigureContext, index: int) -> str:
    """The change column: "+40%", "-3 pp", "×5 vs 2021" for relative changes (as
    :func:`change_of` writes them), "+£106m" for an amount that moved."""
    sign = 1 if direction == "up" else -1 if direction == "down" else 0
    base = base_after(context.sentence_mentions(index), reading.end) if context.mentions else ""
    relative = change_of(text, reading, base, sign)
    if relative or not direction:
        return relative
    if reading.unit_code in _RELATIVE_UNITS:
        magnitude = f"{abs(reading.value):g}"
        return f"{'+' if direction == 'up' else '-'}{magnitude}{'%' if reading.unit_code == '%' else ' ' + reading.unit_code}"
    surface = reading.surface
    if reading.qualifier and surface.lower().startswith(reading.qualifier):
        surface = surface[len(reading.qualifier):].strip()
    return f"{'+' if direction == 'up' else '-'}{surface}"


def _with_link(role: Role, link: int) -> Role:
    return Role(role.role, role.direction, role.moved, link, role.change, role.converts)
