"""The gazetteer stage: countries and capitals are GPE, demonyms NORP, linked to the country."""

from __future__ import annotations

from desktop.nlp.entities.places import apply_gazetteer


def test_a_demonym_the_model_called_a_person_is_norp_linked_to_its_country(span_at):
    text = "Kazakh companies work with Azerbaijani businesses."
    spans = [span_at(text, "Kazakh", "PERSON", model_label="PERSON"),
             span_at(text, "Azerbaijani", "PERSON", model_label="PERSON")]
    kazakh, azerbaijani = apply_gazetteer(spans, text)
    assert (kazakh.label, kazakh.canonical, kazakh.model_label) == ("NORP", "Kazakhstan", "PERSON")
    assert kazakh.reason == "gazetteer: demonym of Kazakhstan"
    assert (azerbaijani.label, azerbaijani.canonical) == ("NORP", "Azerbaijan")


def test_a_demonym_followed_by_common_nouns_is_cut_to_the_demonym(span_at):
    text = "Kazakh companies have contributed."
    [span] = apply_gazetteer([span_at(text, "Kazakh companies", "PERSON", model_label="PERSON")], text)
    assert (text[span.start : span.end], span.label, span.model_label) == ("Kazakh", "NORP", "PERSON")


def test_a_name_that_starts_with_a_demonym_is_left_alone(span_at):
    text = "The Kazakh Foreign Ministry said."
    spans = [span_at(text, "Kazakh Foreign Ministry", "ORG")]
    assert apply_gazetteer(spans, text) == spans


def test_countries_joined_by_a_hyphen_are_two_places(span_at, labelled):
    text = "Kazakhstan-Azerbaijan cooperation grew."
    spans = apply_gazetteer([span_at(text, "Kazakhstan-Azerbaijan", "ORG", model_label="ORG")], text)
    assert labelled(text, spans) == [("Kazakhstan", "GPE"), ("Azerbaijan", "GPE")]
    assert all(s.model_label == "ORG" and s.reason == "gazetteer: country" for s in spans)


def test_the_model_label_stays_when_it_agrees_and_the_country_is_linked(span_at):
    text = "the President of the Republic of Kazakhstan"
    [span] = apply_gazetteer([span_at(text, "the Republic of Kazakhstan", "GPE")], text)
    assert (span.label, span.reason, span.canonical) == ("GPE", "model", "Kazakhstan")


def test_a_capital_is_gpe(span_at):
    text = "Buenos Aires said"
    [span] = apply_gazetteer([span_at(text, "Buenos Aires", "PERSON")], text)
    assert (span.label, span.reason) == ("GPE", "gazetteer: capital of Argentina")


def test_missed_places_standing_alone_are_added(labelled):
    text = "In Georgia, Kazakhs met Uzbek traders, as New Jersey and Chad Smith watched."
    spans = apply_gazetteer([], text)
    assert labelled(text, spans) == [("Georgia", "GPE"), ("Kazakhs", "NORP"), ("Uzbek", "NORP")]
    assert all(s.model_label == "" for s in spans)


def test_nothing_is_added_inside_another_entity(span_at):
    text = "Kazakhstan Institute for Strategic Studies"
    spans = [span_at(text, text, "ORG")]
    assert apply_gazetteer(spans, text) == spans


def test_a_language_name_after_speak_or_in_is_the_language(labelled):
    text = "Pupils speak Kazakh at home and learn in Uzbek, but Kazakh villages trade in Uzbek cotton."
    spans = apply_gazetteer([], text)
    assert labelled(text, spans) == [("Kazakh", "LANGUAGE"), ("Uzbek", "LANGUAGE"),
                                     ("Kazakh", "NORP"), ("Uzbek", "NORP")]
    assert spans[0].reason == "gazetteer: language of Kazakhstan"


def test_numbers_and_unknown_names_pass_through(span_at):
    text = "Aliya Mussabekova paid $5 in 2022."
    spans = [span_at(text, "Aliya Mussabekova", "PERSON"), span_at(text, "2022", "DATE")]
    assert apply_gazetteer(spans, text) == spans
