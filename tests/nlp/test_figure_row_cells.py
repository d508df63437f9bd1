"""A stated figure's row takes each column from its reading by name, so a new figure
column needs a field in FigureReading and a name in FIGURE_COLUMNS, nothing more."""

from dataclasses import fields

from desktop.core.figure import FIGURE_COLUMNS, FigureReading
from desktop.core.highlight import Highlight
from desktop.nlp.figures.table.rows import TABLE_COLUMNS, FigureRows
from desktop.nlp.sentences import SentenceIndex

TEXT = "Acme's profit rose 12% to $5 million in 2023."


def test_each_column_of_a_row_is_the_readings_field_of_that_name():
    start = TEXT.index("$5 million")
    reading = FigureReading(start, start + len("$5 million"), "$5 million", 5e6, "USD", "USD", "money",
                            qualifier="q", subject="Acme's profit", period="2023", change="+12%",
                            role="level", direction="up", moved="amount", link=3)
    highlight = Highlight(reading.start, reading.end, "MONEY")
    rows = FigureRows(TEXT, lambda stated: reading if stated.id == highlight.id else None,
                      SentenceIndex())
    rows.add([highlight])
    columns = rows.columns()
    own = {"highlight_id": highlight.id, "label": "MONEY", "low": 5e6, "high": 5e6, "derived": False,
           "formula": "", "edited": ""}
    read = {field.name for field in fields(FigureReading)}
    for name in TABLE_COLUMNS:
        cell = columns[name][0]
        if name in own:
            assert cell == own[name], name
        elif name in read:
            assert cell == getattr(reading, name), name
    assert columns["sentence"][0] == TEXT
    assert set(FIGURE_COLUMNS) - set(own) - {"sentence"} <= read
