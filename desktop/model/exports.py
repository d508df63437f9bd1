"""Exports and imports of a session, for the window and the command line alike
(no Qt here): the figures table and charts an export needs, and one entry point
per direction.

    files = export_session(session, "xlsx", figures)   # {"article.xlsx": b"..."}
    imported = import_annotations("brat", "doc.ann")    # Imported(session, warnings)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from desktop.core.session import Session
    from desktop.formats.annotations.common import Imported
    from desktop.formats.report_svg import BarChart, LineChart

#: Export formats, each with the extension of its file (brat writes a folder's files).
EXPORT_FORMATS = {"csv": "csv", "xlsx": "xlsx", "html": "html", "brat": "ann", "doccano": "jsonl",
                  "prodigy": "jsonl", "w3c": "jsonld"}
#: Import formats (the annotation formats).
IMPORT_FORMATS = ("brat", "doccano", "prodigy", "w3c")
#: The figures formats need the figures table.
NEEDS_FIGURES = ("csv", "xlsx", "html", "brat")
MAX_BARS = 30
MAX_BAR_CHARTS = 8
MAX_SERIES = 8


def figures_for_export(session: Session, analyse: bool = True) -> pd.DataFrame:
    """The session's figures table as the figures view shows it. ``analyse`` reads
    the text again for the figures' subjects (seconds for a long article); the
    window passes its own table instead."""
    from desktop.nlp.figures.table.session import session_figures

    if not analyse:
        return session_figures(session)
    from desktop.nlp import analyze

    return session_figures(session, analyze(session.article.text))


def export_session(session: Session, fmt: str, figures: pd.DataFrame | None = None,
                   name: str = "article") -> dict[str, bytes]:
    """The files of ``session`` in format ``fmt`` (EXPORT_FORMATS), by file name.
    ``figures`` is the figures table (made here, without re-reading, when not given)."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    if figures is None and fmt in NEEDS_FIGURES:
        figures = figures_for_export(session, analyse=False)
    if fmt == "brat":
        from desktop.formats.annotations.brat import export_brat

        return export_brat(session, figures, name)
    return {f"{name}.{EXPORT_FORMATS[fmt]}": _one_file(session, fmt, figures)}


def _one_file(session: Session, fmt: str, figures: pd.DataFrame | None) -> bytes:
    if fmt == "csv":
        from desktop.formats.figures_sheet import export_csv

        return export_csv(figures)
    if fmt == "xlsx":
        from desktop.formats.figures_sheet import export_xlsx

        return export_xlsx(session, figures)
    if fmt == "html":
        from desktop.formats.report_html import export_html

        return export_html(session, figures, report_charts(figures, session))
    if fmt == "doccano":
        from desktop.formats.annotations.doccano import export_doccano

        return export_doccano(session)
    if fmt == "prodigy":
        from desktop.formats.annotations.prodigy import export_prodigy

        return export_prodigy(session)
    from desktop.formats.annotations.w3c import export_w3c

    return export_w3c(session)


def import_annotations(fmt: str, path: str | Path, text_path: str | Path | None = None) -> Imported:
    """A session from the annotation file at ``path`` (for brat its .ann or .txt;
    for W3C, ``text_path`` is the annotated text when the file does not carry it).
    AnnotationFormatError (a FileFormatError) says what is wrong and where."""
    from desktop.formats.annotations.common import AnnotationFormatError

    if fmt not in IMPORT_FORMATS:
        raise ValueError(f"unknown import format {fmt!r}")
    path = Path(path)
    if fmt == "brat":
        from desktop.formats.annotations.brat import read_brat

        return read_brat(path)
    try:
        data = path.read_bytes()
        text = Path(text_path).read_bytes().decode("utf-8") if text_path is not None else None
    except OSError as error:
        raise AnnotationFormatError(f"{Path(error.filename or path).name} could not be read: "
                                    f"{error.strerror}.") from None
    except UnicodeDecodeError:
        raise AnnotationFormatError(f"{Path(text_path).name} is not UTF-8 text.") from None
    if fmt == "doccano":
        from desktop.formats.annotations.doccano import import_doccano as read
    elif fmt == "prodigy":
        from desktop.formats.annotations.prodigy import import_prodigy as read
    else:
        from desktop.formats.annotations.w3c import import_w3c

        return import_w3c(data, text, source=str(text_path or path))
    return read(data, source=str(path))


def report_charts(figures: pd.DataFrame, session: Session) -> list[BarChart | LineChart]:
    """The charts of the report, from what the window's charts draw: the bars of each
    unit's levels, changes and shares (largest groups first), then each subject
    over time."""
    from desktop.model.chart_data import figure_groups
    from desktop.model.period_series import period_series

    if not len(figures):
        return []
    charts: list[BarChart | LineChart] = []
    for group in figure_groups(figures)[:MAX_BAR_CHARTS]:
        for bar_set, count in group.sets:
            if count:
                charts.append(bar_chart(figures, session, group.key, bar_set, group.title, MAX_BARS))
    for series in period_series(figures)[:MAX_SERIES]:
        charts.append(line_chart(series))
    return charts


def bar_chart(figures: pd.DataFrame, session: Session, key, bar_set: str, title: str,
              limit: int | None = None) -> BarChart:
    """The bars of one unit's (``key``) levels, changes or shares (``bar_set``) as the
    Figures chart draws them, the first ``limit`` of them (all: None)."""
    from desktop.formats.report_svg import BarChart
    from desktop.model.chart_data import SET_TITLES, group_bars

    bars = group_bars(figures, key, lambda label: session.label(label).colour, bar_set)
    cut = slice(None, limit)
    return BarChart(f"{SET_TITLES[bar_set]}: {title}", bars.axis_title,
                    [label.replace("\n", ", ") for label in bars.labels[cut]], list(bars.heights[cut]),
                    bars.colours[cut], bars.hollow[cut], len(bars.heights))


def line_chart(series) -> LineChart:
    """One subject over time (a PeriodSeries) as the Over time chart draws it."""
    from desktop.formats.report_svg import LineChart

    return LineChart(
        f"Over time: {series.name}", series.unit,
        [series.slot_label(i).replace("\n", ", ") for i in range(len(series.slots))],
        [point.slot for point in series.points], series.values,
        [list(line.joined) for line in series.lines], [not point.stated for point in series.points])
