"""The figure scanner: every figure stated in English text ("$460 million",
"more than 30 years", "16-17", "five times") with its exact span and value.

One compiled regex finds the places where a number starts; at each, small anchored
matches read what is glued to it (sign, currency, scale, unit, range, qualifier)
and rules drop what is not a figure (years, dates, times, identifiers).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import pandas as pd

from desktop.core.figure import FIGURE_COLUMNS, FigureReading
from desktop.nlp.non_figures import is_clock_time, is_day_of_month, is_identifier, is_year
from desktop.nlp.numbers import (
    LETTER_SCALES, NUMBER_WORDS_PATTERN, NUMERAL_PATTERN, SCALE_WORDS, NumberToken,
    read_number_words, read_numeral,
)
from desktop.nlp.qualifiers import qualifier_before
from desktop.nlp.sentences import sentence_spans
from desktop.nlp.units import (
    ARTICLE_UNIT_WORDS, CURRENCY_PREFIXES, Unit, UnitMatch, currency_code, currency_prefix_before,
    match_unit,
)

_MULTIPLYING_VERBS = {
    "doubl": 2.0, "tripl": 3.0, "trebl": 3.0, "quadrupl": 4.0, "quintupl": 5.0, "halv": 0.5,
}
_FOLD_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "twenty": 20, "hundred": 100, "thousand": 1000,
}
_NAMED_PATTERN = (
    rf"(?i:\b(?:(?P<verb>{'|'.join(_MULTIPLYING_VERBS)})(?:ed|es|ing)"
    rf"|(?P<fold>{'|'.join(_FOLD_WORDS)})fold|(?P<zero>absolute\s+zero))\b)"
)
_CANDIDATE = re.compile(
    rf"(?P<numeral>{NUMERAL_PATTERN})"
    rf"|(?P<named>{_NAMED_PATTERN})"
    rf"|(?P<words>{NUMBER_WORDS_PATTERN})"
    rf"|(?P<article>\b[Aa]n?\s+(?=(?i:{'|'.join(ARTICLE_UNIT_WORDS)})\b))"
)

_MULTIPLIER = Unit("x", "multiplier")
_KELVIN = Unit("K", "temperature")
_CELSIUS = Unit("°C", "temperature")
_FAHRENHEIT = Unit("°F", "temperature")
_POUND_STERLING = Unit("GBP", "money")
_SUBUNITS = frozenset({"cent", "penny", "dime", "kopek", "tiyn", "qapik"})
#: Qualifiers that make a bare four-digit number a count ("more than 2000").
_COUNTING_QUALIFIERS = frozenset({
    "more than", "less than", "fewer than", "no more than", "no less than", "no fewer than",
    "at least", "up to", "nearly", "almost", "over", "well over", "just over", "some",
    "as many as", "in excess of", "upwards of", "exceeding", "an estimated", "roughly",
})
# Short unit symbols that after a spelled-out number are ordinary words ("two in my car").
_SYMBOLS_NOT_AFTER_WORDS = frozenset(
    "in am pm a s h m t g l L b B C F K V W J mt Ma Ga ac gr pt kn bar".split()
)

_SCALE_WORD = re.compile(
    rf"[ \u00a0]*-?[ \u00a0]*(?i:({'|'.join(sorted(SCALE_WORDS, key=len, reverse=True))}))(?![^\W_])"
)
_LETTER_SCALE = re.compile(r"([kKmMbBT])(?![^\W_])")
_PLURAL_WORD_AFTER = re.compile(r"\s+(?!(?:across|is|was|has|as|its|this|thus|plus|less)\b)[a-z]{2,}s\b")
_UNIT_GAP = re.compile(r"[ \t\u00a0\u202f]*(?:-(?=[^\W\d_]))?")
_INCH_CONTEXT = re.compile(
    r"\s*(?:$|[.,;:!?)\]]|(?:thick|long|wide|high|tall|deep|across|diameter|by|x)\b)", re.IGNORECASE
)
_TEMPERATURE_WORDS = re.compile(
    r"temperat|heat|warm|cold|hot\b|cool|freez|boil|thermomet|weather|°|kelvin|celsius|fahrenheit",
    re.IGNORECASE,
)
_FAHRENHEIT_AHEAD = re.compile(r"[^.;\n]{0,40}?fahrenheit", re.IGNORECASE)
_CELSIUS_AHEAD = re.compile(r"[^.;\n]{0,40}?(?:celsius|centigrade)", re.IGNORECASE)
_INVERSE = re.compile(r"(?:[-−]1|⁻¹)(?![\d.,])")
_PER = re.compile(r"[ \t]*/[ \t]*|\s+per\s+|\s+an?\s+", re.IGNORECASE)
_CENTS = re.compile(r"\s+(?:and\s+)?(\d{1,2})\s+cents?\b", re.IGNORECASE)
_PLUS_MINUS = re.compile(r"\s*(?:±|\+/-|\+-|\+/−)\s*")
_RANGE_CONNECTOR = re.compile(
    r"(?P<hyphen_to>\s*[-–]\s+to\s+)|(?P<dash>\s*[-–—‒]\s*)|\s+(?:to|through|thru)\s+"
    r"|\s+(?P<and>and|&)\s+|\s+(?P<or>or)\s+",
    re.IGNORECASE,
)
_DATE_CHAIN = re.compile(r"[-–/.]\d")
_PREFIX_AT = re.compile(
    "(?:" + "|".join(re.escape(p) for p in sorted(CURRENCY_PREFIXES, key=len, reverse=True)) + r")[ \u00a0]?"
)
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_MINUS_WORD_BEFORE = re.compile(r"\b(?:minus|negative)\s+$", re.IGNORECASE)
_AGE_BEFORE = re.compile(r"\b(?:aged?|ages|age\s+of)\s+$", re.IGNORECASE)
_OLD_AFTER = re.compile(r"[\s-]+old\b", re.IGNORECASE)
_TIMES = re.compile(r"\s+times\b", re.IGNORECASE)
_COMPARATIVE = re.compile(
    r"\s+(?:[a-z]+er|more|less|fewer|as|the|that|what|over)\b", re.IGNORECASE
)
_CHANGE_BEFORE = re.compile(
    r"\b(?:grew|grow|grows|growing|increased?|increasing|rose|rise|rising|jumped|surged|soared|expanded"
    r"|multiplied|fell|fall|dropped|declined|decreased|shrank|higher|lower|more|less|by)\b(?:\s+\w+)?\s+$",
    re.IGNORECASE,
)
_FREQUENCY = re.compile(r"\s+(?:per|a|an|every|each)\s+", re.IGNORECASE)
_FOLD = re.compile(r"[ -]?fold\b", re.IGNORECASE)
_GLUED_TIMES = re.compile(r"[x×](?![^\W_])")
_PLUS_SUFFIX = re.compile(r"\+(?![\d\w])")
_ACCOUNTING_LEAD = re.compile(r"(?:\b(?:is|was|were|are|of)|[:=])\s*$", re.IGNORECASE)
_ONE_AS_PRONOUN_AFTER = re.compile(
    r"\s*(?:$|[^\w\s]|(?:of|another|by|or|and|who|whom|whose|which|that|is|was|has|had|can|could"
    r"|would|will|should|must|may|might|does|did|in|on|at|to|for|from|with|as|than|day|time|point"
    r"|way|thing|hand|side|more|less|again|else|after|another|anything)\b)",
    re.IGNORECASE,
)
_ONE_AS_PRONOUN_BEFORE = re.compile(
    r"\b(?:no|this|that|the|any|every|each|which|such|only|what|last|next|another|little|big"
    r"|right|wrong|good|bad|new|old|one|someone|everyone|anyone)\s+$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class _Amount:
    """A number with what is glued to it: a sign, a currency prefix, a scale."""

    start: int
    end: int
    value: float
    number: NumberToken
    scale: float = 0.0
    currency: str = ""

    @property
    def raw(self) -> float:
        return self.number.value


@dataclass(frozen=True, slots=True)
class _UnitPhrase:
    """The unit of an amount as written (surface) and as coded (unit), ending at ``end``."""

    unit: Unit
    surface: str
    end: int


@dataclass(slots=True)
class _Draft:
    """A figure being assembled."""

    start: int
    end: int
    value: float
    low: float
    high: float
    unit: _UnitPhrase | None = None
    kind: str = ""
    qualifier: str = ""
    is_range: bool = False

    def reading(self, text: str) -> FigureReading:
        unit = self.unit
        kind = self.kind or (unit.unit.kind if unit else "")
        if not kind:
            kind = "count" if self.low.is_integer() and self.high.is_integer() else "other"
        return FigureReading(
            start=self.start, end=self.end, surface=text[self.start:self.end], value=self.value,
            unit=unit.surface if unit else "", unit_code=unit.unit.code if unit else "",
            kind=kind, low=self.low, high=self.high, qualifier=self.qualifier,
        )


def find_figures(text: str) -> list[FigureReading]:
    """All figures stated in ``text``, ordered by start."""
    readings: list[FigureReading] = []
    pos = 0
    previous_end = 0
    while match := _CANDIDATE.search(text, pos):
        reading, resume = _read_candidate(text, match, previous_end)
        if reading is not None:
            readings.append(reading)
            previous_end = reading.end
            resume = reading.end
        pos = max(resume, match.start() + 1)
    return readings


def read_figure(surface: str) -> FigureReading | None:
    """The figure a hand-picked span states ("$75 million"); offsets are relative to it."""
    readings = find_figures(surface)
    if readings:
        return max(readings, key=lambda reading: reading.end - reading.start)
    stripped = surface.strip()
    number = read_numeral(stripped, 0) or read_number_words(stripped, 0)
    if number is None or number.end != len(stripped):
        return None
    offset = surface.index(stripped)
    return FigureReading(
        start=offset, end=offset + len(stripped), surface=stripped, value=number.value,
        kind="count" if number.value.is_integer() else "other", low=number.value, high=number.value,
    )


def extract_figures(text: str) -> pd.DataFrame:
    """One row per figure in ``text`` (columns FIGURE_COLUMNS), with the sentence holding it."""
    readings = find_figures(text)
    spans = sentence_spans(text)
    starts = [start for start, _ in spans]
    rows = []
    for reading in readings:
        index = bisect.bisect_right(starts, reading.start) - 1
        sentence = text[spans[index][0]:spans[index][1]] if index >= 0 else ""
        rows.append({
            "start": reading.start, "end": reading.end, "surface": reading.surface,
            "value": reading.value, "low": reading.low, "high": reading.high, "unit": reading.unit,
            "unit_code": reading.unit_code, "kind": reading.kind, "qualifier": reading.qualifier,
            "sentence": sentence,
        })
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS)


def _read_candidate(text: str, match: re.Match, previous_end: int) -> tuple[FigureReading | None, int]:
    """The figure starting at a candidate, and where to resume scanning."""
    kind = match.lastgroup
    if kind == "named":
        return _named_figure(text, match), match.end()
    if kind == "article":
        return _article_figure(text, match, previous_end), match.end()
    if kind == "numeral":
        number = read_numeral(text, match.start())
    else:
        number = read_number_words(text, match.start())
    if number is None:
        return None, match.end()
    draft = _read_number_figure(text, number, previous_end)
    if draft is None:
        return None, number.end
    if isinstance(draft, int):
        return None, draft
    return draft.reading(text), draft.end


def _named_figure(text: str, match: re.Match) -> FigureReading:
    if match["zero"]:
        value, unit = 0.0, _UnitPhrase(_KELVIN, "", match.end())
    else:
        value = _MULTIPLYING_VERBS[match["verb"].lower()] if match["verb"] else float(_FOLD_WORDS[match["fold"].lower()])
        unit = _UnitPhrase(_MULTIPLIER, "×", match.end())
    return _Draft(match.start(), match.end(), value, value, value, unit).reading(text)


def _article_figure(text: str, match: re.Match, previous_end: int) -> FigureReading | None:
    """ "a gallon", "a penny": one of the unit, unless it is the rate of a figure before ("$3 a gallon")."""
    unit = match_unit(text, match.end())
    rate_of_previous = previous_end > 0 and not text[previous_end:match.start()].strip()
    if unit is None or text[unit.end:unit.end + 1] == "-" or rate_of_previous:
        return None
    return _Draft(match.start(), unit.end, 1.0, 1.0, 1.0, _UnitPhrase(unit.unit, unit.surface, unit.end)).reading(text)


def _read_number_figure(text: str, number: NumberToken, previous_end: int) -> _Draft | int | None:
    """The figure around a number, None when it is none, or an offset to skip to."""
    surface = text[number.start:number.end]
    if not number.spelled:
        if is_clock_time(text, surface.lstrip("+-−"), number.end):
            return None
        if _next_to_other_numeral(text, number):
            return None
    first = _read_amount(text, number)
    uncertainty = _read_uncertainty(text, first.end)
    if uncertainty:
        first.end = uncertainty[1]
    first_unit = _read_unit_phrase(text, first)
    draft = _Draft(first.start, first_unit.end if first_unit else first.end, first.value, first.value, first.value, first_unit)
    if uncertainty:
        draft.low, draft.high = first.value - uncertainty[0], first.value + uncertainty[0]
    between = _BETWEEN_BEFORE.search(text, max(0, first.start - 10), first.start)
    ranged = _read_range(text, first, first_unit, draft.end, bool(between))
    if isinstance(ranged, int):
        return ranged
    if ranged is not None:
        draft = ranged
        if between:
            draft.start = between.start()
    elif first_unit is None:
        shared = _unit_shared_by_and(text, first, draft.end)
        if shared is not None:
            draft.unit = _UnitPhrase(shared.unit, shared.surface, draft.end)
    if draft.unit is not None:
        _add_cents(text, draft)
    else:
        _read_multiplier(text, number, draft)
    if draft.unit is None and draft.kind == "" and first.scale == 0.0:
        if not _is_bare_figure(text, number, first, draft, previous_end):
            return None
    _read_age(text, draft)
    _read_accounting_negative(text, draft, first)
    _read_qualifier(text, draft, previous_end)
    if _PLUS_SUFFIX.match(text, draft.end) and not draft.qualifier:
        draft.end += 1
        draft.qualifier = "or more"
    return draft


def _next_to_other_numeral(text: str, number: NumberToken) -> bool:
    """True for numerals only a space apart ("245 23"): codes, phone numbers, tables."""
    before = text[max(0, number.start - 2):number.start]
    after = text[number.end:number.end + 2]
    return (len(before) == 2 and before[1] == " " and before[0].isdigit()) or (
        len(after) == 2 and after[0] == " " and after[1].isdigit())


def _read_amount(text: str, number: NumberToken) -> _Amount:
    amount = _Amount(number.start, number.end, number.value, number)
    if not number.spelled and (prefix := currency_prefix_before(text, number.start)):
        amount.currency, amount.start = prefix
        if amount.start > 0 and text[amount.start - 1] in "-−" and (amount.start == 1 or not text[amount.start - 2].isalnum()):
            amount.start -= 1
            amount.value = -amount.value
    if minus := _MINUS_WORD_BEFORE.search(text, max(0, amount.start - 10), amount.start):
        amount.start = minus.start()
        amount.value = -amount.value
    _read_scale(text, amount)
    return amount


def _read_scale(text: str, amount: _Amount) -> None:
    if amount.number.spelled:
        return
    scale_match = _SCALE_WORD.match(text, amount.end)
    if scale_match:
        scale = SCALE_WORDS[scale_match[1].lower()]
    else:
        scale_match = _LETTER_SCALE.match(text, amount.end)
        if not scale_match or not _letter_is_scale(text, scale_match, amount):
            return
        scale = LETTER_SCALES[scale_match[1]]
    amount.scale = scale
    amount.value *= scale
    amount.end = scale_match.end()


def _letter_is_scale(text: str, letter: re.Match, amount: _Amount) -> bool:
    """Whether the letter glued to a number is a scale ("$5m", "10K") or a unit (5m, 300K)."""
    symbol = letter[1]
    if amount.currency or symbol in "kM":
        return True
    if symbol == "K":
        return not _is_kelvin(text, amount)
    if symbol in "mbB":
        gap = _UNIT_GAP.match(text, letter.end())
        return bool(match_unit(text, gap.end()) if gap.group() else False) or bool(_PLURAL_WORD_AFTER.match(text, letter.end()))
    return False


def _is_kelvin(text: str, amount: _Amount) -> bool:
    window = text[max(0, amount.start - 60):amount.end + 60]
    return "." in text[amount.number.start:amount.number.end] or bool(_TEMPERATURE_WORDS.search(window))


def _read_uncertainty(text: str, pos: int) -> tuple[float, int] | None:
    sign = _PLUS_MINUS.match(text, pos)
    if not sign:
        return None
    spread = read_numeral(text, sign.end())
    return (abs(spread.value), spread.end) if spread else None


def _read_unit_phrase(text: str, amount: _Amount) -> _UnitPhrase | None:
    """The unit of an amount: its currency prefix or the unit after it, with any "per X"."""
    if amount.currency:
        unit, end = Unit(currency_code(amount.currency), "money"), amount.end
    else:
        found = _unit_after(text, amount)
        if found is None:
            return None
        unit, end = found.unit, found.end
    for _ in range(2):
        per = _per_unit(text, end)
        if per is None:
            break
        unit, end = Unit(f"{unit.code}/{per.unit.code}", unit.kind), per.end
    surface = amount.currency + text[amount.end:end] if amount.currency else text[found.start:end]
    return _UnitPhrase(unit, surface, end)


def _per_unit(text: str, pos: int) -> UnitMatch | None:
    """The "per X" / "/X" after a unit ("km/h", "$350 per kg", "barrels a day")."""
    per = _PER.match(text, pos)
    if not per:
        return None
    unit = match_unit(text, per.end())
    if unit is None or unit.unit.kind not in ("quantity", "duration") or unit.surface in _SYMBOLS_NOT_AFTER_WORDS and "/" not in per.group():
        return None
    if per.group().strip().lower() in ("a", "an") and not (unit.surface.isalpha() and len(unit.surface) > 2):
        return None
    return unit


def _unit_after(text: str, amount: _Amount) -> UnitMatch | None:
    """The unit written after an amount, when its context allows that reading."""
    gap = _UNIT_GAP.match(text, amount.end)
    found = match_unit(text, gap.end())
    if found is None:
        return None
    unit, surface = found.unit, found.surface
    if amount.number.spelled and surface in _SYMBOLS_NOT_AFTER_WORDS:
        return None
    if surface == "in" and not _INCH_CONTEXT.match(text, found.end):
        return None
    if surface == '"' and (gap.group() or text.count('"', text.rfind("\n", 0, amount.start) + 1, amount.start) % 2):
        return None
    if surface == "s" and not gap.group():
        return None
    if unit.code == "K" and surface == "K" and not _is_kelvin(text, amount):
        return None
    if unit.code == "deg":
        unit = _degree_unit(text, amount, found)
    elif unit.code == "lb" and surface.lower().startswith("pound") and amount.scale:
        unit = _POUND_STERLING
    if inverse := _INVERSE.match(text, found.end):
        return UnitMatch(Unit(f"1/{unit.code}", unit.kind), found.start, inverse.end(), text[found.start:inverse.end()])
    return UnitMatch(unit, found.start, found.end, surface)


def _degree_unit(text: str, amount: _Amount, found: UnitMatch) -> Unit:
    """ "degrees" and "°" alone: Fahrenheit or Celsius when the text says so or speaks of heat."""
    if _FAHRENHEIT_AHEAD.match(text, found.end):
        return _FAHRENHEIT
    if _CELSIUS_AHEAD.match(text, found.end) or _TEMPERATURE_WORDS.search(text, max(0, amount.start - 80), amount.start):
        return _CELSIUS
    return found.unit


def _read_range(text: str, first: _Amount, first_unit: _UnitPhrase | None, pos: int, between: bool) -> _Draft | int | None:
    """ "16-17", "3 to 4 percent", "between 3 and 4 million", "$3-4 billion", "8- to 16-meter".

    Returns an offset to skip to when the pair is not a figure (a score "3-1", a date "2023-06-22").
    """
    connector = _RANGE_CONNECTOR.match(text, pos)
    if not connector or (connector["and"] and not between):
        return None
    at = connector.end()
    if prefix := _PREFIX_AT.match(text, at):
        at = prefix.end()
    number = _read_any_number(text, at)
    if number is None or number.spelled != first.number.spelled:
        return None
    second = _read_amount(text, number)
    if first.currency and not second.currency:
        second.currency = first.currency
    second_unit = _read_unit_phrase(text, second)
    dash = bool(connector["dash"])
    if dash and (_DATE_CHAIN.match(text, second.end) or (first_unit is None and second_unit is None and first.raw >= second.raw)):
        return _skip_date_chain(text, second.end)
    if first_unit is not None and (second_unit is None or first_unit.unit.code != second_unit.unit.code):
        return None
    if connector["or"] and (first_unit is not None or second_unit is None):
        return None
    if first.scale == 0.0 and second.scale and first.raw <= second.raw:
        first.value = first.raw * second.scale * (1 if first.value >= 0 else -1)
    low, high = sorted((first.value, second.value))
    end = second_unit.end if second_unit else second.end
    return _Draft(first.start, end, (low + high) / 2, low, high, second_unit, is_range=True)


def _skip_date_chain(text: str, pos: int) -> int:
    while chain := _DATE_CHAIN.match(text, pos):
        number = read_numeral(text, chain.start() + 1)
        pos = number.end if number else chain.end()
    return pos


def _read_any_number(text: str, pos: int) -> NumberToken | None:
    if pos < len(text) and (text[pos].isdigit() or text[pos] in "-−+"):
        return read_numeral(text, pos)
    return read_number_words(text, pos)


def _unit_shared_by_and(text: str, first: _Amount, pos: int) -> _UnitPhrase | None:
    """The unit of "45 and 50 mg", shared by the first number."""
    connector = _RANGE_CONNECTOR.match(text, pos)
    if not connector or not connector["and"]:
        return None
    number = _read_any_number(text, connector.end())
    if number is None or number.spelled != first.number.spelled:
        return None
    unit = _read_unit_phrase(text, _read_amount(text, number))
    return unit if unit is not None and unit.unit.kind in ("quantity", "money", "percent", "temperature") else None


def _add_cents(text: str, draft: _Draft) -> None:
    """ "3 dollars 50 cents" is 3.5 dollars."""
    unit = draft.unit
    if unit.unit.kind != "money" or unit.unit.code in _SUBUNITS or draft.is_range or "/" in unit.unit.code:
        return
    cents = _CENTS.match(text, draft.end)
    if cents:
        draft.value = draft.low = draft.high = draft.value + int(cents[1]) / 100
        draft.end = cents.end()


def _read_multiplier(text: str, number: NumberToken, draft: _Draft) -> None:
    """ "five times higher", "3-fold", "2x", and "four times per week"."""
    if fold := _FOLD.match(text, draft.end):
        draft.end, draft.kind = fold.end(), "multiplier"
    elif not number.spelled and (glued := _GLUED_TIMES.match(text, draft.end)):
        draft.end, draft.kind = glued.end(), "multiplier"
    elif times := _TIMES.match(text, draft.end):
        frequency = _FREQUENCY.match(text, times.end())
        period = match_unit(text, frequency.end()) if frequency else None
        if period is not None and period.unit.kind == "duration":
            draft.unit = _UnitPhrase(Unit(f"1/{period.unit.code}", "quantity"), text[times.start() + 1:period.end], period.end)
            draft.end = period.end
            return
        if (_COMPARATIVE.match(text, times.end()) or not draft.value.is_integer()
                or _CHANGE_BEFORE.search(text, max(0, draft.start - 40), draft.start)):
            draft.end, draft.kind = times.end(), "multiplier"
    if draft.kind == "multiplier":
        draft.unit = _UnitPhrase(_MULTIPLIER, "×", draft.end)


def _is_bare_figure(text: str, number: NumberToken, first: _Amount, draft: _Draft, previous_end: int) -> bool:
    """Whether a number with no unit is a count rather than a year, date, identifier or pronoun."""
    after = text[draft.end:draft.end + 2]
    if after[:1].isalpha() or after in ("'s", "’s"):
        return False
    if number.spelled:
        if after[:1] == "-" and text[draft.end + 1:draft.end + 2].isalpha():
            return False
        if number.words == 1 and text[number.start:number.end].lower() == "one":
            return not (_ONE_AS_PRONOUN_AFTER.match(text, number.end)
                        or _ONE_AS_PRONOUN_BEFORE.search(text, max(0, number.start - 12), number.start))
        return True
    qualifier = qualifier_before(text, first.start)
    counting = bool(qualifier and qualifier[0] in _COUNTING_QUALIFIERS)
    return not (
        is_day_of_month(text, first.start, number.end, number.value)
        or is_year(text, number.start, number.end, counting)
        or is_identifier(text, first.start)
    )


def _read_age(text: str, draft: _Draft) -> None:
    """ "16-year-old", "aged 30", "an average age of 16-17 years"."""
    unit = draft.unit
    if unit is not None and unit.unit.code in ("year", "month", "week", "day"):
        if old := _OLD_AFTER.match(text, draft.end):
            draft.end, draft.kind = old.end(), "age"
            return
    if (unit is None or unit.unit.kind == "duration") and _AGE_BEFORE.search(text, max(0, draft.start - 12), draft.start):
        draft.kind = "age"
        if unit is None:
            draft.unit = _UnitPhrase(Unit("year", "age"), "", draft.end)


def _read_accounting_negative(text: str, draft: _Draft, first: _Amount) -> None:
    """ "The revenue was ($99.99)": an amount in brackets stated as a value is negative."""
    if not first.currency or draft.is_range or draft.value < 0:
        return
    if text[draft.start - 1:draft.start] == "(" and text[draft.end:draft.end + 1] == ")" and _ACCOUNTING_LEAD.search(text, max(0, draft.start - 12), draft.start - 1):
        draft.start -= 1
        draft.end += 1
        draft.value, draft.low, draft.high = -draft.value, -draft.high, -draft.low


def _read_qualifier(text: str, draft: _Draft, previous_end: int) -> None:
    found = qualifier_before(text, draft.start)
    if found and found[1] >= previous_end:
        draft.qualifier, draft.start = found
