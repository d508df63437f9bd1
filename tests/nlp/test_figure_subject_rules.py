"""Subject rules for classes of error seen on real news, each on sentences written for
these tests: what a total, a count reached by a movement, an amount spent and a
movement's size are of."""

import pytest

from desktop.nlp.figures.subjects.keys import subject_key
from desktop.nlp.figures.subjects.of_figures import subject_of
from desktop.nlp.pipeline import parse_sentences


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
