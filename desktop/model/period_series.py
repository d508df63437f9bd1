"""What the "Over time" chart draws (computed from the figures table, no Qt here).

For each subject with levels at two or more periods: its points in time order, on
lines that only join comparable periods (whole years with whole years, quarters
with quarters, months with months, part-years of the same length with each other),
and the changes stated for it, drawn apart from the levels as signed bars.

What each figure is, a level, a change or a share, is read in
:mod:`desktop.model.figure_measures`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from desktop.model.figure_measures import ChangeAmount, change_amount, figure_measures
from desktop.model.period_grains import (
    Grain,
    Slot,
    period_place,
    period_text,
    relative_shift,
    shifted_place,
)
from desktop.nlp.figures.subjects.keys import subject_key
from desktop.nlp.figures.table.derived import ABSOLUTE_KINDS

_RELATIVE_UNITS = frozenset({"%", "pp", "bp"})


@dataclass
class PeriodPoint:
    """A level of the subject at one period: stated, derived (implied by a change)
    or forecast."""

    id: str
    slot: int
    value: float
    grain: Grain
    derived: bool = False
    forecast: bool = False
    previous: bool = False
    surface: str = ""
    formula: str = ""

    @property
    def stated(self) -> bool:
        return not (self.derived or self.forecast)


@dataclass
class LevelLine:
    """The points of one grain, in time order; ``joined`` are those the line goes
    through (one per period: a stated one first)."""

    grain: Grain
    points: list[int] = field(default_factory=list)
    joined: list[int] = field(default_factory=list)

    @property
    def connected(self) -> bool:
        return len(self.joined) >= 2


@dataclass
class ChangeBar:
    """A change stated for the subject, at the period it reaches."""

    id: str
    slot: int
    value: float
    unit: str
    text: str
    forecast: bool = False


@dataclass
class PeriodSeries:
    """One subject in one unit over time: its periods (``slots``, in time order),
    its levels (``points``) on lines of comparable periods, the changes stated for
    it, and how many of its figures the chart leaves out and why."""

    key: str
    unit: str
    measure: str = "level"
    slots: list[Slot] = field(default_factory=list)
    points: list[PeriodPoint] = field(default_factory=list)
    lines: list[LevelLine] = field(default_factory=list)
    changes: list[ChangeBar] = field(default_factory=list)
    change_unit: str = ""
    left_out: dict[str, int] = field(default_factory=dict)

    @property
    def name(self) -> str:
        """ "trade (USD)", "market (share, %)"."""
        return f"{self.key} ({'share, ' if self.measure == 'share' else ''}{self.unit})"

    @property
    def ids(self) -> list[str]:
        return [point.id for point in self.points]

    @property
    def values(self) -> list[float]:
        return [point.value for point in self.points]

    @property
    def derived(self) -> list[bool]:
        return [point.derived for point in self.points]

    @property
    def labels(self) -> list[str]:
        """Each point's period: "2021 (derived)", "Jan–Apr this year, 4 months"."""
        return [self.point_label(i) for i in range(len(self.points))]

    def point_label(self, index: int) -> str:
        point = self.points[index]
        slot = self.slots[point.slot]
        notes = [slot.note] if slot.note else []
        notes += ["derived"] * point.derived + ["forecast"] * point.forecast
        return f"{slot.label}, {', '.join(notes)}" if notes else slot.label

    def slot_label(self, index: int) -> str:
        """The axis label of slot ``index``: its period, then (on a second line) its
        length, or "derived"/"forecast" when every level there is."""
        slot = self.slots[index]
        here = [p for p in self.points if p.slot == index]
        notes = [slot.note] if slot.note else []
        if here and all(p.derived for p in here):
            notes.append("derived")
        elif here and all(p.forecast for p in here):
            notes.append("forecast")
        return "\n".join([slot.label, ", ".join(notes)]) if notes else slot.label

    @property
    def title(self) -> str:
        """ "trade: 2021 (derived), 2022, Jan–Apr this year (4 months)"."""
        return f"{self.key}: {', '.join(self.labels)}"


@dataclass
class _Row:
    id: str
    start: int
    surface: str
    value: float
    unit: str
    kind: str
    key: str
    period: str
    change: str
    role: str
    direction: str
    link: int
    derived: bool
    formula: str
    measure: str
    place: Slot | None = None  # where an earlier value written "a year earlier" goes


