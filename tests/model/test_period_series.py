"""The Over time chart's series on synthetic figures tables (roles set by hand): only
comparable periods joined, changes and shares never on a level line, forecasts and
derived levels marked."""

import pytest
from figure_tables import figures

from desktop.model.figure_measures import change_amount
from desktop.model.period_grains import HALF, MONTH, OTHER, QUARTER, YEAR, Grain, period_grain, period_text
from desktop.model.period_series import period_series


def usd(value, subject, period, **cells):
    return {"value": value, "unit": "$", "unit_code": "USD", "subject": subject, "period": period,
            "role": "level", "surface": f"${value / 1e6:g} million", **cells}


def pct(value, subject, period, change="", role="change", **cells):
    return {"value": value, "unit": "percent", "unit_code": "%", "kind": "percent", "subject": subject,
            "period": period, "change": change, "role": role, **cells}


def only(series, key):
    [found] = [s for s in series if s.key == key]
    return found


def test_periods_are_read_as_grains_with_the_period_helpers():
    assert [period_grain(p) for p in ("2004", "in 2022", "this year", "fiscal 2022")] == [YEAR] * 4
    assert [period_grain(p) for p in ("Q3 2004", "the third quarter of 2004", "Q4", "January-March 2004")] \
        == [QUARTER] * 4
    assert period_grain("January 2005") == MONTH and period_grain("H1 2004") == HALF
    assert period_grain("the first four months of this year") == Grain("months", 4)
    assert period_grain("2019-2021") == Grain("years", 36)
    assert period_grain("the past decade") == OTHER
    assert period_text("the first four months of 2023") == ("Jan–Apr 2023", "4 months")
    assert period_text("Q3 2004") == ("Q3 2004", "")


def test_a_span_ending_in_a_month_is_no_month():
    assert period_grain("12 months to March 2005") == Grain("months", 12) != YEAR
    assert period_grain("the year to June 2005") == Grain("months", 12)
    assert period_grain("nine months to September 2004") == Grain("months", 9)
    assert period_text("12 months to March 2005") == ("12 months to Mar 2005", "")
    [sales] = period_series(figures(
        usd(10e6, "sales", "January 2005"), usd(11e6, "sales", "February 2005"),
        usd(120e6, "sales", "12 months to March 2005"), usd(110e6, "sales", "12 months to March 2004"),
    ))
    joined = {line.grain: [sales.slots[sales.points[i].slot].label for i in line.joined] for line in sales.lines}
    assert joined == {MONTH: ["Jan 2005", "Feb 2005"],
                      Grain("months", 12): ["12 months to Mar 2004", "12 months to Mar 2005"]}


def test_a_part_year_is_never_joined_to_whole_years():
    [trade] = period_series(figures(
        usd(300e6, "bilateral trade", "2021"),
        usd(460e6, "bilateral trade", "2022"),
        usd(185e6, "mutual trade", "the first four months of 2023"),
    ))
    assert trade.key == "trade" and trade.unit == "USD"
    assert [s.label for s in trade.slots] == ["2021", "2022", "Jan–Apr 2023"]
    years, part = trade.lines
    assert years.grain == YEAR and years.connected and years.joined == [0, 1]
    assert part.grain == Grain("months", 4) and not part.connected and part.points == [2]
    assert trade.point_label(2) == "Jan–Apr 2023, 4 months"
    assert trade.slot_label(2) == "Jan–Apr 2023\n4 months"


def test_comparable_periods_share_a_line_each():
    frame = figures(
        usd(268e6, "revenue", "Q1 2004"), usd(281e6, "revenue", "the second quarter of 2004"),
        usd(295e6, "revenue", "Q3 2004"), usd(312e6, "revenue", "Q4 2004"),
        usd(1.16e9, "revenue", "2004"), usd(1.05e9, "revenue", "2003"),
        usd(90e6, "revenue", "the first four months of 2003"), usd(99e6, "revenue", "the first four months of 2004"),
        usd(30e6, "revenue", "January 2005"), usd(33e6, "revenue", "February 2005"),
    )
    [revenue] = period_series(frame)
    assert [s.label for s in revenue.slots] == [
        "Jan–Apr 2003", "2003", "Q1 2004", "Jan–Apr 2004", "Q2 2004", "Q3 2004", "Q4 2004", "2004",
        "Jan 2005", "Feb 2005"]
    grains = {line.grain: [revenue.slots[revenue.points[i].slot].label for i in line.joined]
              for line in revenue.lines}
    assert grains == {
        QUARTER: ["Q1 2004", "Q2 2004", "Q3 2004", "Q4 2004"],
        YEAR: ["2003", "2004"],
        Grain("months", 4): ["Jan–Apr 2003", "Jan–Apr 2004"],
        MONTH: ["Jan 2005", "Feb 2005"],
    }
    assert revenue.lines[0].grain == QUARTER  # the longest line first


