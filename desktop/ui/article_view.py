"""ArticleView: the article text with its highlights painted per visible block."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtCore import QEvent, QPointF, QRectF, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QTextCursor, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QToolTip

from desktop import trace
from desktop.core.highlight import Highlight
from desktop.core.utf16 import Utf16Offsets
from desktop.model.session_model import SessionModel
from desktop.ui.colour_scheme import SCHEME, on_scheme_change

_NESTED_INSET = 2.0
#: Suggestions are drawn paler than accepted and hand-made highlights.
_SUGGESTION_ALPHA = 140
_ORIGIN_TEXT = {
    ("manual", "accepted"): "added by hand",
    ("model", "accepted"): "from the model, accepted",
    ("model", "suggested"): "suggested by the model: Enter accepts, Backspace rejects",
    ("model", "rejected"): "rejected",
    ("manual", "suggested"): "added by hand",
    ("manual", "rejected"): "rejected",
}


class ArticleView(QPlainTextEdit):
    """Read-only article text; highlights are painted under the visible text only.

    Highlights are not stored in the QTextDocument: on each paint the view asks the
    model's interval index for the highlights of the visible blocks, so a long
    article with many highlights costs no more to show than a short one. Qt counts
    UTF-16 units and the model counts code points; ``_offsets`` converts between them.

    Until the text is first painted the view leaves alone what PySide6 builds on first
    use at a cost (start-up time): the Qt namespace (``QtCore.Qt``, 15 ms) and the
    Python side of ``viewport()`` (its first QWidget* return builds every widget class,
    10 ms). The first paint needs neither when no highlight is in sight.
    """

    sigTextShown = Signal()  # the first paint with text in it (once per view)
    sigSessionShown = Signal()  # the first paint after each new session

    def __init__(self, model: SessionModel, parent=None) -> None:
        super().__init__(parent)
        self._model = model
        self._offsets = Utf16Offsets("")
        self._text_shown = False
        self._session_shown = True
        self.setObjectName("articleView")
        self.setReadOnly(True)  # selectable by mouse; by keyboard too once shown
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.setMouseTracking(True)
        font = QFont(self.font())
        font.setPointSizeF(max(11.0, font.pointSizeF() * 1.1))
        self.setFont(font)
        self.document().setDocumentMargin(14)
        model.sigSessionReset.connect(self._on_session_reset)
        model.sigChanged.connect(self._on_change)
        model.sigSelectionChanged.connect(self._on_selection_change)
        on_scheme_change(self, self._on_scheme_change)
        self._on_scheme_change()

    def _on_scheme_change(self, *_args) -> None:
        """The text in the scheme's colour (its contrast over every highlight colour of
        the scheme is tested), the highlights repainted in theirs."""
        palette = self.palette()
        palette.setColor(palette.ColorRole.Text, QColor(SCHEME.article_text()))
        self.setPalette(palette)
        self._repaint()

    def _repaint(self) -> None:
        """Paint the text and highlights again (before the text is first shown there
        is nothing to paint again: the first paint draws it all)."""
        if self._text_shown:
            self.viewport().update()

    def _on_text_shown(self) -> None:
        """Finish what waits for the first paint (see the class docstring)."""
        Qt = QtCore.Qt
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )

    @property
    def session_shown(self) -> bool:
        """Whether the current session has been painted (``sigSessionShown`` came)."""
        return self._session_shown

    # -- following the model -------------------------------------------------
    def _on_session_reset(self) -> None:
        text = self._model.text
        self._offsets = Utf16Offsets(text)
        self.setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._session_shown = False

    def _on_change(self, change) -> None:
        if change.labels is not None or change.hidden is not None:
            self._repaint()
            return
        span = change.span()
        # only when the change is on screen: an edit elsewhere in a long article
        # would otherwise cost a whole paint (issue 22: edits within one frame)
        if span is not None and self._text_shown:
            start, end = span
            first, last = self._visible_range(QRectF(self.viewport().rect()))
            if start <= last and end >= first:
                self._repaint()

    def _on_selection_change(self, highlight_id: str) -> None:
        highlight = self._model.highlight(highlight_id) if highlight_id else None
        if highlight is not None:
            self.reveal(highlight.start, highlight.end)
        self._repaint()

    def reveal(self, start: int, end: int) -> None:
        """Put the caret at ``start`` and scroll the span ``[start, end)`` into view:
        to the middle when it was out of sight, not at all when it was in sight."""
        visible = QRectF(self.viewport().rect())
        rects = self._span_rects(start, end)
        in_sight = bool(rects) and all(visible.contains(rect) for rect in rects)
        scroll = self.verticalScrollBar().value()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_utf16(start))
        self.setTextCursor(cursor)
        if in_sight:
            self.verticalScrollBar().setValue(scroll)
        else:
            self.centerCursor()

    def first_visible_position(self) -> int:
        """The code-point offset of the first character on screen."""
        return self._offsets.to_code_point(self.firstVisibleBlock().position())

    def scroll_to_position(self, position: int) -> None:
        """Scroll so the block holding ``position`` is the first one on screen."""
        block = self.document().findBlock(self._offsets.to_utf16(max(0, position)))
        if block.isValid():
            self.verticalScrollBar().setValue(block.firstLineNumber())

    def selected_span(self) -> tuple[int, int]:
        """The selected text as a code-point span (start == end when none)."""
        cursor = self.textCursor()
        return (self._offsets.to_code_point(cursor.selectionStart()),
                self._offsets.to_code_point(cursor.selectionEnd()))

    def select_text(self, start: int, end: int) -> None:
        """Select the text ``[start, end)`` (code points), as a person would."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_utf16(start))
        cursor.setPosition(self._offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def clear_text_selection(self) -> None:
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)

    # -- positions -----------------------------------------------------------
    def position_at(self, point: QPointF) -> int:
        """The code-point offset of the character under ``point`` (viewport coords)."""
        cursor = self.cursorForPosition(point.toPoint())
        position = cursor.position()
        if position > 0 and self.cursorRect(cursor).center().x() > point.x():
            block_start = cursor.block().position()
            position = max(block_start, position - 1)
        return self._offsets.to_code_point(position)

    def highlights_under(self, point: QPointF) -> list[Highlight]:  # viewport coordinates
        """Shown highlights under ``point``, innermost first."""
        position = self.position_at(point)
        hidden = self._model.hidden_labels
        return [
            h for h in self._model.highlights_at(position)
            if h.label not in hidden and self._contains(h, point)
        ]

    def _contains(self, highlight: Highlight, point: QPointF) -> bool:
        return any(rect.contains(point) for rect in self._span_rects(highlight.start, highlight.end))

    # -- painting ------------------------------------------------------------
    def paintEvent(self, event) -> None:
        shown = self._highlights_to_paint(QRectF(event.rect()))
        if shown:
            painter = QPainter(self.viewport())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            try:
                self._paint_highlights(painter, shown)
            finally:
                painter.end()
        super().paintEvent(event)
        if not self._text_shown and self.document().characterCount() > 1:
            self._text_shown = True
            trace.mark("text-shown")
            self._on_text_shown()
            self.sigTextShown.emit()
        if not self._session_shown:
            self._session_shown = True
            self.sigSessionShown.emit()

    def _highlights_to_paint(self, area: QRectF) -> list[Highlight]:
        """The shown highlights in ``area``, outer ones first (inner ones go on top)."""
        start, end = self._visible_range(area)
        if start >= end:
            return []
        hidden = self._model.hidden_labels
        shown = [h for h in self._model.highlights_in(start, end) if h.label not in hidden]
        shown.sort(key=lambda h: (h.start - h.end, h.start))
        return shown

    def _paint_highlights(self, painter: QPainter, shown: list[Highlight]) -> None:
        no_pen = QtCore.Qt.PenStyle.NoPen
        selected_pen = QPen(QColor(SCHEME.chart("mark")), 2)
        session = self._model.session
        selected = self._model.selected_id
        painted: list[Highlight] = []
        for highlight in shown:
            depth = sum(1 for p in painted if p.start <= highlight.start and highlight.end <= p.end)
            painted.append(highlight)
            colour = QColor(SCHEME.label_colour(session.label(highlight.label)))
            suggested = highlight.status == "suggested"
            if suggested:
                colour.setAlpha(_SUGGESTION_ALPHA)
            inset = min(depth, 3) * _NESTED_INSET
            for rect in self._span_rects(highlight.start, highlight.end):
                rect = rect.adjusted(0, inset, 0, -inset)
                painter.setPen(selected_pen if highlight.id == selected else no_pen)
                painter.setBrush(colour)
                painter.drawRoundedRect(rect, 3, 3)
                if not suggested and highlight.id != selected:
                    painter.setPen(QPen(colour.lighter(170) if SCHEME.dark else colour.darker(135), 2))
                    painter.drawLine(rect.bottomLeft() + QPointF(2, -1), rect.bottomRight() + QPointF(-2, -1))

    def _visible_range(self, area: QRectF) -> tuple[int, int]:
        first = self.firstVisibleBlock()
        if not first.isValid():
            return 0, 0
        offset = self.contentOffset()
        block, last = first, first
        while block.isValid():
            top = self.blockBoundingGeometry(block).translated(offset).top()
            if top > area.bottom():
                break
            last = block
            block = block.next()
        start = self._offsets.to_code_point(first.position())
        end = self._offsets.to_code_point(last.position() + last.length())
        return start, end

    def _span_rects(self, start: int, end: int) -> list[QRectF]:
        """Rectangles (viewport coordinates) covering ``[start, end)`` line by line."""
        document = self.document()
        start16, end16 = self._offsets.to_utf16(start), self._offsets.to_utf16(end)
        block = document.findBlock(start16)
        offset = self.contentOffset()
        rects = []
        while block.isValid() and block.position() < end16:
            if block.isVisible():
                origin = self.blockBoundingGeometry(block).translated(offset).topLeft()
                layout = block.layout()
                local_start = max(0, start16 - block.position())
                local_end = min(block.length() - 1, end16 - block.position())
                for i in range(layout.lineCount()):
                    line = layout.lineAt(i)
                    line_start = line.textStart()
                    line_end = line_start + line.textLength()
                    seg_start, seg_end = max(local_start, line_start), min(local_end, line_end)
                    if seg_start >= seg_end:
                        continue
                    x1 = line.cursorToX(seg_start)[0]
                    x2 = line.cursorToX(seg_end)[0]
                    rects.append(QRectF(x1 - 1, line.y(), x2 - x1 + 2, line.height()).translated(origin))
            block = block.next()
        return rects

    # -- mouse ---------------------------------------------------------------
    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != QtCore.Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        under = self.highlights_under(event.position())
        self._model.select(self._next_under(under))

    def _next_under(self, under: list[Highlight]) -> str:
        """The innermost highlight, or the next one out when it is already selected
        (so repeated clicks walk through nested highlights)."""
        if not under:
            return ""
        ids = [h.id for h in under]
        selected = self._model.selected_id
        if selected in ids:
            return ids[(ids.index(selected) + 1) % len(ids)]
        return ids[0]

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            under = self.highlights_under(QPointF(event.pos()))
            if under:
                QToolTip.showText(event.globalPos(), self._tooltip(under), self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def _tooltip(self, under: list[Highlight]) -> str:
        import html  # with its 2,000 entities: imported when first needed (start-up time)

        from desktop.model.entity_table import reason_text

        session = self._model.session
        lines = []
        for highlight in under:
            label = session.label(highlight.label)
            origin = _ORIGIN_TEXT[(highlight.origin, highlight.status)]
            name, description = html.escape(highlight.label), html.escape(label.description or highlight.label)
            line = f"<b>{name}</b> — {description} <i>({origin})</i>"
            if highlight.reason:
                line += f"<br>Why: {html.escape(reason_text(highlight.reason))}"
            if highlight.note:
                line += f"<br>Note: {html.escape(highlight.note)}"
            lines.append(line)
        return "<br>".join(lines)
