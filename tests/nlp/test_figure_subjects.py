"""Subjects from the dependency parse, on sentences written for these tests."""

import pytest

from desktop.nlp.figures.describe import parse_spans
from desktop.nlp.figures.scanner import find_figures
from desktop.nlp.figures.subjects.keys import subject_key
from desktop.nlp.figures.subjects.names import PRONOUNS, article_names
from desktop.nlp.figures.subjects.of_figures import ANAPHOR, subject_of, subjects_of
from desktop.nlp.figures.surroundings import FigureContext
from desktop.nlp.pipeline import parse_sentences
from desktop.nlp.sentences import sentence_spans


def subject(sentence, surface):
    doc = parse_sentences([sentence])[0]
    start = sentence.index(surface)
    return subject_of(doc, start, start + len(surface))


def text_subjects(text, names=()):
    """Each figure's surface and subject, read as the analysis reads a paragraph: the
    sentences holding figures parsed (as cut by parse_spans), then subjects_of."""
    readings = find_figures(text)
    sentences = sentence_spans(text)
    spans = parse_spans(text, readings, sentences)
    docs = dict(zip(spans, parse_sentences(text[start:end] for start, end in spans.values())))
    context = FigureContext.of(text, readings, sentences)
    return [(r.surface, s) for r, s in zip(readings, subjects_of(context, docs, names))]


def subject_in(text, surface, names=()):
    found = [s for figure, s in text_subjects(text, names) if figure == surface]
    assert found, f"no figure {surface!r} in {text_subjects(text, names)}"
    return found[0]


@pytest.mark.parametrize(("sentence", "surface", "expected"), [
    ("Exports of wheat rose 12% to $3.4 billion last year.", "12%", "Exports of wheat"),
    ("Exports of wheat rose 12% to $3.4 billion last year.", "$3.4 billion", "Exports of wheat"),
    ("The company said its revenue reached $75 million in the third quarter.", "$75 million", "revenue"),
    ("The city has built 45 new schools since 2015.", "45", "new schools"),
    ("The port handled 12 million tonnes of grain in 2021.", "12 million tonnes", "grain"),
    ("The value of exports to China climbed to $9 billion.", "$9 billion", "exports to China"),
    ("Oil production increased by 5 percent, reaching 2 million barrels a day.", "5 percent", "Oil production"),
    ("They operate an old bus fleet with an average age of 14 years.", "14 years", "old bus fleet"),
])
def test_subjects(sentence, surface, expected):
    assert subject(sentence, surface) == expected


@pytest.mark.parametrize(("sentence", "surface", "expected"), [
    ("At least $10 billion a year is needed to fight the disease, the minister said.", "$10 billion",
     "needed to fight the disease"),
    ("Some $2bn is required to rebuild the bridges.", "$2bn", "required to rebuild the bridges"),
])
def test_an_amount_needed_for_a_purpose_is_named_by_it(sentence, surface, expected):
    assert subject(sentence, surface).startswith(expected)


def test_a_subject_that_points_back():
    assert subject("That number is three times higher than in 2019.", "three times") == ANAPHOR
    assert subject("It is twice as large as a year ago.", "twice") in (ANAPHOR, "")


def test_subject_keys_group_phrasings_of_one_thing():
    assert subject_key("bilateral trade between Kazakhstan and Azerbaijan") == "trade"
    assert subject_key("the volume of mutual trade") == "trade"
    assert subject_key("agreements and treaties") == "agreements"
    assert subject_key("Contoso jobs cut") == subject_key("jobs") == "jobs"
    assert subject_key("Acme pre-tax profit") == "profit"
    assert subject_key("") == ""


@pytest.mark.parametrize(("sentence", "surface", "expected"), [
    ("Acme's quarterly revenue rose 4% to $2.1bn.", "$2.1bn", "Acme's quarterly revenue"),
    ("Sales at Vandelay Industries climbed 8% last year.", "8%", "Sales at Vandelay Industries"),
])
def test_the_owner_by_a_possessive(sentence, surface, expected):
    assert subject(sentence, surface) == expected


