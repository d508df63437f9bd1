"""A figures table people can read at 1280×720 (issue 23): derived values rounded with
every digit in the tooltip, counts that agree everywhere, a detail pane, columns sized,
elided, hidden and moved as the reader likes and kept that way; Save starting in a
folder of the reader's."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog

from desktop.core.number_text import approximate_amount, approximate_number, full_number, reading_number
from desktop.model.figure_cells import COLUMNS

REPO = Path(__file__).resolve().parents[2]


def column(field: str) -> int:
    return [c.field for c in COLUMNS].index(field)


# -- numbers for reading --------------------------------------------------------------------

@pytest.mark.parametrize("value, reading, approximate", [
    (328571428.5714286, "328.6 million", "≈ 328.6 million"),
    (460_000_000.0, "460 million", "460 million"),
    (640_000.0, "640,000", "640,000"),
    (1234.5678, "1,235", "≈ 1,235"),
    (0.123456, "0.1235", "≈ 0.1235"),
    (1.41e6, "1.41 million", "1.41 million"),
    (2.5e9, "2.5 billion", "2.5 billion"),
    (0.0, "0", "0"),
    (-3.14159, "-3.142", "≈ -3.142"),
])
def test_values_are_rounded_for_reading_and_marked_when_rounded(value, reading, approximate):
    assert reading_number(value) == reading
    assert approximate_number(value) == approximate


def test_amounts_carry_their_unit_and_every_digit_is_kept_for_tooltips():
    assert approximate_amount(328571428.5714286, "$") == "≈ $328.6 million"
    assert approximate_amount(640_000.0, "tons") == "640,000 tons"
    assert approximate_amount(12.0, "%") == "12%"
    assert full_number(328571428.5714286) == "328,571,428.5714286"
    assert full_number(460_000_000.0) == "460,000,000"
    assert float(full_number(0.1 + 0.2).replace(",", "")) == 0.1 + 0.2
    assert reading_number(math.nan) == "" and full_number(math.nan) == ""


def test_the_seed_table_shows_derived_values_rounded_with_every_digit_in_the_tooltip(
        window, seed_path, wait_for_analysis):
    assert window.open_path(seed_path)
    wait_for_analysis(window)
    model = window.figures_view.table_model
    derived = [row for row in range(model.rowCount())
               if (model.index(row, column("surface")).data() or "").startswith("derived from")]
    assert derived, "the seed states two changes with their new levels: two derived rows"
    shown = {model.index(row, column("value")).data() for row in derived}
    assert "≈ 328.6 million" in shown
    row = next(r for r in derived if model.index(r, column("value")).data() == "≈ 328.6 million")
    tip = model.index(row, column("value")).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("328,571,428.571428") and "460,000,000 / 1.40" in tip
    # stated values keep their digits
    assert "460,000,000" in {model.index(r, column("value")).data() for r in range(model.rowCount())}


def test_counts_agree_in_the_status_bar_and_the_figures_pane(window, seed_path, wait_for_analysis, qtbot):
    assert window.open_path(seed_path)
    wait_for_analysis(window)
    figures = window.model.figures()
    derived = int(figures["derived"].sum())
    stated = len(figures) - derived
    assert derived >= 1
    assert window.figures_view.counts() == (stated, derived)
    assert window.figures_view.count_label.text() == f"{stated} stated, {derived} derived"
    assert f"{stated} figures stated and {derived} derived" in window.statusBar().currentMessage()
    assert window.figures_view.table_model.rowCount() == stated + derived
    window.figures_view.filter_box.setText("trade")
    qtbot.waitUntil(lambda: "shown" in window.figures_view.count_label.text())
    shown = window.figures_view.table_model.rowCount()
    assert window.figures_view.count_label.text().startswith(f"{shown} of {stated + derived} shown")


# -- the table ------------------------------------------------------------------------------------

def test_the_detail_pane_shows_the_whole_sentence_with_the_figure_marked(window, seed_path,
                                                                        wait_for_analysis, qtbot):
    assert window.open_path(seed_path)
    wait_for_analysis(window)
    view = window.figures_view
    model = view.table_model
    row = next(r for r in range(model.rowCount()) if model.index(r, column("value")).data() == "≈ 328.6 million")
    view.table.setCurrentIndex(model.index(row, 0))
    html = view.detail.toHtml()
    text = view.detail.toPlainText()
    assert "exceeding $460 million" in text and "≈ $328.6 million" in text
    assert "328,571,428.5714286" in text and "460,000,000 / 1.40" in text
    assert "bilateral trade between Kazakhstan and Azerbaijan" in text and "2021" in text
    sentence = model.index(row, column("sentence")).data()
    assert sentence in text  # whole, not elided
    marked = html.rsplit("exceeding $460 million", 1)[0][-120:]  # in the sentence: bold, on a colour
    assert "font-weight:700" in marked and "background-color" in marked
    # the selection elsewhere moves it too
    stated = next(r for r in range(model.rowCount()) if model.index(r, column("surface")).data() == "$185 million")
    window.model.select(model.highlight_id(stated))
    assert "$185 million" in view.detail.toPlainText() and "mutual trade" in view.detail.toPlainText()


def test_columns_fit_the_pane_at_1280_by_720_and_long_cells_are_elided_in_the_middle(
        window, seed_path, wait_for_analysis, qtbot):
    window.resize(1280, 720)
    assert window.open_path(seed_path)
    wait_for_analysis(window)
    qtbot.wait(100)
    table = window.figures_view.table
    # Figure, Value, Unit, Role, Subject, Period and Change are all in view, none cut at its header
    right = table.viewport().width()
    for field in ("surface", "value", "unit_code", "role", "subject", "period", "change"):
        col = column(field)
        assert not table.isColumnHidden(col)
        assert table.columnViewportPosition(col) + table.columnWidth(col) <= right, field
        assert table.columnWidth(col) >= table.horizontalHeader().sectionSizeHint(col) - 1, field
    assert table.itemDelegate().elide == Qt.TextElideMode.ElideMiddle
    model = window.figures_view.table_model
    # a value is never elided: its column fits the widest one
    widest = max(table.fontMetrics().horizontalAdvance(model.index(r, column("value")).data() or "")
                 for r in range(model.rowCount()))
    assert table.columnWidth(column("value")) >= widest


def test_columns_hidden_and_moved_stay_so_in_the_next_window(make_window, qtbot):
    first = make_window()
    layout = first.figures_view.columns
    assert layout.is_hidden("kind") and layout.is_hidden("qualifier")  # in the detail pane
    layout.set_hidden("kind", False)
    layout.set_hidden("unit_code", True)
    layout.move("period", 0)
    layout.save()
    assert QSettings().value("figuresTable/order")[0] == "period"
    first.close()

    second = make_window()
    again = second.figures_view.columns
    assert not again.is_hidden("kind") and again.is_hidden("unit_code")
    assert again.order()[0] == "period"
    menu = again.menu()
    titles = {item.text(): item.isChecked() for item in menu.actions() if item.isCheckable()}
    assert titles["Kind"] and not titles["Unit"] and titles["Figure"]
    next(item for item in menu.actions() if item.text() == "Reset Columns").trigger()
    assert again.order() == [c.field for c in COLUMNS] and again.is_hidden("kind")


# -- saving ------------------------------------------------------------------------------------

def test_the_save_dialog_starts_beside_the_article_never_in_the_installation(window, seed_path, tmp_path,
                                                                           monkeypatch):
    asked = []

    def save_dialog(parent, caption, start, filters):
        asked.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    assert window.open_path(seed_path)  # the seed lives in the app's own folder
    window.files.save_as()
    documents = Path(os.environ["HOME"])
    start = Path(asked[-1])
    assert start.name == seed_path.with_suffix(".alens").name
    assert not start.resolve().is_relative_to(REPO) and start.parent in (documents, documents / "Documents")

    article = tmp_path / "notes" / "caspian.txt"
    article.parent.mkdir()
    article.write_text(seed_path.read_text(encoding="utf-8"), encoding="utf-8")
    assert window.open_path(article, ask_to_save=False)
    window.files.save_as()
    assert Path(asked[-1]) == article.with_suffix(".alens")  # beside the article


# -- the command line ----------------------------------------------------------------------------------

def test_help_names_sessions_and_extract_on_several_files_makes_one_table(seed_path, tmp_path):
    run = [sys.executable, "-m", "desktop.cli"]
    main = subprocess.run([*run, "--help"], capture_output=True, text=True, cwd=REPO)
    assert main.returncode == 0 and ".alens" in main.stdout and "session" in main.stdout
    extract = subprocess.run([*run, "extract", "--help"], capture_output=True, text=True, cwd=REPO)
    for words in ("--format", "json (default)", "--what", "what to print", "--session", "Several files or folders"):
        assert words in extract.stdout, words
    second = tmp_path / "second.txt"
    second.write_text("Sales rose 4% to $3.2bn in 2024.", encoding="utf-8")
    several = subprocess.run([*run, "extract", str(seed_path), str(second), "--what", "figures", "--jobs", "1"],
                             capture_output=True, text=True, cwd=REPO)
    assert several.returncode == 0, several.stderr
    documents = {json.loads(line)["document"] for line in several.stdout.splitlines() if line.strip()}
    assert documents == {str(seed_path), str(second)}
