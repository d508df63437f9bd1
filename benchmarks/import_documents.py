"""Articles written out as Word documents (python-docx) and as wrapped, paginated PDFs
(reportlab): one or two columns, running header and footer with page numbers, words
hyphenated at line ends, ragged or justified lines."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from benchmarks.import_articles import SampleArticle

A4, A5 = (595.0, 842.0), (420.0, 595.0)  # in points
MARGIN, GUTTER = 56.0, 20.0
BODY_BOTTOM = 64.0
SITE = "The Northgate Ledger"


def render_docx(article: SampleArticle, *, table: Sequence[Sequence[str]] = (), properties: bool = True) -> bytes:
    """``article`` as a .docx: the headline in the Title style, a heading before the last
    paragraph, the paragraphs, and ``table`` (rows of cells) after the second paragraph."""
    import docx

    document = docx.Document()
    if properties and article.date:
        import datetime as dt

        document.core_properties.title = article.title
        document.core_properties.author = article.author
        document.core_properties.created = dt.datetime.fromisoformat(article.date + "T09:00:00")
    document.add_heading(article.title, 0)
    for i, paragraph in enumerate(article.paragraphs):
        document.add_paragraph(paragraph)
        if i == 1 and table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for row, cells in zip(grid.rows, table):
                for cell, text in zip(row.cells, cells):
                    cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@dataclass
class _Page:
    ops: list[tuple[str, float, float, str]] = field(default_factory=list)  # font, x, y, text


@dataclass
class PdfStyle:
    columns: int = 2
    justify: bool = False
    indent: bool = False  # first-line indents instead of space between paragraphs
    hyphenate: bool = True
    font_size: float = 10.0
    max_pages: int = 0  # stop after this many pages (0: no limit)
    continuous: bool = False  # articles after the first follow on in the columns
    password: str = ""  # encrypt with this user password
    page: tuple[float, float] = A4

    @property
    def body_top(self) -> float:
        return self.page[1] - 78


def render_pdf(articles: Sequence[SampleArticle], style: PdfStyle | None = None, *,
               title: str = "", author: str = "") -> bytes:
    """The articles one after another, each from a new page, its headline across the page
    and its text in ``style.columns`` columns, with a running header and footer."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    style = style or PdfStyle()
    pages = _layout(articles, style)
    out = io.BytesIO()
    encrypt = StandardEncryption(style.password) if style.password else None
    page_w, page_h = style.page
    pdf = canvas.Canvas(out, pagesize=style.page, encrypt=encrypt, invariant=1)
    pdf.setTitle(title or (articles[0].title if articles else ""))
    pdf.setAuthor(author or (articles[0].author if articles else ""))
    if articles and articles[0].date:
        stamp = "D:" + articles[0].date.replace("-", "") + "090000+00'00'"
        pdf.setDateFormatter(lambda *_: stamp)
    for number, page in enumerate(pages, 1):
        pdf.setFont("Helvetica", 8)
        pdf.drawString(MARGIN, page_h - 40, f"{SITE} · Business and Politics")
        pdf.drawRightString(page_w - MARGIN, page_h - 40, "Weekly edition")
        pdf.line(MARGIN, page_h - 46, page_w - MARGIN, page_h - 46)
        pdf.drawString(MARGIN, 36, "© 2024 Northgate Media Ltd")
        pdf.drawCentredString(page_w / 2, 36, f"Page {number} of {len(pages)}")
        for font, x, y, text in page.ops:
            name, size = font.split(":")
            pdf.setFont(name, float(size))
            pdf.drawString(x, y, text)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _layout(articles: Sequence[SampleArticle], style: PdfStyle) -> list[_Page]:
    """Pages of draw operations: each article's headline across the page (or, with
    ``style.continuous`` after the first, in its column), then its text in columns."""
    pages: list[_Page] = []
    size = style.font_size
    leading = size * 1.25
    width = (style.page[0] - 2 * MARGIN - GUTTER * (style.columns - 1)) / style.columns
    flow = _Flow(pages, style, width)
    for n, article in enumerate(articles):
        if style.max_pages and len(pages) >= style.max_pages:
            break
        if n == 0 or not style.continuous:
            pages.append(_Page())
            y = style.body_top
            for line in _wrap(article.title, "Helvetica-Bold", 17, style.page[0] - 2 * MARGIN, hyphenate=False):
                pages[-1].ops.append(("Helvetica-Bold:17", MARGIN, y, line))
                y -= 21
            if article.author:
                pages[-1].ops.append((f"Times-Italic:{size}", MARGIN, y - 2, f"By {article.author}"))
            flow.start(y - 2 - 2 * leading)
        else:
            flow.skip(leading)
            for line in _wrap(article.title, "Helvetica-Bold", 12, width, hyphenate=False):
                flow.put("Helvetica-Bold:12", line, 0.0, 15.0, justify_width=0.0)
            if article.author:
                flow.put(f"Times-Italic:{size}", f"By {article.author}", 0.0, leading * 1.6, justify_width=0.0)
        for paragraph in article.paragraphs:
            indent = size * 1.5 if style.indent else 0.0
            lines = _wrap(paragraph, "Times-Roman", size, width, style.hyphenate, first_indent=indent)
            for i, line in enumerate(lines):
                room = width - (indent if i == 0 else 0.0)
                stretch = room if style.justify and i < len(lines) - 1 else 0.0
                if not flow.put(f"Times-Roman:{size}", line, indent if i == 0 else 0.0, leading, stretch):
                    return pages
            if not style.indent:
                flow.skip(leading * 0.6)
    return pages


