import pytest

from desktop.nlp.figure_periods import (
    article_year, base_after, nearest_period, period_label, period_mentions, period_sort_key,
    plain_year, resolve_period,
)


def mentions(text, figures=()):
    return period_mentions(text, 0, len(text), list(figures))


def test_periods_and_comparison_bases():
    text = "Sales rose 8% in 2019 to $3 billion, twice as much as in 2017. Output fell in Q3 2020."
    found = mentions(text)
    assert [(m.text, m.base) for m in found] == [("2019", False), ("2017", False), ("Q3 2020", False)]
    text = "Exports were three times higher than in 2015 and up compared with the first half of 2016."
    assert [(m.text, m.base) for m in mentions(text)] == [("2015", True), ("the first half of 2016", True)]


def test_spans_months_and_relative_years():
    text = "In the first nine months of last year, and from 2018 to 2020, and January-March 2021, the may rule"
    assert [m.text for m in mentions(text)] == [
        "the first nine months of last year", "from 2018 to 2020", "January-March 2021"]


def test_a_full_stop_ends_the_sentence_after_a_month_name_and_belongs_to_an_abbreviation():
    text = "Aid of 50 million euros was approved in January. Sales rose 5% in Sept. and Nov. 3, 2021."
    assert [m.text for m in mentions(text)] == ["January", "Sept.", "Nov. 3, 2021"]
    assert [m.text for m in mentions("It fell 2% in May.")] == ["May"]


def test_a_number_inside_a_figure_is_no_year_but_a_period_may_hold_a_figure():
    text = "They shipped 2000 tons in the first four months of this year."
    figures = [(13, 22), (26, 37)]  # "2000 tons", "four months"
    assert [m.text for m in mentions(text, figures)] == ["the first four months of this year"]


def test_nearest_stated_period_and_base_after():
    text = "Imports fell 3% from 2020, reaching $2 million in 2021."
    found = mentions(text)
    assert nearest_period(found, 13, 15) == "2021"
    assert base_after(found, 15) == "2020"


@pytest.mark.parametrize(("text", "year"), [
    ("LONDON, March 3, 2021. Text", 2021), ("12 May 2019 — Text", 2019), ("2020-06-01 Text", 2020),
    ("BAKU, Azerbaijan, June 22. Kazakh companies", None),
])
def test_article_year_from_the_dateline(text, year):
    assert article_year(text) == year


def test_resolving_labels_and_order():
    assert resolve_period("the first four months of this year", 2023) == "the first four months of 2023"
    assert resolve_period("last year", 2023) == "2022"
    assert resolve_period("this year", None) == "this year"
    assert plain_year("2022") == 2022 and plain_year("Q1 2022") is None
    assert period_label("the first four months of this year") == "Jan–Apr this year"
    assert period_label("the second quarter of 2021") == "Q2 2021"
    assert period_label("2019-20") == "2019–20"
    ordered = sorted(["the first four months of this year", "2022", "2021", "Q3 2021"], key=period_sort_key)
    assert ordered == ["2021", "Q3 2021", "2022", "the first four months of this year"]
