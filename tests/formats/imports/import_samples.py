"""Documents generated for the import tests: web pages with boilerplate around invented
articles (benchmarks/import_pages.py), Word files (python-docx) and PDFs (reportlab),
plus hand-placed PDF lines for hyphenation, running headers and columns."""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.import_articles import ARTICLES  # noqa: E402
from benchmarks.import_documents import PdfStyle, render_docx, render_pdf  # noqa: E402
from benchmarks.import_pages import BOILERPLATE, LAYOUTS, article_url, render_page  # noqa: E402

__all__ = ["ARTICLES", "BOILERPLATE", "LAYOUTS", "PdfStyle", "article_url", "render_docx", "render_page",
           "render_pdf", "pdf_with_lines", "column_lines", "scanned_pdf", "odt_bytes", "paragraphs_of",
           "platypus_pdf"]


def paragraphs_of(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p]


def pdf_with_lines(pages: list[list[tuple[float, float, str]]], *, size: float = 10.0,
                   title: str = "", author: str = "", password: str = "") -> bytes:
    """A PDF of A4 pages, each a list of (x, y, text) drawn in Times at ``size`` points."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    encrypt = StandardEncryption(password) if password else None
    pdf = canvas.Canvas(out, pagesize=(595, 842), encrypt=encrypt, invariant=1)
    pdf.setTitle(title)
    pdf.setAuthor(author)
    for lines in pages:
        pdf.setFont("Times-Roman", size)
        for x, y, text in lines:
            pdf.drawString(x, y, text)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def column_lines(lines: list[str], x: float = 56, top: float = 760, leading: float = 12.5) -> list[tuple]:
    return [(x, top - i * leading, line) for i, line in enumerate(lines)]


def scanned_pdf(pages: int = 2, text_pages: tuple[int, ...] = ()) -> bytes:
    """Pages holding only a picture of text (a scan), except ``text_pages`` (0-based),
    which have a real text line."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    picture = Image.new("L", (400, 200), 255)
    ImageDraw.Draw(picture).text((20, 80), "Profit rose 12% to 318m", fill=0)
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(595, 842), invariant=1)
    for index in range(pages):
        pdf.drawImage(ImageReader(picture), 56, 500, width=400, height=200)
        if index in text_pages:
            pdf.setFont("Times-Roman", 10)
            for i in range(8):
                pdf.drawString(56, 460 - 12.5 * i, f"This page has a text layer and line {i + 1} of it says so clearly.")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def odt_bytes() -> bytes:
    """An OpenDocument text: a zip whose first, stored entry is its mimetype."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


def platypus_pdf(articles) -> bytes:
    """The articles typeset by reportlab's layout engine (another way of writing PDFs than
    ``render_pdf``): two frames a page, justified paragraphs set with word spacing,
    headings, a running header and a page number drawn by the page template."""
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    out = io.BytesIO()
    width, height = 595, 842
    document = BaseDocTemplate(out, pagesize=(width, height), title="Spring issue", author="Northgate")
    column = (width - 100) / 2 - 8
    frames = [Frame(50, 60, column, height - 130), Frame(50 + column + 16, 60, column, height - 130)]

    def decorate(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(50, height - 40, "Northgate Review — Spring issue")
        canvas.drawRightString(width - 50, 30, str(doc.page))
        canvas.restoreState()

    document.addPageTemplates([PageTemplate(frames=frames, onPage=decorate)])
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], alignment=TA_JUSTIFY, fontName="Times-Roman",
                          fontSize=10, leading=12.5)
    story = []
    for article in articles:
        story.append(Paragraph(article.title, styles["Heading2"]))
        story += [Paragraph(p.replace("&", "&amp;"), body) for p in article.paragraphs]
    document.build(story)
    return out.getvalue()
