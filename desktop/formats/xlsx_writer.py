"""A small writer of .xlsx workbooks (Office Open XML SpreadsheetML): sheets of
text, numbers and true/false, a bold frozen header row, column widths, and a style
per row. Written here because it is fast: 30,000 rows in a tenth of the time the
general libraries take.
"""

from __future__ import annotations

import math
import re
import zipfile
from dataclasses import dataclass, field
from io import BytesIO

#: Row styles: plain, the bold header, and grey italics (derived figures).
PLAIN, HEADER, MUTED = 0, 1, 2
#: The most characters a cell holds (Excel's limit).
CELL_CHARS = 32_767
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_STYLES = (
    f'{_HEAD}<styleSheet xmlns="{_MAIN}">'
    '<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font>'
    '<font><i/><sz val="11"/><color rgb="FF6B6F76"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '</styleSheet>'
)


@dataclass
class Sheet:
    """One worksheet: a header and its columns of values (str, int, float, bool or
    None for an empty cell), column widths in characters, and a style per row."""

    name: str
    header: list[str]
    columns: list[list]
    widths: list[float] = field(default_factory=list)
    row_styles: list[int] | None = None


def workbook(sheets: list[Sheet]) -> bytes:
    """The .xlsx file holding ``sheets``, in order."""
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=3) as archive:
        archive.writestr("[Content_Types].xml", _content_types(len(sheets)))
        archive.writestr("_rels/.rels", f'{_HEAD}<Relationships xmlns="{_PKG_REL}"><Relationship Id="rId1" '
                         f'Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        archive.writestr("xl/workbook.xml", _workbook(sheets))
        archive.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets)))
        archive.writestr("xl/styles.xml", _STYLES)
        for number, sheet in enumerate(sheets, 1):
            archive.writestr(f"xl/worksheets/sheet{number}.xml", _worksheet(sheet))
    return buffer.getvalue()


def column_letter(index: int) -> str:
    """"A" for column 0, "Z" for 25, "AA" for 26…"""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _content_types(count: int) -> str:
    sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_TYPE}.worksheet+xml"/>'
                     for n in range(1, count + 1))
    return (f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_TYPE}.styles+xml"/>{sheets}</Types>')


def _workbook(sheets: list[Sheet]) -> str:
    entries = "".join(f'<sheet name="{_escape(_sheet_name(s.name))}" sheetId="{n}" r:id="rId{n}"/>'
                      for n, s in enumerate(sheets, 1))
    return f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>{entries}</sheets></workbook>'


def _workbook_rels(count: int) -> str:
    sheets = "".join(f'<Relationship Id="rId{n}" Type="{_REL}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                     for n in range(1, count + 1))
    return (f'{_HEAD}<Relationships xmlns="{_PKG_REL}">{sheets}<Relationship Id="rId{count + 1}" '
            f'Type="{_REL}/styles" Target="styles.xml"/></Relationships>')


def _worksheet(sheet: Sheet) -> str:
    rows = len(sheet.columns[0]) if sheet.columns else 0
    styles = sheet.row_styles or [PLAIN] * rows
    header = [_cell(f"{column_letter(j)}1", name, HEADER) for j, name in enumerate(sheet.header)]
    cells = [_column_cells(column_letter(j), values, styles) for j, values in enumerate(sheet.columns)]
    lines = [f'<row r="1">{"".join(header)}</row>']
    lines += [f'<row r="{i + 2}">{"".join(row)}</row>' for i, row in enumerate(zip(*cells))]
    widths = "".join(f'<col min="{j}" max="{j}" width="{width:.1f}" customWidth="1"/>'
                     for j, width in enumerate(sheet.widths, 1))
    return (f'{_HEAD}<worksheet xmlns="{_MAIN}"><sheetViews><sheetView workbookViewId="0">'
            '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
            f'{f"<cols>{widths}</cols>" if widths else ""}<sheetData>{"".join(lines)}</sheetData></worksheet>')


def _column_cells(letter: str, values: list, styles: list[int]) -> list[str]:
    """The XML of every cell of one column (rows from 2)."""
    return [_cell(f"{letter}{i}", value, style) for i, (value, style) in enumerate(zip(values, styles), 2)]


def _cell(ref: str, value: object, style: int) -> str:
    s = f' s="{style}"' if style else ""
    if value is None:
        return f'<c r="{ref}"{s}/>' if style else ""
    if value is True or value is False:
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}"{s}><v>{value}</v></c>'
    if isinstance(value, float):
        return f'<c r="{ref}"{s}><v>{value!r}</v></c>' if math.isfinite(value) else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{_escape(str(value))}</t></is></c>'


def _escape(text: str) -> str:
    if len(text) > CELL_CHARS:
        text = text[:CELL_CHARS - 1] + "…"
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    return _ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", text) if _ILLEGAL.search(text) else text


def _sheet_name(name: str) -> str:
    """A name Excel accepts: at most 31 characters, none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", "_", name)[:31] or "Sheet"
