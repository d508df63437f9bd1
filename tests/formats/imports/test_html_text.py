"""Web pages to articles: the main text without boilerplate, paragraphs kept, metadata."""

import pytest
from import_samples import ARTICLES, BOILERPLATE, LAYOUTS, article_url, paragraphs_of, render_page

from desktop.formats.errors import FileFormatError
from desktop.formats.html_text import html_to_text
from desktop.formats.imported_text import DocumentError


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("article", ARTICLES[:4], ids=lambda a: a.slug)
def test_every_paragraph_and_no_boilerplate(article, layout):
    imported = html_to_text(render_page(article, layout))
    paragraphs = paragraphs_of(imported.text)
    for paragraph in article.paragraphs:
        assert paragraph in paragraphs
    leaked = [snippet for snippet in BOILERPLATE if snippet in imported.text]
    assert leaked == []
    assert imported.format == "html"


def test_paragraphs_in_order_with_a_blank_line_between():
    article = ARTICLES[2]
    text = html_to_text(render_page(article, "news")).text
    body = text[text.index(article.paragraphs[0]):]
    assert body == "\n\n".join(article.paragraphs)


def test_news_page_metadata():
    article = ARTICLES[0]
    imported = html_to_text(render_page(article, "news"), url="https://elsewhere.example/copy")
    assert (imported.title, imported.author, imported.date) == (article.title, article.author, article.date)
    assert imported.site == "The Northgate Ledger"
    assert imported.url == article_url(article)  # the page's canonical address wins


def test_url_argument_when_the_page_names_no_address():
    imported = html_to_text(render_page(ARTICLES[1], "blog"), url="https://blog.example/post/7")
    assert imported.url == "https://blog.example/post/7"


def test_blog_title_is_the_post_not_the_blog_name():
    """The blog layout's only <h1> is the blog's name; the post's title is in <title>."""
    imported = html_to_text(render_page(ARTICLES[1], "blog"))
    assert imported.title == ARTICLES[1].title
    assert imported.date == ARTICLES[1].date


def test_the_headline_heads_the_text_when_the_body_lacks_it():
    """The magazine and legacy layouts set their headline in a <div> or <font> that is not
    part of the extraction; the legacy layout's <title> ends with the site's name."""
    for article in ARTICLES:
        for layout in LAYOUTS:
            imported = html_to_text(render_page(article, layout))
            assert imported.title == article.title
            assert paragraphs_of(imported.text)[:2] == [article.title, article.paragraphs[0]]


def test_metadata_from_json_ld():
    article = ARTICLES[3]
    imported = html_to_text(render_page(article, "magazine"))
    assert (imported.author, imported.date) == (article.author, article.date)


@pytest.mark.parametrize("charset", ["windows-1252", "iso-8859-1", "utf-16"])
def test_declared_charsets(charset):
    article = ARTICLES[0]  # "£" is one byte in the Western code pages
    page = render_page(article, "news", charset=charset)
    assert article.paragraphs[0] in html_to_text(page).text


def test_undeclared_windows_1252_is_detected():
    article = ARTICLES[0]
    page = render_page(article, "news", charset="cp1252", declare_charset=False)
    assert "£318m" in html_to_text(page).text


def test_mislabelled_utf8_still_reads():
    page = render_page(ARTICLES[0], "news").replace(b'charset="utf-8"', b'charset="ascii"')
    assert "£318m" in html_to_text(page).text


def test_text_input_and_byte_order_mark():
    page = render_page(ARTICLES[2], "ticker")
    assert html_to_text(page.decode("utf-8")).text == html_to_text(b"\xef\xbb\xbf" + page).text


def test_a_page_laid_out_with_a_table():
    """Navigation in one cell and the article in another, paragraphs apart by <br><br>."""
    article = ARTICLES[1]
    paragraphs = paragraphs_of(html_to_text(render_page(article, "legacy")).text)
    assert paragraphs == [article.title, *article.paragraphs]  # the byline is metadata


def test_lists_and_tables_keep_their_structure():
    rows = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in [("Sales", "£9.2bn"), ("Profit", "£318m")])
    body = " ".join(ARTICLES[0].paragraphs[:2])
    page = (f"<html><body><article><h1>Results</h1><p>{body}</p><ul><li>Dividend up 8% to 11.2p</li>"
            f"<li>Buyback of £150m</li></ul><table>{rows}</table><p>{ARTICLES[0].paragraphs[2]}</p>"
            "</article></body></html>")
    paragraphs = paragraphs_of(html_to_text(page).text)
    assert "• Dividend up 8% to 11.2p\n• Buyback of £150m" in paragraphs
    assert "Sales\t£9.2bn\nProfit\t£318m" in paragraphs


NO_ARTICLE = {
    "login": b"<html><head><title>Sign in</title></head><body><nav><a>Home</a><a>News</a></nav>"
             b"<form><input name=user><button>Sign in</button></form><footer>\xc2\xa9 2024</footer></body></html>",
    "menus and a cookie notice": (
        "<html><body><nav><ul>" + "".join(f"<li><a href=/{i}>Section {i}</a></li>" for i in range(30))
        + "</ul></nav><div class=cookie-banner><p>We and our 842 partners store and access information on "
        "your device. Click Accept to consent to 100% of purposes, or manage your choices.</p></div>"
        "<footer><p>© 2024 Northgate Media Ltd.</p></footer></body></html>").encode(),
    "one line": b"<html><body><div>Just a short line.</div></body></html>",
    "scripts only": b"<html><head><script>var a = 1;</script></head><body><div id=app></div></body></html>",
}


@pytest.mark.parametrize("page", NO_ARTICLE.values(), ids=NO_ARTICLE.keys())
def test_page_without_an_article(page):
    with pytest.raises(DocumentError, match="no article text"):
        html_to_text(page, name="front.html")


def test_a_page_too_large_is_refused_before_parsing():
    page = "<html><body><p>" + "Profit rose 12% to £318m. " * 800_000 + "</p></body></html>"
    with pytest.raises(DocumentError, match="million characters long"):
        html_to_text(page, name="huge.html")


@pytest.mark.parametrize("data, message", [
    (b"", "empty"), (b"   \n ", "empty"), (bytes(range(256)) * 40, "binary"),
    (b"\x89PNG\r\n\x1a\n" + bytes(3000), "binary"),
])
def test_not_a_page(data, message):
    with pytest.raises(FileFormatError, match=message):
        html_to_text(data, name="x.html")
