"""Figures tables made by hand for tests: the cells that differ from a blank money figure."""

import pandas as pd

from desktop.core.figure import FIGURE_COLUMNS
from desktop.nlp.figures.table.frame import frame_from_columns

_BLANK = {
    "start": 0, "end": 0, "surface": "", "value": 0.0, "low": None, "high": None, "unit": "",
    "unit_code": "", "kind": "money", "qualifier": "", "subject": "", "period": "", "change": "",
    "role": "", "direction": "", "moved": "", "link": -1, "derived": False, "formula": "", "sentence": "",
}


def figures(*rows: dict) -> pd.DataFrame:
    """A figures table (TABLE_COLUMNS) of ``rows``, each the cells that differ from a
    blank money figure; row n starts at 10n unless told, its highlight id is "h<start>"."""
    cells = []
    for number, row in enumerate(rows):
        row = {**_BLANK, "start": 10 * number, **row}
        row.update(end=row["start"] + 5, low=row["value"], high=row["value"])
        cells.append(row)
    frame = frame_from_columns({name: [row[name] for row in cells] for name in FIGURE_COLUMNS})
    frame.insert(0, "label", "MONEY")
    frame.insert(0, "highlight_id", [f"h{row['start']}" for row in cells])
    frame["edited"] = ""
    return frame
