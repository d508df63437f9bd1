"""One name, one label: short names, voting, and mentions the model missed."""

from __future__ import annotations

from desktop.nlp.entities.consistency import (
    inherit_from_full_names,
    label_unmarked_mentions,
    make_consistent,
    vote_by_surface,
)

SEED_LIKE = ("Aliya Mussabekova spoke. As Mussabekova noted, trade grew. "
             "According to Mussabekova, ties matter. Mussabekova said so.")


def test_a_surname_takes_the_full_names_label_and_name(span_at, labelled):
    spans = [span_at(SEED_LIKE, "Aliya Mussabekova", "PERSON"),
             span_at(SEED_LIKE, "Mussabekova", "ORG", nth=1),
             span_at(SEED_LIKE, "Mussabekova", "GPE", nth=2),
             span_at(SEED_LIKE, "Mussabekova", "PERSON", nth=3)]
    revised = inherit_from_full_names(spans, SEED_LIKE)
    assert [label for _, label in labelled(SEED_LIKE, revised)] == ["PERSON"] * 4
    assert revised[1].reason == "document consistency: same as 'Aliya Mussabekova'"
    assert revised[1].model_label == "" and revised[3].reason == "model"
    assert {s.canonical for s in revised[1:]} == {"Aliya Mussabekova"}


def test_a_surname_follows_the_nearest_full_name_before_it(span_at):
    text = "Laura Chen ruled. Chen said. Then Linda Chen ruled. Chen said."
    spans = [span_at(text, "Laura Chen", "PERSON"), span_at(text, "Chen", "ORG", nth=1),
             span_at(text, "Linda Chen", "PERSON"), span_at(text, "Chen", "ORG", nth=3)]
    revised = inherit_from_full_names(spans, text)
    assert [s.canonical for s in revised if s.label == "PERSON"][1::2] == ["Laura Chen", "Linda Chen"]


def test_a_name_the_model_keeps_reading_as_something_else_is_not_a_surname(span_at, labelled):
    text = "Henry Ford built cars. Ford sells trucks. Ford hires. Analysts like Ford shares."
    spans = [span_at(text, "Henry Ford", "PERSON"), span_at(text, "Ford", "ORG", nth=1),
             span_at(text, "Ford", "ORG", nth=2)]
    assert labelled(text, make_consistent(spans, text)) == [
        ("Henry Ford", "PERSON"), ("Ford", "ORG"), ("Ford", "ORG"), ("Ford", "ORG")]


def test_generation_markers_and_initials_are_not_short_names(span_at):
    text = "Martin Luther King Jr. spoke. Jr. is a title. J. R. Ewing too."
    spans = [span_at(text, "Martin Luther King Jr.", "PERSON"), span_at(text, "Jr.", "ORG", nth=1)]
    assert inherit_from_full_names(spans, text)[1].label == "ORG"


def test_mentions_of_the_same_words_take_the_majority_label(span_at, labelled):
    text = "Trend said. Trend reported. Trend wrote."
    spans = [span_at(text, "Trend", "ORG"), span_at(text, "Trend", "PERSON", nth=1),
             span_at(text, "Trend", "ORG", nth=2)]
    revised = vote_by_surface(spans, text)
    assert [label for _, label in labelled(text, revised)] == ["ORG"] * 3
    assert revised[1].reason == "document consistency: same as the other mentions of 'Trend'"


def test_a_tie_goes_to_the_earliest_mention_and_the_gazetteer_outvotes_the_model(span_at):
    text = "Jordan won. Jordan lost."
    tie = vote_by_surface([span_at(text, "Jordan", "ORG"), span_at(text, "Jordan", "GPE", nth=1)], text)
    assert [s.label for s in tie] == ["ORG", "ORG"]
    spans = [span_at(text, "Jordan", "PERSON"),
             span_at(text, "Jordan", "GPE", nth=1, reason="gazetteer: country")]
    assert [s.label for s in vote_by_surface(spans, text)] == ["GPE", "GPE"]


