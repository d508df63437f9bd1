"""The figure engine: figures stated in English text, what each is of and when, and the
figures table built from them. Rule-based, no neural model.

Scanning (no parse): :mod:`.scanner` finds every figure with its span and value
(:func:`find_figures`, :func:`read_figure`, :func:`extract_figures`), reading numerals
and number words (:mod:`.numbers`), amounts (:mod:`.amounts`), units (:mod:`.units`
over the lexicon of :mod:`.unit_lexicon`, the phrase around a unit in
:mod:`.unit_phrases`, currency symbols and codes before an amount in
:mod:`.currency_prefixes`), ranges (:mod:`.ranges`), movements (:mod:`.movements`),
multipliers (:mod:`.multipliers`) and qualifiers (:mod:`.qualifiers`);
:mod:`.non_figures` drops what only looks like a figure, :mod:`.carried_currency` and
:mod:`.exchange_rates` give a bare amount its currency. :mod:`.base_units` converts a
reading to SI base units (with pint, an optional dependency; the app does not).

Describing (over a parse): :mod:`.describe` gives each figure its period
(:mod:`.periods`), subject (:mod:`.subjects`), role and change (:mod:`.roles`,
:mod:`.changes`), from where it stands in its text (:mod:`.surroundings`).

The table: :mod:`.table` turns readings into the figures table (a DataFrame in
:mod:`.table.frame`, the editable rows of a session in :mod:`.table.rows` and
:mod:`.table.highlights`, the figures they imply in :mod:`.table.derived`).

Importing this package is cheap: the scanner is loaded on first use of its names.
"""

from __future__ import annotations

__all__ = ["extract_figures", "find_figures", "read_figure"]


def __getattr__(name: str):
    if name in __all__:
        from desktop.nlp.figures import scanner

        return getattr(scanner, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
