"""Moving a reading or a span found in a chunk to its place in the whole text, and
sending it from a worker process."""

import pickle
from dataclasses import fields, replace

from desktop.core.figure import FigureReading
from desktop.nlp.results import EntitySpan


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
        linked = {"link": original.link + 1000} if cls is FigureReading else {}  # an offset too
        assert original.shifted(1000) == replace(original, start=1010, end=1014, **linked)
        back = {"link": original.link - 10} if cls is FigureReading else {}
        assert original.shifted(-10) == replace(original, start=0, end=4, **back)


def test_a_reading_tied_to_no_figure_stays_unlinked_when_shifted():
    reading = FigureReading(3, 5, "5%", 5.0, "%", "%", "percent")
    assert reading.shifted(100).link == -1


def test_a_pickled_reading_or_span_comes_back_equal():
    for cls in (FigureReading, EntitySpan):
        original = _every_field_set(cls, 10, 14)
        assert pickle.loads(pickle.dumps(original)) == original