def test_the_owner_by_a_compound():
    assert subject("Globex net income fell 12% to $85m in the second quarter.", "$85m") == "Globex net income"


@pytest.mark.parametrize(("sentence", "surface", "expected"), [
    ("Initech said its operating profit climbed 9% to £310m.", "£310m", "Initech operating profit"),
    ("Contoso has cut 1,200 jobs since March.", "1,200", "Contoso jobs cut"),
    ("Fabrikam sold 2 million shares at $14 each.", "$14", "Fabrikam share price"),
    ("Wayne Enterprises owns 30% of the venture.", "30%", "Wayne Enterprises stake in venture"),
])
def test_the_owner_by_the_subject_of_the_verb(sentence, surface, expected):
    assert subject(sentence, surface) == expected


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("Umbrella made a profit of $90m last year. The company expects its sales to rise 5% this year.",
     "5%", "Umbrella sales"),
    ("Shares in Contoso fell 3% after the carmaker said it would cut 1,200 jobs.", "1,200", "Contoso jobs"),
    ("Ms Lane, Tailspin's chief executive, said the firm's sales rose 7%.", "7%", "Tailspin sales"),
    ("Soylent said on Monday that it had raised its dividend by 10%.", "10%", "Soylent dividend"),
])
def test_a_pronoun_or_the_firm_is_the_company_named_before(text, surface, expected):
    assert subject_in(text, surface) == expected


def test_the_firm_is_the_article_s_company_when_the_paragraph_names_none():
    text = "The firm said its costs rose 3% to $12m."
    assert subject_in(text, "$12m", names=("Pendant Publishing",)) == "Pendant Publishing costs"
    assert subject_in(text, "$12m") == "costs"


def test_no_company_of_another_clause_or_sentence():
    assert subject_in("Exports rose 5% in May. Imports fell 2% in the same month.", "2%") == "Imports"
    assert subject_in("Sales rose 3% to $40m, while costs fell 1%.", "1%") == "costs"
    text = "The Reds' drive cost £2.3m, the Blues' £515,000."
    assert not subject_in(text, "£515,000").startswith("Reds")


def test_a_converted_amount_has_its_main_amount_s_subject():
    text = "Hooli posted a net loss of £40m ($52m) for the year."
    assert subject_in(text, "$52m") == subject_in(text, "£40m") == "Hooli net loss"


@pytest.mark.parametrize("text", [
    "It rose 4% to 300 points.",
    "They spent $5m on advertising.",
    "It took $12m at the weekend, making its total more than $40m.",
    "The company itself said it lost 300 customers.",
])
def test_a_subject_is_never_a_pronoun(text):
    for _, found in text_subjects(text):
        assert found.lower() not in PRONOUNS
        assert not any(word in ("it", "its", "they", "themselves", "itself") for word in found.lower().split())


def test_a_subject_is_never_a_placeholder_alone():
    assert subject("Prices climbed past the $90 mark on Tuesday.", "$90") == "Prices"
    assert subject("The yen slid 3% against the euro.", "3%") == "yen against the euro"


def test_the_article_s_names_come_from_its_headline():
    text = ("Weak pound hits Tailspin profits\n\nShares in Tailspin fell 4% after the airline said profits "
            "dropped. Tailspin blamed the weak pound.")
    assert article_names(text) == ("Tailspin",)
    person = "Grey calls for new fund\n\nMr Grey said on Monday that Grey supporters would give £5m."
    assert article_names(person) == ()
    assert article_names("A first paragraph with no headline, about Contoso and Contoso. " * 5) == ()


def test_an_ownerless_measure_is_the_article_s_company():
    text = "Costs rose 3% to $12m, while sales fell 2%."
    assert subject_in(text, "$12m", names=("Pendant",)) == "Pendant Costs"
    assert subject_in(text, "$12m") == "Costs"


