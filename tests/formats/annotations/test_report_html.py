"""The HTML report: self-contained, escaped, with the highlights, figures and charts."""

from __future__ import annotations

import re

import pytest

from desktop.formats.report_html import export_html
from desktop.model.exports import export_session, report_charts


@pytest.fixture(scope="module")
def report(analysed) -> str:
    session, figures, _ = analysed
    return export_html(session, figures, report_charts(figures, session)).decode("utf-8")


def test_nothing_is_loaded_from_elsewhere(report):
    assert not re.search(r"\bsrc\s*=", report, re.I)
    links = re.findall(r"""href\s*=\s*["']?([^"'\s>]*)""", report, re.I)
    assert links and all(link.startswith("#") for link in links)
    assert not re.search(r"url\(|@import|<script|<link|<iframe|<img", report, re.I)


def test_article_text_is_escaped(report):
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in report or "&lt;script&gt;alert('x')" in report
    assert "<b>board</b>" not in report and "Norvik &lt;results&gt;" in report


def test_highlights_are_marked_with_their_label_colours_and_notes(analysed, report):
    session, _, _ = analysed
    assert re.search(r"\.l\d+\{background:#[0-9a-f]{6}\}", report)
    visible = [h for h in session.highlights if h.visible]
    assert report.count("<mark ") >= len(visible) - 5
    assert 'title="ORG: owner checked &lt;ok&gt; &amp; 🙂' in report
    assert '<li id="note-1">ORG “Norvik Shipping”: owner checked &lt;ok&gt; &amp; 🙂' in report


def test_the_figures_table_and_the_charts_are_there(analysed, report):
    _, figures, _ = analysed
    assert report.count("<tr") == len(figures) + 1
    assert 'class="derived"' in report and re.search(r'<td class="num[^"]* edited">', report)
    svgs = re.findall(r"<svg .*?</svg>", report, re.S)
    assert len(svgs) >= 2 and all('xmlns="http://www.w3.org/2000/svg"' in svg for svg in svgs)
    assert any("<polyline" in svg for svg in svgs) and any("<rect" in svg for svg in svgs)


def test_it_has_a_print_style_sheet(report):
    assert "@media print" in report and "print-color-adjust:exact" in report


def test_export_session_writes_the_report(analysed):
    session, figures, _ = analysed
    files = export_session(session, "html", figures, name="norvik")
    assert list(files) == ["norvik.html"] and b"<svg" in files["norvik.html"]


def test_columns_empty_in_every_row_are_left_out(analysed, report):
    _, figures, _ = analysed
    head = re.search(r"<thead>(.*?)</thead>", report).group(1)
    assert "<th>Figure</th><th>Value</th><th>Unit</th><th>Role</th>" in head
    assert ("<th>Qualifier</th>" in head) == bool((figures["qualifier"].fillna("") != "").any())
    assert "<dt>title</dt>" not in report  # the heading says it
