"""The figures as CSV and XLSX: every column, exact numbers, derived and edited marks."""

from __future__ import annotations

import csv
import io
import math

import openpyxl

from desktop.formats.figures_sheet import COLUMNS, export_csv, export_xlsx
from desktop.model.exports import export_session


def test_csv_holds_every_column_with_plain_exact_numbers(analysed):
    session, figures, _ = analysed
    rows = list(csv.DictReader(io.StringIO(export_csv(figures).decode("utf-8"))))
    assert list(rows[0]) == list(COLUMNS)
    assert len(rows) == len(figures)
    for row, value in zip(rows, figures["value"]):
        assert float(row["value"]) == value and "e" not in row["value"]
    derived = [row for row in rows if row["derived"] == "true"]
    assert derived and all(row["formula"] for row in derived)
    exact, shown = derived[0]["value"], derived[0]["shown"]
    assert len(exact.split(".")[1]) > 2 and len(shown.split(".")[1]) == 2  # 128865979.3814433, 128,865,979.38
    assert round(float(exact), 2) == float(shown.replace(",", ""))


def test_edited_cells_are_named(analysed):
    _, figures, _ = analysed
    rows = list(csv.DictReader(io.StringIO(export_csv(figures).decode("utf-8"))))
    edited = {row["edited"] for row in rows}
    assert {"value", "role"} <= edited
    corrected = next(row for row in rows if row["edited"] == "value")
    assert corrected["value"] == "3500000000" and corrected["shown"] == "3,500,000,000"


def test_xlsx_opens_with_openpyxl_and_holds_every_figure_as_a_number(analysed):
    session, figures, _ = analysed
    book = openpyxl.load_workbook(io.BytesIO(export_xlsx(session, figures)))
    assert book.sheetnames == ["figures", "entities", "article"]
    sheet = book["figures"]
    header = [cell.value for cell in sheet[1]]
    assert header == list(COLUMNS) and all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width > 5
    values = [row[header.index("value")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(values) == len(figures)
    for cell, value in zip(values, figures["value"]):
        assert isinstance(cell, (int, float)) and not isinstance(cell, bool) and math.isclose(cell, value)
    units = {row[header.index("unit_code")] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert {"USD", "GBP", "%"} <= units
    derived = [row for row in sheet.iter_rows(min_row=2) if row[header.index("derived")].value is True]
    assert derived and all(cell.font.i for cell in derived[0])


def test_xlsx_entities_and_article_sheets(analysed):
    session, figures, _ = analysed
    book = openpyxl.load_workbook(io.BytesIO(export_xlsx(session, figures)))
    entities = list(book["entities"].iter_rows(values_only=True))
    assert entities[0] == ("start", "end", "text", "label", "note", "origin", "status")
    visible = [h for h in session.highlights if h.visible]
    assert len(entities) == len(visible) + 1
    text = session.article.text
    assert all(text[start:end] == quote for start, end, quote, *_ in entities[1:])
    assert "owner checked <ok> & 🙂" in [row[4] for row in entities[1:]]
    facts = dict(book["article"].iter_rows(min_row=2, values_only=True))
    assert facts["title"] == "Norvik <results>" and facts["sha256"] == session.article.sha256


def test_export_session_makes_the_figures_when_not_given(analysed):
    session, _, _ = analysed
    files = export_session(session, "csv")
    assert list(files) == ["article.csv"] and files["article.csv"].startswith(b"surface,value,shown")
