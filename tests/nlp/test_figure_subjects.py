"""Subjects from the dependency parse, on sentences written for these tests."""

import pytest

from desktop.nlp.figure_subjects import ANAPHOR, subject_key, subject_of
from desktop.nlp.pipeline import parse_sentences


def subject(sentence, surface):
    doc = parse_sentences([sentence])[0]
    start = sentence.index(surface)
    return subject_of(doc, start, start + len(surface))


@pytest.mark.parametrize(("sentence", "surface", "expected"), [
    ("Exports of wheat rose 12% to $3.4 billion last year.", "12%", "Exports of wheat"),
    ("Exports of wheat rose 12% to $3.4 billion last year.", "$3.4 billion", "Exports of wheat"),
    ("The company said its revenue reached $75 million in the third quarter.", "$75 million", "revenue"),
    ("The city has built 45 new schools since 2015.", "45", "new schools built"),
    ("The port handled 12 million tonnes of grain in 2021.", "12 million tonnes", "grain"),
    ("The value of exports to China climbed to $9 billion.", "$9 billion", "exports to China"),
    ("Oil production increased by 5 percent, reaching 2 million barrels a day.", "5 percent", "Oil production"),
    ("They operate an old bus fleet with an average age of 14 years.", "14 years", "old bus fleet"),
])
def test_subjects(sentence, surface, expected):
    assert subject(sentence, surface) == expected


def test_a_subject_that_points_back():
    assert subject("That number is three times higher than in 2019.", "three times") == ANAPHOR
    assert subject("It is twice as large as a year ago.", "twice") in (ANAPHOR, "")


def test_subject_keys_group_phrasings_of_one_thing():
    assert subject_key("bilateral trade between Kazakhstan and Azerbaijan") == "trade"
    assert subject_key("the volume of mutual trade") == "trade"
    assert subject_key("agreements and treaties") == "agreements"
    assert subject_key("") == ""
