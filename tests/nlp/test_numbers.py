"""Reading one number in digits or in words."""

import pytest

from desktop.nlp.figures.numbers import read_number_words, read_numeral


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
    (".08 points", 0.08, ".08"),
    ("-.5%", -0.5, "-.5"),
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


@pytest.mark.parametrize("text", ["12 747-400 jets", "8 737s"])
def test_a_count_before_a_model_number_is_not_grouped_with_it(text):
    assert read_numeral(text, 0).value == int(text.split()[0])


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
    ("a quarter of a million fans", 250_000, "a quarter of a million"),
    ("three-quarters of a million", 750_000, "three-quarters of a million"),
    ("a third of a billion", 333_333_333, "a third of a billion"),
    ("half a billion dollars", 5e8, "half a billion"),
    ("Half a dozen eggs", 6, "Half a dozen"),
    ("one hundred and three and two thirds", 103 + 2 / 3, "one hundred and three and two thirds"),
    ("two and three quarters", 2.75, "two and three quarters"),
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


@pytest.mark.parametrize("text", ["several hundred", "hundreds of", "a lot", "the first", "half the cake", "half of it"])
def test_words_that_are_no_number(text):
    assert read_number_words(text, 0) is None
