"""Light or dark: the window follows the system's colour scheme (Qt's QStyleHints), or
the reader's choice under View > Colours, and every pane adapts its colours.

Some platforms report a dark scheme and give Qt a dark palette; others (a bare X
server, the offscreen platform) report none or keep a light palette: there the
window sets Fusion's dark palette itself. Panes that draw their own colours (the
article's highlights, the charts) listen to :data:`SCHEME.sigChanged`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from desktop.core.labels import Label, shown_colour

#: QSettings key of the reader's choice: "system" (the default), "light" or "dark".
SETTING = "view/colourScheme"
CHOICES = ("system", "light", "dark")
#: The article's text colour in each scheme (its contrast over every highlight is tested).
ARTICLE_TEXT = {False: "#111111", True: "#f0f0f0"}
#: The colours the charts and table draw with, in each scheme.
CHART_COLOURS = {
    False: {"background": "#ffffff", "text": "#202124", "axis": "#9aa0a6", "mark": "#1f1f1f",
            "plain": "#5f6368", "edited": "#fff4d6", "derived": "#5f6368"},
    True: {"background": "#1e1f22", "text": "#e8eaed", "axis": "#80868b", "mark": "#f1f3f4",
           "plain": "#9aa0a6", "edited": "#4a3f1c", "derived": "#a8adb3"},
}


def _dark_palette() -> QPalette:
    """Fusion's colours for a dark window (what Qt itself uses when the platform asks)."""
    window, base, text = QColor("#2b2b2d"), QColor("#1e1f22"), QColor("#f0f0f0")
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, window), (roles.WindowText, text), (roles.Base, base),
        (roles.AlternateBase, QColor("#26272a")), (roles.ToolTipBase, QColor("#3c3d40")),
        (roles.ToolTipText, text), (roles.PlaceholderText, QColor("#9aa0a6")), (roles.Text, text),
        (roles.Button, QColor("#333438")), (roles.ButtonText, text), (roles.BrightText, QColor("#ff6b6b")),
        (roles.Light, QColor("#505155")), (roles.Midlight, QColor("#404145")), (roles.Mid, QColor("#303134")),
        (roles.Dark, QColor("#191a1c")), (roles.Shadow, QColor("#000000")),
        (roles.Highlight, QColor("#3d6fb6")), (roles.HighlightedText, QColor("#ffffff")),
        (roles.Link, QColor("#8ab4f8")), (roles.LinkVisited, QColor("#c58af9")),
    ):
        palette.setColor(role, colour)
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7f8186"))
    return palette


def palette_is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


class ColourScheme(QObject):
    """The window's scheme: :attr:`dark`, and ``sigChanged(dark)`` when it flips."""

    sigChanged = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self.dark = False
        self._followed = False
        self._own_palette = False
        self._system_scheme = Qt.ColorScheme.Unknown

    # -- what the reader chose ------------------------------------------------
    def preference(self) -> str:
        value = QSettings().value(SETTING, "system")
        return value if value in CHOICES else "system"

    def set_preference(self, choice: str) -> None:
        """Follow the system ("system") or keep "light" or "dark"; saved in settings."""
        if choice not in CHOICES:
            raise ValueError(f"colour scheme {choice!r}: one of {', '.join(CHOICES)}")
        QSettings().setValue(SETTING, choice)
        self.apply()

    # -- following the system ----------------------------------------------------
    def follow(self) -> None:
        """Listen to the system's scheme (once per process) and apply it now."""
        app = QGuiApplication.instance()
        if app is None:
            return
        if not self._followed:
            self._followed = True
            hints = app.styleHints()
            self._system_scheme = hints.colorScheme()
            hints.colorSchemeChanged.connect(self._on_system_change)
        self.apply()

    def _on_system_change(self, scheme: Qt.ColorScheme) -> None:
        self._system_scheme = scheme
        self.apply()

    def wants_dark(self) -> bool:
        choice = self.preference()
        if choice != "system":
            return choice == "dark"
        if self._system_scheme == Qt.ColorScheme.Dark:
            return True
        if self._system_scheme == Qt.ColorScheme.Light:
            return False
        app = QGuiApplication.instance()  # no word from the platform: its palette tells
        return bool(app) and not self._own_palette and palette_is_dark(app.palette())

    def apply(self) -> None:
        app = QGuiApplication.instance()
        if app is None:
            return
        dark = self.wants_dark()
        if dark and not palette_is_dark(app.palette()):
            app.setPalette(_dark_palette())
            self._own_palette = True
        elif not dark and (self._own_palette or palette_is_dark(app.palette())):
            app.setPalette(app.style().standardPalette() if hasattr(app, "style") else QPalette())
            self._own_palette = False
            if palette_is_dark(app.palette()):  # a dark style's own palette: Fusion's light one
                from PySide6.QtWidgets import QStyleFactory

                app.setPalette(QStyleFactory.create("Fusion").standardPalette())
        if dark != self.dark:
            self.dark = dark
            self.sigChanged.emit(dark)

    # -- colours -----------------------------------------------------------------
    def label_colour(self, label: Label) -> str:
        """The colour ``label``'s highlights are painted with in this scheme."""
        return shown_colour(getattr(label, "name", ""), label.colour, self.dark)

    def chart(self, name: str) -> str:
        return CHART_COLOURS[self.dark][name]

    def article_text(self) -> str:
        return ARTICLE_TEXT[self.dark]


#: The one scheme of the process (made on import; follows the system once a window asks).
SCHEME = ColourScheme()


class _Relay(QObject):
    """Passes ``SCHEME.sigChanged`` on to a callback while its parent lives: a child of
    the widget, so that Qt drops the connection with the widget (a lambda connected to
    the process-wide scheme would be called on a deleted widget)."""

    def __init__(self, parent: QObject, callback) -> None:
        super().__init__(parent)
        self._callback = callback
        SCHEME.sigChanged.connect(self.relay)

    def relay(self, dark: bool) -> None:
        self._callback(dark)


def on_scheme_change(receiver: QObject, callback) -> None:
    """Call ``callback(dark)`` when the scheme flips, for as long as ``receiver`` lives."""
    _Relay(receiver, callback)


def set_preferred_scheme(choice: str) -> None:
    """"system", "light" or "dark" (View > Colours); saved for the next start."""
    SCHEME.set_preference(choice)
