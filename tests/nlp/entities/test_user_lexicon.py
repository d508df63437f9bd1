"""The user's corrections applied to a text: accepted names suggested, rejected dropped."""

from __future__ import annotations

from desktop.formats.lexicon import Lexicon, LexiconEntry
from desktop.nlp.entities.user_lexicon import apply_lexicon, drop_rejected, lexicon_spans
from desktop.nlp.results import EntitySpan

TEXT = "Trend reported that Trending topics and trend lines matter; Trend Micro and Trend agreed."


def lexicon(*entries: tuple[str, str, str]) -> Lexicon:
    return Lexicon("/nonexistent", [LexiconEntry(s, label, decision, 1, f"2024-01-0{i + 1}")
                                    for i, (s, label, decision) in enumerate(entries)])


def test_accepted_names_are_found_as_whole_words_case_sensitive(labelled):
    spans = lexicon_spans(TEXT, lexicon(("Trend", "ORG", "accepted"), ("Micro", "ORG", "rejected")))
    assert labelled(TEXT, spans) == [("Trend", "ORG"), ("Trend", "ORG"), ("Trend", "ORG")]
    assert {(s.reason, s.canonical, s.model_label) for s in spans} == {("from your corrections", "Trend", "")}


def test_longer_names_win_and_the_latest_label_of_a_name_wins(labelled):
    spans = lexicon_spans(TEXT, lexicon(("Trend", "PERSON", "accepted"), ("Trend Micro", "ORG", "accepted"),
                                        ("Trend", "ORG", "accepted")))
    assert labelled(TEXT, spans) == [("Trend", "ORG"), ("Trend Micro", "ORG"), ("Trend", "ORG")]


def test_rejected_spans_are_dropped_only_under_their_label(span_at):
    spans = [span_at(TEXT, "Trend", "PERSON"), span_at(TEXT, "Trend", "ORG", nth=3)]
    kept = drop_rejected(spans, TEXT, lexicon(("Trend", "PERSON", "rejected")))
    assert kept == spans[1:]


def test_lexicon_spans_replace_the_spans_they_overlap(span_at, labelled):
    spans = [span_at(TEXT, "Trend", "PERSON", model_label="PERSON"),
             span_at(TEXT, "Trend Micro", "ORG", model_label="ORG")]
    applied = apply_lexicon(spans, TEXT, lexicon(("Trend", "ORG", "accepted")))
    assert labelled(TEXT, applied) == [("Trend", "ORG"), ("Trend Micro", "ORG"), ("Trend", "ORG")]
    assert applied[0].model_label == "PERSON" and applied[0].reason == "from your corrections"
    assert applied[1] == spans[1]


def test_an_empty_lexicon_changes_nothing(span_at):
    spans = [span_at(TEXT, "Trend", "ORG")]
    assert apply_lexicon(spans, TEXT, lexicon()) == spans


def test_an_accepted_name_standing_in_a_longer_unmarked_name_is_not_added(labelled):
    text = "The Harbor and Transit Committee met; FT-Transit fell; Transit rose."
    applied = apply_lexicon([], text, lexicon(("Transit", "ORG", "accepted")))
    assert labelled(text, applied) == [("Transit", "ORG")]
    assert applied[0].start == text.rindex("Transit")


def test_a_text_that_reads_a_name_another_way_keeps_its_reading(labelled):
    from desktop.nlp.entities import harmonise

    text = "Kelvin researchers said so.\nThe Kelvin index rose.\nKelvin economists agreed."
    corrections = lexicon(("Kelvin", "GPE", "accepted"))

    def by_paragraph(count):  # the model's ORG of each paragraph, the lexicon applied to each
        spans, offset = [], 0
        for paragraph in text.split("\n")[:count]:
            start = paragraph.index("Kelvin")
            found = [EntitySpan(start, start + 6, "ORG", model_label="ORG")]
            spans += [s.shifted(offset) for s in apply_lexicon(found, paragraph, corrections)]
            offset += len(paragraph) + 1
        return spans

    assert [s.label for s in by_paragraph(3)] == ["GPE"] * 3
    final = harmonise(by_paragraph(3), text, corrections)
    assert labelled(text, final) == [("Kelvin", "ORG")] * 3
    assert {s.reason for s in final} == {"model"}
    once = harmonise(by_paragraph(1), text, corrections)  # read as ORG once: the lexicon decides
    assert {(s.label, s.reason) for s in once} == {("GPE", "from your corrections")}
