import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelRoleData, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

from desktop.model.figure_table import COLUMNS, FigureTableModel, format_value
from desktop.nlp.highlight_figures import TABLE_COLUMNS


def make_frame(count: int = 6) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    values = rng.integers(1, 1000, size=count).astype(float)
    return pd.DataFrame({
        "highlight_id": [f"h{i}" for i in range(count)],
        "label": ["MONEY" if i % 2 else "PERCENT" for i in range(count)],
        "start": np.arange(count) * 10,
        "end": np.arange(count) * 10 + 5,
        "surface": [f"fig {i}" for i in range(count)],
        "value": values,
        "low": values,
        "high": values,
        "unit": ["$" if i % 2 else "%" for i in range(count)],
        "unit_code": ["USD" if i % 2 else "%" for i in range(count)],
        "kind": ["money" if i % 2 else "percent" for i in range(count)],
        "qualifier": ["", "over"] * (count // 2),
        "sentence": [f"Sentence number {i}." for i in range(count)],
        "edited": [""] * count,
    }, columns=TABLE_COLUMNS)


def test_model_passes_qt_model_tester(qtmodeltester):
    # force_py: PySide6 6.12's QAbstractItemModelTester wrapper returns NULL from its
    # constructor; pytest-qt's Python port runs the same checks.
    model = FigureTableModel()
    model.set_frame(make_frame())
    qtmodeltester.check(model, force_py=True)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    model.set_filter("money")
    qtmodeltester.check(model, force_py=True)


def test_sorting_by_value_keeps_persistent_selection(qtbot):
    model = FigureTableModel()
    frame = make_frame(20)
    model.set_frame(frame)
    held = QPersistentModelIndex(model.index(3, 0))
    held_id = model.highlight_id(3)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    shown = [float(frame.set_index("highlight_id").loc[model.highlight_id(r), "value"]) for r in range(20)]
    assert shown == sorted(shown)
    assert model.highlight_id(held.row()) == held_id
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.highlight_id(held.row()) == held_id


def test_filter_matches_any_text_column_case_insensitively():
    model = FigureTableModel()
    model.set_frame(make_frame(10))
    model.set_filter("USD")
    assert model.rowCount() == 5
    model.set_filter("sentence number 7")
    assert model.rowCount() == 1 and model.highlight_id(0) == "h7"
    assert model.row_of("h7") == 0 and model.row_of("h2") == -1
    model.set_filter("")
    assert model.rowCount() == 10


def test_values_and_ranges_are_formatted_for_reading():
    model = FigureTableModel()
    frame = make_frame(2)
    frame.loc[0, ["value", "low", "high"]] = [16.5, 16, 17]
    frame.loc[1, ["value", "low", "high"]] = [460e6, 460e6, 460e6]
    model.set_frame(frame)
    value_column = [c.field for c in COLUMNS].index("value")
    assert model.data(model.index(0, value_column)) == "16–17"
    assert model.data(model.index(1, value_column)) == "460,000,000"
    assert format_value(3.2, 3.2, 3.2) == "3.2"


def test_subject_and_period_are_editable_and_derived_rows_are_grey_italic_and_read_only(qtbot):
    frame = make_frame(2)
    frame["subject"], frame["period"], frame["change"] = "trade", "2022", ""
    frame["derived"], frame["formula"] = [False, True], ["", "460 / 1.40"]
    model = FigureTableModel()
    model.set_frame(frame)
    fields = [c.field for c in COLUMNS]
    subject, surface, change = fields.index("subject"), fields.index("surface"), fields.index("change")
    with qtbot.waitSignal(model.sigEditRequested) as edit:
        assert model.setData(model.index(0, subject), "bilateral trade")
    assert edit.args == ["h0", "subject", "bilateral trade"]
    assert model.flags(model.index(0, fields.index("period"))) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(1, subject)) & Qt.ItemFlag.ItemIsEditable
    assert model.data(model.index(1, surface)).startswith("derived from")
    assert model.data(model.index(1, change)) == "= 460 / 1.40"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.FontRole).italic()
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is None


def _signals(model: FigureTableModel) -> list[tuple]:
    seen: list[tuple] = []
    model.modelReset.connect(lambda: seen.append(("reset",)))
    model.rowsInserted.connect(lambda _parent, first, last: seen.append(("inserted", first, last)))
    model.rowsRemoved.connect(lambda _parent, first, last: seen.append(("removed", first, last)))
    return seen


def test_a_new_frame_differing_by_a_row_is_told_as_that_row_inserted_or_removed(qtmodeltester):
    model = FigureTableModel()
    frame = make_frame(40)
    model.set_frame(frame.drop(index=17))
    qtmodeltester.check(model, force_py=True)  # checks every signal the model sends from now on
    kept = QPersistentModelIndex(model.index(30, 0))
    kept_id = model.highlight_id(30)
    seen = _signals(model)

    model.set_frame(frame)  # h17 is back
    assert seen == [("inserted", 17, 17)]
    assert model.highlight_id(17) == "h17"
    assert model.highlight_id(kept.row()) == kept_id  # a selection stays on its row

    seen.clear()
    model.set_frame(frame.drop(index=[3, 4]))
    assert seen == [("removed", 3, 4)]
    assert [model.highlight_id(row) for row in range(3)] == ["h0", "h1", "h2"]
    assert model.highlight_id(3) == "h5"
    assert model.rowCount() == 38


def test_a_frame_changing_most_rows_resets_the_view():
    model = FigureTableModel()
    model.set_frame(make_frame(1000))
    seen = _signals(model)
    model.set_frame(make_frame(1000).iloc[::-1])
    assert seen == [("reset",)]
    assert model.rowCount() == 1000


def _frame_with_derived_and_edited_rows() -> pd.DataFrame:
    frame = make_frame(6)
    frame["subject"], frame["period"], frame["change"] = "trade", "2022", ""
    frame["derived"], frame["formula"] = [False, True, False, False, True, False], ["", "4 / 2", "", "", "9 - 1", ""]
    frame["edited"] = ["", "", "subject", "", "", "value,period"]
    return frame


class _RoleByRoleModel(FigureTableModel):
    """The table as a view would read it without multiData: Qt's own, one data() per role."""

    def multiData(self, index, roles) -> None:
        QAbstractTableModel.multiData(self, index, roles)


def test_a_cells_roles_answered_in_one_call_are_what_data_answers_one_by_one():
    model = FigureTableModel()
    model.set_frame(_frame_with_derived_and_edited_rows())
    roles = [Qt.ItemDataRole(r) for r in range(14)] + [Qt.ItemDataRole.UserRole]
    compared = 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            asked = [QModelRoleData(int(role)) for role in roles]
            model.multiData(index, asked)
            for role, answer in zip(roles, asked):
                assert answer.data() == model.data(index, role), (row, column, role)
                compared += answer.data() is not None
    assert compared > model.rowCount() * model.columnCount() * 4


def test_a_table_view_paints_the_same_cells_with_one_call_per_cell_as_with_one_per_role(qtbot):
    images = []
    for model_class in (FigureTableModel, _RoleByRoleModel):
        model = model_class()
        model.set_frame(_frame_with_derived_and_edited_rows())
        view = QTableView()
        qtbot.addWidget(view)
        view.setModel(model)
        view.resize(900, 300)
        view.show()
        qtbot.waitExposed(view)
        images.append(view.grab().toImage())
    assert images[0] == images[1]
    blank = QTableView()
    qtbot.addWidget(blank)
    blank.resize(900, 300)
    assert images[0] != blank.grab().toImage()
