"""What the period chart draws: for each subject with figures for two or more
periods, its values in time order (computed from the figures table, no Qt here)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from desktop.nlp.derived_figures import ABSOLUTE_KINDS
from desktop.nlp.figure_periods import period_label, period_sort_key
from desktop.nlp.figure_subjects import subject_key


@dataclass
class PeriodSeries:
    """One subject in one unit over time: a point per figure, stated or derived."""

    key: str
    unit: str
    ids: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    values: list[float] = field(default_factory=list)
    derived: list[bool] = field(default_factory=list)

    @property
    def title(self) -> str:
        """ "trade: 2021 (derived), 2022, Jan–Apr this year"."""
        return f"{self.key}: {', '.join(self.labels)}"


def period_series(figures: pd.DataFrame) -> list[PeriodSeries]:
    """A series per (subject, unit) whose absolute figures cover two or more periods,
    largest first. Changes ("+40%", "×5") are left out: they are not levels."""
    if figures.empty or "period" not in figures:
        return []
    wanted = (
        figures["period"].fillna("").astype(bool)
        & figures["subject"].fillna("").astype(bool)
        & ~figures["change"].fillna("").astype(bool)
        & figures["kind"].isin(ABSOLUTE_KINDS)
    )
    groups: dict[tuple[str, str], list[tuple]] = {}
    for row in figures[wanted].itertuples(index=False):
        key = subject_key(row.subject)
        if key:
            groups.setdefault((key, row.unit_code or row.unit), []).append(row)
    series = []
    for (key, unit), rows in groups.items():
        if len({row.period.strip().lower() for row in rows}) < 2:
            continue
        rows.sort(key=lambda row: (period_sort_key(row.period), not row.derived, row.start))
        series.append(PeriodSeries(
            key, unit,
            ids=[row.highlight_id for row in rows],
            labels=[period_label(row.period) + (" (derived)" if row.derived else "") for row in rows],
            values=[float(row.value) for row in rows],
            derived=[bool(row.derived) for row in rows],
        ))
    series.sort(key=lambda s: (-len(s.ids), s.key))
    return series