def test_a_change_is_never_on_a_level_line_and_is_drawn_signed():
    frame = figures(
        pct(40, "trade", "2022", "+40%"),
        usd(460e6, "trade", "2022"),
        usd(500e6, "trade", "2023"),
        pct(3, "trade", "2023", "-3%", direction="down"),
        {"value": 32_000, "kind": "count", "subject": "trade deals", "period": "2023", "change": "+32,000",
         "role": "change", "direction": "up"},  # an amount that moved: a change too
        usd(20e6, "trade", "2023", role="", change="+$20 million"),  # no role read: its change decides
    )
    [trade] = period_series(frame)
    assert trade.values == [460e6, 500e6]
    assert trade.ids == ["h10", "h20"]
    assert trade.change_unit == "%"
    assert [(c.id, trade.slots[c.slot].label, c.value, c.text) for c in trade.changes] == [
        ("h0", "2022", 40.0, "+40%"), ("h30", "2023", -3.0, "-3%")]
    assert trade.left_out == {"changes in USD": 1}


def test_a_multiplier_change_is_a_percentage_and_keeps_its_words():
    assert change_amount(5, "×5 vs 2021", "up", "x", "multiplier") == (
        change_amount(5, "×5", "", "x", "multiplier"))
    amount = change_amount(5, "×5 vs 2021", "up", "x", "multiplier")
    assert (amount.value, amount.unit, amount.text) == (400.0, "%", "×5")
    assert change_amount(3, "", "down", "%", "percent").value == -3.0
    amount = change_amount(32_000, "+32,000", "up", "", "count")
    assert (amount.value, amount.unit, amount.text) == (32_000.0, "count", "+32,000")


def test_shares_are_never_beside_amounts():
    frame = figures(
        usd(100e6, "sales", "2021"), usd(120e6, "sales", "2022"),
        pct(62, "sales", "2022", role="share"),
        pct(20, "market", "2021", role="share"), pct(25, "market", "2022", role="share"),
        pct(4.1, "unemployment", "Q1 2004", role="level"), pct(4.3, "unemployment", "Q2 2004", role="level"),
    )
    series = {s.name: s for s in period_series(frame)}
    assert set(series) == {"sales (USD)", "market (share, %)", "unemployment (%)"}
    assert series["sales (USD)"].values == [100e6, 120e6]
    assert series["market (share, %)"].measure == "share"


def test_forecasts_are_marked_and_earlier_values_sit_at_their_own_period():
    frame = figures(
        usd(84e6, "net profit", "2004"),
        usd(71e6, "net profit", "2003", role="previous", link=0),
        usd(95e6, "net profit", "2005", role="forecast"),
        usd(80e6, "net profit", "2004", role="previous", link=0),  # "up from $80m": no period of its own
    )
    [profit] = period_series(frame)
    assert [profit.point_label(i) for i in range(3)] == ["2003", "2004", "2005, forecast"]
    assert [p.forecast for p in profit.points] == [False, False, True]
    assert profit.points[0].previous and profit.lines[0].joined == [0, 1, 2]
    assert profit.slot_label(2) == "2005\nforecast"
    assert profit.left_out == {"earlier values without a period of their own": 1}


def test_derived_levels_join_their_grain_marked_derived():
    frame = figures(
        pct(40, "trade", "2022", "+40%"),
        usd(460e6, "trade", "2022"),
        usd(460e6 / 1.4, "trade", "2021", role="previous", derived=True, start=10, formula="460,000,000 / 1.40"),
    )
    [trade] = period_series(frame)
    assert trade.labels == ["2021, derived", "2022"]
    assert trade.derived == [True, False] and trade.lines[0].joined == [0, 1]
    assert trade.slot_label(0) == "2021\nderived"


def test_a_change_without_a_subject_follows_its_link_or_the_level_of_its_sentence():
    sentence = "a 40 percent increase in the first four months, reaching $185 million"
    frame = figures(
        usd(460e6, "trade", "2022"), usd(500e6, "trade", "2023"),
        pct(40, "", "2023", "+40%", link=10),
        pct(40, "", "the first four months of 2024", "+40%", sentence=sentence),
        usd(185e6, "trade", "the first four months of 2024", sentence=sentence),
        pct(9, "", "2023", "+9%"),  # tied to nothing: no subject, left off the chart
    )
    [trade] = period_series(frame)
    assert [(c.id, trade.slots[c.slot].label) for c in trade.changes] == [("h20", "2023"), ("h30", "Jan–Apr 2024")]


