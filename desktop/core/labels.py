"""Highlight labels: name, colour, description, and whether figures live under them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

#: Labels whose highlights are read as figures. DATE and TIME are here because durations
#: and ages ("more than 30 years", "36 hours") are DATE or TIME spans in OntoNotes; a
#: plain year or a time of day reads as none.
FIGURE_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL", "DATE", "TIME"})


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


@dataclass(frozen=True, slots=True)
class PaletteColour:
    """A label's colours in the app's palette: on a light page, on a dark one, and the
    light colours earlier versions gave it (a session saved with one of those is shown
    in today's palette; a colour the reader chose stays as chosen)."""

    light: str
    dark: str
    previous: tuple[str, ...] = ()


@cache
def palette() -> dict[str, PaletteColour]:
    """The palette of the default labels (``resources/labels.json``), by label name."""
    import desktop.resources

    folder = Path(desktop.resources.__file__).parent
    raw = json.loads((folder / "labels.json").read_text("utf-8"))
    return {item["name"]: PaletteColour(item["colour"].lower(), item["dark"].lower(),
                                        tuple(c.lower() for c in item.get("previous", ())))
            for item in raw["labels"]}


def shown_colour(name: str, colour: str, dark: bool) -> str:
    """The colour a highlight of label ``name`` (whose session colour is ``colour``) is
    painted with on a light or a dark page. The palette's own colours, today's or an
    earlier version's, give the palette's colour for the page; any other colour is kept
    on a light page and darkened, keeping its hue, on a dark one (:func:`dark_variant`)."""
    own = palette().get(name)
    colour = colour.lower()
    if own is not None and (colour == own.light or colour in own.previous):
        return own.dark if dark else own.light
    return dark_variant(colour) if dark else colour


#: A highlight on a dark page is at most this bright (relative luminance), so that light
#: text over it keeps a contrast of 4.5:1 and more (WCAG AA).
DARK_MAX_LUMINANCE = 0.11


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of a "#rrggbb" colour."""
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    low, high = sorted((relative_luminance(first), relative_luminance(second)))
    return (high + 0.05) / (low + 0.05)


@cache
def dark_variant(colour: str) -> str:
    """``colour`` with its hue kept, dark enough to carry light text (for a label
    colour the palette does not know: a reader's own, or a fallback)."""
    import colorsys

    r, g, b = (int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4))
    hue, lightness, saturation = colorsys.rgb_to_hls(r, g, b)
    saturation = min(saturation, 0.55)
    lightness = min(lightness, 0.32)
    while True:
        out = _hsl_to_hex(hue * 360, saturation, lightness)
        if relative_luminance(out) <= DARK_MAX_LUMINANCE or lightness <= 0.05:
            return out
        lightness -= 0.01


def fallback_colour(name: str) -> str:
    """A stable pastel colour for a label that has none (e.g. an unknown model label)."""
    hue = sum(ord(c) * 31 ** i for i, c in enumerate(name)) % 360
    return _hsl_to_hex(hue, 0.65, 0.82)


def _hsl_to_hex(hue: float, saturation: float, lightness: float) -> str:
    import colorsys

    r, g, b = colorsys.hls_to_rgb(hue / 360, lightness, saturation)
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"
