"""Canonical names for mentions that are already labelled (a session's highlights).

The analysis names the entities it finds as it goes; a session's highlights are
partly the person's, so their names are found again here by the same document
stages that name them in the analysis (abbreviations, full names, the gazetteer),
without changing any label.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.nlp.entities.abbreviations import link_abbreviations
from desktop.nlp.entities.canonical import assign_canonical
from desktop.nlp.entities.consistency import make_consistent
from desktop.nlp.entities.words import plain_name, sort_spans
from desktop.nlp.results import EntitySpan


def canonical_names(spans: Sequence[EntitySpan], text: str) -> list[str]:
    """The canonical name of the entity each of ``spans`` mentions, in their order:
    "Mussabekova" -> "Aliya Mussabekova" when she is named in full, "OTS" -> the
    long form it abbreviates, "Kazakh" -> "Kazakhstan"."""
    unique = {(s.start, s.end): s for s in reversed(spans)}  # the first of a span wins
    named = assign_canonical(make_consistent(link_abbreviations(sort_spans(unique.values()), text),
                                             text), text)
    names = {(s.start, s.end): s.canonical for s in named}
    return [names.get((s.start, s.end)) or plain_name(text[s.start : s.end]) for s in spans]
