"""How the figure scanner reads numbers as news reports write them: movements stated
as "X to Y", fractions of a magnitude, glued qualifiers, model numbers, pence and
cents, bare decimals, numbers in words, dates, times and pronouns, and a currency
carried through a sentence."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.figure import FigureReading
from desktop.nlp.figures.scanner import find_figures


def readings(text: str) -> list[tuple[str, float, str]]:
    return [(figure.surface, figure.value, figure.unit_code) for figure in find_figures(text)]


def only_figure(text: str) -> FigureReading:
    figures = find_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


# --- a movement "X to Y" is two figures; a range stays one ------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Claimants climbed 45,000 to 2.3 million in June.", [("45,000", 45_000, ""), ("2.3 million", 2.3e6, "")]),
    ("Profit increased by $20m to $410m.", [("$20m", 20e6, "USD"), ("$410m", 410e6, "USD")]),
    ("Its shares closed up 12p to 345p.", [("12p", 12, "penny"), ("345p", 345, "penny")]),
    ("The jobless rate fell from 5.2% to 4.9%.", [("5.2%", 5.2, "%"), ("4.9%", 4.9, "%")]),
    ("There was a fall from 5.2% to 4.9% in the rate.", [("5.2%", 5.2, "%"), ("4.9%", 4.9, "%")]),
    ("The fare was raised from £3 to £5.", [("£3", 3, "GBP"), ("£5", 5, "GBP")]),
    ("Subscribers grew by 1.2 million to 30.5 million.", [("1.2 million", 1.2e6, ""), ("30.5 million", 30.5e6, "")]),
    ("Rates will rise from 3.1% to 4% next year.", [("3.1%", 3.1, "%"), ("4%", 4, "%")]),
])
def test_a_stated_movement_gives_two_figures(text, expected):
    assert readings(text) == expected


def test_the_first_figure_of_a_movement_shares_the_unit_after_the_second():
    first, second = find_figures("Prices were up from 300 to 420 yen.")
    assert (first.surface, first.unit_code, second.unit_code) == ("300", "JPY", "JPY")


@pytest.mark.parametrize(("text", "low", "high", "code"), [
    ("The economy is expected to grow 2% to 2.5% next year.", 2, 2.5, "%"),
    ("Analysts see a profit of $1.5bn to $1.8bn.", 1.5e9, 1.8e9, "USD"),
    ("Output could fall 10% to 20%.", 10, 20, "%"),
    ("Tickets cost 900-1,000 rupees.", 900, 1000, "INR"),
    ("Shares rose by between 20% and 25%.", 20, 25, "%"),
    ("Seats range from 40 to 60 euros.", 40, 60, "EUR"),
    ("Carriers are adding 10 to 14 days to voyages.", 10, 14, "day"),
])
def test_an_estimate_or_a_span_stays_a_range(text, low, high, code):
    figure = only_figure(text)
    assert (figure.low, figure.high, figure.unit_code) == (low, high, code)


def test_a_figure_and_a_percentage_joined_by_or_are_two_figures():
    assert readings("Costs rose by £80m or 21.5% in the year.") == [("£80m", 80e6, "GBP"), ("21.5%", 21.5, "%")]


# --- fractions of a magnitude ------------------------------------------------------------

@pytest.mark.parametrize(("text", "surface", "value", "qualifier"), [
    ("Nearly a quarter of a million fans came.", "Nearly a quarter of a million", 250_000, "nearly"),
    ("It drew a third of a million visitors.", "a third of a million", 333_333, ""),
    ("Three-quarters of a million homes lost power.", "Three-quarters of a million", 750_000, ""),
    ("Half a million people marched.", "Half a million", 500_000, ""),
])
def test_a_fraction_of_a_magnitude_is_one_count(text, surface, value, qualifier):
    figure = only_figure(text)
    assert (figure.surface, figure.value, figure.kind, figure.qualifier) == (surface, value, "count", qualifier)


def test_half_a_billion_in_a_currency():
    figure = only_figure("They spent half a billion dollars.")
    assert (figure.value, figure.unit_code, figure.kind) == (5e8, "USD", "money")


def test_a_fraction_alone_stays_a_fraction():
    figure = only_figure("Two-thirds of members agreed.")
    assert (figure.value, figure.kind) == (pytest.approx(2 / 3), "other")


def test_half_alone_is_no_figure():
    assert find_figures("Half the staff left and half of them returned.") == []


# --- a qualifier glued by a hyphen ---------------------------------------------------------

@pytest.mark.parametrize(("text", "surface", "value", "qualifier"), [
    ("A fifth of the near-600,000 claims failed.", "near-600,000", 600_000, "near"),
    ("An almost-20% rise.", "almost-20%", 20, "almost"),
    ("Its some-300 branches.", "some-300", 300, "some"),
])
def test_a_hyphenated_qualifier_keeps_its_number(text, surface, value, qualifier):
    figure = [figure for figure in find_figures(text) if figure.value == value][0]
    assert (figure.surface, figure.qualifier) == (surface, qualifier)


def test_a_number_glued_to_a_word_by_a_hyphen_stays_no_figure():
    assert find_figures("The COVID-19 and Hartz-IV reforms.") == []


# --- model and product numbers ----------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The airline bought 12 747-400 jets.", [("12", 12)]),
    ("It ordered 8 737s last year.", [("8", 8)]),
    ("It flew its 777 Worldliner to Sydney.", []),
    ("An A350 and two Boeing 747s landed.", [("two", 2)]),
    ("Users of Windows 98 and a Pentium 3.", []),
])
def test_model_numbers_are_no_figures(text, expected):
    assert [(figure.surface, figure.value) for figure in find_figures(text)] == expected


def test_a_count_before_a_capitalised_plural_stays():
    assert readings("They hired 300 Americans and its 200 Boeing jets flew.") == [("300", 300, ""), ("200", 200, "")]


# --- pence and cents ------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "surface", "value", "code"), [
    ("A stamp now costs 68p.", "68p", 68, "penny"),
    ("The dividend is 12.5c a share.", "12.5c", 12.5, "cent"),
    ("The dividend is 41 cents.", "41 cents", 41, "cent"),
    ("The price went up six pence.", "six pence", 6, "penny"),
    ("Fuel fell a cent and a half.", "a cent and a half", 1.5, "cent"),
])
def test_pence_and_cents(text, surface, value, code):
    figure = only_figure(text)
    assert (figure.surface, figure.value, figure.unit_code, figure.kind) == (surface, value, code, "money")


def test_a_video_resolution_is_no_pence():
    assert all(figure.unit_code != "penny" for figure in find_figures("A 1080p screen."))


# --- decimals without a leading zero --------------------------------------------------------

@pytest.mark.parametrize(("text", "surface", "value"), [
    ("The index slipped .07 points.", ".07 points", 0.07),
    ("A rate of .75% applies.", ".75%", 0.75),
    ("It moved -.3% today.", "-.3%", -0.3),
])
def test_decimals_without_a_leading_zero(text, surface, value):
    figure = only_figure(text)
    assert (figure.surface, figure.value) == (surface, pytest.approx(value))


def test_a_sentence_end_before_a_number_is_no_decimal_point():
    assert readings("It ended.5 firms") == []
    assert readings("It ended. 5 firms left.") == [("5", 5, "")]


# --- numbers in words -----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "value"), [
    ("one hundred and seven firms", 107),
    ("thirty-six firms", 36),
    ("two thousand four hundred firms", 2400),
    ("one hundred and five and three quarters", 105.75),
    ("two and two thirds", 2 + 2 / 3),
])
def test_compound_number_words(text, value):
    figure = find_figures(text)[0]
    assert figure.value == pytest.approx(value)
    assert figure.end - figure.start == len(text.removesuffix(" firms"))


# --- dates, times and pronouns --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Markets close at 1630 GMT.",
    "The vote ends by 2200 local time.",
    "Talks resume at 0715 BST.",
    "The summit is on 12 or 13 May.",
    "It meets on March 3, 4 and 5.",
    "How could one object?",
    "Why would one care?",
    "One of the firms left.",
    "No one came.",
    "A one-off payment.",
    "It became the number one seller.",
    "He served in World War Two.",
    "He spoke on BBC Five Live.",
    "It launched the Vantor Nine Hundred.",
])
def test_dates_times_names_and_pronouns_are_no_figures(text):
    assert find_figures(text) == []


def test_a_duration_in_hours_is_still_read():
    assert readings("He worked 1200 hours.") == [("1200 hours", 1200, "h")]


@pytest.mark.parametrize("text", [
    "Sales slowed in a third quarter of losses.",
    "It was beaten for a fourth time.",
    "Analysts raised forecasts for the 2006 year.",
])
def test_ordinals_and_named_years_are_no_figures(text):
    assert find_figures(text) == []


def test_a_year_opens_no_range_with_an_amount():
    expected = [("£3.1bn", 3.1e9, "GBP"), ("£2.7bn", 2.7e9, "GBP")]
    assert readings("Profit fell from £3.1bn in 2002 to £2.7bn.") == expected


def test_a_year_before_a_noun_it_dates_is_no_count():
    assert readings("Analysts expect 2005 profits of $2bn.") == [("$2bn", 2e9, "USD")]


def test_an_amount_dated_a_year_earlier_is_no_rate():
    expected = [("£90m", 90e6, "GBP"), ("£70m", 70e6, "GBP")]
    assert readings("Profit was £90m, against £70m a year earlier.") == expected


def test_a_year_takes_no_unit_from_a_figure_after_and():
    assert readings("Output grew 3.1% in 2003 and 2.2% a year later.") == [("3.1%", 3.1, "%"), ("2.2%", 2.2, "%")]


# --- a currency carried within a sentence ------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Sales were 64m euros, up from 51m in 2003.", [("64m euros", 64e6, "EUR"), ("51m", 51e6, "EUR")]),
    ("Profit hit £9.5bn, compared with 8.1bn.", [("£9.5bn", 9.5e9, "GBP"), ("8.1bn", 8.1e9, "GBP")]),
    ("Shares ended at $4.15, against 3.90 on Friday.", [("$4.15", 4.15, "USD"), ("3.90", 3.9, "USD")]),
])
def test_a_bare_amount_takes_the_currency_of_its_sentence(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Sales were 64m euros and 20m people bought one.", [("64m euros", 64e6, "EUR"), ("20m", 20e6, "")]),
    ("Sales were 64m euros. Then 51m more.", [("64m euros", 64e6, "EUR")]),
    ("It paid $5m, up from 2004.", [("$5m", 5e6, "USD")]),
    ("It paid $5m to 30 investors.", [("$5m", 5e6, "USD"), ("30", 30, "")]),
])
def test_a_currency_stays_in_its_sentence_and_off_counts(text, expected):
    assert readings(text)[:len(expected)] == expected
    assert all(code != "EUR" for _, _, code in readings(text)[len(expected):])


# --- never raises ------------------------------------------------------------------------------

_NEWS_PIECES = st.sampled_from([
    " ", ", ", ". ", "-", "near-", "some-", "rose ", "fell ", "from ", " to ", "up ", "by ", "expected to grow ",
    "between ", " and ", " or ", "a ", "quarter", "half", "third", " of ", "million", "bn", "m", "p", "c", "cents",
    "£", "$", "€", "%", "euros", "GMT", "local time", "March", "one", "two", "hundred", "thirty-six", "One",
    "Boeing", "747", "737-800", "12", "1200", "0930", ".08", "16", "3.5", "1,125", "a year earlier", "people",
])


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=80), st.lists(_NEWS_PIECES, max_size=30).map("".join)))
def test_any_text_gives_sorted_disjoint_figures_within_bounds(text):
    figures = find_figures(text)
    previous_end = 0
    for figure in figures:
        assert 0 <= figure.start < figure.end <= len(text)
        assert text[figure.start:figure.end] == figure.surface
        assert previous_end <= figure.start
        assert figure.low <= figure.value <= figure.high
        previous_end = figure.end


# --- points of an index ---------------------------------------------------------------------

def test_points_are_a_unit_of_a_market_index():
    assert readings("The FTSE 100 index closed 21.4 points lower.") == [("21.4 points", 21.4, "point")]


def test_points_of_a_score_are_counted():
    assert readings("The club suffered a deduction of 9 points.") == [("9", 9, "")]


# --- exchange rates -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "surface", "value", "code"), [
    ("The Korean won fell 1.2% against the US dollar, before recovering to trade at 1,045.", "1,045", 1045, "KRW"),
    ("The peg keeps the ringgit at 3.80 to the dollar.", "3.80", 3.8, "MYR"),
    ("The euro slipped against the dollar, trading at 1.2950.", "1.2950", 1.295, "USD"),
])
def test_an_exchange_rate_is_in_the_currency_it_quotes(text, surface, value, code):
    figure = [figure for figure in find_figures(text) if figure.surface == surface][0]
    assert (figure.value, figure.unit_code, figure.kind) == (value, code, "money")


def test_a_rate_to_the_dollar_takes_the_currency_of_the_sentence_before():
    text = "Its currency is the ringgit. The bank pegged it at 3.80 to the US dollar."
    assert readings(text) == [("3.80", 3.8, "MYR")]


def test_trading_at_a_number_without_a_currency_quoted_is_no_rate():
    assert readings("Shares traded at 300 on Monday.") == [("300", 300, "")]