def test_one_period_is_no_series_and_no_subject_no_series():
    assert period_series(figures(usd(1e6, "trade", "2022"), usd(2e6, "trade", "in 2022"))) == []
    assert period_series(figures(usd(1e6, "", "2021"), usd(2e6, "", "2022"))) == []
    assert period_series(figures()) == []


@pytest.mark.parametrize("role", ["change", ""])
def test_a_change_at_a_period_without_a_level_gets_a_place_of_its_own(role):
    frame = figures(usd(1e6, "trade", "2021"), usd(2e6, "trade", "2023"), pct(10, "trade", "2022", "+10%", role=role))
    [trade] = period_series(frame)
    assert [s.label for s in trade.slots] == ["2021", "2022", "2023"]
    assert [trade.points[i].slot for i in trade.lines[0].joined] == [0, 2]
    assert trade.changes[0].slot == 1


@pytest.mark.parametrize("earlier, period, labels, grain", [
    ("year-earlier", "three months to June", ["3 months to Jun, a year earlier", "3 months to Jun"],
     Grain("months", 3)),
    ("a year earlier", "Q4", ["Q4, a year earlier", "Q4"], QUARTER),
    ("a year ago", "Q4 2004", ["Q4 2003", "Q4 2004"], QUARTER),
    ("the previous year", "2004", ["2003", "2004"], YEAR),
    ("the same period last year", "the first four months of 2004",
     ["Jan–Apr 2003, 4 months", "Jan–Apr 2004, 4 months"], Grain("months", 4)),
    ("the same period last year", "the first four months of this year",
     ["Jan–Apr last year, 4 months", "Jan–Apr this year, 4 months"], Grain("months", 4)),
    ("a month earlier", "January 2005", ["Dec 2004", "Jan 2005"], MONTH),
    ("a month earlier", "March", ["Mar, a month earlier", "Mar"], MONTH),
    ("a quarter earlier", "Q1 2005", ["Q4 2004", "Q1 2005"], QUARTER),
    ("the previous quarter", "three months to December 2004", ["3 months to Sep 2004", "3 months to Dec 2004"],
     Grain("months", 3)),
])
def test_an_earlier_value_relative_to_its_level_joins_the_level_line_before_it(earlier, period, labels, grain):
    frame = figures(
        usd(95e6, "quarterly profit", period),                                 # h0
        usd(80e6, "quarterly profit", earlier, role="previous", link=0),       # h10
    )
    [profit] = period_series(frame)
    assert profit.labels == labels and profit.ids == ["h10", "h0"]
    [line] = profit.lines
    assert line.grain == grain and line.joined == [0, 1]
    assert profit.slots[0].order < profit.slots[1].order


def test_an_earlier_value_is_never_joined_to_periods_it_is_not_comparable_with():
    frame = figures(
        usd(30e6, "sales", "Q4 2004"),                                   # h0
        usd(26e6, "sales", "the same period last year", role="previous", link=0),
        usd(110e6, "sales", "2004"), usd(100e6, "sales", "2003"),
        usd(28e6, "sales", "Q3 2004"),
        usd(27e6, "sales", "a month earlier", role="previous", link=40),  # a quarter a month back: no quarter
    )
    [sales] = period_series(frame)
    joined = {line.grain: [sales.point_label(i) for i in line.joined] for line in sales.lines}
    assert joined == {QUARTER: ["Q4 2003", "Q3 2004", "Q4 2004"], YEAR: ["2003", "2004"],
                      OTHER: ["a month earlier"]}
    assert not [line for line in sales.lines if line.grain == OTHER][0].connected


@pytest.mark.parametrize("base, link", [
    ("Q4 2004", -1),           # tied to nothing
    ("the past decade", 0),    # tied to a level whose period has no grain to shift in
    ("a year ago", 0),         # tied to a level whose period is itself unresolved
    ("Q4 2004", 99),           # tied to no figure of the table
])
def test_an_earlier_value_without_a_known_level_period_stays_a_lone_point(base, link):
    frame = figures(
        usd(95e6, "profits", base),                                              # h0
        usd(80e6, "profits", "year-earlier", role="previous", link=link),        # h10
    )
    [profits] = period_series(frame)
    assert profits.point_label(profits.ids.index("h10")) == "year-earlier"
    assert not any(line.connected for line in profits.lines)