def test_the_article_s_country_and_commodity_come_from_its_start():
    from desktop.nlp.figures.subjects.article import article_commodity, article_country
    text = ("Dutch jobless total climbs\n\nThe number of Dutch workers without a job rose in May, "
            "the statistics office of the Netherlands said.")
    assert article_country(text) == "Dutch"
    assert article_country("Weather turns cold\n\nIt snowed in the hills.") == ""
    assert article_commodity("Copper prices slip\n\nCopper prices fell on Monday.") == "copper"
    names = article_names("Copper prices slip in Chile\n\nCopper prices fell in Chile, which mines Chile's copper.")
    assert names.commodity == "copper"


def test_an_ownerless_macro_measure_is_the_article_s_country():
    from desktop.nlp.figures.subjects.names import ArticleNames
    names = ArticleNames((), country="Irish")
    assert subject_in("The jobless rate rose to 5.1% in March.", "5.1%", names) == "Irish jobless rate"
    assert subject_in("The trade deficit narrowed to €2bn.", "€2bn", names) == "Irish trade deficit"
    assert subject_in("Seasonally adjusted output rose 0.4%.", "0.4%", ArticleNames((), country="US")) \
        == "US Seasonally adjusted output"
    assert subject_in("The jobless rate rose to 5.1% in March.", "5.1%") == "jobless rate"


def test_bare_prices_are_the_article_s_commodity_s():
    from desktop.nlp.figures.subjects.names import ArticleNames
    names = ArticleNames((), country="US", commodity="copper")
    assert subject_in("Prices slipped to $8,100 on Friday.", "$8,100", names) == "copper Prices"
    houses = ArticleNames((), country="Irish", commodity="house")
    assert subject_in("Prices could fall by 7% next year, the bank said.", "7%", houses) == "Irish house Prices"


def test_the_gap_between_exports_and_imports_is_the_trade_gap():
    assert subject_in("The gap between Canada's exports and imports grew to C$4bn in June.", "C$4bn") \
        == "Canada trade gap"
    text = "The gap between what Norway exported and imported was 9bn kroner."
    assert subject_in(text, "9bn kroner") == "Norway trade gap"


def test_a_rise_in_a_month_is_of_the_clause_s_measure():
    text = "Car output was 80,000 in May, slightly above the 78,000 rise in April."
    assert "April" not in subject_in(text, "78,000")
    assert subject_in("Lending reached $3bn in May, up on the $2.5bn rise in April.", "$2.5bn") == "Lending"


def test_an_abbreviation_the_article_defines_is_written_out():
    from desktop.nlp.figures.subjects.article import article_abbreviations
    text = "Browser rivals gain\n\nAnalysts said Opera Mobile (OM) gained users, while Safari Web (SW) lost some."
    assert article_abbreviations(text) == (("OM", "Opera Mobile"), ("SW", "Safari Web"))
    names = article_names(text)
    assert subject_in("OM's market share rose to 12% in May.", "12%", names) == "Opera Mobile's market share"


def test_a_headline_name_is_the_longer_title_the_body_writes():
    text = ("Pirates keep box office lead\n\nThe comedy Return of the Pirates stayed top for a third week. "
            "Fans of Return of the Pirates queued again, and critics praised Return of the Pirates.")
    names = article_names(text)
    assert tuple(names) == ("Return of the Pirates",)
    assert subject_in("It took $30m at the weekend.", "$30m", names) == "Return of the Pirates takings"


def test_a_headline_naming_nobody_takes_the_body_s_most_named_organisation():
    text = ("Grant seals deal\n\nMr Grant has bought control of Dunmore Rovers. The deal ends months of doubt "
            "at Dunmore Rovers, fans of Dunmore Rovers said, and staff at Dunmore Rovers were relieved. "
            "Talks with Harbour Town had failed.")
    names = article_names(text)
    assert tuple(names) == ("Dunmore Rovers",)
    assert subject_in("In May the club had a debt of £50m.", "£50m", names) == "Dunmore Rovers debt"
    politics = ("Grant seals deal\n\nThe bill passed Congress. Senators in Congress and staff in Congress "
                "cheered, and Congress will vote again in May on the election.")
    assert tuple(article_names(politics)) == ()


