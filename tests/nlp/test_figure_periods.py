import pytest

from desktop.nlp.figures.periods.normal_forms import period_label, period_sort_key, plain_year
from desktop.nlp.figures.periods.of_figures import (
    article_year,
    base_after,
    nearest_period,
    period_mentions,
    resolve_period,
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


# --- periods of figures: by clause and attachment ---------------------------------------

from types import SimpleNamespace  # noqa: E402

from desktop.core.figure import FigureReading  # noqa: E402
from desktop.nlp.figures.periods.normal_forms import period_months  # noqa: E402
from desktop.nlp.figures.periods.of_figures import periods_of  # noqa: E402
from desktop.nlp.figures.scanner import find_figures  # noqa: E402
from desktop.nlp.figures.surroundings import FigureContext  # noqa: E402
from desktop.nlp.sentences import sentence_spans  # noqa: E402


def periods(text, year=None):
    """{surface: period} of the figures of ``text`` (a paragraph)."""
    figures = find_figures(text)
    context = FigureContext.of(text, figures, sentence_spans(text))
    return {figure.surface: period for figure, period in zip(figures, periods_of(context, year))}


def test_a_period_holds_for_the_figures_of_its_own_clause():
    found = periods("The chain said sales climbed 12% to £48m in the six months to June, "
                    "while its margin slipped to 4.1%.")
    assert found["12%"] == found["£48m"] == "six months to June"
    assert found["4.1%"] == ""
    found = periods("For the full year, the retailer made £1.2bn, up 9% from its 2009 result, "
                    "while online sales rose 31% to £300m.")
    assert found["£1.2bn"] == found["9%"] == found["31%"] == found["£300m"] == "full year"


def test_two_neighbouring_figures_keep_their_own_quarters():
    found = periods("Operating profit was €2.1bn in the third quarter and €2.6bn in the final quarter.")
    assert (found["€2.1bn"], found["€2.6bn"]) == ("Q3", "Q4")
    found = periods("Rainfall reached 310mm in the second quarter of 2011, against 180mm in the first.")
    assert (found["310mm"], found["180mm"]) == ("Q2 2011", "Q1 2011")


def test_a_whole_year_figure_does_not_take_a_quarter_of_another_clause():
    found = periods("Annual revenue reached $9bn, although sales fell 2% in the third quarter of 2010.")
    assert found["$9bn"] == "annual" and found["2%"] == "Q3 2010"


def test_the_year_of_another_event_is_not_the_period_of_a_later_figure():
    found = periods("The cottage was bought in 2001 for £120,000 and is now worth £410,000.")
    assert found["£120,000"] == "2001" and found["£410,000"] == "now"
    assert periods("Acme, founded in 1998, employs 3,400 people.")["3,400"] == ""
    found = periods("The museum said on Friday that 45,000 people had visited.")
    assert found["45,000"] == ""
    assert periods("In a statement on Monday, the firm said it would pay £2m.")["£2m"] == ""
    assert periods("The shares fell 40p on Monday to close at 310p.") == {"40p": "Monday", "310p": "Monday"}


def test_a_comparison_base_takes_only_the_period_written_by_it():
    found = periods("Net income for 2011 was $4.5bn, compared with $3.9bn a year earlier.")
    assert found["$4.5bn"] == "2011" and found["$3.9bn"] == "2010 (a year earlier)"
    found = periods("Orders rose to 820 in May from 760, and are up 4% on last year.")
    assert found["820"] == "May" and found["760"] == "" and found["4%"] == ""
    found = periods("Inflation was 2.4% in October, unchanged from September's 2.1%.")
    assert (found["2.4%"], found["2.1%"]) == ("October", "September")


def test_no_period_is_carried_from_an_earlier_sentence_without_a_link():
    found = periods("Exports fell 3% in March. Imports were flat at £21bn.")
    assert found["3%"] == "March" and found["£21bn"] == ""


def test_a_link_carries_the_period_it_points_back_to():
    found = periods("Exports fell 3% in March. Imports rose 2% in the same period.")
    assert found["2%"] == "March (the same period)"
    found = periods("The mine produced 80 tonnes in June. That month, its costs rose 6%.")
    assert found["6%"] == "June (that month)"
    found = periods("Profits for the first half of 2012 were £810m, against £760m in the same period of 2011.")
    assert found["£810m"] == "first half of 2012" and found["£760m"] == "first half of 2011"
    # a link with nothing to point back to keeps its words
    assert periods("Its shares fell 5% during the quarter.")["5%"] == "the quarter"


def test_normal_forms():
    found = periods("Unemployment stood at 7.9% in the three months to 31 August 2012. "
                    "Revenue was $2bn in the fourth quarter of 2010 and $7bn for the full-year. "
                    "Sales reached £14m in the 12 months to March 2013. Spending will hit $5bn by 2016. "
                    "Output has risen 18% since January. Deposits were $40m in November 2009.")
    assert found["7.9%"] == "three months to August 2012"
    assert (found["$2bn"], found["$7bn"]) == ("Q4 2010", "full year")
    assert found["£14m"] == "12 months to March 2013"
    assert found["$5bn"] == "by 2016" and found["18%"] == "since January"
    assert found["$40m"] == "November 2009"
    assert periods("Pay rose 2% in the year to June 2014.")["2%"] == "year to June 2014"
    assert periods("Visits hit 900 over the Easter weekend.")["900"] == "Easter weekend"


def test_relative_periods_are_resolved_against_the_article_year():
    text = "Revenue rose 5% last year, and the firm expects growth of 7% next year and 3% later this year."
    assert periods(text) == {"5%": "last year", "7%": "next year", "3%": "later this year"}
    assert periods(text, 2015) == {"5%": "2014", "7%": "2016", "3%": "later in 2015"}
    found = periods("In the first quarter of this year, sales were £3m, against £2m a year earlier.", 2015)
    assert found["£3m"] == "Q1 2015" and found["£2m"] == "Q1 2014 (a year earlier)"


def test_article_year_falls_back_to_a_known_year():
    assert article_year("No dateline here.", 2019) == 2019
    assert article_year("LONDON, March 3, 2021. Text", 2019) == 2021
    assert article_year("Published: 2005/02/10 10:09:52 GMT") == 2005


def test_labels_months_and_order_of_the_normal_forms():
    assert period_label("Q4 2003 (a year earlier)") == "Q4 2003" and plain_year("2010 (a year earlier)") == 2010
    assert period_label("by 2016") == "by 2016" and period_label("since January") == "since Jan"
    assert period_months("the final three months of 2004") == (10, 12)
    assert period_months("since May") is None and period_months("January (that month)") == (1, 1)
    assert sorted(["now", "2003", "Q2 2003"], key=period_sort_key) == ["2003", "Q2 2003", "now"]


@pytest.mark.parametrize("text", ["", "2004", "in the (first quarter - of", "; ; -- ((", "£5 in 2004 (",
                                  "It rose 5% in the second.", "That figure rose 5%."])
def test_odd_text_and_figures_never_raise(text):
    figures = [FigureReading(0, 3, "x", 1.0), FigureReading(-4, 99, "y", 2.0), FigureReading(5, 2, "z", 3.0)]
    context = FigureContext.of(text, figures, sentence_spans(text))
    assert len(periods_of(context, "not a year")) == 3
    assert periods_of(SimpleNamespace(text=None, readings=figures, places=[])) == ["", "", ""]
    assert periods_of(None) == []
    for function in (period_label, period_months, period_sort_key, plain_year):
        function(None)
