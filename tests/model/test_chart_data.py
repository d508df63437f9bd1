import pandas as pd

from desktop.core.figure import FIGURE_COLUMNS
from desktop.model.chart_data import DOWN_COLOUR, UP_COLOUR, bar_label, bar_sets, figure_groups, group_bars
from desktop.nlp.figures.table.frame import frame_from_columns

_BLANK = {
    "start": 0, "end": 0, "surface": "", "value": 0.0, "low": None, "high": None, "unit": "",
    "unit_code": "", "kind": "count", "qualifier": "", "subject": "", "period": "", "change": "",
    "role": "", "direction": "", "moved": "", "link": -1, "derived": False, "formula": "", "sentence": "",
}
_COLUMNS = ["highlight_id", "label", "start", "surface", "value", "unit_code", "kind"]


def frame(rows, extra=()):
    """A figures table: one tuple per row of _COLUMNS, then one dict of other cells each."""
    cells = []
    for values, more in zip(rows, list(extra) + [{}] * (len(rows) - len(extra))):
        row = {**_BLANK, **dict(zip(_COLUMNS, values)), **more}
        row.update(end=row["start"] + 3, low=row["value"], high=row["value"])
        cells.append(row)
    table = frame_from_columns({name: [row[name] for row in cells] for name in FIGURE_COLUMNS})
    table.insert(0, "label", pd.Series([row["label"] for row in cells], dtype=object))
    table.insert(0, "highlight_id", pd.Series([row["highlight_id"] for row in cells], dtype=object))
    table["edited"] = ""
    return table


FIGURES = frame([
    ("a", "CARDINAL", 50, "two", 2, "", "count"),
    ("b", "MONEY", 10, "$460 million", 460e6, "USD", "money"),
    ("c", "PERCENT", 5, "40 percent", 40, "%", "percent"),
    ("d", "MONEY", 40, "$185 million", 185e6, "USD", "money"),
    ("e", "CARDINAL", 60, "over 120", 120, "", "count"),
    ("f", "CARDINAL", 70, "three", 3, "", "count"),
])

ROLES = frame([
    ("up", "PERCENT", 0, "40 percent", 40, "%", "percent"),
    ("lvl", "MONEY", 10, "exceeding $460 million", 460e6, "USD", "money"),
    ("down", "PERCENT", 20, "3%", 3, "%", "percent"),
    ("share", "PERCENT", 30, "62 percent", 62, "%", "percent"),
    ("fc", "MONEY", 40, "$1.25 billion", 1.25e9, "USD", "money"),
    ("x5", "CARDINAL", 50, "five times", 5, "x", "multiplier"),
    ("lvl", "MONEY", 10, "exceeding $460 million", 460e6 / 1.4, "USD", "money"),
    ("gain", "MONEY", 60, "$20 million", 20e6, "USD", "money"),
], [
    {"role": "change", "change": "+40%", "subject": "trade", "period": "2022"},
    {"role": "level", "subject": "bilateral trade", "period": "2022"},
    {"role": "change", "change": "-3%", "direction": "down", "subject": "exports", "period": "Q3 2004"},
    {"role": "share", "subject": "frozen meals", "period": "2004"},
    {"role": "forecast", "subject": "revenue", "period": "2005"},
    {"role": "change", "change": "×5 vs 2021", "subject": "cargo", "period": "2022"},
    {"role": "previous", "derived": True, "subject": "bilateral trade", "period": "2021"},
    {"role": "", "change": "+$20 million", "subject": "profit", "period": "the first four months of 2023"},
])


def test_groups_put_money_first_then_by_size():
    groups = figure_groups(FIGURES)
    assert [(g.key, g.size) for g in groups] == [("USD", 2), ("%", 1), ("count", 3)]
    assert groups[0].title == "USD (money)"


def test_bars_of_a_group_are_in_text_order_with_label_colours():
    bars = group_bars(FIGURES, "USD", {"MONEY": "#ff0000"}.get)
    assert bars.ids == ["b", "d"]
    assert bars.heights == [460e6, 185e6]
    assert bars.colours == ["#ff0000", "#ff0000"]


def test_no_figures_no_bars():
    assert figure_groups(FIGURES.iloc[0:0]) == []
    assert group_bars(FIGURES.iloc[0:0], "USD").ids == []


def test_every_row_is_a_level_a_change_or_a_share():
    assert bar_sets(ROLES).tolist() == ["changes", "levels", "changes", "shares", "levels", "changes",
                                        "levels", "changes"]
    assert bar_sets(FIGURES).tolist() == ["levels"] * 6  # no role, no change read: levels


def test_groups_count_their_levels_changes_and_shares():
    groups = {g.key: g for g in figure_groups(ROLES)}
    assert groups["USD"].sets == (("levels", 2), ("changes", 1), ("shares", 0))  # derived rows left out
    assert groups["%"].sets == (("levels", 0), ("changes", 2), ("shares", 1))
    assert groups["USD"].default_set() == "levels" and groups["%"].default_set() == "changes"


def test_levels_and_changes_are_never_bars_together():
    levels = group_bars(ROLES, "USD")
    assert levels.ids == ["lvl", "fc"] and levels.hollow == [False, True]  # the forecast is hollow
    changes = group_bars(ROLES, "USD", bar_set="changes")
    assert changes.ids == ["gain"] and changes.heights == [20e6]
    percents = group_bars(ROLES, "%", bar_set="changes")
    assert percents.ids == ["up", "down"] and percents.heights == [40.0, -3.0]
    assert percents.colours == [UP_COLOUR, DOWN_COLOUR] and percents.axis_title == "change, %"
    assert group_bars(ROLES, "x", bar_set="changes").heights == [400.0]  # ×5 is +400%
    assert group_bars(ROLES, "%", bar_set="shares").ids == ["share"]


def test_bars_are_named_by_subject_and_period_not_by_surface():
    levels = group_bars(ROLES, "USD")
    assert levels.labels == ["bilateral trade\n2022", "revenue\n2005"]
    assert levels.tips[1] == "revenue, 2005: $1.25 billion (forecast)"
    assert group_bars(ROLES, "USD", bar_set="changes").labels == ["profit\nJan–Apr 2023 (4 months)"]
    assert bar_label("BA pre-tax profit", "the third quarter of 2004", "£75m") == "BA pre-tax profit\nQ3 2004"
    assert bar_label("", "", "over 120") == "over 120"  # nothing else names it
    assert bar_label("Harbor Foods revenue in the fourth quarter of 2004", "the fourth quarter of 2004",
                     "$312 million") == "Harbor Foods revenue\nQ4 2004"  # the period said once
