"""Articles read from web addresses, against a server on 127.0.0.1 started here: pages
cleaned, PDF and DOCX converted whatever the server calls them, and every failure (an
error answer, silence, too much, too many redirects, another scheme, a binary) refused
with one clear message."""

from __future__ import annotations

import time

import pytest
from import_samples import ARTICLES, PdfStyle, render_docx, render_page, render_pdf
from local_http import Route, redirect, serve

from desktop.formats.article_sources import read_source, read_url
from desktop.formats.errors import FileFormatError
from desktop.formats.url_fetch import FetchCancelled, UrlError, fetch, has_scheme, web_address

ARTICLE = ARTICLES[0]
PAGE = render_page(ARTICLE, "news")


def test_a_page_is_cleaned_with_its_metadata_and_address():
    with serve({"/business/story": Route(PAGE)}) as server:
        read = read_url(server.url("/business/story"))
    article = read.article
    assert article.format == "html"
    assert article.title == ARTICLE.title
    assert (article.author, article.date, article.site) == (ARTICLE.author, ARTICLE.date, "The Northgate Ledger")
    assert article.source == server.url("/business/story")
    assert article.url  # the page's own address (its canonical link), else where it came from
    assert ARTICLE.paragraphs[0] in article.text
    assert "Most read" not in article.text and "FTSE 100" not in article.text
    assert read.file_offset(17) == 17  # offsets count the extracted text


def test_progress_is_reported_and_the_size_given_by_the_server():
    seen = []
    with serve({"/p": Route(PAGE)}) as server:
        fetch(server.url("/p"), progress=lambda received, size: seen.append((received, size)))
    assert seen and seen[-1] == (len(PAGE), len(PAGE))


@pytest.mark.parametrize("content_type", ["text/html", "application/octet-stream", "application/pdf"])
def test_a_pdf_is_converted_whatever_the_server_calls_it(content_type):
    pdf = render_pdf(ARTICLES[1:2], PdfStyle(columns=1))
    with serve({"/download": Route(pdf, content_type=content_type)}) as server:
        article = read_url(server.url("/download")).article
    assert article.format == "pdf"
    assert article.title == ARTICLES[1].title
    assert ARTICLES[1].paragraphs[0].split()[0] in article.text
    assert article.url == server.url("/download")


def test_a_word_document_is_converted():
    with serve({"/memo.docx": Route(render_docx(ARTICLES[2]), content_type="application/octet-stream")}) as server:
        article = read_url(server.url("/memo.docx")).article
    assert (article.format, article.title, article.author) == ("docx", ARTICLES[2].title, ARTICLES[2].author)


def test_plain_text_served_is_read_as_text():
    with serve({"/a.txt": Route("Profit rose 12% to £318m.\r\n".encode(), content_type="text/plain")}) as server:
        read = read_url(server.url("/a.txt"))
    assert read.article.text == "Profit rose 12% to £318m.\n"  # as a file's text is read
    assert read.article.format == ""


def test_a_404_says_what_the_server_answered():
    with serve({}) as server, pytest.raises(UrlError, match="the server answered 404 Not Found"):
        read_url(server.url("/gone"))


def test_a_server_that_stays_silent_times_out():
    with serve({"/slow": Route(PAGE, delay=3)}) as server:
        started = time.monotonic()
        with pytest.raises(UrlError, match="did not answer within 0.5 seconds"):
            read_url(server.url("/slow"), timeout=0.5)
        assert time.monotonic() - started < 2.5


def test_a_download_is_stopped_at_the_size_limit():
    chunk = b"<p>" + b"x" * 8189 + b"</p>"
    stream = Route(chunk, stream=True)  # no length given, and it never ends
    with serve({"/endless": stream}) as server:
        with pytest.raises(UrlError, match="is over 1 MB; pages and documents up to 1 MB"):
            read_url(server.url("/endless"), limit=2**20)
    assert stream.sent < 40 * 2**20  # it stopped reading soon after the limit


