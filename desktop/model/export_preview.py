"""What an export writes, shortened for a preview (no Qt): the first lines of a text
file (each line cut), an XLSX workbook's sheets with their rows and first cells, and
the report's HTML with the article and tables cut, its charts kept.

    preview = export_preview("csv", {"article.csv": b"..."})
    preview.summary, preview.text, preview.html
"""

from __future__ import annotations

import html as html_module
import io
import re
import zipfile
from dataclasses import dataclass

#: Lines a text preview shows, and characters of each line.
PREVIEW_LINES = 40
LINE_CHARS = 300
#: Characters of the article, rows of the figures table and notes the report preview keeps.
REPORT_ARTICLE_CHARS = 4000
REPORT_TABLE_ROWS = 40
REPORT_NOTES = 20
#: Rows of each sheet an XLSX preview shows, and characters of each cell.
SHEET_ROWS = 8
CELL_CHARS = 28


@dataclass
class ExportPreview:
    """``summary``: one line about the files; ``text``: a plain-text preview, or
    ``html``: the report's HTML, shortened (its charts still inline SVG)."""

    summary: str
    text: str = ""
    html: str = ""


def export_preview(fmt: str, files: dict[str, bytes]) -> ExportPreview:
    summary = files_summary(files)
    if fmt == "xlsx":
        (data,) = files.values()
        return ExportPreview(summary, text=workbook_preview(data))
    if fmt == "html":
        (data,) = files.values()
        return ExportPreview(summary, html=report_preview(data.decode("utf-8")))
    if fmt == "brat":
        parts = []
        for name, data in files.items():
            if name.endswith(".ann"):
                parts.append(f"── {name} ──\n{text_head(data)}")
        parts += [f"── {name} ──\n{text_head(data, 20)}" for name, data in files.items() if name.endswith(".conf")]
        return ExportPreview(summary, text="\n\n".join(parts))
    (data,) = files.values()
    return ExportPreview(summary, text=text_head(data))


def files_summary(files: dict[str, bytes]) -> str:
    sizes = ", ".join(f"{name} ({byte_size(len(data))})" for name, data in files.items())
    count = len(files)
    return f"{count} files: {sizes}" if count > 1 else sizes


def byte_size(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


def text_head(data: bytes, lines: int = PREVIEW_LINES, line_chars: int = LINE_CHARS) -> str:
    """The first ``lines`` lines of UTF-8 ``data``, each cut to ``line_chars``
    characters with what was cut counted; then how many lines follow."""
    text = data[: lines * (line_chars + 4) * 64].decode("utf-8", errors="replace")
    shown = []
    for line in text.splitlines()[:lines]:
        if len(line) > line_chars:
            line = f"{line[:line_chars]}… ({len(line) - line_chars:,} more characters)"
        shown.append(line)
    total = data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
    if total > lines:
        shown.append(f"… ({total - lines:,} more lines)")
    return "\n".join(shown)


_SHEET = re.compile(r'<sheet name="([^"]*)"')
_ROW = re.compile(r"<row\b[^>]*>(.*?)</row>", re.S)
_CELL = re.compile(r'<c r="([A-Z]+)\d+"[^>]*?(?:/>|>(.*?)</c>)', re.S)
_VALUE = re.compile(r"<(?:v|t)\b[^>]*>(.*?)</(?:v|t)>", re.S)


def workbook_preview(data: bytes) -> str:
    """Each sheet of an .xlsx: its name, its rows (less the header) and its first
    rows, read from the workbook itself."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        names = [html_module.unescape(n) for n in _SHEET.findall(book.read("xl/workbook.xml").decode())]
        parts = []
        for number, name in enumerate(names, 1):
            sheet = book.read(f"xl/worksheets/sheet{number}.xml").decode("utf-8")
            rows = _ROW.findall(sheet)
            table = [_cells(row) for row in rows[: SHEET_ROWS + 1]]
            width = max((len(r) for r in table), default=0)
            lines = [" | ".join(_cut(c) for c in r + [""] * (width - len(r))) for r in table]
            more = f"\n… ({len(rows) - len(table):,} more rows)" if len(rows) > len(table) else ""
            columns = f", {width} columns" if width else ""
            parts.append(f"── sheet “{name}”: {max(len(rows) - 1, 0):,} rows{columns} ──\n" + "\n".join(lines) + more)
    return "\n\n".join(parts)


def _cells(row: str) -> list[str]:
    cells: list[str] = []
    for column, inner in _CELL.findall(row):
        index = _column_index(column)
        cells += [""] * (index - len(cells))
        value = _VALUE.search(inner or "")
        cells.append(_number(html_module.unescape(value.group(1))) if value else "")
    return cells


def _number(cell: str) -> str:
    """A number cell as a person writes it: 30.0 -> 30 (other cells as they are)."""
    if cell.endswith(".0") and cell[:-2].lstrip("-").isdigit():
        return cell[:-2]
    return cell


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def _cut(cell: str) -> str:
    cell = " ".join(cell.split())
    return cell if len(cell) <= CELL_CHARS else cell[: CELL_CHARS - 1] + "…"


_ARTICLE = re.compile(r'(<div class="article">)(.*?)(</div>)', re.S)
_NOTES = re.compile(r'(<ol class="notes">)(.*?)(</ol>)', re.S)
_TBODY = re.compile(r"(<tbody>)(.*?)(</tbody>)", re.S)


def report_preview(report: str, article_chars: int = REPORT_ARTICLE_CHARS,
                   table_rows: int = REPORT_TABLE_ROWS, notes: int = REPORT_NOTES) -> str:
    """The report with its article cut after ``article_chars`` characters of markup
    (at a tag's edge), its figures table after ``table_rows`` rows and its notes after
    ``notes``, each cut said where it is; the charts are all kept."""
    def cut_article(match: re.Match) -> str:
        body = match.group(2)
        if len(body) <= article_chars:
            return match.group(0)
        piece = _at_tag_edge(body[:article_chars])
        closes = "</mark>" * (piece.count("<mark") - piece.count("</mark>"))
        rest = len(re.sub(r"<[^>]+>", "", body)) - len(re.sub(r"<[^>]+>", "", piece))
        return (f"{match.group(1)}{piece}{closes}</div><p><em>… and {rest:,} more characters of "
                f"the article (the file holds all of it)</em></p>")

    def cut_items(tag: str, limit: int, what: str) -> callable:
        def cut(match: re.Match) -> str:
            items = re.split(f"(?=<{tag}[ >])", match.group(2))
            items = [item for item in items if item]
            if len(items) <= limit:
                return match.group(0)
            kept = "".join(items[:limit])
            note = f"… and {len(items) - limit:,} more {what} (the file holds all of them)"
            if tag == "tr":
                return f'{match.group(1)}{kept}<tr><td colspan="10"><em>{note}</em></td></tr>{match.group(3)}'
            return f"{match.group(1)}{kept}{match.group(3)}<p><em>{note}</em></p>"
        return cut

    report = _ARTICLE.sub(cut_article, report, count=1)
    report = _NOTES.sub(cut_items("li", notes, "notes"), report, count=1)
    return _TBODY.sub(cut_items("tr", table_rows, "figures"), report, count=1)


def _at_tag_edge(piece: str) -> str:
    """``piece`` without a tag or character reference cut in two at its end."""
    opened = piece.rfind("<")
    if opened > piece.rfind(">"):
        piece = piece[:opened]
    amp = piece.rfind("&")
    if amp > piece.rfind(";"):
        piece = piece[:amp]
    return piece
