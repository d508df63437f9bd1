"""The scoring rules of benchmarks/news_figures.py, on small invented examples."""

import importlib.util
import sys
from pathlib import Path

import pandas as pd
import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "news_figures.py"


def _load():
    spec = importlib.util.spec_from_file_location("news_figures", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


nf = _load()
P, G = nf.Prediction, nf.Gold


# --- units and values -------------------------------------------------------------------

@pytest.mark.parametrize(("code", "gold"), [
    ("USD", "USD"), ("$", "USD"), ("dollars", "USD"), ("£", "GBP"), ("A$", "AUD"), ("USD/bbl", "USD"),
    ("GBP/year", "GBP"), ("%/year", "%"), ("per cent", "%"), ("percentage points", "pp"), ("pp", "pp"),
    ("×", "x"), ("bbl", "barrel"), ("t", "tonne"), ("ft3", "cubic foot"), ("pence", "penny"),
    ("cents", "cent"), ("years", "year"), ("", ""),
])
def test_unit_codes_map_to_the_gold_codes(code, gold):
    assert nf.map_unit(code) == gold


def test_money_with_a_multiplier_matches_its_full_value():
    gold = G(10, 15, "£3.1m", 3_100_000.0, "GBP", "money")
    assert nf.value_correct(P(10, 15, "£3.1m", 3_100_000.0, unit="GBP"), gold)
    assert nf.value_correct(P(10, 15, "£3.1m", 3_100_000.0, unit="£"), gold)
    assert not nf.value_correct(P(10, 15, "£3.1m", 3_100_000.0, unit="USD"), gold)
    assert not nf.value_correct(P(10, 15, "£3.1m", 3.1, unit="GBP"), gold)


def test_value_tolerance_is_half_a_percent_relative():
    gold = G(0, 4, "$200", 200.0, "USD")
    assert nf.value_correct(P(0, 4, value=200.9, unit="USD"), gold)
    assert not nf.value_correct(P(0, 4, value=201.2, unit="USD"), gold)


def test_pence_and_pounds_cents_and_dollars_convert():
    assert nf.value_correct(P(0, 3, value=0.45, unit="GBP"), G(0, 3, "45p", 45.0, "penny"))
    assert nf.value_correct(P(0, 3, value=45.0, unit="penny"), G(0, 3, "45p", 45.0, "penny"))
    assert nf.value_correct(P(0, 8, value=62.0, unit="penny"), G(0, 8, "£0.62", 0.62, "GBP"))
    assert nf.value_correct(P(0, 8, value=7.0, unit="cent"), G(0, 8, "$0.07", 0.07, "USD"))
    assert nf.value_correct(P(0, 8, value=0.07, unit="USD"), G(0, 8, "7 cents", 7.0, "cent"))
    assert not nf.value_correct(P(0, 8, value=0.07, unit="GBP"), G(0, 8, "7 cents", 7.0, "cent"))
    assert not nf.value_correct(P(0, 3, value=45.0, unit="GBP"), G(0, 3, "45p", 45.0, "penny"))


def test_alt_values_count():
    gold = G(0, 9, "90 pence", 90.0, "penny", alt_values=(0.9,))
    assert nf.value_correct(P(0, 9, value=0.9, unit="penny"), gold)  # the pounds value, as listed


def test_a_gold_count_accepts_no_unit_or_the_thing_counted():
    gold = G(0, 5, "8,200", 8200.0, "count", "count")
    assert nf.value_correct(P(0, 5, value=8200.0, unit=""), gold)
    assert nf.value_correct(P(0, 5, value=8200.0, unit="employees"), gold)
    assert nf.value_correct(P(0, 5, value=8200.0, unit="count"), gold)
    assert not nf.value_correct(P(0, 5, value=8200.0, unit="%"), gold)
    assert not nf.value_correct(P(0, 5, value=8200.0, unit="t"), gold)
    assert not nf.value_correct(P(0, 5, value=8200.0, unit="EUR"), gold)
    assert not nf.units_agree("", "point")  # no unit is only right for a count


def test_kinds_age_is_duration_and_other_takes_counts_and_quantities():
    assert nf.kind_correct("duration", "age") and nf.kind_correct("age", "duration")
    assert nf.kind_correct("count", "other") and nf.kind_correct("quantity", "other")
    assert nf.kind_correct("money", "money")
    assert not nf.kind_correct("count", "money")
    assert not nf.kind_correct("other", "count")


def test_a_gold_range_takes_a_predicted_end_or_midpoint():
    gold = G(0, 12, "$20m to $30m", 20e6, "USD", alt_values=(20e6, 30e6, 25e6))
    assert nf.value_correct(P(0, 12, value=25e6, low=20e6, high=30e6, unit="USD"), gold)
    assert nf.value_correct(P(0, 12, value=26.5e6, low=23e6, high=30e6, unit="USD"), gold)  # high end
    assert not nf.value_correct(P(0, 12, value=26.5e6, low=23e6, high=31e6, unit="USD"), gold)
    # a single figure does not take a predicted range's ends
    assert not nf.value_correct(P(0, 5, value=25e6, low=20e6, high=30e6, unit="USD"), G(0, 5, "$20m", 20e6, "USD"))


# --- matching ---------------------------------------------------------------------------

def test_greedy_matching_prefers_the_value_match_over_the_larger_overlap():
    # "12.25% or £40m": one prediction over both gold figures, with the £40m value
    golds = [G(0, 6, "12.25%", 12.25, "%"), G(10, 14, "£40m", 40e6, "GBP")]
    matching = nf.match([P(0, 14, "12.25% or £40m", 40e6, unit="GBP")], golds)
    assert matching.pairs == [(0, 1)] and matching.missed == [0]


def test_greedy_matching_prefers_value_then_overlap_between_predictions():
    gold = [G(5, 15, "14 million", 14e6, "count")]
    wide_wrong = P(0, 15, "about 14 million", 14.0, unit="")
    narrow_right = P(5, 7, "14", 14e6, unit="")
    matching = nf.match([wide_wrong, narrow_right], gold)
    assert matching.pairs == [(1, 0)] and matching.false_positives == [0]
    # without a value match, the larger overlap wins
    matching = nf.match([P(5, 7, "14", 14.0), P(0, 15, "about 14 million", 14.0)], gold)
    assert matching.pairs == [(1, 0)] and matching.false_positives == [0]


def test_a_range_split_in_two_gives_one_match_and_no_false_positive():
    gold = [G(20, 32, "$20m to $30m", 20e6, "USD", alt_values=(20e6, 30e6, 25e6))]
    predictions = [P(20, 24, "$20m", 20e6, unit="USD"), P(28, 32, "$30m", 30e6, unit="USD")]
    matching = nf.match(predictions, gold)
    assert len(matching.pairs) == 1 and matching.false_positives == [] and len(matching.ignored) == 1
    # not so inside a gold figure that is no range
    gold = [G(20, 32, "a yard and a half", 1.5, "yard")]
    matching = nf.match([P(20, 26, value=1.0, unit="yard"), P(27, 32, value=0.5)], gold)
    assert len(matching.pairs) == 1 and matching.false_positives == [1]


def test_predictions_over_optional_entries_are_ignored_and_spans_need_a_shared_character():
    golds = [G(0, 3, "4%", 4.0, "%"), G(10, 17, "a third", 1 / 3, "", "other", optional=True)]
    predictions = [P(3, 8, "extra", 1.0), P(10, 17, "a third", 0.333), P(12, 14, "xx", 3.0)]
    matching = nf.match(predictions, golds)
    assert matching.pairs == [] and matching.missed == [0]
    assert matching.false_positives == [0] and matching.ignored == [1, 2]


# --- subject ----------------------------------------------------------------------------

def test_subject_words_drop_possessives_stop_and_generic_words_and_stem_lightly():
    assert nf.subject_words("Rise in Brightco's quarterly profits") == {"brightco", "quarterly", "profit"}
    assert nf.subject_words("the number of companies") == {"company"}
    assert nf.subject_words("Farmers' total share of the value") == {"farmer"}


def test_subject_needs_half_the_gold_words_and_a_quarter_of_ours():
    gold = "Brightco full-year pre-tax profit"  # brightco full year pre tax profit: 6 words
    assert nf.subject_correct("Brightco pre-tax earnings", gold)  # 3 shared of 6 gold, of 4 ours
    assert not nf.subject_correct("Brightco tax earnings", gold)  # 2 of 6
    assert nf.subject_correct("Brightco profit", "Brightco profits")
    short = "Brightco profit"  # 2 words, all shared: ours may have up to 8
    assert nf.subject_correct("Brightco profit alpha beta gamma delta epsilon zeta", short)
    assert not nf.subject_correct("Brightco profit alpha beta gamma delta epsilon zeta eta", short)
    assert not nf.subject_correct("", gold)


# --- period -----------------------------------------------------------------------------

def test_periods_are_normalised_with_quarter_names():
    assert nf.normalise_period("The final quarter, 2004.") == "q4 2004"
    assert nf.normalise_period("Q2 2011") == "q2 2011"
    assert nf.normalise_period("the last three months of 2010") == "q4 2010"
    assert nf.normalise_period("a year-earlier") == "year earlier"


def test_period_quarters_and_years_must_agree():
    assert nf.period_correct("final quarter of 2004", "Q4 2004")
    assert nf.period_correct("the fourth quarter", "Q4 2004")
    assert not nf.period_correct("third quarter 2004", "Q4 2004")
    assert not nf.period_correct("2003", "2004")
    assert nf.period_correct("March", "March 2007")
    assert not nf.period_correct("March", "three months to March 2007")  # 1 of 4 gold words
    assert not nf.period_correct("", "2004")


# --- change and the document score -------------------------------------------------------

@pytest.mark.parametrize(("change", "direction"), [
    ("+3%", "up"), ("-2.5%", "down"), ("−2.5%", "down"), ("+0.2 pp vs the previous month", "up"),
    ("×3", "up"), ("×0.5 vs May last year", "down"), ("×1", ""), ("", ""),
])
def test_direction_from_the_change_string(change, direction):
    assert nf.direction_of_change(change) == direction


def test_predictions_from_a_frame_keep_non_derived_rows_and_read_optional_columns():
    rows = dict(start=[0, 9], end=[3, 13], surface=["6%", "£2m"], value=[6.0, 2e6], low=[6.0, 2e6],
                high=[6.0, 2e6], unit_code=["%", "GBP"], kind=["percent", "money"], subject=["sales", ""],
                period=["", ""], change=["-6%", ""], derived=[False, True])
    (found,) = nf.predictions_from_frame(pd.DataFrame(rows))
    assert (found.surface, found.direction, found.role, found.moved) == ("6%", "down", "", "")
    with_columns = pd.DataFrame({**rows, "role": ["change", ""], "direction": ["", ""], "moved": ["rate", ""]})
    (found,) = nf.predictions_from_frame(with_columns)
    assert (found.direction, found.role, found.moved) == ("", "change", "rate")  # an empty direction is none
    (found,) = nf.predictions_from_frame(with_columns, direction_from="change")
    assert found.direction == "down"


def test_score_document_counts_every_score():
    text = "Brightco sales fell 6% to £2m in 2004, it said, and 40 staff left; £9m is a goal."
    golds = [
        G(20, 22, "6%", 6.0, "%", "percent", "fall in Brightco sales", "2004", "change", "down", "level"),
        G(26, 29, "£2m", 2e6, "GBP", "money", "Brightco sales", "2004", "level"),
        G(52, 54, "40", 40.0, "count", "count", "Brightco staff who left", None, "change", "down", "level"),
    ]
    predictions = [
        P(20, 22, "6%", 6.0, unit="%", kind="percent", subject="Brightco sales", period="2004",
          role="change", direction="down", moved="amount"),
        P(26, 29, "£2m", 2e6, unit="GBP", kind="money", subject="sales", period="2003", role="level",
          direction="up"),
        P(52, 54, "40", 40.0, unit="", kind="count", subject="staff", period="2004", role="level"),
        P(67, 70, "£9m", 9e6, unit="GBP", kind="money", direction="up"),
    ]
    result = nf.score_document("doc", text, predictions, golds)
    c = result.counts
    assert (c.gold, c.predicted, c.matched, c.value_ok) == (3, 4, 3, 3)
    assert (c.subject_n, c.subject_ok) == (3, 2)  # "sales" covers 1 of 2 gold words; "staff" 1 of 3
    assert (c.period_n, c.period_ok, c.null_period_n, c.spurious_period) == (2, 1, 1, 1)
    assert (c.role_n, c.role_ok) == (3, 2)
    assert (c.direction_n, c.direction_ok, c.moved_ok) == (2, 1, 1)
    assert (c.predicted_directions, c.directions_on_change) == (3, 1)
    assert result.roles[("change", "level")] == 1
    assert [len(result.errors[k]) for k in ("false positive", "wrong period", "spurious period")] == [1, 1, 1]
    scores = c.scores()
    assert scores["span P"]["score"] == pytest.approx(0.75) and scores["span R"]["score"] == 1.0
    assert scores["change P"]["score"] == pytest.approx(1 / 3)