class _Flow:
    """Lines poured into the columns of the pages, a new column or page when one is full."""

    def __init__(self, pages: list[_Page], style: PdfStyle, width: float) -> None:
        self.pages, self.style, self.width = pages, style, width
        self.column, self.top, self.y = 0, style.body_top, style.body_top

    def start(self, top: float) -> None:
        self.column, self.top, self.y = 0, top, top

    def skip(self, height: float) -> None:
        self.y -= height

    def put(self, font: str, line: str, indent: float, advance: float, justify_width: float) -> bool:
        """Draw ``line``; False when ``style.max_pages`` are full."""
        if self.y < BODY_BOTTOM:
            self.column += 1
            if self.column == self.style.columns:
                if self.style.max_pages and len(self.pages) >= self.style.max_pages:
                    return False
                self.pages.append(_Page())
                self.column, self.top = 0, self.style.body_top
            self.y = self.top
        x = MARGIN + self.column * (self.width + GUTTER) + indent
        if justify_width:
            _justified(self.pages[-1], line, x, self.y, justify_width, font)
        else:
            self.pages[-1].ops.append((font, x, self.y, line))
        self.y -= advance
        return True


def _justified(page: _Page, line: str, x: float, y: float, width: float, font: str) -> None:
    """One line drawn word by word, the spaces stretched to fill ``width``."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    name, size = font.split(":")
    words = line.split(" ")
    if len(words) == 1:
        page.ops.append((font, x, y, line))
        return
    gap = (width - sum(stringWidth(w, name, float(size)) for w in words)) / (len(words) - 1)
    for word in words:
        page.ops.append((font, x, y, word))
        x += stringWidth(word, name, float(size)) + gap


def _wrap(text: str, font: str, size: float, width: float, hyphenate: bool, first_indent: float = 0.0) -> list[str]:
    """Greedy line breaking; a word that does not fit is hyphenated when it can be."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, current = [], ""
    room = width - first_indent
    words = text.split()
    while words:
        word = words.pop(0)
        candidate = f"{current} {word}" if current else word
        if stringWidth(candidate, font, size) <= room:
            current = candidate
            continue
        head, tail = _split_word(word, current, font, size, room) if hyphenate else (None, None)
        if head:
            lines.append(f"{current} {head}" if current else head)
            words.insert(0, tail)
        elif current:
            lines.append(current)
            words.insert(0, word)
        else:
            lines.append(word)
        current, room = "", width
    if current:
        lines.append(current)
    return lines


def _split_word(word: str, current: str, font: str, size: float, room: float) -> tuple[str | None, str | None]:
    """The longest head of ``word`` (with its hyphen) that still fits on the line: at a
    hyphen of a compound, else inside a word of 7 letters or more, 3 letters each side."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    def fits(head: str) -> bool:
        return stringWidth(f"{current} {head}" if current else head, font, size) <= room

    for cut in range(len(word) - 2, 0, -1):
        if word[cut] == "-" and fits(word[:cut + 1]):
            return word[:cut + 1], word[cut + 1:]
    core = word.rstrip(".,;:!?\"')")
    if len(core) >= 7 and core.isalpha():
        for cut in range(len(core) - 3, 2, -1):
            if fits(word[:cut] + "-"):
                return word[:cut] + "-", word[cut:]
    return None, None