def _rows(figures: pd.DataFrame) -> list[_Row]:
    """The rows with a subject, and the changes, in text order, as plain records. A
    change whose subject was not read takes that of the level it is tied to
    (``link``), else of the one level with a subject its sentence states for the
    same period ("a 40 percent increase in the first four months, reaching $185
    million")."""
    if figures.empty:
        return []
    subjects = figures["subject"].fillna("").to_numpy(dtype=object)
    all_measures = figure_measures(figures)
    wanted = np.flatnonzero(subjects.astype(bool) | (all_measures == "change"))
    if not len(wanted):
        return []

    def column(name: str) -> list:
        values = figures[name]
        if values.dtype.kind in "ifb":
            return values.to_numpy()[wanted].tolist()
        return values.fillna("").to_numpy(dtype=object)[wanted].tolist()

    units = [code or unit for code, unit in zip(column("unit_code"), column("unit"))]
    rows = [
        _Row(hid, start, surface, value, unit, kind, subject_key(subject) if subject else "", period, change,
             role, direction, link, bool(derived), formula, measure)
        for hid, start, surface, value, unit, kind, period, change, role, direction, link, derived, formula,
        subject, measure in zip(
            column("highlight_id"), column("start"), column("surface"), column("value"), units,
            column("kind"), column("period"), column("change"), column("role"), column("direction"),
            column("link"), column("derived"), column("formula"), subjects[wanted].tolist(),
            all_measures[wanted].tolist())
    ]
    unnamed = [i for i, row in enumerate(rows) if not row.key]
    if unnamed:
        sentences = column("sentence")
        by_start = {row.start: row for row in rows if not row.derived}
        levels: dict[tuple[str, str], list[_Row]] = {}  # by sentence and period
        for sentence, row in zip(sentences, rows):
            if row.key and not row.derived and row.measure == "level":
                levels.setdefault((sentence, row.period), []).append(row)
        for i in unnamed:
            row = rows[i]
            linked = by_start.get(row.link) if row.link >= 0 else None
            if linked is None and sentences[i]:
                candidates = levels.get((sentences[i], row.period), [])
                linked = candidates[0] if len(candidates) == 1 else None
            if linked is not None:
                row.key = linked.key
    return [row for row in rows if row.key]


def _is_level(row: _Row) -> bool:
    """A level or share the chart can put on a line: an amount (money, quantity,
    count) or, when the role says so, a percentage level or share."""
    if row.measure == "change" or not row.period or not row.key:
        return False
    if row.kind in ABSOLUTE_KINDS and row.unit not in _RELATIVE_UNITS:
        return row.measure == "level"
    return row.kind == "percent" and row.role in ("level", "share", "forecast", "previous")


def period_series(figures: pd.DataFrame) -> list[PeriodSeries]:
    """A series per (subject, unit, level or share) with levels at two or more
    periods, largest first; the changes stated for each subject drawn apart."""
    rows = _rows(figures)
    if not rows:
        return []
    by_start = {row.start: row for row in rows if not row.derived}
    groups: dict[tuple[str, str, str], list[_Row]] = {}
    for row in rows:
        if _is_level(row):
            measure = "share" if row.role == "share" else "level"
            groups.setdefault((row.key, row.unit, measure), []).append(row)
    series_of: dict[tuple[str, str, str], PeriodSeries] = {}
    left_out: dict[tuple[str, str, str], Counter] = {}
    for group, members in groups.items():
        counts: Counter = Counter()
        kept = [row for row in members if not _without_own_period(row, by_start, counts)]
        for row in kept:
            row.place = _earlier_place(row, by_start)
        if len({_slot_key(_row_place(row)) for row in kept}) >= 2:
            series_of[group] = _series(group, kept)
            left_out[group] = counts
    _add_changes(series_of, left_out, [row for row in rows if row.measure == "change" and row.key], by_start)
    for group, series in series_of.items():
        series.left_out = dict(left_out[group])
    return sorted(series_of.values(), key=lambda s: (-len(s.points), s.key, s.unit))


def _without_own_period(row: _Row, by_start: dict[int, _Row], counts: Counter) -> bool:
    """Whether ``row`` is an earlier value written with the period of the level it
    is compared with (it would sit at the wrong place): counted, and left out."""
    if row.derived or row.role != "previous" or row.link < 0:
        return False
    level = by_start.get(row.link)
    if level is not None and period_text(level.period)[0] == period_text(row.period)[0]:
        counts["earlier values without a period of their own"] += 1
        return True
    return False


def _earlier_place(row: _Row, by_start: dict[int, _Row]) -> Slot | None:
    """Where an earlier value written relative to the level it is compared with goes:
    "$80m year-earlier" tied to "$95m for the three months to June" is the three months
    to June a year before, on that level's line; None when its period is no
    such anchor, or the level's period is unknown or cannot be shifted in its grain."""
    if row.derived or row.role != "previous" or row.link < 0:
        return None
    shift = relative_shift(row.period)
    level = by_start.get(row.link)
    if shift is None or level is None or not level.period or relative_shift(level.period) is not None:
        return None
    return shifted_place(level.period, *shift)


