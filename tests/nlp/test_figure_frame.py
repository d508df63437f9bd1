"""The figures frame built from its blocks directly is the frame pandas' public call makes."""

import numpy as np
import pandas as pd

from desktop.core.figure import FIGURE_COLUMNS
from desktop.nlp.figures.scanner import extract_figures
from desktop.nlp.figures.table import frame as figure_frame


def test_direct_blocks_are_used_with_the_installed_pandas():
    assert figure_frame._FAST_FRAMES


def test_a_frame_from_blocks_equals_the_public_construction():
    frame = extract_figures("Sales rose 4% to $3.2bn in 2024, from $3.1bn; 1,200 jobs went.")
    columns = {name: frame[name].tolist() for name in FIGURE_COLUMNS}
    count = len(frame)
    direct = figure_frame._frame_from_blocks(*figure_frame._column_blocks(columns), count)
    public = figure_frame._frame_from_public_call(*figure_frame._column_blocks(columns), count)
    pd.testing.assert_frame_equal(direct, public)
    assert count >= 3


def test_a_frame_from_blocks_can_be_edited_and_grown():
    frame = extract_figures("Profit was $5m and costs were $2m.")
    frame.loc[0, "subject"] = "profit"
    frame.loc[len(frame)] = frame.iloc[1]
    grown = pd.concat([frame, frame], ignore_index=True)
    assert grown["subject"].iloc[0] == "profit"
    assert grown["value"].sum() == 2 * (5e6 + 2e6 + 2e6)
    assert grown["start"].dtype == np.int64


def test_an_empty_frame_has_every_column_and_dtype():
    frame = extract_figures("No figures here.")
    assert list(frame.columns) == list(FIGURE_COLUMNS)
    assert len(frame) == 0 and frame["derived"].dtype == bool


def test_string_columns_with_missing_values_become_nan():
    columns = {name: [1] if name in ("start", "end", "link") else [1.0] if name in ("value", "low", "high")
               else [False] if name == "derived" else ["x"] for name in FIGURE_COLUMNS}
    columns["period"] = [None]
    frame = figure_frame.frame_from_columns(columns)
    assert pd.isna(frame["period"].iloc[0]) and frame["subject"].iloc[0] == "x"
    assert str(frame["period"].dtype) == str(frame["subject"].dtype)
