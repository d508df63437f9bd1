import pytest

from desktop.core.figure import FigureReading
from desktop.nlp.figures.changes import change_factor, change_of
from desktop.nlp.figures.scanner import find_figures


def change(text, surface, base=""):
    reading = next(r for r in find_figures(text) if surface in r.surface)
    return change_of(text, reading, base)


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("Revenue grew by 12 percent last year.", "12 percent", "+12%"),
    ("Imports fell 3.5% in May.", "3.5%", "-3.5%"),
    ("a 7 per cent decline in sales", "7 per cent", "-7%"),
    ("an increase of 20% over the year", "20%", "+20%"),
    ("Shares were up 4% on Monday.", "4%", "+4%"),
    ("The rate rose 25 basis points.", "25 basis points", "+25 bp"),
    ("About 40% of voters agreed.", "40%", ""),
    ("Output is three times higher now.", "three times", "×3"),
    ("Costs were four times lower.", "four times", "×0.25"),
    ("Profits doubled.", "doubled", "×2"),
])
def test_changes(text, surface, expected):
    assert change(text, surface) == expected


def test_a_multiplier_without_a_comparative_is_no_change():
    text = "She won five times."
    reading = FigureReading(8, 18, "five times", 5.0, "×", "x", "multiplier")
    assert change_of(text, reading) == ""


def test_a_base_period_is_written_after_the_change():
    assert change("Output is three times higher than in 2019.", "three times", "2019") == "×3 vs 2019"


def test_factors():
    assert change_factor("+40%") == (1.4, "")
    assert change_factor("-25%") == (0.75, "")
    assert change_factor("×5 vs 2021") == (5.0, "2021")
    assert change_factor("+2 pp") is None and change_factor("") is None