def test_a_declared_size_over_the_limit_is_refused_before_reading():
    with serve({"/big": Route(PAGE, headers={"Content-Length": str(3 * 2**20)})}) as server:
        with pytest.raises(UrlError, match="is 3 MB; pages and documents up to 1 MB"):
            read_url(server.url("/big"), limit=2**20)


def test_a_few_redirects_are_followed_and_more_refused():
    routes = {f"/r{i}": redirect(f"/r{i + 1}") for i in range(7)}
    routes["/r7"] = Route(PAGE)
    with serve(routes) as server:
        assert read_url(server.url("/r3")).article.source == server.url("/r7")  # 4 redirects
        with pytest.raises(UrlError, match=r"redirects too many times \(more than 5\)"):
            read_url(server.url("/r0"))  # 7 redirects
        loop = {"/a": redirect("/b", 301), "/b": redirect("/a", 307)}
        server.routes.update(loop)
        with pytest.raises(UrlError, match="redirect loop"):
            read_url(server.url("/a"))


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://127.0.0.1/article.txt", "data:text/html,<p>x"])
def test_a_redirect_to_another_scheme_is_refused(target):
    with serve({"/go": redirect(target)}) as server:
        with pytest.raises(UrlError, match="which is not a web address: only http:// and https://"):
            read_url(server.url("/go"))


def test_a_binary_served_as_a_web_page_is_refused():
    binary = bytes(range(256)) * 64
    with serve({"/page.html": Route(binary)}) as server:
        with pytest.raises(FileFormatError, match="looks like a binary file, not a web page"):
            read_url(server.url("/page.html"))


def test_an_image_is_not_an_article():
    with serve({"/logo": Route(b"\x89PNG\r\n\x1a\n" + bytes(300), content_type="image/png")}) as server:
        with pytest.raises(FileFormatError, match="the server sent a file of the type image/png"):
            read_url(server.url("/logo"))


def test_a_page_with_no_article_is_refused():
    empty = b"<html><head><title>Log in</title></head><body><nav>Home | News</nav><form>User</form></body></html>"
    with serve({"/login": Route(empty)}) as server:
        with pytest.raises(FileFormatError, match="has no article text"):
            read_url(server.url("/login"))


def test_an_unreachable_server_is_named():
    with serve({}) as server:
        address = server.base
    with pytest.raises(UrlError, match="could not be reached: the server refused the connection"):
        read_url(address + "/story")


def test_cancel_stops_the_download():
    stream = Route(b"<p>" + b"y" * 4000 + b"</p>", stream=True)
    calls = []

    def stop() -> bool:
        calls.append(1)
        return len(calls) > 3

    with serve({"/s": stream}) as server, pytest.raises(FetchCancelled, match="cancelled"):
        read_url(server.url("/s"), should_stop=stop)


@pytest.mark.parametrize(("address", "message"), [
    ("file:///etc/passwd", "is a file: address: only http:// and https://"),
    ("ftp://example.com/a.txt", "is a ftp: address"),
    ("javascript:alert(1)", "is a javascript: address"),
    ("https://", "names no server"),
    ("http://example.com:port/", "is not a web address that can be opened"),
    ("news story", "is not a web address"),
])
def test_only_http_and_https_addresses_are_opened(address, message):
    with pytest.raises(UrlError, match=message):
        web_address(address)


def test_addresses_are_written_for_the_wire():
    assert web_address("HTTPS://Bücher.example/Straße?q=ä b") == \
        "https://xn--bcher-kva.example/Stra%C3%9Fe?q=%C3%A4%20b"
    assert web_address("example.com/news", bare_host=True) == "https://example.com/news"
    assert web_address("http://[::1]:8080/a") == "http://[::1]:8080/a"


def test_paths_are_not_addresses(tmp_path):
    assert has_scheme("https://example.com") and has_scheme("file:///x")
    assert not has_scheme(str(tmp_path / "a.txt")) and not has_scheme("C:\\news\\a.txt")
    path = tmp_path / "a.txt"
    path.write_text("Sales rose 4% in the year.", encoding="utf-8")
    assert read_source(str(path)).article.text == "Sales rose 4% in the year."
    with pytest.raises(UrlError, match="only http:// and https://"):
        read_source(path.as_uri())
