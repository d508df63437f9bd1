"""The whole analysis on the seed article: the entities and figures issue #2 names."""

import pytest

from desktop.nlp import analyze


@pytest.fixture(scope="module")
def seed_analysis(seed_text):
    return analyze(seed_text)


def figure(analysis, surface_part, nth=0):
    rows = analysis.figures[analysis.figures["surface"].str.contains(surface_part, regex=False)]
    assert len(rows) > nth, f"no figure {nth} containing {surface_part!r}"
    return rows.iloc[nth]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Aliya Mussabekova", "PERSON"),
        ("Kazakhstan Institute for Strategic Studies", "ORG"),
        ("Baku", "GPE"),
        ("Kazakhstan", "GPE"),
        ("Azerbaijan", "GPE"),
        ("Aktau", "GPE"),
        ("Georgia", "GPE"),
    ],
)
def test_seed_entities(seed_analysis, text, label):
    entities = seed_analysis.entities
    assert ((entities["text"] == text) & (entities["label"] == label)).any()


def test_entity_offsets_point_at_their_text(seed_analysis, seed_text):
    for row in seed_analysis.entities.itertuples():
        assert seed_text[row.start : row.end] == row.text


@pytest.mark.parametrize(
    ("surface", "value", "unit_code", "kind"),
    [
        ("120", 120, "", "count"),
        ("30 years", 30, "year", "duration"),
        ("$460 million", 460e6, "USD", "money"),
        ("$185 million", 185e6, "USD", "money"),
        ("3.2 million tons", 3.2e6, "t", "quantity"),
        ("five times", 5, "x", "multiplier"),
    ],
)
def test_seed_figures(seed_analysis, surface, value, unit_code, kind):
    row = figure(seed_analysis, surface)
    assert row["value"] == pytest.approx(value)
    assert row["unit_code"] == unit_code
    assert row["kind"] == kind


def test_seed_figures_qualifiers_ranges_and_repeats(seed_analysis, seed_text):
    assert figure(seed_analysis, "120")["qualifier"] == "over"
    assert figure(seed_analysis, "30 years")["qualifier"] == "more than"
    percents = seed_analysis.figures[seed_analysis.figures["unit_code"] == "%"]
    assert list(percents["value"]) == [40, 40]
    ages = figure(seed_analysis, "16-17 years")
    assert (ages["low"], ages["high"], ages["unit_code"]) == (16, 17, "year")
    for row in seed_analysis.figures.itertuples():
        assert seed_text[row.start : row.end] == row.surface
        assert row.surface in row.sentence


def test_years_are_dates_not_figures(seed_analysis):
    assert not seed_analysis.figures["surface"].isin(["2022", "2021", "June 22"]).any()
    entities = seed_analysis.entities
    assert ((entities["text"] == "2022") & (entities["label"] == "DATE")).any()


def test_figures_become_highlights_under_their_kind_label(seed_analysis, seed_text):
    entities = seed_analysis.entities
    for surface, label in (("$460 million", "MONEY"), ("40 percent", "PERCENT"),
                           ("3.2 million tons", "QUANTITY"), ("five times", "CARDINAL")):
        start = seed_text.index(surface)
        over = (entities["start"] < start + len(surface)) & (entities["end"] > start)
        assert (over & (entities["label"] == label)).sum() == 1, surface
    # the model's CARDINAL "five" stands for the figure "five times": one highlight, not two
    five = entities[entities["text"] == "five"].iloc[0]
    assert (five["label"], five["reason"]) == ("CARDINAL", "model; the figure engine reads it as multiplier")
