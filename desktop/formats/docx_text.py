"""A Word document (.docx) as an article: its paragraphs, headings and tables in
document order, with its title, author and date. python-docx (imported only when a
document is read) opens the package; the body is walked here, so that text in content
controls and tracked insertions is kept, and deleted text and text boxes are not."""

from __future__ import annotations

import io
import zipfile

from desktop.formats.imported_text import (
    DocumentError,
    ImportedText,
    iso_date,
    sniff_format,
    tidy_paragraphs,
    unsupported_document,
)

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIPPED = frozenset({f"{_W}del", f"{_W}txbxContent", f"{_W}rPr", f"{_W}pPr", f"{_W}moveFrom",
                      "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"})
_INLINE = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n",
           f"{_W}noBreakHyphen": "\u2011", f"{_W}softHyphen": "\u00ad"}


def docx_to_text(data: bytes, *, name: str = "the document") -> ImportedText:
    """The text of the .docx in ``data``: one paragraph per paragraph or heading, a table
    as one line per row with its cells apart by tabs. DocumentError when it is damaged,
    protected, or another kind of file (an old .doc, .odt or .rtf gets "not supported yet")."""
    kind = sniff_format(data)
    if kind in ("doc", "odt", "rtf"):
        if kind == "doc" and b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k" in data:
            raise DocumentError(f"{name} is protected by a password: save a copy without it and open that.")
        raise unsupported_document(name, kind)
    if kind not in ("docx", "zip"):
        raise DocumentError(f"{name} is not a Word document, or it is damaged: it could not be opened.")
    document = _open(data, name)
    try:
        blocks = list(_blocks(document.element.body))
        properties = document.core_properties
        title, author = (properties.title or "").strip(), (properties.author or "").strip()
        date = iso_date(properties.created or properties.modified)
    except (ValueError, TypeError, AttributeError, KeyError):
        raise DocumentError(f"{name} is damaged: its text could not be read.") from None
    text = tidy_paragraphs([text for text, _ in blocks])
    if not text:
        raise DocumentError(f"{name} has no text.")
    if not title:
        title = next((" ".join(text.split()) for text, style in blocks if style == "Title" and text.strip()), "")
    return ImportedText(text=text, title=title, author=author, date=date, format="docx")


def _open(data: bytes, name: str):
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        return docx.Document(io.BytesIO(data))
    except ValueError as error:  # a package whose main part is not a Word document
        if "content type" in str(error):
            raise DocumentError(f"{name} is not a Word document (it may be a spreadsheet or a "
                                "presentation).") from None
        raise DocumentError(f"{name} is damaged: it could not be opened as a Word document.") from None
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError):
        raise DocumentError(f"{name} is not a Word document, or it is damaged: it could not be opened.") from None
    except Exception:  # noqa: BLE001 - XML and zip faults of a damaged package
        raise DocumentError(f"{name} is damaged: it could not be opened as a Word document.") from None


def _blocks(container):
    """(text, paragraph style id) for each paragraph and table of ``container``, in order;
    content controls (w:sdt) are opened."""
    for child in container.iterchildren():
        if child.tag == f"{_W}p":
            yield _paragraph_text(child), _style(child)
        elif child.tag == f"{_W}tbl":
            yield _table_text(child), ""
        elif child.tag == f"{_W}sdt":
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _blocks(content)


def _paragraph_text(paragraph) -> str:
    parts: list[str] = []
    _collect(paragraph, parts)
    return "".join(parts)


def _collect(element, parts: list[str]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag in _INLINE:
            parts.append((child.text or "") if _INLINE[tag] is None else _INLINE[tag])
        else:
            _collect(child, parts)


def _table_text(table) -> str:
    rows = []
    for row in table.iter(f"{_W}tr"):
        if _owner_table(row) is not table:
            continue  # a row of a table nested in a cell: read with its cell
        cells = [" ".join(text.split()) for text, _ in _cell_blocks(row)]
        rows.append("\t".join(cells))
    return "\n".join(row for row in rows if row.strip())


def _owner_table(row):
    parent = row.getparent()
    while parent is not None and parent.tag != f"{_W}tbl":
        parent = parent.getparent()
    return parent


def _cell_blocks(row):
    for cell in row.iterchildren(f"{_W}tc", f"{_W}sdt"):
        cell = cell if cell.tag == f"{_W}tc" else cell.find(f".//{_W}tc")
        if cell is None:
            continue
        if _merged_continuation(cell):
            continue
        texts = [text for text, _ in _blocks(cell)]
        yield " ".join(texts), ""


def _merged_continuation(cell) -> bool:
    """A cell continuing a vertical merge from the row above (its text is there)."""
    merge = cell.find(f"{_W}tcPr/{_W}vMerge")
    return merge is not None and merge.get(f"{_W}val", "continue") == "continue"


def _style(paragraph) -> str:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    return style.get(f"{_W}val", "") if style is not None else ""
