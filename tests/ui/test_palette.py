"""The label palette: every pair of highlight colours told apart with normal colour vision
and under simulated protan, deutan and tritan deficiencies; text readable over every
highlight (WCAG contrast); dark mode following the system's colour scheme."""

from __future__ import annotations

import itertools

import colorspacious
import numpy as np
import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from desktop.core.labels import (
    contrast_ratio,
    dark_variant,
    default_labels,
    fallback_colour,
    palette,
    shown_colour,
)
from desktop.ui.colour_scheme import ARTICLE_TEXT, CHART_COLOURS, SCHEME

#: The smallest colour difference between two labels' highlights (CAM02-UCS ΔE, where
#: about 1 is a just-noticeable difference side by side; 7 and more is plain at a glance),
#: for each kind of vision: normal, and Machado et al.'s (2009) simulation of full
#: protanopia, deuteranopia and tritanopia (severity 100).
MIN_DELTA_E = 7.0
#: Each highlight differs at least this much from the page under it.
MIN_DELTA_E_FROM_PAGE = 12.0
VISIONS = {"normal": None, "protan": "protanomaly", "deutan": "deuteranomaly", "tritan": "tritanomaly"}
#: The article page: the base colour of the light (Qt's) and dark (the app's) palettes.
PAGES = {False: "#ffffff", True: "#1e1f22"}
WCAG_AA = 4.5


def rgb(colour: str) -> np.ndarray:
    return np.array([int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)])


def seen(colours: list[str], vision: str) -> np.ndarray:
    """The colours in CAM02-UCS as a reader with ``vision`` sees them."""
    values = np.array([rgb(c) for c in colours])
    if VISIONS[vision]:
        space = {"name": "sRGB1+CVD", "cvd_type": VISIONS[vision], "severity": 100}
        values = np.clip(colorspacious.cspace_convert(values, space, "sRGB1"), 0, 1)
    return colorspacious.cspace_convert(values, "sRGB1", "CAM02-UCS")


def palette_colours(dark: bool) -> dict[str, str]:
    return {label.name: shown_colour(label.name, label.colour, dark) for label in default_labels()}


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
@pytest.mark.parametrize("vision", list(VISIONS))
def test_every_pair_of_labels_is_told_apart(vision, dark):
    colours = palette_colours(dark)
    names = list(colours)
    points = seen(list(colours.values()), vision)
    closest = min((float(np.linalg.norm(points[i] - points[j])), names[i], names[j])
                  for i, j in itertools.combinations(range(len(names)), 2))
    assert closest[0] >= MIN_DELTA_E, f"{closest[1]} and {closest[2]}: ΔE {closest[0]:.1f} ({vision})"
    page = seen([PAGES[dark]], vision)[0]
    nearest_page = min(float(np.linalg.norm(point - page)) for point in points)
    assert nearest_page >= MIN_DELTA_E_FROM_PAGE


def test_the_old_palette_failed_this_test():
    """LOC and DATE were hard to tell apart (issue 23): the test would have said so."""
    old = [own.previous[0] for own in palette().values()]
    points = seen(old, "normal")
    closest = min(float(np.linalg.norm(points[i] - points[j])) for i, j in itertools.combinations(range(len(old)), 2))
    assert closest < MIN_DELTA_E


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_text_over_every_highlight_has_a_contrast_of_4_5_and_more(dark):
    text = ARTICLE_TEXT[dark]
    for name, colour in palette_colours(dark).items():
        assert contrast_ratio(text, colour) >= WCAG_AA, (name, colour)
        # a suggestion is painted translucent over the page (article_view._SUGGESTION_ALPHA)
        blended = blend(colour, PAGES[dark], 140 / 255)
        assert contrast_ratio(text, blended) >= WCAG_AA, (name, blended)
    # the table and charts: text on their page, corrected and derived cells
    chart = CHART_COLOURS[dark]
    assert contrast_ratio(chart["text"], chart["background"]) >= WCAG_AA
    assert contrast_ratio(ARTICLE_TEXT[dark], chart["edited"]) >= WCAG_AA
    assert contrast_ratio(chart["derived"], PAGES[dark]) >= WCAG_AA


