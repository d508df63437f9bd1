import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelRoleData, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

from desktop.model.figure_cells import COLUMNS, format_value
from desktop.model.figure_table import FigureTableModel
from desktop.nlp.figures.table.highlights import TABLE_COLUMNS


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


# -- role, change direction, link ------------------------------------------------------
def _frame_with_roles() -> pd.DataFrame:
    """ "Jobs rose 32,000 to 1.41 million, from 1.378 million; unemployment fell 3%;
    40% of them part-time." (a derived previous value, and a link to no row)"""
    frame = make_frame(6)
    frame["surface"] = ["32,000", "1.41 million", "1.378 million", "3%", "1.378 million", "40%"]
    frame["start"] = [10, 20, 40, 70, 40, 90]
    frame["subject"], frame["period"], frame["formula"] = "jobs", "", ""
    frame["change"] = ["+32,000", "", "", "-3%", "", ""]
    frame["role"] = ["change", "level", "previous", "change", "previous", "share"]
    frame["direction"] = ["up", "", "", "down", "", ""]
    frame["moved"] = ["amount", "", "", "rate", "", ""]
    frame["link"] = np.array([20, -1, 20, 999, 20, -1], dtype=np.int64)
    frame["derived"] = [False, False, False, False, True, False]
    frame.loc[4, "formula"] = "1.41 million - 32,000"
    return frame


def _column(field: str) -> int:
    return [c.field for c in COLUMNS].index(field)


def test_role_sits_after_the_unit_and_before_subject_period_and_change():
    headers = [c.header for c in COLUMNS]
    assert headers[:8] == ["Figure", "Value", "Unit", "Role", "Subject", "Period", "Change", "Linked"]
    editable = {c.field for c in COLUMNS if c.editable}
    assert {"role", "subject", "period"} <= editable


def test_role_is_shown_as_its_word_with_what_it_means_in_the_tooltip():
    model = FigureTableModel()
    model.set_frame(_frame_with_roles())
    role = _column("role")
    assert [model.data(model.index(r, role)) for r in range(6)] == [
        "change", "level", "previous", "change", "previous", "share"]
    assert model.data(model.index(0, role), Qt.ItemDataRole.ToolTipRole).startswith(
        "change: the size of a rise or fall")
    assert model.data(model.index(0, role), Qt.ItemDataRole.EditRole) == "change"
    assert "Role" in [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "level" in model.headerData(role, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)


def test_change_shows_the_direction_as_an_arrow_and_what_moved_in_the_tooltip():
    model = FigureTableModel()
    model.set_frame(_frame_with_roles())
    change = _column("change")
    assert model.data(model.index(0, change)) == "▲ +32,000"
    assert model.data(model.index(3, change)) == "▼ \u22123%"
    assert model.data(model.index(1, change)) == ""
    assert model.data(model.index(4, change)) == "= 1.41 million - 32,000"  # derived: its formula
    assert model.data(model.index(0, change), Qt.ItemDataRole.ToolTipRole) == "Up +32,000: an amount moved"
    assert model.data(model.index(3, change), Qt.ItemDataRole.ToolTipRole) == "Down -3%: a rate moved"


def test_a_change_without_a_direction_shows_no_arrow():
    frame = _frame_with_roles()
    frame["direction"] = ""
    frame["moved"] = np.nan
    model = FigureTableModel()
    model.set_frame(frame)
    assert model.data(model.index(0, _column("change"))) == "+32,000"
    assert model.data(model.index(0, _column("change")), Qt.ItemDataRole.ToolTipRole) == "Change +32,000"


def test_a_linked_row_shows_the_surface_of_the_figure_it_is_tied_to():
    model = FigureTableModel()
    model.set_frame(_frame_with_roles())
    linked = _column("link")
    assert model.data(model.index(0, linked)) == "→ 1.41 million"
    assert model.data(model.index(1, linked)) == ""
    tooltip = model.data(model.index(0, linked), Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "Tied to “1.41 million” (character 20)"
    assert model.data(model.index(1, linked), Qt.ItemDataRole.ToolTipRole) is None
    assert model.data(model.index(3, linked)) == "→ character 999"  # not in the table
    frame = _frame_with_roles()
    frame.loc[1, "surface"] = "1.41m"  # a new frame: the lookup is made again
    model.set_frame(frame)
    assert model.data(model.index(0, linked)) == "→ 1.41m"


def test_a_frame_without_roles_or_links_shows_empty_cells():
    model = FigureTableModel()
    model.set_frame(make_frame(4))  # role, direction, moved, link: all missing
    for field in ("role", "change", "link"):
        assert [model.data(model.index(r, _column(field))) for r in range(4)] == [""] * 4
    model.sort(_column("link"))
    model.sort(_column("role"))
    assert model.rowCount() == 4


def test_sorting_by_role_and_by_link_and_filtering_by_role():
    model = FigureTableModel()
    model.set_frame(_frame_with_roles())
    role = _column("role")
    model.sort(role, Qt.SortOrder.AscendingOrder)
    assert [model.data(model.index(r, role)) for r in range(6)] == [
        "change", "change", "level", "previous", "previous", "share"]
    model.sort(role, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, role)) == "share"
    model.sort(_column("link"), Qt.SortOrder.AscendingOrder)  # by the linked figure's offset
    assert [model.highlight_id(r) for r in (0, 1, 5)] == ["h1", "h5", "h3"]
    model.set_filter("previous")
    assert model.rowCount() == 2
    model.set_filter("LEVEL")
    assert [model.highlight_id(r) for r in range(model.rowCount())] == ["h1"]


def test_a_role_is_corrected_with_one_of_the_five_roles_only(qtbot):
    model = FigureTableModel()
    model.set_frame(_frame_with_roles())
    index = model.index(1, _column("role"))
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(4, _column("role"))) & Qt.ItemFlag.ItemIsEditable  # derived
    with qtbot.waitSignal(model.sigEditRequested) as edit:
        assert model.setData(index, " Forecast ")
    assert edit.args == ["h1", "role", "forecast"]
    with qtbot.assertNotEmitted(model.sigEditRequested):
        assert not model.setData(index, "bogus")
        assert not model.setData(index, "")
        assert model.setData(index, "level")  # what it shows already: nothing to correct


def test_an_edited_role_is_marked_and_its_tooltip_says_so():
    frame = _frame_with_roles()
    frame.loc[1, "role"] = "forecast"
    frame.loc[1, "edited"] = "role"
    model = FigureTableModel()
    model.set_frame(frame)
    index = model.index(1, _column("role"))
    assert model.data(index, Qt.ItemDataRole.FontRole).italic()
    assert model.data(index, Qt.ItemDataRole.BackgroundRole) is not None
    assert "Corrected by hand" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(1, _column("subject")), Qt.ItemDataRole.BackgroundRole) is None


def test_roles_answered_in_one_call_match_data_for_role_change_and_link_cells():
    model = FigureTableModel()
    frame = _frame_with_roles()
    frame.loc[2, "edited"] = "role,period"
    model.set_frame(frame)
    roles = [Qt.ItemDataRole(r) for r in range(14)] + [Qt.ItemDataRole.UserRole]
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            asked = [QModelRoleData(int(role)) for role in roles]
            model.multiData(index, asked)
            assert [a.data() for a in asked] == [model.data(index, role) for role in roles]