def test_missed_mentions_of_a_name_are_added(span_at, labelled):
    text = "Trend reported it. Later, Trend said more. Trends change; Trend Micro did not."
    spans = label_unmarked_mentions([span_at(text, "Trend", "ORG")], text)
    assert labelled(text, spans) == [("Trend", "ORG"), ("Trend", "ORG")]
    assert spans[1].model_label == ""


def test_a_missed_surname_is_added_as_the_person(span_at, labelled):
    text = "Marco Ferri spoke. Ferri warned of rain."
    spans = label_unmarked_mentions([span_at(text, "Marco Ferri", "PERSON")], text)
    assert labelled(text, spans)[1] == ("Ferri", "PERSON")
    assert spans[1].reason == "document consistency: same as 'Marco Ferri'"


def test_a_capitalised_common_word_at_a_sentence_start_is_not_added(span_at, labelled):
    text = "Neil Young sang. Young people cheered, and the young danced."
    spans = label_unmarked_mentions([span_at(text, "Neil Young", "PERSON")], text)
    assert labelled(text, spans) == [("Neil Young", "PERSON")]


def test_the_three_passes_together(span_at, labelled):
    revised = make_consistent([span_at(SEED_LIKE, "Aliya Mussabekova", "PERSON"),
                               span_at(SEED_LIKE, "Mussabekova", "GPE", nth=2)], SEED_LIKE)
    assert labelled(SEED_LIKE, revised) == [("Aliya Mussabekova", "PERSON")] + [("Mussabekova", "PERSON")] * 3


def test_people_and_language_readings_and_quoted_titles_are_not_outvoted(span_at, labelled):
    text = "The Welsh cheered. Lessons in Welsh. The Welsh sang."
    spans = [span_at(text, "Welsh", "NORP"), span_at(text, "Welsh", "LANGUAGE", nth=1),
             span_at(text, "Welsh", "NORP", nth=2)]
    assert [s.label for s in vote_by_surface(spans, text)] == ["NORP", "LANGUAGE", "NORP"]
    text = 'Ray Fenwick joined. "Fenwick" aired. Fenwick said.'
    spans = [span_at(text, "Fenwick", "WORK_OF_ART", nth=1), span_at(text, "Fenwick", "PERSON", nth=2),
             span_at(text, "Ray Fenwick", "PERSON")]
    assert "WORK_OF_ART" in {s.label for s in vote_by_surface(spans, text)}


def test_buildings_and_products_are_not_spread_to_unlabelled_mentions(span_at, labelled):
    text = "They toured Harbour Hall. Harbour Hall sold Zephyr Gold, and Zephyr Gold sold out."
    spans = [span_at(text, "Harbour Hall", "FAC"), span_at(text, "Zephyr Gold", "PRODUCT")]
    assert label_unmarked_mentions(spans, text) == spans
    spans = [span_at(text, "Harbour Hall", "ORG")]
    assert labelled(text, label_unmarked_mentions(spans, text)) == [("Harbour Hall", "ORG")] * 2


def test_the_leading_words_of_a_company_name_are_that_company(span_at, labelled):
    from desktop.nlp.entities.consistency import inherit_from_companies

    text = "Halverton Optics Corp. makes lenses. Halverton said sales rose. Halverton Optics hired."
    spans = [span_at(text, "Halverton Optics Corp.", "ORG"), span_at(text, "Halverton", "GPE", nth=1),
             span_at(text, "Halverton Optics", "PERSON", nth=1)]
    revised = inherit_from_companies(spans, text)
    assert labelled(text, revised) == [
        ("Halverton Optics Corp.", "ORG"), ("Halverton", "ORG"), ("Halverton Optics", "ORG")]
    assert revised[1].reason == "document consistency: short for 'Halverton Optics Corp.'"
    assert revised[1].canonical == "Halverton Optics Corp."