def _row_place(row: _Row) -> Slot:
    return row.place if row.place is not None else period_place(row.period)


def _slot_key(place: Slot) -> tuple[str, Grain, str]:
    return place.label, place.grain, place.note


def _series(group: tuple[str, str, str], rows: list[_Row]) -> PeriodSeries:
    key, unit, measure = group
    series = PeriodSeries(key, unit, measure)
    slot_of: dict[tuple[str, Grain, str], int] = {}
    placed = sorted(((_row_place(row), row) for row in rows),
                    key=lambda item: (item[0].order, item[1].derived, item[1].start))
    for place, row in placed:
        slot = _slot(series, slot_of, place)
        series.points.append(PeriodPoint(
            row.id, slot, float(row.value), place.grain, derived=row.derived,
            forecast=row.role == "forecast", previous=row.role == "previous" or row.derived,
            surface=row.surface, formula=row.formula))
    lines: dict[Grain, LevelLine] = {}
    for index, point in enumerate(series.points):
        grain = point.grain if point.grain.joinable else Grain("other", -index - 1)  # each alone
        lines.setdefault(grain, LevelLine(point.grain)).points.append(index)
    for line in lines.values():
        by_slot: dict[int, int] = {}
        for index in line.points:  # per period, the stated point first, else the first
            known = by_slot.get(series.points[index].slot)
            if known is None or (series.points[index].stated and not series.points[known].stated):
                by_slot[series.points[index].slot] = index
        line.joined = sorted(by_slot.values(), key=lambda i: series.points[i].slot)
    series.lines = sorted(lines.values(), key=lambda line: (-len(line.points), line.points[0]))
    return series


def _slot(series: PeriodSeries, slot_of: dict, place: Slot) -> int:
    """The slot of ``place`` in ``series``, added (in time order) when new."""
    key = _slot_key(place)
    found = slot_of.get(key)
    if found is None:
        found = slot_of[key] = len(series.slots)
        series.slots.append(replace(place))
    return found


def _add_changes(series_of: dict, left_out: dict, changes: list[_Row], by_start: dict[int, _Row]) -> None:
    """Give each series the changes stated for its subject: a change tied to a level
    (``link``) goes to that level's series, an amount to the series of its unit, a
    relative change to the series with a level at its period (else the largest)."""
    of_key: dict[str, list[tuple[str, str, str]]] = {}
    for group in series_of:
        if group[2] == "level":
            of_key.setdefault(group[0], []).append(group)
    found: dict[tuple[str, str, str], list[tuple[_Row, ChangeAmount, str]]] = {}
    for row in changes:
        groups = of_key.get(row.key)
        if not groups:
            continue
        linked = by_start.get(row.link) if row.link >= 0 else None
        period = row.period or (linked.period if linked else "")
        amount = change_amount(row.value, row.change, row.direction, row.unit, row.kind)
        targets = [g for g in groups if linked is not None and g[1] == linked.unit]
        if not targets and amount.unit not in _RELATIVE_UNITS:
            targets = [g for g in groups if g[1] == amount.unit]
        if not targets:
            label = period_text(period)[0] if period else None
            targets = [g for g in groups if any(s.label == label for s in series_of[g].slots)]
        if not targets and amount.unit in _RELATIVE_UNITS:
            targets = groups[:1]
        for group in targets:
            if not period:
                left_out[group]["changes without a period"] += 1
            else:
                found.setdefault(group, []).append((row, amount, period))
    for group, items in found.items():
        series = series_of[group]
        units = Counter(amount.unit for _, amount, _ in items)
        series.change_unit = max(units, key=lambda unit: (units[unit], unit == "%"))
        slot_of = {_slot_key(slot): i for i, slot in enumerate(series.slots)}
        for row, amount, period in items:
            if amount.unit != series.change_unit:
                left_out[group][f"changes in {amount.unit}"] += 1
                continue
            slot = _slot(series, slot_of, period_place(period))
            series.changes.append(ChangeBar(row.id, slot, amount.value, amount.unit, amount.text,
                                            forecast=row.role == "forecast"))
        _reorder_slots(series)


def _reorder_slots(series: PeriodSeries) -> None:
    """Put slots added for changes in time order with the others."""
    order = sorted(range(len(series.slots)), key=lambda i: (series.slots[i].order, i))
    if order == list(range(len(order))):
        return
    new_index = {old: new for new, old in enumerate(order)}
    series.slots = [series.slots[i] for i in order]
    for point in series.points:
        point.slot = new_index[point.slot]
    for change in series.changes:
        change.slot = new_index[change.slot]
    for line in series.lines:
        line.joined.sort(key=lambda i: series.points[i].slot)
