"""Word documents to articles: paragraphs, headings and tables in order, metadata,
and damaged or unsupported files refused with a clear message."""

import io
import zipfile

import docx
import pytest
from import_samples import ARTICLES, odt_bytes, paragraphs_of, render_docx

from desktop.formats.docx_text import docx_to_text
from desktop.formats.imported_text import DocumentError


def _saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_paragraphs_headings_and_table_in_order(report_docx):
    article = ARTICLES[0]
    imported = docx_to_text(report_docx)
    assert paragraphs_of(imported.text) == [
        article.title, *article.paragraphs[:2],
        "\t2024\t2023\nSales\t£9.2bn\t£8.6bn\nPre-tax profit\t£318m\t£284m", *article.paragraphs[2:]]
    assert imported.format == "docx"


def test_metadata(report_docx):
    imported = docx_to_text(report_docx)
    article = ARTICLES[0]
    assert (imported.title, imported.author, imported.date) == (article.title, article.author, article.date)


def test_title_from_the_title_paragraph_when_the_properties_have_none():
    imported = docx_to_text(render_docx(ARTICLES[1], properties=False))
    assert imported.title == ARTICLES[1].title


def test_line_breaks_tabs_and_merged_cells():
    document = docx.Document()
    paragraph = document.add_paragraph("Chief executive")
    paragraph.add_run().add_break()
    paragraph.add_run("Martin Oduya\tsince 2019")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Results, £m"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Profit"
    table.cell(1, 1).text, table.cell(1, 2).text = "318", "284"
    table.cell(2, 1).text, table.cell(2, 2).text = "301", "270"
    assert paragraphs_of(docx_to_text(_saved(document)).text) == [
        "Chief executive\nMartin Oduya\tsince 2019", "Results, £m\nProfit\t318\t284\n301\t270"]


def test_content_controls_and_tracked_changes():
    """Text in a content control is kept; deleted text (a tracked change) is not."""
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("Profit rose 12% to £318m.")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document.element.body.insert(0, parse_xml(
        f'<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>Harlow Foods results</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    document.element.body.insert(2, parse_xml(
        f'<w:p {w}><w:r><w:t xml:space="preserve">Sales were </w:t></w:r><w:del w:id="1" w:author="x">'
        f'<w:r><w:delText>£9.0bn</w:delText></w:r></w:del><w:ins w:id="2" w:author="x"><w:r><w:t>£9.2bn</w:t>'
        '</w:r></w:ins><w:r><w:t>.</w:t></w:r></w:p>'))
    assert paragraphs_of(docx_to_text(_saved(document)).text) == [
        "Harlow Foods results", "Profit rose 12% to £318m.", "Sales were £9.2bn."]


def test_empty_document():
    with pytest.raises(DocumentError, match="no text"):
        docx_to_text(_saved(docx.Document()), name="blank.docx")


@pytest.mark.parametrize("data, message", [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), r"old Word \(\.doc\).*cannot open yet: save it as \.docx or PDF"),
    (odt_bytes(), r"OpenDocument \(\.odt\).*cannot open yet"),
    (b"{\\rtf1\\ansi Profit rose 12%.}", r"Rich Text \(\.rtf\).*cannot open yet"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + bytes(500), "password"),
])
def test_unsupported_and_protected(data, message):
    with pytest.raises(DocumentError, match=message):
        docx_to_text(data, name="old.doc")


def _zip(entries: dict[str, str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, text in entries.items():
            archive.writestr(name, text)
    return out.getvalue()


SPREADSHEET_TYPES = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
                     'officedocument.spreadsheetml.sheet.main+xml"/></Types>')
SPREADSHEET_RELS = ('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')


@pytest.mark.parametrize("data, message", [
    (_zip({"notes.txt": "hello"}), "not a Word document"),
    (_zip({"[Content_Types].xml": SPREADSHEET_TYPES, "_rels/.rels": SPREADSHEET_RELS,
           "xl/workbook.xml": "<workbook/>"}), "spreadsheet"),
    (_zip({"[Content_Types].xml": "<Types", "word/document.xml": "<w:document"}), "damaged|not a Word"),
    (b"", "not a Word document"),
    (b"just some text", "not a Word document"),
])
def test_not_a_word_document(data, message):
    with pytest.raises(DocumentError, match=message):
        docx_to_text(data, name="x.docx")


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_truncated(report_docx, cut):
    with pytest.raises(DocumentError, match="x.docx"):
        docx_to_text(report_docx[:int(len(report_docx) * cut)], name="x.docx")