def blend(colour: str, under: str, alpha: float) -> str:
    mixed = alpha * rgb(colour) + (1 - alpha) * rgb(under)
    return "#" + "".join(f"{round(v * 255):02x}" for v in mixed)


def test_sessions_keep_their_own_colours_and_old_defaults_take_the_new_palette():
    loc = palette()["LOC"]
    assert shown_colour("LOC", loc.previous[0], dark=False) == loc.light  # saved by an earlier version
    assert shown_colour("LOC", loc.light.upper(), dark=True) == loc.dark
    assert shown_colour("LOC", "#123456", dark=False) == "#123456"  # chosen by the reader: kept
    for colour in ("#ffb3ba", "#fff59d", "#123456", "#00ff00", fallback_colour("TICKER"), "#ffffff"):
        darker = shown_colour("UNKNOWN", colour, dark=True)
        assert darker == dark_variant(colour)
        assert contrast_ratio(ARTICLE_TEXT[True], darker) >= WCAG_AA, colour


# -- dark mode in the window -------------------------------------------------------------

@pytest.fixture
def system_scheme(qapp):
    """Pretends to be the desktop telling Qt its colour scheme; back to light after."""
    hints = QGuiApplication.styleHints()
    # widgets earlier tests closed (deleteLater) go now, not while the scheme changes
    QGuiApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def tell(scheme: Qt.ColorScheme) -> None:
        hints.colorSchemeChanged.emit(scheme)

    yield tell
    tell(Qt.ColorScheme.Light)
    QSettings().remove("view/colourScheme")
    SCHEME.apply()
    assert not SCHEME.dark


def highlight_fill(window, highlight) -> str:
    """The colour most of ``highlight``'s first box is painted with (its fill: the
    glyphs over it take fewer pixels)."""
    view = window.article_view
    rect = view._span_rects(highlight.start, highlight.end)[0].toRect().adjusted(3, 3, -3, -4)
    image = view.viewport().grab().toImage()
    counts: dict[str, int] = {}
    for x in range(rect.left(), rect.right()):
        for y in range(rect.top(), rect.bottom()):
            name = image.pixelColor(x, y).name()
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.get)


def expected_fill(highlight, dark: bool) -> str:
    colour = palette()[highlight.label].dark if dark else palette()[highlight.label].light
    return blend(colour, PAGES[dark], 140 / 255) if highlight.status == "suggested" else colour


def test_the_window_follows_the_system_into_dark_mode_and_back(window, seed_path, wait_for_analysis,
                                                              system_scheme, qtbot):
    assert window.open_path(seed_path)
    wait_for_analysis(window)
    window.model.select("")
    first = next(h for h in window.model.session.highlights if h.label == "GPE")
    qtbot.wait(50)
    assert _near(highlight_fill(window, first), expected_fill(first, dark=False))

    system_scheme(Qt.ColorScheme.Dark)
    qtbot.waitUntil(lambda: SCHEME.dark)
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
    assert window.article_view.palette().color(QPalette.ColorRole.Text).name() == ARTICLE_TEXT[True]
    bars = window.charts_view.figure_bars.chart
    assert bars.backgroundBrush().color().name() == CHART_COLOURS[True]["background"]
    qtbot.wait(50)
    assert _near(highlight_fill(window, first), expected_fill(first, dark=True))

    system_scheme(Qt.ColorScheme.Light)
    qtbot.waitUntil(lambda: not SCHEME.dark)
    assert QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() >= 128
    assert window.article_view.palette().color(QPalette.ColorRole.Text).name() == ARTICLE_TEXT[False]
    qtbot.wait(50)
    assert _near(highlight_fill(window, first), expected_fill(first, dark=False))


def _near(colour: str, expected: str, tolerance: int = 3) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(QColor(colour).getRgb()[:3], QColor(expected).getRgb()[:3]))


def test_the_colours_menu_overrides_the_system_and_is_remembered(window, system_scheme, qtbot):
    window.menu_actions.colours["dark"].trigger()
    assert SCHEME.dark and QSettings().value("view/colourScheme") == "dark"
    system_scheme(Qt.ColorScheme.Light)  # the system says light: the reader said dark
    assert SCHEME.dark
    window.menu_actions.colours["system"].trigger()
    assert not SCHEME.dark
