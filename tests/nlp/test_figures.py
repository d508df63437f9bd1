"""The figure engine: find_figures, read_figure, extract_figures and base_value."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.figure import FIGURE_COLUMNS, FigureReading
from desktop.nlp.figures.base_units import base_value
from desktop.nlp.figures.scanner import extract_figures, find_figures, read_figure

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_b7826a19fda1218e.txt"


def only_figure(text: str) -> FigureReading:
    figures = find_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


def figure_named(text: str, surface: str) -> FigureReading:
    matches = [figure for figure in find_figures(text) if figure.surface == surface]
    assert matches, [figure.surface for figure in find_figures(text)]
    return matches[0]


# --- the seed article -------------------------------------------------------

@pytest.fixture(scope="module")
def seed_figures() -> tuple[str, list[FigureReading]]:
    text = SEED.read_text(encoding="utf-8")
    return text, find_figures(text)


def _find(figures, surface):
    return [figure for figure in figures if figure.surface == surface]


def test_seed_over_120_agreements(seed_figures):
    _, figures = seed_figures
    [figure] = _find(figures, "over 120")
    assert (figure.value, figure.kind, figure.qualifier, figure.unit) == (120, "count", "over", "")


def test_seed_more_than_30_years(seed_figures):
    _, figures = seed_figures
    [figure] = _find(figures, "more than 30 years")
    assert (figure.value, figure.unit_code, figure.kind, figure.qualifier) == (30, "year", "duration", "more than")


def test_seed_40_percent_twice(seed_figures):
    _, figures = seed_figures
    percents = _find(figures, "40 percent")
    assert len(percents) == 2
    assert all((figure.value, figure.unit_code, figure.kind) == (40, "%", "percent") for figure in percents)


@pytest.mark.parametrize(("amount", "value"), [("$460 million", 460e6), ("$185 million", 185e6)])
def test_seed_dollar_amounts(seed_figures, amount, value):
    _, figures = seed_figures
    [figure] = [figure for figure in figures if figure.surface.endswith(amount)]
    assert (figure.value, figure.unit, figure.unit_code, figure.kind) == (value, "$", "USD", "money")


def test_seed_exceeding_is_a_qualifier(seed_figures):
    _, figures = seed_figures
    assert _find(figures, "exceeding $460 million")[0].qualifier == "exceeding"


def test_seed_tons_of_cargo(seed_figures):
    _, figures = seed_figures
    [figure] = _find(figures, "3.2 million tons")
    assert (figure.value, figure.unit, figure.unit_code, figure.kind) == (3.2e6, "tons", "t", "quantity")


def test_seed_five_times_higher(seed_figures):
    _, figures = seed_figures
    [figure] = _find(figures, "five times")
    assert (figure.value, figure.unit, figure.unit_code, figure.kind) == (5, "×", "x", "multiplier")


def test_seed_fleet_age_range(seed_figures):
    _, figures = seed_figures
    [figure] = _find(figures, "16-17 years")
    assert (figure.value, figure.low, figure.high, figure.unit_code) == (16.5, 16, 17, "year")
    assert figure.kind in ("age", "duration")


def test_seed_first_four_months(seed_figures):
    _, figures = seed_figures
    [figure] = [figure for figure in figures if figure.surface.endswith("four months")]
    assert (figure.value, figure.unit_code, figure.kind) == (4, "month", "duration")


def test_seed_years_and_dates_are_no_figures(seed_figures):
    text, figures = seed_figures
    for surface in ("2022", "2021", "22"):
        assert not any(surface in figure.surface for figure in figures), surface
    june = text.index("June 22")
    assert not any(figure.start <= june + 5 < figure.end for figure in figures)


def test_seed_spans_are_exact(seed_figures):
    text, figures = seed_figures
    assert all(text[figure.start:figure.end] == figure.surface for figure in figures)
    assert [figure.start for figure in figures] == sorted(figure.start for figure in figures)


# --- money --------------------------------------------------------------------

@pytest.mark.parametrize(("text", "surface", "value", "unit", "code"), [
    ("It cost $460 million.", "$460 million", 460e6, "$", "USD"),
    ("It cost $ 75 million.", "$ 75 million", 75e6, "$", "USD"),
    ("It cost €3bn.", "€3bn", 3e9, "€", "EUR"),
    ("Sales hit 1.5bn euros.", "1.5bn euros", 1.5e9, "euros", "EUR"),
    ("It raised US$2 billion.", "US$2 billion", 2e9, "US$", "USD"),
    ("A KZT 500 million loan.", "KZT 500 million", 500e6, "KZT", "KZT"),
    ("It was 500 million tenge.", "500 million tenge", 500e6, "tenge", "KZT"),
    ("It cost £2,000.", "£2,000", 2000, "£", "GBP"),
    ("I spent 20 million pounds on this!", "20 million pounds", 20e6, "pounds", "GBP"),
    ("A budget of 120 manat.", "120 manat", 120, "manat", "AZN"),
    ("Russia spent 3.5 trillion rubles.", "3.5 trillion rubles", 3.5e12, "rubles", "RUB"),
    ("Spending was 400 mln euros.", "400 mln euros", 400e6, "euros", "EUR"),
    ("A $5-million deal.", "$5-million", 5e6, "$", "USD"),
    ("I have €10M in savings.", "€10M", 10e6, "€", "EUR"),
    ("Its GDP is $2.174T.", "$2.174T", 2.174e12, "$", "USD"),
    ("The revenue is -15€ now.", "-15€", -15, "€", "EUR"),
    ("It costs Rs 500 crore.", "Rs 500 crore", 5e9, "Rs", "INR"),
])
def test_money(text, surface, value, unit, code):
    figure = only_figure(text)
    assert (figure.surface, figure.value, figure.unit, figure.unit_code, figure.kind) == (surface, value, unit, code, "money")


def test_dollars_and_cents_make_one_amount():
    figure = only_figure("Coffee is 3 dollars 50 cents here.")
    assert (figure.surface, figure.value, figure.unit_code) == ("3 dollars 50 cents", 3.5, "USD")


def test_spelled_dollars_and_cents():
    figure = only_figure("It only cost thirteen dollars and forty-five cents.")
    assert (figure.value, figure.unit_code) == (13.45, "USD")


@pytest.mark.parametrize(("text", "code"), [
    ("exports fell to hk $ 10.05 billion .", "HKD"),
    ("the prize is u.s $ 100,000,000 .", "USD"),
    ("It cost 100元.", "CNY"),
    ("He paid 40 rmb.", "CNY"),
])
def test_money_as_tokenisers_and_other_scripts_write_it(text, code):
    assert only_figure(text).unit_code == code


def test_cents_keep_their_own_unit():
    figure = only_figure("Sugar is 50 cents.")
    assert (figure.value, figure.unit, figure.unit_code, figure.kind) == (50, "cents", "cent", "money")


def test_money_per_unit_is_a_rate():
    assert only_figure("I work for $15.4/hour").unit_code == "USD/h"
    assert only_figure("Brent traded at $80 a barrel.").unit_code == "USD/bbl"


def test_bracketed_amount_stated_as_a_value_is_negative():
    figure = only_figure("The annual revenue is ($99.99).")
    assert (figure.surface, figure.value) == ("($99.99)", -99.99)


def test_bracketed_conversion_stays_positive():
    figures = find_figures("It paid 90 euros ($99.99) for it.")
    assert [figure.value for figure in figures] == [90, 99.99]


# --- percent ------------------------------------------------------------------

@pytest.mark.parametrize(("text", "surface", "value", "code"), [
    ("It grew 40 percent.", "40 percent", 40, "%"),
    ("It grew 40%.", "40%", 40, "%"),
    ("It grew 40 per cent.", "40 per cent", 40, "%"),
    ("It fell minus 5%.", "minus 5%", -5, "%"),
    ("It fell -5% last year.", "-5%", -5, "%"),
    ("Rates rose 2.5 percentage points.", "2.5 percentage points", 2.5, "pp"),
    ("A 40-percent rise.", "40-percent", 40, "%"),
])
def test_percent(text, surface, value, code):
    figure = only_figure(text)
    assert (figure.surface, figure.value, figure.unit_code, figure.kind) == (surface, value, code, "percent")


# --- quantities and temperatures -------------------------------------------------

@pytest.mark.parametrize(("text", "surface", "value", "code"), [
    ("It shipped 3.2 million tons of cargo.", "3.2 million tons", 3.2e6, "t"),
    ("I want two meters of cotton.", "two meters", 2, "m"),
    ("It is at 1,500,000 kilometres from Earth.", "1,500,000 kilometres", 1.5e6, "km"),
    ("It handled 5.3 million TEUs.", "5.3 million TEUs", 5.3e6, "TEU"),
    ("The farm covers 250 hectares.", "250 hectares", 250, "ha"),
    ("The plant has 2 GW of capacity.", "2 GW", 2, "GW"),
    ("It produced 3,400 GWh.", "3,400 GWh", 3400, "GWh"),
    ("The field holds 10 bcm of gas.", "10 bcm", 10, "bcm"),
    ("Italy covers 301,338 km2.", "301,338 km2", 301338, "km2"),
    ("The door is 2 1/2 in thick", "2 1/2 in", 2.5, "in"),
    ("It carries 100,000 barrels per day.", "100,000 barrels per day", 100_000, "bbl/day"),
    ("A top speed of 200 kilometres per hour.", "200 kilometres per hour", 200, "km/h"),
    ("A 27-kilometer ring.", "27-kilometer", 27, "km"),
    ("The average weight is 10kg.", "10kg", 10, "kg"),
    ("And I would walk 0.5k miles", "0.5k miles", 500, "mi"),
    ("It exports 3m barrels a day.", "3m barrels a day", 3e6, "bbl/day"),
    ("Approximately one-half miles east.", "Approximately one-half miles", 0.5, "mi"),
])
def test_quantities(text, surface, value, code):
    figure = only_figure(text)
    assert (figure.surface, figure.value, figure.unit_code, figure.kind) == (surface, value, code, "quantity")


@pytest.mark.parametrize(("text", "surface", "value", "code"), [
    ("Highs of 45 degrees Celsius.", "45 degrees Celsius", 45, "°C"),
    ("It was 113°F outside.", "113°F", 113, "°F"),
    ("Now its -10C", "-10C", -10, "°C"),
    ("Its 30 C outside!", "30 C", 30, "°C"),
    ("It melts at 573.15K.", "573.15K", 573.15, "K"),
    ("Water temperatures reached 28 degrees.", "28 degrees", 28, "°C"),
    ("The temperature outside is 40 deg celsius", "40 deg celsius", 40, "°C"),
    ("98.6 degrees f is normal", "98.6 degrees f", 98.6, "°F"),
    ("Set the thermostat to 85°", "85°", 85, "°C"),
])
def test_temperatures(text, surface, value, code):
    figure = only_figure(text)
    assert (figure.surface, figure.value, figure.unit_code, figure.kind) == (surface, value, code, "temperature")


def test_bare_degrees_without_heat_are_an_angle():
    assert only_figure("The road turns 90 degrees.").unit_code == "deg"


def test_a_unit_after_an_article_is_one_of_it():
    figure = only_figure("I want a gallon of beer")
    assert (figure.surface, figure.value, figure.unit_code) == ("a gallon", 1, "gal")


def test_an_article_after_a_figure_is_a_rate_not_a_figure():
    assert [figure.surface for figure in find_figures("Milk costs $4 a gallon.")] == ["$4 a gallon"]


@pytest.mark.parametrize(("text", "surface"), [
    ("The length of my pencil is 2 in.", "2 in"),
    ("There are two in my car", "two"),
    ("It ranked 5 in the world.", "5"),
])
def test_in_is_an_inch_only_where_a_length_fits(text, surface):
    assert only_figure(text).surface == surface


# --- counts and qualifiers --------------------------------------------------------

@pytest.mark.parametrize(("text", "surface", "value", "qualifier"), [
    ("They signed over 120 agreements and treaties.", "over 120", 120, "over"),
    ("Some 500 people attended.", "Some 500", 500, "some"),
    ("Nearly 2,000 people signed.", "Nearly 2,000", 2000, "nearly"),
    ("There are more than 2000 employees.", "more than 2000", 2000, "more than"),
    ("It has 2000 employees.", "2000", 2000, ""),
    ("About 3 million users joined.", "About 3 million", 3e6, "about"),
    ("Up to 40 ships.", "Up to 40", 40, "up to"),
    ("At least 12 died.", "At least 12", 12, "at least"),
    ("Fewer than 10 remain.", "Fewer than 10", 10, "fewer than"),
    ("He has 30+ clients.", "30+", 30, "or more"),
])
def test_counts_and_qualifiers(text, surface, value, qualifier):
    figure = only_figure(text)
    assert (figure.surface, figure.value, figure.qualifier, figure.kind, figure.unit) == (surface, value, qualifier, "count", "")


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("Two nations signed.", "Two", 2),
    ("Twenty-five firms joined.", "Twenty-five", 25),
    ("I want a hundred and two of those", "a hundred and two", 102),
    ('I told him: "one hundred and two" at the time', "one hundred and two", 102),
    ("three million, two hundred & forty, you say?", "three million, two hundred & forty", 3_000_240),
    ("One person died.", "One", 1),
    ("I bought a dozen eggs", "a dozen", 12),
])
def test_counts_in_words(text, surface, value):
    figure = only_figure(text)
    assert (figure.surface, figure.value, figure.kind) == (surface, value, "count")


@pytest.mark.parametrize(("text", "value"), [("I'd like two thirds of the cake.", 2 / 3), ("It is exactly one sixth.", 1 / 6)])
def test_fractions(text, value):
    figure = only_figure(text)
    assert figure.value == pytest.approx(value)
    assert figure.kind == "other"


# --- multipliers ----------------------------------------------------------------

@pytest.mark.parametrize(("text", "surface", "value"), [
    ("This figure is five times higher than in 2021.", "five times", 5),
    ("Trade grew 2.5 times.", "2.5 times", 2.5),
    ("Exports doubled.", "doubled", 2),
    ("Imports tripled.", "tripled", 3),
    ("Output quadrupled.", "quadrupled", 4),
    ("It grew twofold.", "twofold", 2),
    ("It grew two-fold.", "two-fold", 2),
    ("It grew 3-fold.", "3-fold", 3),
    ("Sales were 3x higher.", "3x", 3),
])
def test_multipliers(text, surface, value):
    figure = only_figure(text)
    assert (figure.surface, figure.value, figure.unit, figure.unit_code, figure.kind) == (surface, value, "×", "x", "multiplier")


def test_times_counting_occasions_is_a_count():
    figure = only_figure("She won the title three times.")
    assert (figure.surface, figure.kind) == ("three", "count")


def test_times_per_period_is_a_frequency():
    figure = only_figure("It is used four times per week")
    assert (figure.surface, figure.value, figure.unit_code) == ("four times per week", 4, "1/week")


# --- durations and ages ---------------------------------------------------------

@pytest.mark.parametrize(("text", "surface", "value", "code"), [
    ("They have been partners for more than 30 years.", "more than 30 years", 30, "year"),
    ("In the first four months of this year.", "four months", 4, "month"),
    ("The battery failed after three days.", "three days", 3, "day"),
    ("A two-year maintenance period.", "two-year", 2, "year"),
    ("The orbit takes about ninety minutes", "about ninety minutes", 90, "min"),
    ("The shortest day has only 3 hrs.", "3 hrs", 3, "h"),
    ("Predicted for six weeks' time.", "six weeks", 6, "week"),
])
def test_durations(text, surface, value, code):
    figure = only_figure(text)
    assert (figure.surface, figure.value, figure.unit_code, figure.kind) == (surface, value, code, "duration")


def test_a_list_of_durations():
    figures = find_figures("Forrest runs for 3 years, 2 months, 14 days, and 16 hours.")
    assert [(figure.surface, figure.unit_code) for figure in figures] == [
        ("3 years", "year"), ("2 months", "month"), ("14 days", "day"), ("16 hours", "h")]


@pytest.mark.parametrize(("text", "surface", "value", "low", "high"), [
    ("A fleet with an average age of 16-17 years.", "16-17 years", 16.5, 16, 17),
    ("A 16-year-old boy was hurt.", "16-year-old", 16, 16, 16),
    ("He is 45 years old.", "45 years old", 45, 45, 45),
    ("After ninety five years of age, views change.", "ninety five years of age", 95, 95, 95),
    ("A man aged 45 was hurt.", "45", 45, 45, 45),
    ("Children ages 5 to 11 may apply.", "5 to 11", 8, 5, 11),
    ("She is aged between 30 and 35.", "between 30 and 35", 32.5, 30, 35),
])
def test_ages(text, surface, value, low, high):
    figure = only_figure(text)
    assert (figure.surface, figure.value, figure.low, figure.high, figure.kind) == (surface, value, low, high, "age")
    assert figure.unit_code == "year"


# --- ranges -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "surface", "low", "high", "code"), [
    ("Ships are 16–17 years old on average.", "16–17 years old", 16, 17, "year"),
    ("Between 3 and 4 million people live there.", "Between 3 and 4 million", 3e6, 4e6, ""),
    ("It lasted 40 - 50 years.", "40 - 50 years", 40, 50, "year"),
    ("Growth of 3 to 4 percent.", "3 to 4 percent", 3, 4, "%"),
    ("Damage of $3-4 billion.", "$3-4 billion", 3e9, 4e9, "USD"),
    ("A 8- to 16-meter telescope.", "8- to 16-meter", 8, 16, "m"),
    ("They took 44 mg to 50 mg ethanol.", "44 mg to 50 mg", 44, 50, "mg"),
    ("Temperatures ranged from -18 °C to -34 °C", "-18 °C to -34 °C", -34, -18, "°C"),
    ("It takes two or three days.", "two or three days", 2, 3, "day"),
    ("It smashed them at 3.5–4.0 TeV", "3.5–4.0 TeV", 3.5, 4.0, "TeV"),
    ("Zones from 7 to 10.", "7 to 10", 7, 10, ""),
    ("It costs $350 per kg to $680 per kg", "$350 per kg to $680 per kg", 350, 680, "USD/kg"),
])
def test_ranges(text, surface, low, high, code):
    figure = only_figure(text)
    assert (figure.surface, figure.low, figure.high, figure.unit_code) == (surface, low, high, code)
    assert figure.value == pytest.approx((low + high) / 2)


def test_a_range_needs_one_unit_on_both_ends():
    figures = find_figures("They were changed from 44 ml to 50 mg ethanol.")
    assert [(figure.surface, figure.unit_code) for figure in figures] == [("44 ml", "mL"), ("50 mg", "mg")]


def test_and_without_between_joins_no_range_but_shares_the_unit():
    figures = find_figures("They were given 45 and 50 mg ethanol.")
    assert [(figure.surface, figure.value, figure.unit_code) for figure in figures] == [("45", 45, "mg"), ("50 mg", 50, "mg")]


def test_uncertainty_gives_the_ends():
    figure = only_figure("It weighs 2,000.45±0.01 pounds")
    assert (figure.value, figure.unit_code) == (2000.45, "lb")
    assert (figure.low, figure.high) == pytest.approx((2000.44, 2000.46))


# --- what is not a figure -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "In 2021 it grew.",
    "It was founded in 2022.",
    "BAKU, Azerbaijan, June 22.",
    "On 9 May and on Mar. 5 and on the 1st of May.",
    "on may 19 , the fda began ; on oct . 13 it ended .",
    "The summit is on June 1-2; the forum runs 1-2 June.",
    "We produced nothing in 2013-14.",
    "The 2023-24 season and the 2022/23 budget.",
    "The 1990s and the '80s were good.",
    "Meet me at 10:30 or at 2 pm or at 7 o'clock.",
    "The 21st century and the first quarter.",
    "Call +1 555-123-4567 now.",
    "A Boeing 737 landed.",
    "COVID-19 cases in the G20 fell.",
    "It has 5G and 3D screens.",
    "See article 5 and No. 3.",
    "Windows 11 and iPhone 15 and Formula 1.",
    "One of the countries, no one knows; this one is better.",
    "Tuesday's 3-1 win.",
    "ISO 9001 and Resolution 2231.",
    "The date 2023-06-22 was set.",
    "245 23 yen",
    "The number 1/0 is not a valid value.",
    "A two-way street and a zero-emission bus.",
])
def test_not_figures(text):
    assert find_figures(text) == []


def test_an_identifier_next_to_a_figure_is_dropped_alone():
    figures = find_figures("Intel Core i7 860 Processor 2.80 GHz 8 MB")
    assert [figure.surface for figure in figures] == ["2.80 GHz", "8 MB"]


def test_clock_like_numbers_before_am_pm():
    assert find_figures("I arrived at 2.13 am.") == []
    assert only_figure("This nano grid has a size of 2.123 pm.").unit_code == "pm"


# --- read_figure and extract_figures ----------------------------------------------

def test_read_figure_normalises_a_hand_picked_span():
    figure = read_figure("$75 million")
    assert (figure.start, figure.end, figure.value, figure.unit_code, figure.kind) == (0, 11, 75e6, "USD", "money")


def test_read_figure_offsets_are_relative_to_the_span():
    figure = read_figure("  over 120 ")
    assert (figure.start, figure.end, figure.surface, figure.value) == (2, 10, "over 120", 120)


def test_read_figure_reads_a_bare_year_the_user_picked():
    figure = read_figure("2022")
    assert (figure.surface, figure.value, figure.kind) == ("2022", 2022, "count")


def test_read_figure_without_a_number():
    assert read_figure("the agreement") is None
    assert read_figure("") is None


def test_extract_figures_rows_and_sentences():
    text = "Trade grew 40 percent in 2022. It reached $460 million, officials said."
    frame = extract_figures(text)
    assert list(frame.columns) == FIGURE_COLUMNS
    assert frame["surface"].tolist() == ["40 percent", "$460 million"]
    assert frame["sentence"].tolist() == ["Trade grew 40 percent in 2022.", "It reached $460 million, officials said."]
    assert frame["value"].tolist() == [40.0, 460e6]
    assert str(frame["start"].dtype) == "int64" and str(frame["value"].dtype) == "float64"


def test_extract_figures_with_no_figure_has_the_columns():
    frame = extract_figures("No numbers here.")
    assert frame.empty
    assert list(frame.columns) == FIGURE_COLUMNS


# --- base units -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value", "unit"), [
    ("3.2 million tons", 3.2e9, "kilogram"),
    ("5 km", 5000, "meter"),
    ("30 °C", 303.15, "kelvin"),
    ("20 km²", 20e6, "meter ** 2"),
    ("40 percent", 0.4, "dimensionless"),
    ("$460 million", 460e6, "USD"),
    ("over 120", 120, ""),
])
def test_base_value(text, value, unit):
    converted = base_value(only_figure(text))
    assert converted[0] == pytest.approx(value)
    assert converted[1] == unit


def test_base_value_of_a_unit_pint_does_not_know():
    assert base_value(only_figure("5.3 million TEUs")) is None


# --- invariants on any text ---------------------------------------------------------------

_PIECES = st.sampled_from([
    " ", "  ", ",", ".", "-", "–", "/", "$", "€", "%", "(", ")", "+", "x", "a", "an", "the", "over",
    "more than", "between", "and", "to", "or", "one", "two", "twenty", "hundred", "million", "bn",
    "m", "k", "km", "tons", "years", "old", "times", "higher", "per", "day", "°C", "in", "pm",
    "June", "2022", "0", "1", "5", "16", "3.2", "1,500", "½", "1/4", "e5", "COVID", "G", "'s",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_readings_are_exact_ordered_and_disjoint(text):
    figures = find_figures(text)
    previous_end = 0
    for figure in figures:
        assert text[figure.start:figure.end] == figure.surface
        assert previous_end <= figure.start < figure.end
        assert figure.low <= figure.value <= figure.high
        previous_end = figure.end


@pytest.mark.parametrize("text, surface, start, qualifier", [
    ('"At least $10 billion was spent," she said.', "At least $10 billion", 1, "at least"),
    ("He said: “More than 300 jobs will go.”", "More than 300", 10, "more than"),
    ("Sales (about 40%) came from abroad.", "about 40%", 7, "about"),
    ("A crowd of 'nearly 2,000' turned up.", "nearly 2,000", 12, "nearly"),
])
def test_a_qualifier_after_an_opening_quote_or_bracket_is_read_without_it(text, surface, start, qualifier):
    [figure] = find_figures(text)
    assert (figure.surface, figure.start, figure.qualifier) == (surface, start, qualifier)
