"""PDFs to articles: reading order over columns, running headers and footers dropped,
lines joined into paragraphs, hyphenation undone, metadata, and bad files refused."""

import textwrap

import pytest
from import_samples import (
    ARTICLES,
    PdfStyle,
    column_lines,
    paragraphs_of,
    pdf_with_lines,
    platypus_pdf,
    render_pdf,
    scanned_pdf,
)

from desktop.formats.imported_text import DocumentError
from desktop.formats.pdf_text import pdf_to_text

RUNNING = ("Northgate Ledger", "Weekly edition", "Northgate Media", "Page ")


def expected_paragraphs(articles):
    return [p for a in articles for p in (a.title, f"By {a.author}", *a.paragraphs)]


def test_two_justified_columns_over_pages(two_column_pdf):
    imported = pdf_to_text(two_column_pdf)
    assert paragraphs_of(imported.text) == expected_paragraphs(ARTICLES)
    assert not [marker for marker in RUNNING if marker in imported.text]


@pytest.mark.parametrize("style", [
    PdfStyle(columns=1, indent=True),
    PdfStyle(columns=2, indent=True, continuous=True),
    PdfStyle(columns=3, justify=True, continuous=True, font_size=9),
    PdfStyle(columns=2, justify=True, indent=True, continuous=True),
], ids=["one column, indents", "two ragged columns", "three columns", "two columns, justified and indented"])
def test_layouts(style):
    articles = ARTICLES[:5]
    paragraphs = paragraphs_of(pdf_to_text(render_pdf(articles, style)).text)
    assert paragraphs == expected_paragraphs(articles)


def test_pdf_typeset_by_a_layout_engine():
    """Frames, word spacing, wrapped headings of a larger size, a page number in a corner."""
    imported = pdf_to_text(platypus_pdf(ARTICLES))
    assert paragraphs_of(imported.text) == [p for a in ARTICLES for p in (a.title, *a.paragraphs)]
    assert (imported.title, imported.author) == ("Spring issue", "Northgate")


def test_metadata():
    imported = pdf_to_text(render_pdf(ARTICLES[:1]))
    article = ARTICLES[0]
    assert (imported.title, imported.author, imported.date, imported.format) == (
        article.title, article.author, article.date, "pdf")


def test_placeholder_metadata_is_left_empty():
    imported = pdf_to_text(pdf_with_lines([column_lines(["Some text of a page that says nothing much."])],
                                          title="untitled", author="anonymous"))
    assert (imported.title, imported.author) == ("", "")


BODY = textwrap.wrap(" ".join(ARTICLES[0].paragraphs + ARTICLES[1].paragraphs), 80)[:30]


def _pages(headers, footers):
    return [[(56, 800, header), *column_lines(BODY[i * 10:i * 10 + 10]), (280, 40, footer)]
            for i, (header, footer) in enumerate(zip(headers, footers))]


@pytest.mark.parametrize("headers, footers", [
    (["Northgate Quarterly Review"] * 3, ["1", "2", "3"]),
    (["Northgate Quarterly Review"] * 3, ["Page 1 of 3", "Page 2 of 3", "Page 3 of 3"]),
    (["Report 2024 — page 7", "Report 2024 — page 8", "Report 2024 — page 9"], ["- 7 -", "- 8 -", "- 9 -"]),
], ids=["bare numbers", "page n of m", "numbers in the header"])
def test_running_headers_and_page_numbers_are_dropped(headers, footers):
    text = pdf_to_text(pdf_with_lines(_pages(headers, footers))).text
    assert text == " ".join(BODY)


def test_a_line_at_the_top_of_one_page_only_is_kept():
    pages = _pages(["Northgate Quarterly Review", "A heading on page two only", "Northgate Quarterly Review"],
                   ["1", "2", "3"])
    text = pdf_to_text(pdf_with_lines(pages)).text
    assert "A heading on page two only" in text
    assert "Northgate Quarterly Review" not in text


def test_hyphenation_undone_only_where_it_is_hyphenation():
    lines = [
        "The government said the well-known retailer had a long-",
        "term plan. The govern-",
        "ment rejected it, but the well-",
        "known retailer and its inter-",
        "national rivals said the five-",
        "year deal was worth an invest-",
        "ment of £4.5bn in the international market.",
    ]
    text = pdf_to_text(pdf_with_lines([column_lines(lines)])).text
    assert text == ("The government said the well-known retailer had a long-term plan. The government "
                    "rejected it, but the well-known retailer and its international rivals said the "
                    "five-year deal was worth an investment of £4.5bn in the international market.")


@pytest.mark.parametrize("backwards", [False, True], ids=["drawn in order", "drawn backwards"])
def test_columns_are_read_in_order_around_a_headline(backwards):
    """Reading order comes from where the lines are, not from the order they are drawn in."""
    left = [f"Left {i} words of the first column go on for a while." for i in range(12)]
    right = [f"Right {i} words of the second column go on as well." for i in range(12)]
    page = [(56, 790, "A headline that runs right across both of the columns of the page")]
    page += column_lines(left, x=56, top=760) + column_lines(right, x=310, top=760)
    text = pdf_to_text(pdf_with_lines([page[::-1] if backwards else page], size=9)).text
    assert paragraphs_of(text) == [page[0][2], " ".join(left + right)]


def test_a_table_is_not_read_as_columns():
    rows = [("Sales", "£9.2bn", "£8.6bn"), ("Profit", "£318m", "£284m"), ("Stores", "412", "398"),
            ("Staff", "38,000", "36,500"), ("Dividend", "11.2p", "10.4p"), ("Orders", "1.6m", "1.2m")]
    page = [(x, 700 - 14 * i, cell) for i, row in enumerate(rows) for x, cell in zip((56, 250, 400), row)]
    text = pdf_to_text(pdf_with_lines([page])).text
    assert "Sales £9.2bn £8.6bn" in text and "Dividend 11.2p 10.4p" in text


def test_scanned_pdf():
    with pytest.raises(DocumentError, match="no text layer.*scanned"):
        pdf_to_text(scanned_pdf(), name="scan.pdf")


def test_scanned_pages_among_text_pages_are_reported():
    imported = pdf_to_text(scanned_pdf(pages=3, text_pages=(1,)))
    assert "line 8 of it says so" in imported.text
    assert imported.warnings == ("Pages without text (scanned?) were left out: 1, 3.",)


def test_encrypted_pdf():
    data = render_pdf(ARTICLES[:1], PdfStyle(password="secret"))
    with pytest.raises(DocumentError, match="password"):
        pdf_to_text(data, name="locked.pdf")


@pytest.mark.parametrize("cut", [0.1, 0.5])
def test_truncated_pdf(two_column_pdf, cut):
    with pytest.raises(DocumentError, match="locked.pdf|damaged"):
        pdf_to_text(two_column_pdf[:int(len(two_column_pdf) * cut)], name="locked.pdf")


@pytest.mark.parametrize("data", [b"", b"%PDF-1.7\n", b"%PDF-1.4\n" + bytes(range(256)) * 20, b"not a pdf at all"])
def test_not_a_pdf(data):
    with pytest.raises(DocumentError, match="empty|damaged|not a PDF"):
        pdf_to_text(data, name="x.pdf")