def test_people_out_of_work_keep_their_state_and_the_article_s_country_form():
    from desktop.nlp.figures.subjects.names import ArticleNames
    names = ArticleNames((), country="Swedish")
    assert subject_in("In March, Sweden had 410,000 people out of work.", "410,000", names) \
        == "Swedish people out of work"
    assert subject_in("Hiring lifted the number of people employed to 5.1 million.", "5.1 million") \
        == "people employed"


def test_the_club_inside_a_phrase_is_written_as_the_name_it_stands_for():
    text = "The former Harbour Town boss has bought a 40% stake in the club."
    assert subject_in(text, "40%", names=("Dunmore Rovers",)) == "stake in Dunmore Rovers"


def test_a_measure_after_a_period_word_or_a_name_is_what_a_subject_is_grouped_by():
    from desktop.nlp.figures.subjects.keys import subject_key

    assert subject_key("Norvik third quarter turnover") == "turnover"
    assert subject_key("Norvik turnover") == "turnover"
    assert subject_key("annual output") == "output"
    assert subject_key("grain volumes") == "grain"


@pytest.mark.parametrize(("sentence", "blanked"), [
    ("OSLO, May 4, 2026 - Norvik said sales rose 3%.", 20),
    ("LIMA (Wire) - Norvik said sales rose 3%.", 14),
    ("NORVIK - The firm said sales rose 3%.", 0),  # a name in capitals, no date or agency
    ("IBM - the old giant - grew 3%.", 0),
])
def test_a_dateline_is_left_out_of_the_parse_with_its_length_kept(sentence, blanked):
    from desktop.nlp.figures.describe import without_dateline

    cleaned = without_dateline(sentence)
    assert len(cleaned) == len(sentence)
    assert cleaned[:blanked].strip() == "" and cleaned[blanked:] == sentence[blanked:]


def test_a_dateline_city_is_no_owner():
    from desktop.nlp import analyze

    text = "Norvik lifts sales\nOSLO, May 4, 2026 - Norvik said on Monday that revenue rose 7% to $2.1bn in 2025."
    subjects = set(analyze(text).figures["subject"])
    assert not any("OSLO" in subject for subject in subjects)
    assert any("revenue" in subject for subject in subjects)


@pytest.mark.parametrize(("text", "subject"), [
    ("Norvik Foods lifts outlook\nNorvik Foods said sales rose 4%. Shares in the grocer rose 12p to 410p.",
     "Norvik Foods share price"),
    ("Shares in Globex climbed 20p to 310p on Monday.", "Globex share price"),
])
def test_a_price_of_shares_in_a_company_is_that_company_s_share_price(text, subject):
    from desktop.nlp import analyze

    figures = analyze(text).figures
    assert figures[figures["unit_code"] == "penny"]["subject"].tolist() == [subject, subject]


def test_a_headline_name_the_body_writes_longer_or_after_a_dateline_is_the_article_s():
    from desktop.nlp.figures.subjects.names import article_names

    text = ("Vantor cuts forecast\nOSLO, May 4, 2026 - Vantor Shipping cut its outlook on Monday. "
            "Revenue fell 4% to $1.2bn.")
    assert tuple(article_names(text)) == ("Vantor",)


@pytest.mark.parametrize(("text", "surface", "expected"), [
    # capitalised only for starting the sentence: the text writes the word in lower case too
    ("Tandem makes bicycles in Leeds.\nNet income was $4.1 million in 2023, and net sales grew by 8%.",
     "$4.1 million", "net income"),
    ("Military spending rose 7% to $80bn, though military pay was frozen.", "7%", "military spending"),
    # kept: a word the text never writes in lower case, and a title before a name
    ("Exports of wheat rose 12% to $3.4 billion last year.", "12%", "Exports of wheat"),
    ("Former Beatle Ringo Starr gave 2 million to the fund, the former drummer said.", "2 million",
     "Former Beatle Ringo Starr"),
])
def test_a_subject_drops_the_capital_its_first_word_has_only_for_starting_the_sentence(text, surface, expected):
    assert subject_in(text, surface) == expected
