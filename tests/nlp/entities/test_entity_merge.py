"""The model's numeric entities and the figure engine's spans: one highlight a figure."""

from __future__ import annotations

from desktop.nlp.entity_merge import EntitySpan, merge_entities
from desktop.nlp.figures.scanner import find_figures


def merged(text, model):
    spans = [EntitySpan(text.index(surface), text.index(surface) + len(surface), label, model_label=label)
             for surface, label in model]
    return [(text[s.start : s.end], s.label, s.reason) for s in merge_entities(spans, find_figures(text))]


def test_where_the_model_marks_a_figure_its_span_and_label_stand_for_it():
    text = "Wexford Cables paid 410,000 dollars, more than $2.5 billion in all, over 36 hours."
    assert merged(text, [("$2.5 billion", "MONEY"), ("36 hours", "TIME")]) == [
        ("410,000 dollars", "MONEY", "figure engine"),
        ("$2.5 billion", "MONEY", "model; the figure engine reads it as money"),
        ("36 hours", "TIME", "model; the figure engine reads it as duration"),
    ]


def test_a_model_span_around_a_figure_keeps_it_and_one_inside_a_name_drops_it():
    text = "Output rose in the first nine months of 2023 at the Tally 900 plant."
    assert merged(text, [("the first nine months of 2023", "DATE"), ("Tally 900", "FAC")]) == [
        ("the first nine months of 2023", "DATE", "model; the figure engine reads it as duration"),
        ("Tally 900", "FAC", "model"),
    ]


def test_numberless_words_get_no_highlight_but_fold_words_do():
    text = "Profit doubled while sales rose threefold."
    assert [surface for surface, _, _ in merged(text, [])] == ["threefold"]


def test_an_ordinal_inside_a_figure_is_dropped_and_other_spans_stay():
    text = "About a third of Ravel Corp staff left."
    result = merged(text, [("third", "ORDINAL"), ("Ravel Corp", "ORG")])
    assert ("third", "ORDINAL", "model") not in result
    assert ("Ravel Corp", "ORG", "model") in result


def test_a_model_span_stating_another_number_gives_way_to_the_figure():
    text = "Sales fell 3% to £125m, and the unit made 340,000 dollars."
    assert merged(text, [("125", "MONEY"), ("340,000", "MONEY")]) == [
        ("3%", "PERCENT", "figure engine"),
        ("£125m", "MONEY", "figure engine"),
        ("340,000", "MONEY", "model; the figure engine reads it as money"),
    ]


def test_percentage_points_stay_the_models_count():
    text = "The spread narrowed 0.35 percentage point to 4.1%, and margins rose 2.5 billion euros."
    assert merged(text, [("0.35", "CARDINAL"), ("4.1%", "PERCENT"), ("2.5 billion", "CARDINAL")]) == [
        ("0.35", "CARDINAL", "model; the figure engine reads it as percent"),
        ("4.1%", "PERCENT", "model; the figure engine reads it as percent"),
        ("2.5 billion euros", "MONEY", "figure engine"),
    ]
