"""A streaming SpreadsheetML (XLSX) writer with a fixed set of styles, for big plain tables.

The audit of 10,000 reports writes hundreds of thousands of rows: this writes each row's XML once,
straight into the zip, with inline strings (no shared-string table to keep) and styles chosen from
:class:`Style`. Each sheet can have frozen header rows, an autofilter, column widths, and a print
setup: landscape A4, fit to one page wide, the header rows repeated on every printed page.
"""

from __future__ import annotations

import enum
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

from ..messages import sheets as sheet_msg
from .xlsx_cells import column_letter

MAX_TEXT = 32767  # characters a cell holds


class Style(enum.IntEnum):
    """The cell formats of styles.xml (index = cellXfs position)."""

    PLAIN = 0
    HEADER = 1  # bold on grey-blue, wrapped, bordered
    WRAP = 2  # long text: wrapped, top-aligned
    ERROR = 3  # red bold: errors, 未报送
    WARNING = 4  # amber text
    GOOD = 5  # green text: 通过, 已报送
    TITLE = 6  # bold, larger: a sheet's first line
    EXPLAINED = 7  # grey italic: 已说明
    DECIMAL = 8  # a number with up to four decimals


_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="0.####"/></numFmts>
<fonts count="7">
<font><sz val="11"/><name val="{font}"/><family val="3"/><charset val="134"/></font>
<font><b/><sz val="11"/><name val="{font}"/><family val="3"/><charset val="134"/></font>
<font><b/><sz val="11"/><color rgb="FFC00000"/><name val="{font}"/><family val="3"/><charset val="134"/></font>
<font><sz val="11"/><color rgb="FF9C5700"/><name val="{font}"/><family val="3"/><charset val="134"/></font>
<font><sz val="11"/><color rgb="FF006100"/><name val="{font}"/><family val="3"/><charset val="134"/></font>
<font><b/><sz val="14"/><name val="{font}"/><family val="3"/><charset val="134"/></font>
<font><i/><sz val="11"/><color rgb="FF595959"/><name val="{font}"/><family val="3"/><charset val="134"/></font>
</fonts>
<fills count="3">
<fill><patternFill patternType="none"/></fill>
<fill><patternFill patternType="gray125"/></fill>
<fill><patternFill patternType="solid"><fgColor rgb="FFDDE6F0"/><bgColor indexed="64"/></patternFill></fill>
</fills>
<borders count="2">
<border><left/><right/><top/><bottom/><diagonal/></border>
<border><left style="thin"><color rgb="FF8EA9C1"/></left><right style="thin"><color rgb="FF8EA9C1"/></right>\
<top style="thin"><color rgb="FF8EA9C1"/></top><bottom style="thin"><color rgb="FF8EA9C1"/></bottom><diagonal/></border>
</borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="9">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>
<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" \
applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" \
wrapText="1"/></xf>
<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment \
vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="3" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment \
vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="4" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment \
vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="5" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="0" fontId="6" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment \
vertical="top" wrapText="1"/></xf>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1">\
<alignment vertical="top"/></xf>
</cellXfs>
<cellStyles count="1"><cellStyle name="{normal}" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>
"""

_STYLES = _STYLES.replace("{font}", escape(sheet_msg.FONT)).replace("{normal}", escape(sheet_msg.NORMAL_STYLE))

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' \
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'

# What a cell's text may not hold as is: markup, and control characters XML 1.0 cannot hold.
_SPECIAL = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_REPLACE = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _fix(m: re.Match) -> str:
    return _REPLACE.get(m.group(0), "")


def cell_text(value: str) -> str:
    """Return ``value`` escaped for a cell and cut to what a cell holds (lone surrogates are replaced
    when the row is encoded)."""
    if len(value) > MAX_TEXT:
        value = value[:MAX_TEXT]
    return _SPECIAL.sub(_fix, value) if _SPECIAL.search(value) else value


_WRAPPED = frozenset({Style.HEADER, Style.WRAP, Style.ERROR, Style.WARNING, Style.GOOD, Style.EXPLAINED})
LINE_HEIGHT = 15  # points per line of 11 pt text
MAX_HEIGHT = 409  # Excel's largest row height


def text_lines(text: str, width: float) -> int:
    """Return how many lines ``text`` takes wrapped in a column ``width`` characters wide (CJK counts 2)."""
    usable = max(1, int(width) - 1)
    if "\n" not in text:
        units = len(text) if text.isascii() else 2 * len(text)
        return -(-units // usable) or 1
    n = 0
    for part in text.split("\n"):
        units = len(part) if part.isascii() else 2 * len(part)  # mixed text: counted as wide, a little tall
        n += max(1, -(-units // usable))
    return n


@dataclass(frozen=True)
class Column:
    header: str
    width: float  # in characters, as Excel counts them


class Sheet:
    """One worksheet being written: call :meth:`row` for each row, in order."""

    def __init__(self, out, name: str, columns: Sequence[Column], *, title: Sequence[str] | str | None = None,
                 filter: bool = True, selected: bool = False, part: str = ""):
        self.name = name
        self.part = part  # its file in the package: xl/worksheets/sheetN.xml
        self._out = out
        self._ncols = len(columns)
        self._widths = [c.width for c in columns]
        self._buffer: list[str] = []
        self._letters = [column_letter(i + 1) for i in range(max(self._ncols, 1) + 32)]
        self.rows = 0
        self.table_end: int | None = None  # last row the autofilter covers (default: the last row)
        lead = [title] if isinstance(title, str) else list(title or ())
        self.header_row = len(lead) + 1
        self.filter = filter and bool(columns)
        head = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet {_NS}>',
                '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
                '<sheetViews><sheetView workbookViewId="0"'
                + (' tabSelected="1"' if selected else '') + '>'
                f'<pane ySplit="{self.header_row}" topLeftCell="A{self.header_row + 1}" activePane="bottomLeft" '
                'state="frozen"/></sheetView></sheetViews>',
                '<sheetFormatPr defaultRowHeight="15"/>']
        if columns:
            head.append("<cols>" + "".join(
                f'<col min="{i}" max="{i}" width="{c.width}" customWidth="1"/>' for i, c in enumerate(columns, 1))
                + "</cols>")
        head.append("<sheetData>")
        self._write("".join(head))
        for i, line in enumerate(lead):
            self.row([line], [Style.TITLE if i == 0 else Style.PLAIN])
        self.row([c.header for c in columns], [Style.HEADER] * len(columns))

    def _write(self, text: str) -> None:
        self._buffer.append(text)
        if len(self._buffer) >= 512:
            self.flush()

    def flush(self) -> None:
        if self._buffer:
            # "replace": a lone surrogate (from a damaged file) becomes "?" instead of stopping the write
            self._out.stream.write("".join(self._buffer).encode("utf-8", "replace"))
            self._buffer.clear()

    def row(self, values: Sequence, styles: Sequence[Style | int] | None = None) -> None:
        """Append a row: str, int, Decimal and float are written; None leaves the cell empty."""
        self.rows += 1
        n = self.rows
        letters = self._letters
        widths = self._widths
        nwidths = len(widths)
        lines = 1
        parts = []
        append = parts.append
        for i, v in enumerate(values):
            if v is None or v == "":
                continue
            s = styles[i] if styles is not None else 0
            kind = type(v)
            if kind is str:
                if s in _WRAPPED and i < nwidths and (len(v) * 2 > widths[i] or "\n" in v):
                    lines = max(lines, text_lines(v, widths[i]))
                if len(v) > MAX_TEXT or _SPECIAL.search(v):
                    v = cell_text(v)
                append(f'<c r="{letters[i]}{n}" s="{s:d}" t="inlineStr"><is><t xml:space="preserve">{v}</t></is></c>')
            elif kind is int or kind is float:
                append(f'<c r="{letters[i]}{n}" s="{s:d}"><v>{v}</v></c>')
            elif kind is Decimal:
                if s == 0 and v != v.to_integral_value():
                    s = Style.DECIMAL
                append(f'<c r="{letters[i]}{n}" s="{s:d}"><v>{v}</v></c>')
            elif kind is bool:
                append(f'<c r="{letters[i]}{n}" s="{s:d}" t="b"><v>{v:d}</v></c>')
            else:
                append(f'<c r="{letters[i]}{n}" s="{s:d}" t="inlineStr"><is><t xml:space="preserve">'
                       f'{cell_text(str(v))}</t></is></c>')
        if lines > 1:
            head = f'<row r="{n}" ht="{min(MAX_HEIGHT, lines * LINE_HEIGHT)}" customHeight="1">'
        elif styles is not None and styles and styles[0] == Style.TITLE:
            head = f'<row r="{n}" ht="22" customHeight="1">'
        else:
            head = f'<row r="{n}">'
        self._write(head + "".join(parts) + "</row>")

    def end_table(self) -> None:
        """Mark the last row of the table: rows after it (a total line) stay out of the filter."""
        self.table_end = self.rows

    def rows_of(self, rows: Iterable[tuple[Sequence, Sequence | None]]) -> None:
        for values, styles in rows:
            self.row(values, styles)

    def close(self) -> None:
        last = column_letter(max(self._ncols, 1))
        tail = ["</sheetData>"]
        if self.table_end is None:
            self.table_end = self.rows
        if self.filter and self.table_end > self.header_row:
            tail.append(f'<autoFilter ref="A{self.header_row}:{last}{self.table_end}"/>')
        tail.append('<printOptions gridLines="1"/>'
                    '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
                    '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
                    f"<headerFooter><oddFooter>{escape(sheet_msg.PAGE_FOOTER)}</oddFooter></headerFooter>"
                    "</worksheet>")
        self._write("".join(tail))
        self.flush()
        self._last_col = last


class XlsxStreamWriter:
    """Write an XLSX file sheet by sheet: ``with w.sheet(name, columns) as s: s.row([...])``."""

    def __init__(self, path: str | Path, *, category: str = ""):
        self._zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1)
        self._category = category  # docProps/core.xml 类别 (core.review.outputs marks its files with it)
        self._sheets: list[tuple[int, Sheet]] = []  # (position among the tabs, sheet)
        self.stream = None

    def sheet(self, name: str, columns: Sequence[Column], *, title: Sequence[str] | str | None = None,
              filter: bool = True, position: int | None = None):
        """Start a sheet: ``title`` lines (the first one large) above the header row ``columns``.

        Sheets are written one after the other; ``position`` puts a sheet written later before others
        among the tabs (default: after those already written).
        """
        return _SheetContext(self, name, columns, title, filter, position)

    def open_sheet(self, name: str, columns: Sequence[Column], *, title: Sequence[str] | str | None = None,
                   filter: bool = True, position: int | None = None) -> Sheet:
        """Start a sheet to be closed with :meth:`close_sheet` (for rows that arrive over time)."""
        if self.stream is not None:
            raise RuntimeError("one sheet at a time")
        index = len(self._sheets) + 1
        part = f"xl/worksheets/sheet{index}.xml"
        position = len(self._sheets) if position is None else position
        self.stream = self._zip.open(part, "w", force_zip64=True)
        sheet = Sheet(self, _sheet_name(name), columns, title=title, filter=filter, selected=position == 0,
                      part=part)
        self._sheets.append((position, sheet))
        return sheet

    def close_sheet(self, sheet: Sheet) -> None:
        sheet.close()
        self.stream.close()
        self.stream = None

    def close(self) -> None:
        """Write the workbook parts (sheet list, print titles, filters, styles) and close the zip."""
        z = self._zip
        sheets = [sh for _, sh in sorted(self._sheets, key=lambda x: x[0])]
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   'spreadsheetml.sheet.main+xml"/>'
                   '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   'spreadsheetml.styles+xml"/>'
                   '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                   'extended-properties+xml"/>'
                   '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.'
                   'core-properties+xml"/>'
                   + "".join(f'<Override PartName="/{sh.part}" ContentType="application/'
                             'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                             for sh in sheets)
                   + "</Types>")
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships/officeDocument" Target="xl/workbook.xml"/>'
                   '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships/extended-properties" Target="docProps/app.xml"/>'
                   '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
                   'metadata/core-properties" Target="docProps/core.xml"/>'
                   "</Relationships>")
        z.writestr("docProps/core.xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
                   'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                   f"<cp:category>{escape(self._category)}</cp:category></cp:coreProperties>")
        z.writestr("docProps/app.xml",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                   "<Application>nianbao</Application></Properties>")
        names = []
        for i, s in enumerate(sheets):
            quoted = "'" + s.name.replace("'", "''") + "'"
            if s.filter and s.table_end > s.header_row:
                names.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
                             f"{escape(quoted)}!$A${s.header_row}:${s._last_col}${s.table_end}</definedName>")
            names.append(f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">'
                         f"{escape(quoted)}!${1}:${s.header_row}</definedName>")
        z.writestr("xl/workbook.xml",
                   f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {_NS}>'
                   '<bookViews><workbookView activeTab="0"/></bookViews><sheets>'
                   + "".join(f"<sheet name={quoteattr(s.name)} sheetId=\"{i}\" r:id=\"rId{i}\"/>"
                             for i, s in enumerate(sheets, 1))
                   + "</sheets>" + (f"<definedNames>{''.join(names)}</definedNames>" if names else "")
                   + "</workbook>")
        z.writestr("xl/_rels/workbook.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/'
                             f'2006/relationships/worksheet" Target="{sh.part[3:]}"/>'
                             for i, sh in enumerate(sheets, 1))
                   + f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/'
                     'officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>')
        z.writestr("xl/styles.xml", _STYLES)
        z.close()


class _SheetContext:
    def __init__(self, writer, name, columns, title, filter, position):
        self._args = (writer, name, columns, title, filter, position)
        self._sheet: Sheet | None = None

    def __enter__(self) -> Sheet:
        writer, name, columns, title, filter, position = self._args
        self._sheet = writer.open_sheet(name, columns, title=title, filter=filter, position=position)
        return self._sheet

    def __exit__(self, *exc) -> None:
        self._args[0].close_sheet(self._sheet)


_BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


def _sheet_name(name: str) -> str:
    """Excel refuses []:*?/\\ in sheet names and more than 31 characters."""
    return name.translate(_BAD_SHEET_CHARS)[:31] or "Sheet"
