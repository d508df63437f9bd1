"""A session file large enough to be read in the background (tests' helper)."""


def large_session(tmp_path, paragraphs=4000):
    """A session file over the background-loading size: a long article, many highlights."""
    from desktop.core.article import Article
    from desktop.core.highlight import Highlight
    from desktop.core.highlight_set import HighlightSet
    from desktop.core.session import Session
    from desktop.formats.session_file import save_session

    paragraph = "Trade between Kazakhstan and Azerbaijan grew by 40 percent to $460 million.\n"
    text = paragraph * paragraphs
    place, money = paragraph.index("Kazakhstan"), paragraph.index("$460 million")
    highlights = []
    for i in range(paragraphs):
        base = i * len(paragraph)
        highlights.append(Highlight(base + place, base + place + 10, "GPE", origin="model", status="suggested"))
        highlights.append(Highlight(base + money, base + money + 12, "MONEY", origin="manual", status="accepted"))
    path = tmp_path / "long.alens"
    save_session(Session(Article(text, title="long"), HighlightSet(highlights)), path)
    assert path.stat().st_size > 1_000_000
    return path, len(highlights)
