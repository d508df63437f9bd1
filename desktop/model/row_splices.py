"""Rows kept as one list per column: where two row sequences differ, and replacing a
run of rows (the figures table model patches itself with these after an edit)."""

from __future__ import annotations

import numpy as np


def common_ends(old: list[np.ndarray], new: list[np.ndarray]) -> tuple[int, int]:
    """How many rows the ``old`` and ``new`` keys (parallel arrays) share at their
    start and, after that, at their end."""
    if not old or not new:
        return 0, 0
    limit = min(len(old[0]), len(new[0]))

    def shared(old_part: list[np.ndarray], new_part: list[np.ndarray]) -> int:
        differs = np.zeros(len(old_part[0]), dtype=bool)
        for old_key, new_key in zip(old_part, new_part):
            differs |= old_key != new_key
        return int(np.argmax(differs)) if differs.any() else len(differs)

    start = shared([key[:limit] for key in old], [key[:limit] for key in new])
    rest = limit - start
    end = shared([key[::-1][:rest] for key in old], [key[::-1][:rest] for key in new])
    return start, end


def splice_rows(cells: dict[str, list], position: int, removed: int, added: dict[str, list] | None) -> None:
    """Replace rows ``[position, position + removed)`` of ``cells`` with ``added``."""
    for name, values in cells.items():
        values[position:position + removed] = added[name] if added is not None else []
