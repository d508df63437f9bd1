"""Subject rules for classes of error seen on real news, each on sentences written for
these tests: what a total, a count reached by a movement, an amount spent or raised
and a movement's size are of, and the owner a headline gives."""

import pytest

from desktop.nlp.figures.subjects.keys import subject_key
from desktop.nlp.figures.subjects.names import ArticleNames, article_names
from desktop.nlp.figures.subjects.of_figures import subject_of
from desktop.nlp.pipeline import parse_sentences
from tests.nlp.test_figure_subject_classes import subject_in


def subject(sentence, surface):
    doc = parse_sentences([sentence])[0]
    start = sentence.index(surface)
    return subject_of(doc, start, start + len(surface))


def test_a_total_after_a_noun_with_a_complement_is_of_the_noun_not_its_complement():
    found = subject("Ministers approved generous subsidies for rural bus routes totalling 40 million euros in 2023.",
                    "40 million euros")
    assert "subsidies" in found


def test_a_count_a_number_rises_to_is_of_what_the_number_counts():
    assert subject("The number of electric cars on the roads rose to 2.4 million vehicles last year.",
                   "2.4 million") == "electric cars"


def test_a_count_after_with_is_not_of_the_verbs_object():
    assert subject("The vote left the Greens in second place with an extra 12 seats.", "12") == "extra seats"


def test_an_amount_spent_parsed_as_an_adverb_is_the_spending():
    found = subject("Officials said the two councils had spent £4m between them on the new bridge.", "£4m")
    assert found.endswith("spending on the new bridge")


@pytest.mark.parametrize(("sentence", "surface", "expected"), [
    ("Car exports rose 4%, but the growth in machinery sold to Asian buyers slowed to 1.5%.", "1.5%",
     "growth in machinery sold to Asian buyers"),
    ("The profit outlook is better than last year, with a 2% to 3% improvement expected, the chairman said.",
     "2% to 3%", "improvement in profit outlook"),
])
def test_the_size_of_a_movement_names_the_movement_and_what_moved(sentence, surface, expected):
    assert subject(sentence, surface) == expected


def test_a_movement_is_grouped_with_what_moved():
    assert subject_key("improvement in profit outlook") == subject_key("profit outlook")
    assert subject_key("growth in machinery sold to Asian buyers") == "machinery"


def test_an_amount_raised_for_a_purpose_says_the_purpose():
    found = subject("Volunteers in the town managed to raise £40,000 to restore the roof of the church, "
                    "and repaint the hall.", "£40,000")
    assert found == "Volunteers funds raised to restore the roof of the church"


def test_a_plan_keeps_what_it_is_for():
    found = subject("The mayor has asked the banks to fund a £2bn scheme to rebuild the harbour and widen "
                    "the old canal.", "£2bn")
    assert found == "scheme to rebuild the harbour and widen the old canal"


def test_a_noun_the_headline_gives_an_owner_is_that_owners():
    text = ("Morgan budget faces hard vote\n\nThe governor, Ana Morgan, sent the plan to the assembly on Monday."
            "\n\nThe $4.2bn budget sent to the assembly cuts 40 school programmes.")
    names = article_names(text)
    assert names.owners == (("budget", "Morgan"),)
    assert subject_in(text, "$4.2bn", names) == "Morgan budget sent to the assembly"


def test_a_headline_names_no_owner_with_a_digit_nor_by_its_first_word_alone():
    assert article_names("Millions buy X5 phones in Spain\n\nSales of X5 phones rose.").owners == ()
    assert article_names("Cheap loans lift Tandem profit\n\nCheap credit helped Tandem.").owners == \
        (("profit", "Tandem"),)


def test_a_figure_compared_with_the_one_before_measures_the_same_thing():
    text = "A survey suggested that Globex had 31.5% of users in May compared to 33.8% in January."
    assert subject_in(text, "33.8%") == subject_in(text, "31.5%") == "Globex share of users"
    text = "Of the buyers, 52% are men compared to 48% of women."
    assert subject_in(text, "48%") != subject_in(text, "52%")


def test_what_a_sentence_opening_leaves_out_ends_its_subjects():
    text = "Excluding one-off charges, Tandem's profit was 41 cents a share, but analysts had expected 45 cents."
    assert subject_in(text, "41 cents") == "Tandem's profit per share excluding one-off charges"


def test_a_share_someone_has_stays_their_share():
    found = subject("Norvik has led the tyre market for years, and its share of buyers has stayed at around "
                    "the 60% mark.", "60%")
    assert found == "Norvik share of buyers"


def test_names_joined_as_the_subject_own_what_their_verb_adds():
    found = subject("Ruritania, Oceania and Asia-Pacific are expected to add 90 million new TVs by 2030, "
                    "the study says.", "90 million")
    assert found == "Ruritania, Oceania and Asia-Pacific new TVs"


def test_their_stands_for_the_plural_subject_of_its_clause():
    assert subject("The departing trustees have agreed to leave their grants of £2.1m in the charity.",
                   "£2.1m") == "trustees grants"


def test_a_clause_after_a_measure_noun_belongs_to_what_it_measures():
    found = subject("The share of drivers using Norvik's Fast Lane (FL) app has risen to 41%, the survey found.",
                    "41%")
    assert found == "drivers using Norvik's Fast Lane app"


def test_a_figure_a_dash_sets_off_after_a_noun_measures_that_noun():
    found = subject("Yet an analyst says Norvik's expected annual fee income - £160m - will still be well short "
                    "of its extra fuel costs - a predicted extra £250m.", "£250m")
    assert found == "Norvik extra fuel costs"


