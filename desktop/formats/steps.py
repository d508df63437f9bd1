"""Work done in steps: a generator that yields between slices and returns its result."""

from __future__ import annotations

from collections.abc import Generator
from typing import TypeVar

R = TypeVar("R")


def run_to_end(steps: Generator[None, None, R]) -> R:
    """Take every step of ``steps`` at once and return its result."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value
