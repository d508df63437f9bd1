"""Reading one number at a position: digits ("2,000", "1.5", ".08", "3/4", "2½", "4e14")
or words ("twenty-five", "a hundred and two", "two and a half", "two thirds",
"a quarter of a million", "half a billion", "one hundred and three and two thirds")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.nlp.figures.qualifiers import HYPHEN_QUALIFIERS

VULGAR_FRACTIONS = {
    "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5,
    "⅖": 2 / 5, "⅗": 3 / 5, "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅐": 1 / 7,
    "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8, "⅑": 1 / 9, "⅒": 1 / 10,
}

#: Scale words written after a number ("3.2 million", "1.5bn", "$5-billion").
SCALE_WORDS = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "dozen": 12.0, "bn": 1e9, "bln": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12,
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}

#: One-letter scales glued to a number ("€10M", "$2.174T", "0.5k"); the caller
#: decides whether the letter is a scale or a unit (m = metre, t = tonne...).
LETTER_SCALES = {"k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "b": 1e9, "B": 1e9, "T": 1e12}

SMALL_NUMBERS = {
    word: value for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen"
        " fourteen fifteen sixteen seventeen eighteen nineteen".split())
}
TENS = {
    word: 10 * value for value, word in enumerate(
        "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)
}
MAGNITUDES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
    "thousandth": 1000, "thousandths": 1000,
}
#: The words a spelled-out number can start with.
CARDINAL_WORDS = (*SMALL_NUMBERS, *TENS)


_NOT_GLUED_AFTER = r"[\w.,+\-−–#@]"
# "near-400,000": a qualifier glued by a hyphen does not glue the number to a word.
_AFTER_HYPHEN_QUALIFIER = "".join(rf"|(?<=\b(?i:{word})-\d)" for word in HYPHEN_QUALIFIERS)
#: Where a number in digits starts (not glued to a word or another number before
#: it), running on over the characters a numeral may hold.
NUMERAL_PATTERN = (
    rf"(?:[-−+](?<!{_NOT_GLUED_AFTER}.)(?=\.?\d)|\d(?:(?<!{_NOT_GLUED_AFTER}\d){_AFTER_HYPHEN_QUALIFIER})"
    rf"|\.(?<!{_NOT_GLUED_AFTER}\.)(?=\d)"
    rf"|[{''.join(VULGAR_FRACTIONS)}])[\d,.:/]*"
)


@dataclass(frozen=True, slots=True)
class NumberToken:
    """A number read from ``text[start:end]``; ``spelled`` when written in words."""

    start: int
    end: int
    value: float
    spelled: bool = False
    words: int = 1


_BLOB = re.compile(rf"([-−+]?)(\.?\d(?:[\d,.:/]*\d)?)|([{''.join(VULGAR_FRACTIONS)}])")
_PLAIN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+")
_FRACTION = re.compile(r"(\d+)/([1-9]\d*)")
# Not a count before a model number ("12 747-400 planes", "8 737s").
_SPACE_GROUPS = re.compile(r"(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?(?![\d,/:]|[.-]\d|s\b)")
_MIXED_FRACTION = re.compile(r"[ \u00a0]?([½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅐⅛⅜⅝⅞⅑⅒])|[ \u00a0](\d+)/([1-9]\d*)(?![\d/])")
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_EXPONENT = re.compile(
    r"[eE]([-+−]?\d{1,3})(?![\w])"
    r"|\s?[x×*·]\s?(\d{1,3})(?:\^|\*\*)([-−+]?\d{1,3})(?!\d)"
    r"|\s?[x×*·]\s?10(?:([-−]\d{1,3})(?!\d)|([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))"
)


def _blob_value(blob: str) -> float | None:
    if _PLAIN.fullmatch(blob):
        return float(blob.replace(",", ""))
    fraction = _FRACTION.fullmatch(blob)
    if fraction and int(fraction[1]) < int(fraction[2]):
        return int(fraction[1]) / int(fraction[2])
    return None


def read_numeral(text: str, pos: int) -> NumberToken | None:
    """The number written in digits at ``pos``, or None when malformed ("1.2.3", "10:30")."""
    match = _BLOB.match(text, pos)
    if not match:
        return None
    if match[3]:
        return NumberToken(pos, match.end(), VULGAR_FRACTIONS[match[3]])
    sign, blob = match[1], match[2]
    value = _blob_value(blob)
    if value is None:
        return None
    end = match.end()
    if blob.isdigit():
        if len(blob) <= 3 and (groups := _SPACE_GROUPS.match(text, end)):
            value = float(blob + re.sub(r"\D", "", groups.group().split(".")[0]) + _decimals(groups.group()))
            end = groups.end()
        elif (mixed := _MIXED_FRACTION.match(text, end)) and (part := _mixed_part(mixed)):
            value += part
            end = mixed.end()
    if (exponent := _EXPONENT.match(text, end)) and (powered := _scaled_by_power(value, exponent)) is not None:
        value, end = powered, exponent.end()
    if sign and sign in "-−":
        value = -value
    return NumberToken(pos, end, value)


def _decimals(groups: str) -> str:
    return "." + groups.split(".")[1] if "." in groups else ""


def _mixed_part(match: re.Match) -> float:
    if match[1]:
        return VULGAR_FRACTIONS[match[1]]
    top, bottom = int(match[2]), int(match[3])
    return top / bottom if top < bottom else 0.0


def _scaled_by_power(value: float, match: re.Match) -> float | None:
    if match[1]:
        base, exponent = 10, match[1]
    elif match[2]:
        base, exponent = int(match[2]), match[3]
    else:
        base, exponent = 10, match[4] or match[5].translate(_SUPERSCRIPT)
    power = int(exponent.replace("−", "-"))
    try:
        # Dividing keeps 2.48e-05 exact where multiplying by 1e-05 would not.
        return value / float(base) ** -power if power < 0 else value * float(base) ** power
    except OverflowError:
        return None


_WORD = re.compile(r"[A-Za-z]+")
_WORD_SEPARATOR = re.compile(r"\s*,\s*|\s*&\s*|\s+and\s+|[\s-]+", re.IGNORECASE)

# Which word categories may follow which.
_FOLLOWS = {
    "start": {"a", "zero", "small", "teen", "tens"},
    "a": {"hundred", "magnitude", "dozen", "denominator"},
    "small": {"hundred", "magnitude", "dozen", "denominator", "and_a"},
    "teen": {"hundred", "magnitude", "dozen", "denominator", "and_a"},
    "tens": {"small", "magnitude", "dozen", "denominator", "and_a"},
    "hundred": {"small", "teen", "tens", "magnitude", "and_a"},
    "magnitude": {"small", "teen", "tens", "and_a"},
    "denominator": {"magnitude"},
    "and_a": {"denominator"},
    "zero": set(),
    "dozen": set(),
}


def _may_follow(last: str, category: str | None, separator: str) -> bool:
    """Whether a word of ``category`` continues a number ending in ``last``.

    "and" joins "one hundred and two" and "two and a half"; a comma only follows a
    magnitude ("three million, two hundred").
    """
    if category not in _FOLLOWS[last]:
        return False
    joined_by = separator.strip().lower()
    if joined_by in ("and", "&"):
        return category == "and_a" or (category in ("small", "teen", "tens") and last in ("hundred", "magnitude"))
    if joined_by == ",":
        return last == "magnitude"
    return category != "and_a"


def _category(word: str, last: str) -> str | None:
    if word in ("a", "an"):
        return "a" if last == "start" else "and_a"
    if word == "zero":
        return "zero"
    if word in SMALL_NUMBERS:
        return "small" if SMALL_NUMBERS[word] < 10 else "teen"
    if word in TENS:
        return "tens"
    if word == "hundred":
        return "hundred"
    if word in MAGNITUDES:
        return "magnitude"
    if word == "dozen":
        return "dozen"
    if word in DENOMINATORS:
        return "denominator"
    return None


_SCALES_AFTER_FRACTION = {"hundred": 1e2, "dozen": 12.0, **MAGNITUDES}
_SCALE_NAMES = "|".join(_SCALES_AFTER_FRACTION)
_HALF_A_SCALE = re.compile(rf"half[\s-]+(?:of\s+)?an?\s+({_SCALE_NAMES})\b", re.IGNORECASE)
_OF_A_SCALE = re.compile(rf"\s+of\s+an?\s+({_SCALE_NAMES})\b", re.IGNORECASE)
_WHOLE_CATEGORIES = frozenset({"small", "teen", "tens", "hundred", "magnitude"})
_AND_FRACTION = re.compile(
    rf"\s+and\s+({'|'.join(list(SMALL_NUMBERS)[1:10])})[\s-]+({'|'.join(DENOMINATORS)})\b", re.IGNORECASE
)


def read_number_words(text: str, pos: int) -> NumberToken | None:
    """The longest well-formed spelled-out number starting at ``pos``."""
    if text[pos:pos + 1] in "hH" and (half := _HALF_A_SCALE.match(text, pos)):
        return NumberToken(pos, half.end(), _SCALES_AFTER_FRACTION[half[1].lower()] / 2, spelled=True, words=3)
    best, category = _read_words(text, pos)
    if best is None:
        return None
    if category == "denominator" and best.value < 1 and (scale := _OF_A_SCALE.match(text, best.end)):
        value = float(round(best.value * _SCALES_AFTER_FRACTION[scale[1].lower()]))
        return NumberToken(pos, scale.end(), value, spelled=True, words=best.words + 3)
    if category in _WHOLE_CATEGORIES and text[best.end + 1:best.end + 4].lower() == "and" and (
            fraction := _AND_FRACTION.match(text, best.end)):
        top, bottom = SMALL_NUMBERS[fraction[1].lower()], DENOMINATORS[fraction[2].lower()]
        if top < bottom:
            return NumberToken(pos, fraction.end(), best.value + top / bottom, spelled=True, words=best.words + 3)
    return best


def _read_words(text: str, pos: int) -> tuple[NumberToken | None, str]:
    """The longest number in words at ``pos`` and the category of its last word."""
    total = group = 0.0
    last, separator, last_magnitude = "start", "", float("inf")
    best: NumberToken | None = None
    best_category = ""
    index, used = pos, 0
    while word_match := _WORD.match(text, index):
        word = word_match.group().lower()
        category = _category(word, last)
        if not _may_follow(last, category, separator):
            break
        if category in ("small", "teen", "tens"):
            group += SMALL_NUMBERS.get(word, TENS.get(word, 0))
        elif category == "hundred":
            group = (group or 1) * 100
        elif category == "dozen":
            group = (group or 1) * 12
        elif category == "magnitude":
            if MAGNITUDES[word] >= last_magnitude:
                break
            last_magnitude = MAGNITUDES[word]
            total += (group or 1) * MAGNITUDES[word]
            group = 0.0
        elif category == "denominator":
            if last == "and_a":
                group += 1 / DENOMINATORS[word]
            else:
                group = (group or 1) / DENOMINATORS[word]
        used += 1
        last = category
        if category not in ("a", "and_a"):
            best = NumberToken(pos, word_match.end(), total + group, spelled=True, words=used)
            best_category = category
        separator_match = _WORD_SEPARATOR.match(text, word_match.end())
        if not separator_match:
            break
        separator = separator_match.group()
        index = separator_match.end()
    return best, best_category
