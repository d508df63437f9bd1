"""Roles of figures: level, change, previous, share, forecast, with direction and links."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.nlp.figures.scanner import extract_figures


def _rows(text: str) -> dict[str, dict]:
    frame = extract_figures(text)
    return {row["surface"]: row for row in frame.to_dict("records")}


def test_a_rise_to_a_new_level_from_an_earlier_one():
    rows = _rows("Revenue at the bakery chain slid 6% to €40m from €43m.")
    assert rows["6%"]["role"] == "change" and rows["6%"]["direction"] == "down"
    assert rows["6%"]["change"] == "-6%"
    assert rows["€40m"]["role"] == "level"
    assert rows["€43m"]["role"] == "previous"
    assert rows["6%"]["link"] == rows["€40m"]["start"]
    assert rows["€43m"]["link"] == rows["€40m"]["start"]


def test_an_amount_that_moved_is_a_change_with_a_signed_amount():
    rows = _rows("The museum said visitor numbers climbed 12,000 to 2.3 million last year.")
    assert rows["12,000"]["role"] == "change"
    assert rows["12,000"]["direction"] == "up" and rows["12,000"]["moved"] == "amount"
    assert rows["12,000"]["change"] == "+12,000"
    assert rows["2.3 million"]["role"] == "level"
    assert rows["2.3 million"]["link"] == rows["12,000"]["start"]


def test_from_x_to_y_is_an_earlier_value_and_a_level():
    rows = _rows("The council raised the parking fee from £3 to £5 an hour.")
    assert rows["£3"]["role"] == "previous"
    assert rows["£5 an hour"]["role"] == "level"
    assert rows["£3"]["link"] == rows["£5 an hour"]["start"]


def test_a_conversion_in_brackets_follows_its_main_amount():
    rows = _rows("The brewer sold the pub for £2m ($2.5m) and expects to spend €9m ($10m) next year.")
    assert rows["$2.5m"]["role"] == rows["£2m"]["role"] == "level"
    assert rows["$2.5m"]["link"] == rows["£2m"]["start"]
    assert rows["$10m"]["role"] == rows["€9m"]["role"] == "forecast"


def test_comparison_values_are_previous():
    rows = _rows("Costs were $5m in the quarter, compared with $4m a year earlier. "
                 "Its margin of 8% was below 2019's 9%.")
    assert rows["$5m"]["role"] == "level"
    assert rows["$4m"]["role"] == "previous"
    assert rows["$4m"]["link"] == rows["$5m"]["start"]
    assert rows["9%"]["role"] == "previous"


def test_shares():
    rows = _rows("The pension fund owns 12% of the brewer. Of the members polled, 64% are women.")
    assert rows["12%"]["role"] == "share"
    assert rows["64%"]["role"] == "share"


def test_forecasts_but_not_results_measured_against_forecasts():
    rows = _rows("The retailer expects sales to reach $9bn next year. "
                 "The chain beat forecasts, reporting a 9% rise in sales. "
                 "Officials say the tunnel will cost about £700m.")
    assert rows["$9bn"]["role"] == "forecast"
    assert rows["9%"]["role"] == "change" and rows["9%"]["direction"] == "up"
    assert rows["about £700m"]["role"] == "forecast"


def test_a_forecast_movement_keeps_its_direction():
    rows = _rows("The agency predicted a 4% fall in wheat prices.")
    assert rows["4%"]["role"] == "forecast" and rows["4%"]["direction"] == "down"


def test_a_threshold_after_a_movement_verb_is_a_level():
    rows = _rows("Copper prices fell below $8,000 a tonne on Monday.")
    row = next(iter(rows.values()))
    assert row["role"] == "level" and row["direction"] == ""


def test_a_rate_that_moved_by_points():
    rows = _rows("The jobless rate rose 0.4 percentage points, and the bank's market share dropped 2%.")
    assert rows["0.4 percentage points"]["moved"] == "rate"
    assert rows["0.4 percentage points"]["direction"] == "up"
    assert rows["2%"]["moved"] == "rate" and rows["2%"]["direction"] == "down"


def test_by_after_a_movement_verb_and_figures_joined_by_or():
    rows = _rows("The firm lifted its dividend by 7% to 30 cents. Its shares rose 3p, or about 1%, to 290p.")
    assert rows["7%"]["role"] == "change" and rows["7%"]["direction"] == "up"
    assert rows["about 1%"]["role"] == "change" and rows["about 1%"]["direction"] == "up"


def test_where_figures_came_from_is_not_an_earlier_value():
    rows = _rows("The survey drew answers from 4,000 households in 12 regions.")
    assert rows["4,000"]["role"] == "level"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 .,%$£€()-;:toromupdwnfl")), max_size=80))
def test_roles_never_raise_and_links_point_at_figures(text):
    frame = extract_figures(text)
    starts = set(frame["start"])
    assert set(frame["role"]) <= {"", "level", "change", "previous", "share", "forecast"}
    assert all(link == -1 or link in starts for link in frame["link"])


def test_compared_to_is_no_movement_to_a_new_level():
    rows = _rows("Orders at the mill rose 3.1% in May, compared to 0.4% a month earlier.")
    assert rows["3.1%"]["role"] == "change"
    assert rows["0.4%"]["role"] == "previous"
    assert rows["0.4%"]["link"] == rows["3.1%"]["start"]


def test_the_size_of_a_plan_is_a_forecast():
    rows = _rows("The mayor unveiled a £40m (€46m) plan for new tram lines.")
    assert rows["£40m"]["role"] == rows["€46m"]["role"] == "forecast"


def test_an_approximate_amount_after_by_keeps_its_movement():
    rows = _rows("Rents could climb by just under 4% next year.")
    row = next(iter(rows.values()))
    assert row["role"] == "forecast" and row["direction"] == "up"


def test_an_earlier_growth_rate_is_a_rise():
    rows = _rows("The economy grew 5.2% last year, well above the previous year's 4.8%.")
    assert rows["5.2%"]["direction"] == "up"
    assert rows["4.8%"]["role"] == "previous" and rows["4.8%"]["direction"] == "up"


def test_a_number_that_names_a_period_has_no_role():
    rows = _rows("Sales reached $90m in the first four months of this year.")
    assert rows["four months"]["role"] == ""
    assert rows["$90m"]["role"] == "level"


def test_no_earlier_value_is_derived_where_the_text_states_it():
    from desktop.nlp import analyze

    figures = analyze("Revenue at Norvik rose 9% to £1.2bn in 2024 from £1.1bn in 2023.").figures
    assert not figures["derived"].any()
    earlier = figures[figures["surface"] == "£1.1bn"].iloc[0]
    assert earlier["role"] == "previous"
    assert earlier["link"] == figures[figures["surface"] == "£1.2bn"].iloc[0]["start"]


def test_a_count_that_moved_to_a_new_level_takes_no_currency_and_a_duration_no_movement():
    rows = _rows("Sales rose 6% to $5.8bn, while visitor numbers rose 310,000 to 12.4 million. "
                 "Shares had their biggest one-day drop in years.")
    assert rows["12.4 million"]["unit_code"] == "" and rows["12.4 million"]["role"] == "level"
    assert rows["one-day"]["role"] == "level" and rows["one-day"]["direction"] == ""


def test_inflation_easing_to_a_rate_is_a_fall():
    rows = _rows("Inflation eased to 2.1% in March.")
    assert rows["2.1%"]["direction"] == "down"
