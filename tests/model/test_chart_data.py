import pandas as pd

from desktop.model.chart_data import figure_groups, group_bars


def frame(rows):
    columns = ["highlight_id", "label", "start", "surface", "value", "unit_code", "kind"]
    return pd.DataFrame(rows, columns=columns)


FIGURES = frame([
    ("a", "CARDINAL", 50, "two", 2, "", "count"),
    ("b", "MONEY", 10, "$460 million", 460e6, "USD", "money"),
    ("c", "PERCENT", 5, "40 percent", 40, "%", "percent"),
    ("d", "MONEY", 40, "$185 million", 185e6, "USD", "money"),
    ("e", "CARDINAL", 60, "over 120", 120, "", "count"),
    ("f", "CARDINAL", 70, "three", 3, "", "count"),
])


def test_groups_put_money_first_then_by_size():
    groups = figure_groups(FIGURES)
    assert [(g.key, g.size) for g in groups] == [("USD", 2), ("%", 1), ("count", 3)]
    assert groups[0].title == "USD (money)"


def test_bars_of_a_group_are_in_text_order_with_label_colours():
    bars = group_bars(FIGURES, "USD", {"MONEY": "#ff0000"}.get)
    assert bars.ids == ["b", "d"]
    assert bars.heights == [460e6, 185e6]
    assert bars.labels == ["$460 million", "$185 million"]
    assert bars.colours == ["#ff0000", "#ff0000"]


def test_no_figures_no_bars():
    assert figure_groups(FIGURES.iloc[0:0]) == []
    assert group_bars(FIGURES.iloc[0:0], "USD").ids == []
