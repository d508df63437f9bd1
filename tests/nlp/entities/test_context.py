"""Names read by the words around them: place adjectives, ethnonyms, quoted sources."""

from __future__ import annotations

import pytest

from desktop.nlp.entities.context import (
    apply_context,
    ethnonym_words,
    is_people_word,
    place_adjectives,
    quoted_sources,
)


@pytest.mark.parametrize("sentence, word", [
    ("Pipelines cross the Caspian basin before they reach the coast.", "Caspian"),
    ("Fishing fleets left the Arctic shelf in the autumn.", "Arctic"),
    ("Trade across the Pacific rim slowed.", "Pacific"),
])
def test_a_place_adjective_before_a_geographic_noun_is_a_location(span_at, sentence, word):
    [span] = place_adjectives([span_at(sentence, word, "NORP")], sentence)
    noun = sentence.split(word + " ")[1].split()[0]
    assert (span.label, span.reason) == ("LOC", f"context: a place's name before '{noun}'")


@pytest.mark.parametrize("sentence, word", [
    ("Tension on the Korean peninsula rose again.", "Korean"),
    ("Growth in the Asian region stayed strong.", "Asian"),
    ("European waters were calm.", "European"),
])
def test_a_people_s_word_before_a_geographic_noun_stays_norp(span_at, sentence, word):
    [span] = place_adjectives([span_at(sentence, word, "NORP")], sentence)
    assert span.label == "NORP"


def test_only_norp_spans_before_a_geographic_noun_are_moved(span_at):
    sentence = "The Caspian talks ended, and Caspian officials left the region."
    spans = [span_at(sentence, "Caspian", "NORP"), span_at(sentence, "Caspian", "NORP", nth=1)]
    assert [s.label for s in place_adjectives(spans, sentence)] == ["NORP", "NORP"]


def test_people_words_come_from_the_packaged_data():
    assert is_people_word("Kazakh") and is_people_word("Asian") and is_people_word("African")
    assert not is_people_word("Caspian") and not is_people_word("Pacific")
    words = ethnonym_words()
    assert {"Turkic", "Slavic", "Celtic", "Germanic", "Kurdish"} <= words
    assert "Romance" not in words and "Caspian" not in words


@pytest.mark.parametrize("sentence, word", [
    ("The bloc leans on its Turkic vector in foreign policy.", "Turkic"),
    ("Scholars met to compare Slavic folk songs.", "Slavic"),
])
def test_an_ethnonym_adjective_the_model_read_as_an_organisation_is_norp(span_at, sentence, word):
    [span] = apply_context([span_at(sentence, word, "ORG")], sentence)
    assert span.label == "NORP"
    assert span.reason == f"context: '{word}' names a people (language family or language)"


def test_an_ethnonym_is_left_alone_as_a_person_a_place_or_before_a_name(span_at):
    sentence = "Delaware courts heard Turkic Airways and Karen spoke."
    spans = [span_at(sentence, "Delaware", "GPE"), span_at(sentence, "Turkic", "ORG"),
             span_at(sentence, "Karen", "PERSON")]
    assert [s.label for s in apply_context(spans, sentence)] == ["GPE", "ORG", "PERSON"]


@pytest.mark.parametrize("sentence, source", [
    ("The minister told Trend on Monday that talks would go on.", "Trend"),
    ("Prices will rise, according to Daily Ledger.", "Daily Ledger"),
    ("The analyst told Baltic Wire.", "Baltic Wire"),
])
def test_an_unlabelled_name_a_report_is_quoted_from_is_an_organisation(sentence, source):
    [span] = quoted_sources([], sentence)
    assert (sentence[span.start : span.end], span.label) == (source, "ORG")
    assert span.reason.startswith("context: a named source after '")


def test_a_quoted_source_the_model_labelled_is_kept(span_at):
    sentence = "She told Jonathan Pryce that the vote was close."
    person = span_at(sentence, "Jonathan Pryce", "PERSON")
    assert quoted_sources([person], sentence) == [person]
    assert quoted_sources([], "He told them. I told I.") == []


def test_the_seed_s_three_errors_are_fixed(seed_text):
    from desktop.nlp import analyze

    entities = analyze(seed_text).entities
    found = {row.text: (row.label, row.reason) for row in entities.itertuples()
             if row.text in ("Caspian", "Turkic", "Trend")}
    assert found["Caspian"][0] == "LOC" and found["Turkic"][0] == "NORP" and found["Trend"][0] == "ORG"
    assert all(reason.startswith("context: ") for _, reason in found.values())


def test_a_name_before_a_states_abbreviation_is_a_town(span_at, labelled):
    from desktop.nlp.entities.context import towns_before_states

    text = ("The mill in Glen Harbor, Ore., closed; Ann Pike of Cole Springs, Nev. -- fined $50; "
            "Ledger Corp., Dayton, Ohio, hired; Tom Reed, Texas, won. Staff moved to Ashby, Mass.")
    spans = [span_at(text, "Glen Harbor", "ORG"), span_at(text, "Ore", "GPE"),
             span_at(text, "Ann Pike", "PERSON"), span_at(text, "Nev", "GPE"),
             span_at(text, "Ledger Corp.", "ORG"), span_at(text, "Dayton", "GPE"), span_at(text, "Ohio", "GPE"),
             span_at(text, "Tom Reed", "PERSON"), span_at(text, "Texas", "GPE"), span_at(text, "Mass", "GPE")]
    revised = towns_before_states(spans, text)
    assert labelled(text, revised) == [
        ("Glen Harbor", "GPE"), ("Ore", "GPE"), ("Ann Pike", "PERSON"), ("Cole Springs", "GPE"), ("Nev", "GPE"),
        ("Ledger Corp.", "ORG"), ("Dayton", "GPE"), ("Ohio", "GPE"), ("Tom Reed", "PERSON"), ("Texas", "GPE"),
        ("Ashby", "GPE"), ("Mass", "GPE")]
    assert revised[0].reason == "context: a town's name before the state 'Ore'"
