"""A PDF's text layer as an article: words read with pypdfium2 (PDFium, imported only
when a PDF is read), put in reading order by ``pdf_layout``, with the document's title,
author and creation date."""

from __future__ import annotations

import ctypes
import re
import threading

from desktop.formats.imported_text import DocumentError, ImportedText, iso_date, tidy_paragraphs
from desktop.formats.pdf_layout import Word, drop_running_rows, page_lines, paragraphs, rows

#: PDFium is not thread-safe: one document is read at a time.
_PDFIUM = threading.Lock()
_WORD = re.compile(r"[^\s\x02\ufffe]+[\x02\ufffe]?")
_PLACEHOLDERS = frozenset({"untitled", "anonymous", "unknown", "unspecified", "none"})


def pdf_to_text(data: bytes, *, name: str = "the PDF") -> ImportedText:
    """The text of the PDF in ``data``: paragraphs in reading order without running
    headers, footers and page numbers. DocumentError when it is damaged, encrypted, or
    has no text layer (a scan)."""
    if not data.strip():
        raise DocumentError(f"{name} is empty: there is no text to read.")
    with _PDFIUM:
        try:
            return _read(data, name)
        except DocumentError:
            raise
        except Exception as error:  # noqa: BLE001 - PDFium's faults on a damaged file
            raise DocumentError(f"{name} is damaged: its text could not be read ({error}).") from None


def _read(data: bytes, name: str) -> ImportedText:
    import pypdfium2 as pdfium

    document = _open(pdfium, data, name)
    try:
        pages, widths, empty = [], [], []
        for index in range(len(document)):
            page = document[index]
            try:
                words = _page_words(page)
                widths.append(page.get_width())
            finally:
                page.close()
            if not words:
                empty.append(index + 1)
            pages.append(rows(words))
        metadata = document.get_metadata_dict(skip_empty=True)
    finally:
        document.close()
    if len(empty) == len(pages):
        raise DocumentError(f"{name} has no text layer: it looks like a scanned document. "
                            "Run it through text recognition (OCR) first, or open a text version.")
    pages = drop_running_rows(pages)
    lines = [page_lines(page_rows, width) for page_rows, width in zip(pages, widths)]
    warnings = (f"Pages without text (scanned?) were left out: {_page_list(empty)}.",) if empty else ()
    return ImportedText(
        text=tidy_paragraphs(paragraphs(lines)), title=_meta(metadata, "Title"),
        author=_meta(metadata, "Author"),
        date=iso_date(metadata.get("CreationDate") or metadata.get("ModDate")),
        format="pdf", warnings=warnings)


def _open(pdfium, data: bytes, name: str):
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code == pdfium.raw.FPDF_ERR_PASSWORD:
            raise DocumentError(f"{name} is protected by a password: Article Lens cannot open "
                                "encrypted PDFs. Save a copy without the password and open that.") from None
        if code == pdfium.raw.FPDF_ERR_SECURITY:
            raise DocumentError(f"{name} uses an encryption Article Lens cannot read.") from None
        raise DocumentError(f"{name} is damaged or is not a PDF: it could not be opened.") from None


def _page_words(page) -> list[Word]:
    """The words of a page (runs of characters between spaces and line breaks) with
    their boxes, from PDFium's text in content order."""
    import pypdfium2.raw as raw

    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        if count <= 0:
            return []
        text = textpage.get_text_range()
        if len(text) != count:  # characters outside the BMP: one index each
            text = "".join(chr(raw.FPDFText_GetUnicode(textpage.raw, i) or 32) for i in range(count))
        box = raw.FS_RECTF()
        pointer, handle, loose_box = ctypes.byref(box), textpage.raw, raw.FPDFText_GetLooseCharBox
        words = []
        for match in _WORD.finditer(text):
            loose_box(handle, match.start(), pointer)
            x0, bottom, top = box.left, box.bottom, box.top
            loose_box(handle, match.end() - 1, pointer)
            words.append(Word(match.group(), x0, max(box.right, x0), min(bottom, top), max(bottom, top)))
        return words
    finally:
        textpage.close()


def _meta(metadata: dict, key: str) -> str:
    value = " ".join(str(metadata.get(key, "")).split())
    value = re.sub(r"^Microsoft (?:Word|PowerPoint) - ", "", value)
    return "" if value.lower() in _PLACEHOLDERS else value


def _page_list(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:10]))
    return shown + (f" and {len(numbers) - 10} more" if len(numbers) > 10 else "")
