"""``article-lens extract`` on a PDF, a Word document and a web address (a server on
127.0.0.1 started here): the extracted text and metadata in the JSON, offsets into that
text, the page's date for "this year"; a bad document or address in one line and a
non-zero exit."""

from __future__ import annotations

import dataclasses
import io
import json
import os
from contextlib import redirect_stderr, redirect_stdout

import pytest
from import_samples import ARTICLES, PdfStyle, render_docx, render_page, render_pdf
from local_http import Route, serve

from desktop.cli import main

#: An article of 2019: its "this year" is 2019, its "next year" 2020.
OLDER = dataclasses.replace(ARTICLES[0], date="2019-05-02")


def run(args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def test_extract_reads_a_pdf_and_gives_the_text_its_offsets_count(tmp_path):
    path = tmp_path / "results.pdf"
    path.write_bytes(render_pdf([ARTICLES[0]], PdfStyle(columns=2)))
    code, out, err = run(["extract", str(path), "--what", "figures"])
    assert code == 0, err
    document = json.loads(out)
    article = document["article"]
    assert (article["format"], article["title"], article["author"], article["date"]) == (
        "pdf", ARTICLES[0].title, ARTICLES[0].author, ARTICLES[0].date)
    text = article["text"]
    surfaces = [text[f["start"]:f["end"]] for f in document["figures"]]
    assert surfaces == [f["surface"] for f in document["figures"]]
    assert "£318m" in surfaces and "£9.2bn" in surfaces
    assert os.listdir(tmp_path) == ["results.pdf"]  # nothing written next to it


def test_extract_reads_a_page_by_address_with_its_date_for_this_year():
    with serve({"/business/harlow": Route(render_page(OLDER, "news"))}) as server:
        code, out, err = run(["extract", server.url("/business/harlow"), "--what", "figures"])
    assert code == 0, err
    document = json.loads(out)
    assert document["article"]["source"] == server.url("/business/harlow")
    assert (document["article"]["format"], document["article"]["date"]) == ("html", "2019-05-02")
    periods = {figure["surface"]: figure["period"] for figure in document["figures"] if not figure["derived"]}
    assert periods["15"] == "2019"  # "expects to open 15 new convenience stores this year"
    assert periods["£340m"] == "2020"  # "expect profit to reach £340m next year"
    assert not any("this year" in period for period in periods.values())


def test_a_plain_text_file_keeps_the_json_it_had(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Sales rose 4% to $2.1bn.", encoding="utf-8")
    code, out, _ = run(["extract", str(path), "--what", "figures"])
    article = json.loads(out)["article"]
    assert "text" not in article and article["format"] == "" and article["date"] == ""


@pytest.mark.parametrize(("route", "message"), [
    (None, "the server answered 404 Not Found"),
    (Route(bytes(range(256)) * 40), "looks like a binary file, not a web page"),
    (Route(b"<html><body><nav>Home</nav></body></html>"), "has no article text"),
])
def test_extract_of_an_address_that_fails_says_why_in_one_line(route, message):
    with serve({"/a": route} if route else {}) as server:
        code, out, err = run(["extract", server.url("/a")])
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and err.startswith("article-lens: ")


@pytest.mark.parametrize(("name", "data", "message"), [
    ("memo.docx", render_docx(ARTICLES[1])[:700], "is not a Word document, or it is damaged"),
    ("scan.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 20, "damaged"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "cannot open yet"),
])
def test_extract_of_a_bad_document_says_why_in_one_line(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    code, out, err = run(["extract", str(path)])
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err
    assert os.listdir(tmp_path) == [name]


@pytest.mark.parametrize("address", ["file:///etc/passwd", "ftp://127.0.0.1/a.txt"])
def test_extract_refuses_other_schemes(address):
    code, out, err = run(["extract", address])
    assert code == 2 and out == "" and "only http:// and https:// addresses can be opened" in err
