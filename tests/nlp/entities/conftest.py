"""Shared fixtures of the entity-stage tests."""

from __future__ import annotations

import pytest

from desktop.nlp.results import EntitySpan


@pytest.fixture(scope="session")
def nlp():
    from desktop.nlp.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def span_at():
    def make(text: str, surface: str, label: str, nth: int = 0, **fields) -> EntitySpan:
        """The ``nth`` occurrence of ``surface`` in ``text`` as a span labelled ``label``."""
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        return EntitySpan(start, start + len(surface), label, **fields)

    return make


@pytest.fixture(scope="session")
def labelled():
    def pairs(text: str, spans) -> list[tuple[str, str]]:
        """(surface, label) of each span, in order."""
        return [(text[s.start : s.end], s.label) for s in spans]

    return pairs
