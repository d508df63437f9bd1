"""Highlight labels: name, colour, description, and whether figures live under them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

#: Labels whose highlights are read as figures. DATE is here because durations and
#: ages ("more than 30 years") are DATE spans in OntoNotes; a plain year reads as none.
FIGURE_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "DATE"})


@dataclass(frozen=True, slots=True)
class Label:
    """A highlight label as the user sees it."""

    name: str
    colour: str
    description: str = ""
    key: str = ""


@cache
def default_labels() -> tuple[Label, ...]:
    """The OntoNotes labels with their colours, in the order of the label bar; the
    first ten get the keys 1–9 and 0."""
    import desktop.resources  # a plain folder in every install (importlib.resources is slower)

    folder = Path(desktop.resources.__file__).parent
    raw = json.loads((folder / "labels.json").read_text("utf-8"))
    labels = []
    for position, item in enumerate(raw["labels"]):
        key = str((position + 1) % 10) if position < 10 else ""
        labels.append(Label(item["name"], item["colour"], item.get("description", ""), key))
    return tuple(labels)


def fallback_colour(name: str) -> str:
    """A stable pastel colour for a label that has none (e.g. an unknown model label)."""
    hue = sum(ord(c) * 31 ** i for i, c in enumerate(name)) % 360
    return _hsl_to_hex(hue, 0.65, 0.82)


def _hsl_to_hex(hue: float, saturation: float, lightness: float) -> str:
    import colorsys

    r, g, b = colorsys.hls_to_rgb(hue / 360, lightness, saturation)
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"
