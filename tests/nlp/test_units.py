"""The unit lexicon and currency prefixes."""

import pytest

from desktop.nlp.figures.currency_prefixes import currency_code, currency_prefix_before
from desktop.nlp.figures.units import currency_names, match_unit


@pytest.mark.parametrize(("text", "code", "kind", "surface"), [
    ("tons of cargo", "t", "quantity", "tons"),
    ("tonnes", "t", "quantity", "tonnes"),
    ("t valued", "t", "quantity", "t"),
    ("barrels per day", "bbl", "quantity", "barrels"),
    ("cubic metres", "m3", "quantity", "cubic metres"),
    ("m3 of gas", "m3", "quantity", "m3"),
    ("km²", "km2", "quantity", "km²"),
    ("km^3,", "km3", "quantity", "km^3"),
    ("square kilometers", "km2", "quantity", "square kilometers"),
    ("sq mi)", "mi2", "quantity", "sq mi"),
    ("km cubed", "km3", "quantity", "km cubed"),
    ("kilometres", "km", "quantity", "kilometres"),
    ("miles", "mi", "quantity", "miles"),
    ("kWh", "kWh", "quantity", "kWh"),
    ("MW", "MW", "quantity", "MW"),
    ("GW", "GW", "quantity", "GW"),
    ("TEUs", "TEU", "quantity", "TEUs"),
    ("hectares", "ha", "quantity", "hectares"),
    ("kg", "kg", "quantity", "kg"),
    ("litres", "L", "quantity", "litres"),
    ("mg ethanol", "mg", "quantity", "mg"),
    ("degrees Celsius", "°C", "temperature", "degrees Celsius"),
    ("°C", "°C", "temperature", "°C"),
    ("°F", "°F", "temperature", "°F"),
    ("percent", "%", "percent", "percent"),
    ("per cent", "%", "percent", "per cent"),
    ("%", "%", "percent", "%"),
    ("percentage points", "pp", "percent", "percentage points"),
    ("years", "year", "duration", "years"),
    ("months", "month", "duration", "months"),
    ("weeks", "week", "duration", "weeks"),
    ("days", "day", "duration", "days"),
    ("hours", "h", "duration", "hours"),
    ("hrs.", "h", "duration", "hrs"),
    ("minutes", "min", "duration", "minutes"),
    ("dollars", "USD", "money", "dollars"),
    ("US dollars", "USD", "money", "US dollars"),
    ("euros", "EUR", "money", "euros"),
    ("pounds sterling", "GBP", "money", "pounds sterling"),
    ("tenge", "KZT", "money", "tenge"),
    ("manat", "AZN", "money", "manat"),
    ("rubles", "RUB", "money", "rubles"),
    ("roubles", "RUB", "money", "roubles"),
    ("yuan", "CNY", "money", "yuan"),
    ("yen", "JPY", "money", "yen"),
    ("USD", "USD", "money", "USD"),
    ("€", "EUR", "money", "€"),
    ("cents", "cent", "money", "cents"),
    ("p a share", "penny", "money", "p"),
    ("c a share", "cent", "money", "c"),
    ("pence", "penny", "money", "pence"),
    ("points lower", "point", "quantity", "points"),
])
def test_unit_lexicon(text, code, kind, surface):
    found = match_unit(text, 0)
    assert (found.unit.code, found.unit.kind, found.surface) == (code, kind, surface)


@pytest.mark.parametrize("text", ["tonsil", "kmh2o", "Js", "people", "mgx"])
def test_no_unit_inside_a_longer_word(text):
    assert match_unit(text, 0) is None


def test_symbols_keep_their_case():
    assert match_unit("MB", 0).unit.code == "MB"
    assert match_unit("Mb", 0).unit.code == "Mbit"
    assert match_unit("mb", 0) is None


def test_words_match_in_any_case():
    assert match_unit("Tonnes", 0).unit.code == "t"
    assert match_unit("DOLLARS", 0).unit.code == "USD"


@pytest.mark.parametrize(("text", "surface", "code"), [
    ("$460", "$", "USD"),
    ("$ 75", "$", "USD"),
    ("US$2", "US$", "USD"),
    ("KZT 500", "KZT", "KZT"),
    ("€3", "€", "EUR"),
    ("£2,000", "£", "GBP"),
    ("¥100", "¥", "JPY"),
    ("₸500", "₸", "KZT"),
    ("₼5", "₼", "AZN"),
    ("₽5", "₽", "RUB"),
    ("₹5", "₹", "INR"),
    ("Rs 500", "Rs", "INR"),
])
def test_currency_prefix_before_a_number(text, surface, code):
    found = currency_prefix_before(text, _first_digit(text))
    assert found == (surface, 0)
    assert currency_code(found[0]) == code


@pytest.mark.parametrize("text", ["the 5", "COP 29", "XUSD 5", "was 5"])
def test_no_currency_prefix(text):
    assert currency_prefix_before(text, _first_digit(text)) is None


def _first_digit(text: str) -> int:
    return next(index for index, char in enumerate(text) if char.isdigit())


def test_currency_names():
    names = currency_names()
    assert (names["yuan"], names["rupiah"], names["baht"], names["us dollars"]) == ("CNY", "IDR", "THB", "USD")
    assert "cent" not in names and "pence" not in names
