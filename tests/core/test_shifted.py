"""Moving a reading or a span found in a chunk to its place in the whole text, and
sending it from a worker process."""

import pickle
from dataclasses import fields, replace

from desktop.core.figure import FigureReading
from desktop.nlp.entity_merge import EntitySpan


def _every_field_set(cls, start: int, end: int):
    """An instance of ``cls`` with no field left at its default."""
    values = {}
    for number, field in enumerate(fields(cls)):
        kind = str(field.type)
        values[field.name] = (number + 3.5 if "float" in kind else number + 2 if "int" in kind
                              else f"{field.name} value")
    values.update(start=start, end=end)
    return cls(**values)


def test_shifted_moves_the_offsets_and_keeps_every_other_field():
    for cls in (FigureReading, EntitySpan):
        original = _every_field_set(cls, 10, 14)
        assert original.shifted(1000) == replace(original, start=1010, end=1014)
        assert original.shifted(-10) == replace(original, start=0, end=4)


def test_a_pickled_reading_or_span_comes_back_equal():
    for cls in (FigureReading, EntitySpan):
        original = _every_field_set(cls, 10, 14)
        assert pickle.loads(pickle.dumps(original)) == original
