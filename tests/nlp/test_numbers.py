"""Reading one number in digits or in words."""

import pytest

from desktop.nlp.numbers import read_number_words, read_numeral


@pytest.mark.parametrize(("text", "value", "surface"), [
    ("2,000 people", 2000, "2,000"),
    ("1,500,000 km", 1_500_000, "1,500,000"),
    ("10 000 dollars", 10_000, "10 000"),
    ("1.5 million", 1.5, "1.5"),
    ("3/4 of", 0.75, "3/4"),
    ("2 1/2 in", 2.5, "2 1/2"),
    ("2½ hours", 2.5, "2½"),
    ("½ tbsp", 0.5, "½"),
    ("4e14 s-1", 4e14, "4e14"),
    ("2.48×10−5,", 2.48e-5, "2.48×10−5"),
    ("5.5x10-3 kg", 0.0055, "5.5x10-3"),
    ("8x2^10 bits", 8192, "8x2^10"),
    ("-1e-3 W", -0.001, "-1e-3"),
    ("−273.15°", -273.15, "−273.15"),
    ("+5%", 5, "+5"),
])
def test_numeral_value_and_extent(text, value, surface):
    number = read_numeral(text, 0)
    assert number.value == pytest.approx(value)
    assert text[number.start:number.end] == surface
    assert not number.spelled


@pytest.mark.parametrize("text", ["1.2.3", "10:30", "1,50", "1/0", "6/22/2023", "24/7"])
def test_malformed_numerals_are_not_read(text):
    assert read_numeral(text, 0) is None


def test_numbers_a_space_apart_are_not_one_grouped_number():
    assert read_numeral("245 23 yen", 0).end == 3


@pytest.mark.parametrize(("text", "value", "surface"), [
    ("three", 3, "three"),
    ("twenty-five years", 25, "twenty-five"),
    ("three hundred people", 300, "three hundred"),
    ("a hundred and two of those", 102, "a hundred and two"),
    ("one hundred and two", 102, "one hundred and two"),
    ("three million, two hundred & forty, you say", 3_000_240, "three million, two hundred & forty"),
    ("two and a half miles", 2.5, "two and a half"),
    ("one and a half million", 1_500_000, "one and a half million"),
    ("a quarter million", 250_000, "a quarter million"),
    ("one sixth", 1 / 6, "one sixth"),
    ("two thirds of", 2 / 3, "two thirds"),
    ("three halves", 1.5, "three halves"),
    ("one-half mile", 0.5, "one-half"),
    ("a dozen eggs", 12, "a dozen"),
    ("ninety minutes", 90, "ninety"),
    ("Zero is small", 0, "Zero"),
])
def test_number_words(text, value, surface):
    number = read_number_words(text, 0)
    assert number.value == pytest.approx(value)
    assert text[number.start:number.end] == surface
    assert number.spelled


@pytest.mark.parametrize(("text", "surface"), [
    ("one two three", "one"),
    ("twenty-first century", "twenty"),
    ("two and three", "two"),
    ("fifty-fifty", "fifty"),
])
def test_number_words_stop_where_the_number_ends(text, surface):
    number = read_number_words(text, 0)
    assert text[number.start:number.end] == surface


@pytest.mark.parametrize("text", ["several hundred", "hundreds of", "a lot", "the first"])
def test_words_that_are_no_number(text):
    assert read_number_words(text, 0) is None
