"""An edit reaches the figures table and the charts row by row, without a new DataFrame.

The views patch what they show with the rows an edit replaced (``RowsChange``); after
any mix of edits, undos and corrections, what they show equals a table and charts
made afresh from the highlights.
"""

import random
import re

import pandas as pd
import pytest

from desktop.core.article import Article
from desktop.core.highlight import Highlight
from desktop.core.highlight_set import HighlightSet
from desktop.core.session import Session
from desktop.model import chart_data
from desktop.model.figure_cells import COLUMNS, SEARCHED_FIELDS
from desktop.model.figure_table import FigureTableModel
from desktop.model.session_model import SessionModel
from desktop.nlp.figures.table import rows as figure_rows
from desktop.nlp.figures.table.highlights import TABLE_COLUMNS, figures_for_highlights

TEXT = (
    "Trade grew by 40 percent in 2022 to $460 million, from $330 million in 2021.\n"
    "A volume of 3.2 million tons of cargo was carried, five times more than in 2021.\n"
    "Over 120 agreements were signed in the first four months of this year.\n"
    "The fleet has an average age of 16-17 years and costs about €75 million a year.\n"
    "Exports rose 12% to $3.5 million in 2023.\n"
)
LABELS = ["MONEY", "PERCENT", "QUANTITY", "CARDINAL", "DATE", "ORG"]


def number_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in re.finditer(r"[$€]?\d[\d.,-]*(?: (?:million|percent|tons|years))*%?", text)]
    spans += [m.span() for m in re.finditer(r"five times|four months|the first four months of this year", text)]
    return spans


def fresh(model: SessionModel) -> pd.DataFrame:
    return figures_for_highlights(model.text, model.session.highlights, {}, model.figure_store.sentences,
                                  model.session.figure_overrides)


def shown_rows(table: FigureTableModel) -> list[tuple]:
    """What the table model shows, row by row in view order, every column."""
    return [tuple(table.row_cells(table.position_of(row))[name] for name in TABLE_COLUMNS)
            for row in range(table.rowCount())]


def painted(table: FigureTableModel) -> list[list]:
    """What a view painting every cell gets (multiData, which remembers its answers
    until the cells change), beside what data() reads afresh, role by role."""
    from PySide6.QtCore import QModelRoleData, Qt

    roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.FontRole, Qt.ItemDataRole.BackgroundRole]
    seen, fresh = [], []
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            index = table.index(row, column)
            datas = [QModelRoleData(role) for role in roles]
            table.multiData(index, datas)
            seen.append([data.data() for data in datas])
            fresh.append([table.data(index, role) for role in roles])
    return [seen, fresh]


def frame_rows(frame: pd.DataFrame, order=None) -> list[tuple]:
    cells = {name: frame[name].to_numpy().tolist() for name in TABLE_COLUMNS}
    positions = range(len(frame)) if order is None else order
    return [tuple(cells[name][i] for name in TABLE_COLUMNS) for i in positions]


class Watched:
    """A table model following a session model as FiguresView does, with what the
    model told it counted."""

    def __init__(self, model: SessionModel) -> None:
        self.table = FigureTableModel()
        self.model = model
        self.resets = self.patched = self.refused = 0
        self.table.set_frame(model.figures())
        self.table.modelReset.connect(self._count_reset)
        model.sigFiguresChanged.connect(lambda: self.table.set_frame(model.figures()))
        model.sigFigureRowsChanged.connect(self._on_rows)

    def _count_reset(self) -> None:
        self.resets += 1

    def _on_rows(self, change) -> None:
        if self.table.apply_change(change):
            self.patched += 1
        else:
            self.refused += 1
            self.table.set_frame(self.model.figures())


def random_edit(model: SessionModel, rng: random.Random, spans) -> None:
    action = rng.choice(["add", "add", "relabel", "delete", "accept", "undo", "redo", "override"])
    ids = [h.id for h in model.session.highlights]
    if action == "add":
        model.add_highlight(*rng.choice(spans), rng.choice(LABELS))
    elif action == "relabel" and ids:
        model.relabel(rng.choice(ids), rng.choice(LABELS))
    elif action == "delete" and ids:
        model.remove_highlights([rng.choice(ids)])
    elif action == "accept" and ids:
        model.accept([rng.choice(ids)])
    elif action == "undo":
        model.undo_stack.undo()
    elif action == "redo":
        model.undo_stack.redo()
    elif action == "override":
        stated = [h for h in model.session.highlights if model.figure_store.place(h.id) is not None]
        if stated:
            column, value = rng.choice([("value", rng.random() * 100), ("role", "share"), ("period", "2020")])
            model.set_figure_override(rng.choice(stated).id, column, value)


