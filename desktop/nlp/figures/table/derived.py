"""Derived figures: a value the text implies but does not state.

"trade grew by 40 percent in 2022, exceeding $460 million" implies trade in 2021 of
about 460,000,000 / 1.40; "3.2 million tons … five times higher than in 2021"
implies 3,200,000 / 5 tons in 2021. A derived row copies the stated figure it comes
from (its span, so selecting it shows that figure) with the implied value, the
earlier period, ``derived`` set and the ``formula`` written out.
"""

from __future__ import annotations

from desktop.nlp.figures.changes import change_factor
from desktop.nlp.figures.periods.normal_forms import plain_year
from desktop.nlp.figures.subjects.keys import subject_key

#: Kinds of stated figure a change can be applied to.
ABSOLUTE_KINDS = frozenset({"money", "quantity", "count", "other"})
_RELATIVE_UNITS = frozenset({"%", "pp", "bp", "x"})


def with_derived(columns: dict[str, list], text: str) -> dict[str, list]:
    """``columns`` (one list per figure column, FIGURE_COLUMNS and any others) with
    the derived rows the stated rows imply, each right after the figure it comes from.

    A change (``change`` "+40%", "×5 vs 2021") and an absolute figure of the same
    subject and period, in the same paragraph, give the value of the earlier period:
    the one the change names, else the year before a period that is one year. A
    change whose earlier period cannot be named ("the first four months of this
    year") derives nothing. Other columns of a derived row are copied from its source
    (``edited`` is cleared).
    """
    changes = columns["change"]
    if not any(changes):
        return columns
    stated = [i for i, derived in enumerate(columns["derived"]) if not derived]
    subjects, starts, period_cells = columns["subject"], columns["start"], columns["period"]
    periods = {i: period_cells[i].strip().lower() for i in stated if period_cells[i]}
    keys = {i: subject_key(subjects[i]) for i in periods if subjects[i]}
    paragraphs = {i: text.rfind("\n", 0, starts[i]) for i in keys if keys[i] and periods[i]}
    # absolute figures by what they measure, when and where: each change looks up
    # its own group instead of scanning every figure (long articles have thousands)
    groups: dict[tuple[str, str, int], list[int]] = {}
    for j in stated:
        if (j in paragraphs and not changes[j] and columns["kind"][j] in ABSOLUTE_KINDS
                and columns["unit_code"][j] not in _RELATIVE_UNITS):
            groups.setdefault((keys[j], periods[j], paragraphs[j]), []).append(j)
    added: dict[int, list[dict]] = {}
    # a level whose earlier value the text states ("rose 9% to £1.2bn from £1.1bn")
    # needs none derived
    roles, links = columns.get("role"), columns.get("link")
    stated_earlier = {links[j] for j in stated if roles and links and roles[j] == "previous" and links[j] >= 0}
    used = set()
    for i in stated:
        if not changes[i]:
            continue
        found = change_factor(changes[i])
        if found is None or not keys.get(i) or not periods.get(i):
            continue
        factor, base = found
        if not base:
            year = plain_year(columns["period"][i])
            base = str(year - 1) if year else ""
        candidates = [
            (abs(columns["start"][j] - columns["start"][i]), j)
            for j in groups.get((keys[i], periods[i], paragraphs[i]), ()) if j != i
        ]
        if not base or not candidates:
            continue
        source = min(candidates)[1]
        if columns["start"][source] in stated_earlier:
            continue
        if (source, base) not in used:
            used.add((source, base))
            added.setdefault(source, []).append(_derived_cells(columns, source, factor, base, changes[i]))
    if not added:
        return columns
    result = {name: list(values) for name, values in columns.items()}
    for source in sorted(added, reverse=True):  # from the end, so positions stay valid
        for cells in reversed(added[source]):
            for name, values in result.items():
                values.insert(source + 1, cells.get(name, columns[name][source]))
    return result


def _derived_cells(columns: dict[str, list], source: int, factor: float, base: str, change: str) -> dict:
    value = columns["value"][source]
    formula = f"{_number(value)} / {factor:g}" if change.startswith("×") else f"{_number(value)} / {factor:.2f}"
    cells = {
        "value": value / factor, "low": columns["low"][source] / factor, "high": columns["high"][source] / factor,
        "period": base, "change": "", "derived": True, "formula": formula,
        "role": "previous", "direction": "", "moved": "", "link": columns["start"][source],
    }
    if "edited" in columns:
        cells["edited"] = ""
    return cells


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"
