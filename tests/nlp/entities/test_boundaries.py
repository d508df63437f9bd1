"""Stray punctuation at a span's edge is cut off; full stops of abbreviations stay."""

from __future__ import annotations

import pytest

from desktop.nlp.entities.boundaries import trim_punctuation
from desktop.nlp.entity_merge import EntitySpan


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Max Planck Institute for Astronomy (", "the Max Planck Institute for Astronomy"),
        ('"The Silent Harbour', "The Silent Harbour"),
        ("Real Madrid)", "Real Madrid"),
        ("Organization of Turkic States (OTS)", "Organization of Turkic States (OTS)"),
        ("U.S.", "U.S."),
        ("Acme Inc.", "Acme Inc."),
    ],
)
def test_stray_marks_are_cut(text, expected):
    [span] = trim_punctuation([EntitySpan(0, len(text), "ORG", model_label="ORG")], text)
    assert text[span.start : span.end] == expected
    assert (span.label, span.model_label) == ("ORG", "ORG")


def test_a_span_of_nothing_but_marks_is_dropped():
    assert trim_punctuation([EntitySpan(0, 2, "ORG")], '("') == []