def test_only_money_is_for_a_purpose_and_a_qualifier_is_no_kind_of_thing():
    assert "to write" not in subject("Mills said the novel took nine years to write.", "nine years")
    assert subject("More than 140 workers were evacuated from the mine.", "More than 140") == "workers evacuated"


def test_the_level_a_movement_went_to_is_not_named_as_the_movement():
    sentence = "The report follows a sharp $3.1 billion fall in the bank's gold reserves in May to $41.5 billion."
    assert subject(sentence, "$3.1 billion") == "fall in gold reserves"
    assert subject(sentence, "$41.5 billion") == "gold reserves"


def test_a_time_before_a_dash_is_not_what_the_figure_measures():
    assert subject("But the number of births last year - 612,400 - was well below the peak.", "612,400") != "year"


def test_a_counted_thing_keeps_the_state_a_linking_verb_gives_it():
    found = subject("In all, some 310 million additional shares will become free to trade by March.",
                    "310 million")
    assert found == "additional shares free to trade"


def test_an_age_bound_belongs_to_the_group_it_names():
    found = subject("Some 12% of workers living with parents over 65 have private pensions.", "12%")
    assert found == "workers living with parents over 65"


def test_a_price_in_a_company_story_is_the_companys_but_not_a_commoditys():
    names = ArticleNames(("Tandem Air",))
    found = subject_in("Most bids came in at the top of the price range of 300-320 rupees.", "300-320 rupees", names)
    assert found == "Tandem Air price range"
    assert subject_in("The price of copper rose 4% on Monday.", "4%", names) == "price of copper"


def test_a_movement_of_a_time_alone_measures_what_the_figure_before_does():
    text = "Car exports climbed 6% for the year, the best result since a 7.5% rise in 2011."
    assert subject_in(text, "7.5%") == subject_in(text, "6%") == "Car exports"


def test_a_movement_in_a_country_alone_is_of_the_price_the_article_follows():
    text = ("UK house prices edge up\n\nUK house prices rose 0.4% in May, and UK house prices are high.\n\n"
            "The annual rate of increase in the UK is now 6.1%, the lowest since 2019.")
    assert subject_in(text, "6.1%", article_names(text)) == "increase in UK house prices"


def test_it_stands_for_the_name_opening_the_sentence_before():
    names = ArticleNames(("Globex",))
    text = "Tandem is to restate its accounts after an inquiry. It has offered to pay $300m to settle the claims."
    assert subject_in(text, "$300m", names) == "Tandem payment to settle the claims"
    text = "Mr Okafor said the inquiry was over. It has offered to pay $300m to settle the claims."
    assert subject_in(text, "$300m", names) == "Globex payment to settle the claims"


def test_an_amount_with_which_a_passive_subject_was_set_measures_that_subject():
    sentence = "The previous Christmas Eve record was set in 2003 by Take Off with $5.3m (£2.9m)."
    assert subject(sentence, "$5.3m") == subject(sentence, "£2.9m") == "previous Christmas Eve record"


def test_a_planning_participle_after_and_still_modifies_its_noun():
    found = subject("The council is keen to show its work on housing, and planned spending would almost double "
                    "to £40m.", "£40m")
    assert found == "planned spending"


def test_a_currency_losing_against_another_says_against_which_and_analysts_own_nothing():
    found = subject("In Chile the peso shed 0.4% against the dollar Analysts said that it was hard to say more.",
                    "0.4%")
    assert found == "peso against the dollar"


def test_a_price_says_its_trading_session_and_a_session_end_is_the_price_before():
    text = "Globex stock fell to $41.2 in after-hours trade, from a $44.05 end on Nasdaq."
    assert subject_in(text, "$41.2") == "Globex share price in after-hours trade"
    assert subject_in(text, "$44.05") == "Globex share price end on Nasdaq"


def test_a_part_of_things_that_underwent_something_says_what():
    found = subject("Sixty percent of the repairs have already been finished, the council said.", "Sixty percent")
    assert found == "repairs already finished"


def test_a_part_of_an_amount_says_what_it_is_for():
    text = "The ministry's planned budget would rise to £9bn, including almost £2bn to help poor farmers in the north."
    assert subject_in(text, "almost £2bn") == "ministry's planned budget to help poor farmers"


def test_a_name_the_parser_left_before_a_misread_subject_owns_the_takings():
    text = "Comedy Big Albert - co-written by Jim Cole - moved down the chart to fourth place after taking $9.7m."
    assert subject_in(text, "$9.7m") == "Comedy Big Albert takings"


@pytest.mark.parametrize(("text", "surface", "expected"), [
    ("Imports rose to $4.1bn in May, up 12% from last May.", "12%", "rise in Imports on last May"),
    ("The trade deficit now stands at £8.2bn, £1.1bn higher than a year earlier.", "£1.1bn",
     "rise in trade deficit on a year earlier"),
])
def test_a_change_against_its_base_is_named_as_the_change(text, surface, expected):
    assert subject_in(text, surface) == expected


def test_things_over_a_threshold_say_where_they_go():
    assert subject_in("Clubs must declare all donations over £1,500 to regional branches.", "over £1,500") \
        == "donations to regional branches"


def test_a_plural_noun_misread_as_a_verb_after_a_gerund_is_part_of_what_moved():
    found = subject("The scheme is vital - boosting farm export flows by over £3 billion.", "over £3 billion")
    assert found == "farm export flows"
