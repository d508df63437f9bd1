"""Opening web pages, PDFs and Word documents as articles: by suffix and by content,
with their metadata; formats not read yet and damaged files refused clearly; nothing
written next to the file; the clipboard's HTML or text as an article."""

from __future__ import annotations

import os

import pytest
from import_samples import ARTICLES, PdfStyle, odt_bytes, render_docx, render_page, render_pdf

from desktop.formats.article_sources import clipboard_article
from desktop.formats.errors import FileFormatError
from desktop.formats.imported_text import DocumentError
from desktop.formats.readers import MAX_ARTICLE_BYTES, document_kind, read_article_file

ARTICLE = ARTICLES[0]


def _written(folder, name: str, data: bytes):
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("name", "render", "kind"), [
    ("story.html", lambda: render_page(ARTICLE, "news"), "html"),
    ("story.htm", lambda: render_page(ARTICLE, "ticker"), "html"),
    ("story.pdf", lambda: render_pdf([ARTICLE], PdfStyle(columns=2)), "pdf"),
    ("story.docx", lambda: render_docx(ARTICLE), "docx"),
    # the content decides: a page saved as .txt, a PDF with no suffix, a .docx named .bin
    ("saved-page.txt", lambda: render_page(ARTICLE, "magazine"), "html"),
    ("download", lambda: render_pdf([ARTICLE], PdfStyle(columns=1)), "pdf"),
    ("attachment.bin", lambda: render_docx(ARTICLE), "docx"),
])
def test_documents_open_with_their_text_and_metadata(tmp_path, name, render, kind):
    path = _written(tmp_path, name, render())
    before = sorted(os.listdir(tmp_path))
    read = read_article_file(path)
    article = read.article
    assert article.format == kind
    assert article.title == ARTICLE.title
    assert article.author == ARTICLE.author
    assert article.date == ARTICLE.date and article.year == 2024
    assert article.source == str(path)
    assert "pre-tax profit rose 12% to £318m" in " ".join(article.text.split())
    assert read.replaced == 0 and read.file_offset(40) == 40
    assert sorted(os.listdir(tmp_path)) == before  # nothing written next to the source


def test_a_document_without_a_title_is_named_by_its_file(tmp_path):
    path = _written(tmp_path, "q3-results.docx", render_docx(ARTICLE, properties=False))
    assert read_article_file(path).article.title in (ARTICLE.title, "q3-results")


def test_plain_text_stays_plain_text(tmp_path):
    path = _written(tmp_path, "note.md", b"# Results\n\nProfit rose 4%.\n")
    article = read_article_file(path).article
    assert (article.format, article.author, article.date, article.title) == ("", "", "", "note")


@pytest.mark.parametrize(("name", "data", "message"), [
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), r"old Word \(.doc\) document, which Article Lens cannot open yet"),
    ("text.odt", odt_bytes(), r"OpenDocument \(.odt\) text, which Article Lens cannot open yet"),
    ("memo.rtf", b"{\\rtf1\\ansi Profit rose 4%.}", r"Rich Text \(.rtf\) document, which Article Lens cannot open yet"),
    ("memo.txt", b"{\\rtf1\\ansi Profit rose 4%.}", r"Rich Text \(.rtf\) document"),  # by content
    ("scan.doc", bytes(range(256)) * 8, r"old Word \(.doc\) document"),  # by suffix when not text
])
def test_formats_not_read_yet_say_so(tmp_path, name, data, message):
    with pytest.raises(DocumentError, match=message):
        read_article_file(_written(tmp_path, name, data))


def test_a_doc_that_is_really_text_is_read_as_text(tmp_path):
    path = _written(tmp_path, "minutes.doc", b"The board met on Monday. Sales rose 4%.\n")
    assert read_article_file(path).article.text.startswith("The board met")


def _damaged_pdf() -> bytes:
    pdf = render_pdf([ARTICLE], PdfStyle(columns=1))
    return pdf[: len(pdf) // 3] + bytes(range(256)) * 4


def _damaged_docx() -> bytes:
    docx = render_docx(ARTICLE)
    return docx[:400] + b"\x00" * 2000 + docx[-300:]


@pytest.mark.parametrize(("name", "data", "message"), [
    ("broken.pdf", _damaged_pdf, "damaged"),
    ("broken.docx", _damaged_docx, "is not a Word document, or it is damaged"),
    ("empty.pdf", lambda: b"", "empty"),
    ("not-a-pdf.pdf", lambda: b"Sales rose 4% in the year to March, the company said.", "damaged or is not a PDF"),
    ("menu.html", lambda: b"<html><body><nav><a href=/>Home</a> <a href=/n>News</a></nav></body></html>",
     "has no article text"),
    ("binary.html", lambda: bytes(range(256)) * 40, "binary"),
])
def test_damaged_documents_and_pages_without_an_article_are_refused(tmp_path, name, data, message):
    path = _written(tmp_path, name, data())
    before = sorted(os.listdir(tmp_path))
    with pytest.raises(FileFormatError, match=message) as caught:
        read_article_file(path)
    assert name in str(caught.value)
    assert "\n" not in str(caught.value)  # one line
    assert sorted(os.listdir(tmp_path)) == before


def test_the_size_limit_and_regular_file_guards_still_hold(tmp_path):
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    with pytest.raises(FileFormatError, match="not a regular file"):
        read_article_file(fifo)
    big = tmp_path / "big.pdf"
    with open(big, "wb") as handle:
        handle.truncate(MAX_ARTICLE_BYTES + 1)
    with pytest.raises(FileFormatError, match="articles up to 200 MB can be opened"):
        read_article_file(big)


def test_document_kind_weighs_content_then_suffix_then_the_servers_type():
    assert document_kind(b"%PDF-1.7 ...", "") == "pdf"
    assert document_kind(b"A text that quotes %PDF-1.7 in its first line.", ".txt") == ""
    assert document_kind(b"<!DOCTYPE html><p>x", ".txt") == "html"
    assert document_kind(b"<p>a fragment</p>", ".htm") == "html"
    assert document_kind(b"plain words", "", "text/html; charset=utf-8") == "html"
    assert document_kind(b"plain words", "", "text/plain") == ""
    assert document_kind(b"PK\x03\x04 other zip", ".zip") == ""


def test_clipboard_html_is_cleaned_of_the_page_around_the_article():
    page = render_page(ARTICLE, "ticker").decode("utf-8")
    read = clipboard_article(page, "whatever the browser gave as text")
    assert read.article.format == "html" and read.article.source == ""
    assert ARTICLE.paragraphs[1] in read.article.text
    assert "Sterling climbs" not in read.article.text  # the live ticker beside it


def test_a_short_clipboard_snippet_keeps_its_plain_text():
    html = "<meta charset='utf-8'><b>Profit</b> rose 12% to <i>£318m</i>."
    read = clipboard_article(html, "Profit rose 12% to £318m.")
    assert read.article.text == "Profit rose 12% to £318m."
    assert read.article.format == ""


def test_clipboard_plain_text_and_nothing():
    assert clipboard_article("", "Line one.\r\nLine two.\r\n").article.text == "Line one.\nLine two."
    with pytest.raises(DocumentError, match="The clipboard holds no text"):
        clipboard_article("", "  \n ")
    with pytest.raises(DocumentError, match="The clipboard holds no text"):
        clipboard_article("<html><body><script>x()</script></body></html>", "")
