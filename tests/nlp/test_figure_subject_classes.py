"""Classes of subject errors seen on real news, each on sentences written for these
tests: what a figure measures, as the fuller phrase a reader would write."""

import pytest

from desktop.nlp.figures.describe import parse_spans
from desktop.nlp.figures.scanner import find_figures
from desktop.nlp.figures.subjects.names import article_names
from desktop.nlp.figures.subjects.of_figures import subject_of, subjects_of
from desktop.nlp.figures.surroundings import FigureContext
from desktop.nlp.pipeline import parse_sentences
from desktop.nlp.sentences import sentence_spans


def subject(sentence, surface):
    doc = parse_sentences([sentence])[0]
    start = sentence.index(surface)
    return subject_of(doc, start, start + len(surface))


def subject_in(text, surface, names=()):
    """The subject of the figure ``surface`` of ``text``, read as the analysis reads a
    paragraph (the sentences holding figures parsed, then subjects_of)."""
    readings = find_figures(text)
    sentences = sentence_spans(text)
    spans = parse_spans(text, readings, sentences)
    docs = dict(zip(spans, parse_sentences(text[start:end] for start, end in spans.values())))
    context = FigureContext.of(text, readings, sentences)
    found = [s for r, s in zip(readings, subjects_of(context, docs, names)) if r.surface == surface]
    assert found, f"no figure {surface!r} in {text!r}"
    return found[0]


@pytest.mark.parametrize(("sentence", "surface", "expected"), [
    ("Dana Ruiz, the 41-year-old pianist from Leeds, topped the list of earners.", "41-year-old",
     "Dana Ruiz's age"),
    ("The list was topped by Dana Ruiz, a 41-year-old pianist from Leeds.", "41-year-old", "Dana Ruiz's age"),
])
def test_an_age_is_the_age_of_the_person_named(sentence, surface, expected):
    assert subject(sentence, surface) == expected


def test_an_age_of_a_person_the_sentence_only_describes_is_of_the_person_before():
    text = "Ruiz buys club\n\nDana Ruiz has bought Dunmore Rovers for £3m. The 41-year-old pianist paid cash."
    assert subject_in(text, "41-year-old") == "Dana Ruiz's age"
    later = "Ruiz buys club\n\nDana Ruiz has bought Dunmore Rovers.\n\nThe 41-year-old pianist paid £3m in cash."
    assert subject_in(later, "41-year-old", article_names(later)) == "Dana Ruiz's age"


def test_an_age_of_nobody_named_is_not_a_subject():
    assert subject("The firm hired a 41-year-old engineer last week.", "41-year-old") == "engineer"
    assert subject_in("Sales fell. The board said yes. The 41-year-old pianist paid £3m.", "41-year-old") == ""


@pytest.mark.parametrize(("sentence", "surface", "expected"), [
    ("Samsung phones now have 6.2% of the market share, the survey suggests.", "6.2%", "Samsung phones market share"),
    ("Globex shops had 12% of all grocery sales last year.", "12%", "Globex shops share of grocery sales"),
    ("Globex owns 8% of Initech.", "8%", "Globex stake in Initech"),
])
def test_a_share_held_by_a_named_kind_of_thing_is_its_share(sentence, surface, expected):
    assert subject(sentence, surface) == expected


def test_the_first_word_of_the_article_s_company_is_written_as_its_name():
    text = ("Dunmore Rovers buy striker\n\nA striker has signed for Dunmore Rovers. "
            "Dunmore has 42 players under contract, and Dunmore Castle sold 300 tickets.")
    names = article_names(text)
    assert "Dunmore Rovers" in names
    assert subject_in(text, "42", names).startswith("Dunmore Rovers")
    assert "Rovers" not in subject_in(text, "300", names)


def test_a_name_the_parse_cut_is_written_whole_as_the_sentence_writes_it():
    from desktop.nlp.figures.subjects.of_figures import _whole_names

    sentence = "Jo Bell's The House of Quiet Tides came third with $9.1m, and Globex Bank lent $2m."
    assert _whole_names("Quiet Tides takings", sentence) == "Jo Bell's The House of Quiet Tides takings"
    assert _whole_names("Bank loans", sentence) == "Globex Bank loans"
    opened = "Yet Mr Okafor's planned spending of $3bn is small, and Japan's Globex Bank lent $2m."
    assert _whole_names("Okafor's planned spending", opened) == "Mr Okafor's planned spending"
    assert _whole_names("Bank loans", opened) == "Globex Bank loans"
    both = "Labour and the Conservatives spent $10m; US Commerce Department data showed it."
    assert _whole_names("Labour and Conservatives", both) == "Labour and Conservatives"
    assert _whole_names("US sales", both) == "US sales"


