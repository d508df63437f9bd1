"""What the converters share: format sniffing, dates, paragraphs, the error type, and
the libraries loading only when a document needs them."""

import datetime as dt
import json
import subprocess
import sys

import pytest
from import_samples import ARTICLES, odt_bytes, render_docx, render_page, render_pdf

from desktop.formats.errors import FileFormatError
from desktop.formats.imported_text import DocumentError, iso_date, sniff_format, tidy_paragraphs, unsupported_document


@pytest.mark.parametrize("data, kind", [
    (render_pdf(ARTICLES[:1]), "pdf"),
    (render_docx(ARTICLES[0]), "docx"),
    (odt_bytes(), "odt"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "doc"),
    (render_page(ARTICLES[0], "news"), "html"),
    (b"\xef\xbb\xbf<!-- saved --> <HTML><body>x</body></HTML>", "html"),
    ("<!DOCTYPE html><html></html>".encode("utf-16"), "html"),
    (b"PK\x03\x04" + bytes(40), "zip"),
    (b"{\\rtf1\\ansi Profit rose}", "rtf"),
    (b"Harlow Foods profit rises 12%", ""),
    (b"", ""),
])
def test_sniff_format(data, kind):
    assert sniff_format(data) == kind


@pytest.mark.parametrize("value, expected", [
    ("D:20240307093000+01'00'", "2024-03-07"), ("2024-03-07T07:30:00Z", "2024-03-07"),
    ("20240307", "2024-03-07"), (dt.datetime(2024, 3, 7, 9), "2024-03-07"), (dt.date(2024, 3, 7), "2024-03-07"),
    ("D:20241307", ""), ("yesterday", ""), (None, ""), ("", ""),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


def test_tidy_paragraphs():
    assert tidy_paragraphs(["  Profit   rose\u00a012% ", "", " \n ", "Sales\t £9.2bn \n\tTotal\t5"]) == (
        "Profit rose 12%\n\nSales\t£9.2bn\n\tTotal\t5")


def test_the_error_is_the_formats_error():
    error = unsupported_document("memo.odt", "odt")
    assert isinstance(error, DocumentError) and isinstance(error, FileFormatError)
    assert str(error) == ("memo.odt is an OpenDocument (.odt) text, which Article Lens cannot open yet: "
                          "save it as .docx or PDF and open that.")


def test_the_libraries_load_only_when_a_document_is_read():
    """Importing the converters (as the app does at start-up) loads none of the libraries;
    reading a document of each kind loads its own."""
    script = """
import json, sys
import desktop.formats, desktop.formats.html_text, desktop.formats.pdf_text, desktop.formats.docx_text
heavy = ("trafilatura", "pypdfium2", "docx", "lxml", "reportlab", "justext", "htmldate")
print(json.dumps(sorted(name for name in heavy if name in sys.modules)))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == []


def test_each_converter_loads_its_library(tmp_path):
    page, pdf, word = tmp_path / "p.html", tmp_path / "d.pdf", tmp_path / "w.docx"
    page.write_bytes(render_page(ARTICLES[0], "news"))
    pdf.write_bytes(render_pdf(ARTICLES[:1]))
    word.write_bytes(render_docx(ARTICLES[0]))
    script = f"""
import json, sys
from pathlib import Path
from desktop.formats.html_text import html_to_text
from desktop.formats.pdf_text import pdf_to_text
from desktop.formats.docx_text import docx_to_text
loaded = []
for read, path, module in ((pdf_to_text, {str(pdf)!r}, "pypdfium2"), (docx_to_text, {str(word)!r}, "docx"),
                           (html_to_text, {str(page)!r}, "trafilatura")):
    before = module in sys.modules
    read(Path(path).read_bytes())
    loaded.append([module, before, module in sys.modules])
print(json.dumps(loaded))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == [["pypdfium2", False, True], ["docx", False, True],
                                         ["trafilatura", False, True]]
