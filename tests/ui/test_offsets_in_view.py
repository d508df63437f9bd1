"""Qt counts UTF-16 units, Python counts code points: clicks and paint must agree."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from desktop.core.article import Article
from desktop.core.highlight import Highlight
from desktop.core.session import Session

PIECES = ["😀", "🇰🇿", "漢字", "é", "e\u0301", "שלום", "مرحبا", " ", "Baku", "$460 million", "👩‍👩‍👧"]


def open_text(window, text, spans):
    session = Session(Article(text, title="offsets"))
    highlights = [Highlight(s, e, "GPE", origin="manual", status="accepted") for s, e in spans]
    session.highlights.extend(highlights)
    window.document.new_from(session, path=None, modified=False)
    window.model.cancel_analysis()
    return highlights


def click_highlight(qtbot, window, highlight):
    view = window.article_view
    view.reveal(highlight.start, highlight.end)
    rect = view._span_rects(highlight.start, highlight.end)[0]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())


def test_the_highlight_after_emoji_is_the_one_clicked(qtbot, window):
    text = "😀😀 Baku 🇰🇿 and 漢字 Almaty e\u0301 שלום Aktau"
    spans = [(text.index(w), text.index(w) + len(w)) for w in ("Baku", "Almaty", "Aktau")]
    highlights = open_text(window, text, spans)
    for highlight in highlights:
        click_highlight(qtbot, window, highlight)
        assert window.model.selected_id == highlight.id
        start, end = window.article_view.selected_span()
        assert window.article_view.textCursor().hasSelection() is False
        assert window.article_view.position_at(
            window.article_view._span_rects(highlight.start, highlight.end)[0].center()) in range(
                highlight.start, highlight.end)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12), st.data())
def test_selected_text_maps_to_the_same_code_points(qtbot, window, pieces, data):
    text = "".join(pieces) + " Baku."
    open_text(window, text, [])
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    window.article_view.select_text(start, end)
    assert window.article_view.selected_span() == (start, end)
    assert window.article_view.textCursor().selectedText() == text[start:end]