def test_a_company_name_leaves_places_and_people_of_the_same_words_alone(span_at, labelled):
    from desktop.nlp.entities.consistency import inherit_from_companies

    text = "Norway Timber Ltd. cut jobs in Norway. Anna Laird runs Laird Group Inc. and Laird said no."
    spans = [span_at(text, "Norway Timber Ltd.", "ORG"), span_at(text, "Norway", "GPE", nth=1),
             span_at(text, "Anna Laird", "PERSON"), span_at(text, "Laird Group Inc.", "ORG"),
             span_at(text, "Laird", "PERSON", nth=2)]
    assert [label for _, label in labelled(text, inherit_from_companies(spans, text))] == [
        "ORG", "GPE", "PERSON", "ORG", "PERSON"]


def test_an_unmarked_short_company_name_is_labelled(span_at, labelled):
    text = "Brightwater Pumps Inc. lost money. Analysts said Brightwater must cut costs."
    spans = [span_at(text, "Brightwater Pumps Inc.", "ORG")]
    revised = label_unmarked_mentions(spans, text)
    assert labelled(text, revised) == [("Brightwater Pumps Inc.", "ORG"), ("Brightwater", "ORG")]
    assert revised[1].reason == "document consistency: short for 'Brightwater Pumps Inc.'"


def test_a_place_read_as_one_where_it_stands_is_not_the_company_named_after_it(span_at, labelled):
    from desktop.nlp.entities.consistency import inherit_from_companies

    text = "Kelso Marine Inc. moved to Kelso, Wash. Staff in Kelso cheered. Kelso hired."
    spans = [span_at(text, "Kelso Marine Inc.", "ORG"), span_at(text, "Kelso", "GPE", nth=1),
             span_at(text, "Kelso", "GPE", nth=2), span_at(text, "Kelso", "GPE", nth=3)]
    assert [label for _, label in labelled(text, inherit_from_companies(spans, text))] == [
        "ORG", "GPE", "GPE", "ORG"]


def test_a_name_made_with_a_number_is_no_mention_of_the_name(span_at, labelled):
    text = ("Pell & Rowe rates bonds. The Pell & Rowe 400 stocks fell, non-Pell & Rowe funds rose, "
            "and Pell & Rowe said so. Haitai 2 Pell & Rowe 0.")
    spans = [span_at(text, "Pell & Rowe", "ORG")]
    revised = label_unmarked_mentions(spans, text)
    assert [text[s.start : s.end + 4] for s in revised] == ["Pell & Rowe rat", "Pell & Rowe sai", "Pell & Rowe 0."]


def test_a_vote_makes_no_person_the_article_does_not_name_in_full(span_at, labelled):
    def votes(text, *labels):
        spans = [span_at(text, "Courier", label, nth=n) for n, label in enumerate(labels)]
        return [label for _, label in labelled(text, vote_by_surface(spans, text))]

    paper = "The Courier closed. The Courier lost readers. In May the Courier was sold."
    assert votes(paper, "PERSON", "PERSON", "ORG") == ["PERSON", "PERSON", "ORG"]
    for person in ("Ruth Courier smiled. Courier left. Then Courier came back.",
                   "Ms. Courier smiled. Courier left. Then Courier came back.",
                   "Courier smiled. Then Ruth Courier left. Courier came back."):
        assert votes(person, "PERSON", "PERSON", "ORG") == ["PERSON"] * 3, person


def test_a_vote_makes_no_people_of_words_that_name_none(span_at, labelled):
    text = "The Drifter sleeps outdoors. The Drifter sketches. The Drifter walks. Icelandic poets met. Icelandic art sold."
    spans = [span_at(text, "Drifter", "NORP"), span_at(text, "Drifter", "NORP", nth=1),
             span_at(text, "Drifter", "ORG", nth=2),
             span_at(text, "Icelandic", "NORP"), span_at(text, "Icelandic", "ORG", nth=1)]
    revised = vote_by_surface(spans, text)
    assert [label for _, label in labelled(text, revised)] == ["NORP", "NORP", "ORG", "NORP", "NORP"]