@pytest.mark.parametrize("seed", range(8))
def test_edits_reach_the_table_and_the_charts_row_by_row_and_equal_a_fresh_build(qtmodeltester, monkeypatch,
                                                                                   seed):
    rng = random.Random(seed)
    spans = number_spans(TEXT)
    start = [Highlight(s, e, rng.choice(LABELS), origin="model", status="suggested")
             for s, e in rng.sample(spans, 6)]
    model = SessionModel()
    model.open_session(Session(Article(TEXT), HighlightSet(start)), analyse=False)
    watched = Watched(model)
    qtmodeltester.check(watched.table, force_py=True)  # every signal the table sends from now on
    frames_made = []
    real_to_frame = figure_rows._to_frame
    monkeypatch.setattr(figure_rows, "_to_frame", lambda columns: frames_made.append(1) or real_to_frame(columns))
    most_rows = 0
    for _ in range(30):
        painted(watched.table)  # answers remembered, as after a paint
        random_edit(model, rng, spans)
        remembered, read_afresh = painted(watched.table)
        assert remembered == read_afresh, "a cell painted after an edit shows what it showed before"
        most_rows = max(most_rows, watched.table.rowCount())
        assert not frames_made, "an edit made a DataFrame of the whole table"
        monkeypatch.setattr(figure_rows, "_to_frame", real_to_frame)
        expected = fresh(model)
        monkeypatch.setattr(figure_rows, "_to_frame",
                            lambda columns: frames_made.append(1) or real_to_frame(columns))
        assert shown_rows(watched.table) == frame_rows(expected)
        assert model.figure_store.groups() == chart_data.figure_groups(expected)
        for group in model.figure_store.groups():
            for bar_set in chart_data.BAR_SETS:
                assert model.figure_store.bars(group.key, str.lower, bar_set) == \
                    chart_data.group_bars(expected, group.key, str.lower, bar_set)
    assert watched.resets == 0 and watched.refused == 0 and watched.patched >= 3
    assert most_rows >= 3


def test_a_sorted_and_filtered_table_follows_edits_row_by_row(qtmodeltester):
    spans = number_spans(TEXT)
    model = SessionModel()
    model.open_session(Session(Article(TEXT), HighlightSet(
        [Highlight(s, e, "MONEY", origin="model", status="suggested") for s, e in spans])), analyse=False)
    watched = Watched(model)
    table = watched.table
    value = [column.field for column in COLUMNS].index("value")
    table.sort(value)
    table.set_filter("million")
    watched.resets = 0
    qtmodeltester.check(table, force_py=True)
    rng = random.Random(5)
    for _ in range(25):
        random_edit(model, rng, spans)
        expected = fresh(model)
        order = expected["value"].argsort(kind="stable").to_numpy()
        keep = expected[list(SEARCHED_FIELDS)].fillna("").astype(str).apply(
            lambda row: "million" in "\u0001".join(row).casefold(), axis=1)
        order = [i for i in order if keep.iloc[i]]
        assert [row[TABLE_COLUMNS.index("highlight_id")] for row in shown_rows(table)] == \
            expected["highlight_id"].to_numpy()[order].tolist()
    assert watched.resets == 0 and watched.refused == 0


def test_a_change_of_another_version_is_refused_and_the_frame_set_instead():
    model = SessionModel()
    spans = number_spans(TEXT)
    model.open_session(Session(Article(TEXT), HighlightSet(
        [Highlight(s, e, "MONEY", origin="model", status="suggested") for s, e in spans[:3]])), analyse=False)
    table = FigureTableModel()
    table.set_frame(model.figures().copy())  # a copy: of no version the table can trust
    changes = []
    model.sigFigureRowsChanged.connect(changes.append)
    tons = TEXT.index("3.2 million tons")
    model.add_highlight(tons, tons + len("3.2 million tons"), "QUANTITY")
    assert changes and not table.apply_change(changes[-1])
    table.set_frame(model.figures())
    model.remove_highlights([h.id for h in model.session.highlights][:1])
    assert table.apply_change(changes[-1])
    assert shown_rows(table) == frame_rows(fresh(model))
