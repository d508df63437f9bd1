"""Derived figures and the subjects, periods and changes of a whole analysis."""

import pytest

from desktop.core.figure import FIGURE_COLUMNS
from desktop.nlp import analyze
from desktop.nlp.figures.table.derived import with_derived

TEXT = (
    "MADRID, March 3, 2024. Tourism revenue in Spain rose by 25 percent in 2023, reaching €80 billion.\n"
    "The number of visitors climbed to 85 million in 2023. That figure is two times higher than in 2020.\n"
    "In the first two months of this year, revenue grew 10% to €9 billion."
)


def columns(rows):
    base = {name: [] for name in FIGURE_COLUMNS}
    for row in rows:
        for name in FIGURE_COLUMNS:
            base[name].append(row.get(name, False if name == "derived" else 0 if name in ("start", "end") else ""))
    return base


def test_a_change_and_a_level_of_one_subject_and_period_give_the_earlier_level():
    stated = columns([
        dict(start=10, end=20, value=25.0, low=25.0, high=25.0, unit_code="%", kind="percent",
             subject="tourism revenue", period="2023", change="+25%"),
        dict(start=30, end=40, value=80e9, low=80e9, high=80e9, unit_code="EUR", kind="money",
             subject="revenue", period="2023"),
    ])
    result = with_derived(stated, "x" * 50)
    assert result["derived"] == [False, False, True]
    assert result["value"][2] == pytest.approx(64e9)
    assert (result["period"][2], result["formula"][2], result["start"][2]) == ("2022", "80,000,000,000 / 1.25", 30)


def test_no_derived_row_across_paragraphs_periods_or_subjects():
    rows = [
        dict(start=10, end=20, value=25.0, unit_code="%", kind="percent", subject="revenue", period="2023",
             change="+25%"),
        dict(start=30, end=40, value=80.0, unit_code="EUR", kind="money", subject="revenue", period="2022"),
        dict(start=60, end=70, value=80.0, unit_code="EUR", kind="money", subject="revenue", period="2023"),
        dict(start=22, end=28, value=80.0, unit_code="EUR", kind="money", subject="costs", period="2023"),
    ]
    text = "x" * 50 + "\n" + "x" * 30
    assert not any(with_derived(columns(rows), text)["derived"])


@pytest.fixture(scope="module")
def analysis():
    return analyze(TEXT)


def test_analysis_reads_subjects_periods_changes_and_derives(analysis):
    figures = analysis.figures
    row = figures[(figures["surface"] == "€80 billion") & ~figures["derived"]].iloc[0]
    assert "revenue" in row["subject"] and row["period"] == "2023"
    derived = figures[figures["derived"]]
    assert len(derived) == 2
    money = derived[derived["unit_code"] == "EUR"].iloc[0]
    assert money["value"] == pytest.approx(64e9) and money["period"] == "2022"
    visitors = derived[derived["unit_code"] != "EUR"].iloc[0]
    assert visitors["value"] == pytest.approx(42.5e6) and visitors["period"] == "2020"
    assert visitors["formula"] == "85,000,000 / 2"
    recent = figures[figures["surface"] == "10%"].iloc[0]
    assert recent["change"] == "+10%" and recent["period"] == "the first two months of 2024"
    assert figures["derived"].dtype == bool


def test_the_seed_article_subjects_periods_and_its_two_derived_rows(seed_text):
    figures = analyze(seed_text).figures
    stated = figures[~figures["derived"]].set_index("surface")
    assert stated.loc["40 percent", "subject"].iloc[0] == "bilateral trade between Kazakhstan and Azerbaijan"
    assert stated.loc["exceeding $460 million", "period"] == "2022"
    assert stated.loc["$185 million", ["subject", "period"]].tolist() == [
        "mutual trade", "the first four months of this year"]
    assert stated.loc["3.2 million tons", ["subject", "period"]].tolist() == ["cargo", "2022"]
    assert stated.loc["five times", ["subject", "change"]].tolist() == ["cargo", "×5 vs 2021"]
    assert stated.loc["over 120", "subject"] == "agreements and treaties"
    assert stated.loc["16-17 years", "subject"] == "tanker fleet"
    derived = figures[figures["derived"]]
    assert derived["surface"].tolist() == ["exceeding $460 million", "3.2 million tons"]
    assert derived["period"].tolist() == ["2021", "2021"]
    assert derived["value"].tolist() == pytest.approx([460e6 / 1.4, 640_000])
    assert derived["formula"].tolist() == ["460,000,000 / 1.40", "3,200,000 / 5"]