def test_a_film_title_the_parse_cut_is_the_subject_whole():
    text = "The sequel beat Jo Bell's The House of Quiet Tides, which finished in third place with $9.1m."
    assert "The House of Quiet Tides" in subject_in(text, "$9.1m")


def test_a_figure_whose_clause_names_nothing_takes_its_sentence_s_subject_across_a_clause_break():
    text = ("Spending on new roads was still high, up 18% from a year earlier - although well short of "
            "the peak of 43% seen in 2019.")
    assert subject_in(text, "18%") == "Spending on new roads"
    assert subject_in(text, "43%") == "Spending on new roads"


def test_a_price_per_unit_with_nothing_else_named_is_the_price_of_the_article_s_commodity():
    text = ("Copper prices climb\n\nCopper prices rose sharply on Monday as mines closed. "
            "Still above $9,000 a tonne, he said: \"Demand is strong.\"")
    names = article_names(text)
    assert names.commodity == "copper"
    assert subject_in(text, "above $9,000 a tonne", names) == "copper price per tonne"


@pytest.mark.parametrize(("surface", "expected"), [
    ("60%", "girls among pupils who sat the test"),
    ("35%", "boys among pupils who sat the test"),
])
def test_a_percentage_of_a_group_a_sentence_opens_with_is_among_that_group(surface, expected):
    sentence = "Of the 20 million pupils who sat the test, 60% are girls compared to 35% of boys."
    assert subject(sentence, surface) == expected


def test_a_percentage_without_a_fronted_group_keeps_its_own_subject():
    assert subject("Last year 60% of the pupils were girls.", "60%") == "pupils"


@pytest.mark.parametrize("surface", ["12", "£48,200"])
def test_things_totalling_an_amount_keep_where_they_come_from(surface):
    sentence = "Among the gifts to the party were 12 donations totalling £48,200 from Halden Property Services."
    assert subject(sentence, surface) == "donations from Halden Property Services"


@pytest.mark.parametrize(("sentence", "surface", "expected"), [
    ("Britain exported £6.2bn worth of goods in March, but imported £8.1bn.", "£6.2bn", "Britain goods exports"),
    ("Ruritania exported £6.2bn of goods in March.", "£6.2bn", "Ruritania goods exports"),
])
def test_an_amount_of_a_thing_traded_is_that_trade_of_the_thing(sentence, surface, expected):
    assert subject(sentence, surface) == expected


def test_a_quote_mark_at_the_edge_of_a_figure_s_span_does_not_hide_its_subject():
    sentence = "\"At least $10 billion a year is needed to fight the disease, the minister said."
    doc = parse_sentences([sentence])[0]
    assert subject_of(doc, 0, sentence.index(" a year")).startswith("needed to fight the disease")


def test_a_long_purpose_is_cut_before_the_places_its_verb_ends_with():
    sentence = ("\"At least $10 billion per annum (£5.5bn) is needed to fight the HIV/Aids epidemic in low "
                "and middle income countries.")
    assert subject(sentence, "$10 billion").startswith("needed to fight the HIV/Aids epidemic")


def test_an_amount_spent_on_something_and_a_rival_s_amount_compared_to_it_share_that_measure():
    text = "The Green Party spent £2.1m on the campaign - second only to the Liberals' £3.4m."
    assert subject_in(text, "£2.1m") == "Green Party spending on the campaign"
    assert subject_in(text, "£3.4m") == "Liberals spending on the campaign"


def test_an_exchange_rate_is_of_its_currency_against_the_one_it_is_quoted_against():
    text = ("Thailand's central bank keeps the baht close to a rate of 36.20 to the US dollar, "
            "much to the annoyance of exporters.")
    assert subject_in(text, "36.20") == "baht against the US dollar"
    assert subject_in("Shoppers spent $3m on toys, up 5% on the year.", "$3m") != ""


def test_an_economy_s_measure_in_a_clause_with_another_subject_is_still_its_country_s():
    text = ("Japan exports climb\n\nJapan's economy grew again in May, official figures showed. "
            "The weak yen pushed exports up 4% in May, analysts said.")
    names = article_names(text)
    assert names.country in ("Japan", "Japanese")
    assert subject_in(text, "4%", names) == f"{names.country} exports"


def test_a_company_s_own_measure_in_a_clause_with_another_subject_is_still_the_company_s():
    text = ("Globex profits soar\n\nShares in Globex rose on Monday after the shipping group posted record "
            "results. The strong year included profits of $3.6bn for the final quarter.")
    names = article_names(text)
    assert "Globex" in names
    assert subject_in(text, "$3.6bn", names) == "Globex profits"
