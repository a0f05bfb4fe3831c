"""The three statistical tables as one workbook, laid out like the printed tables.

Each table gets a sheet drawn from ``TableSpec.grid`` (merged headers, official labels), with
the unit, year and format above it. A total that is the sum of its parts is an Excel formula
(``=SUM(...)``) so that an office can keep working in Excel or WPS, saved with its value so
that programs which do not calculate (openpyxl ``data_only``, pandas, previewers, OA systems
that compile 汇总) see it too. A total printed wrong (an export forced past the errors) is
written as printed, marked red with a comment giving the sum, so the workbook tells what the
report says and reads back unchanged. Numbers are real numbers; money shows at least two
decimals and those typed (``0.00##``). A hidden sheet (:mod:`.xlsx_layout`) holds the exact
values, the meta data, the narrative and the 沿用上年 marks for a lossless import.
"""

from __future__ import annotations

import copy
import io
import math
import os
import re
import zipfile
from decimal import Decimal
from typing import Any

from ..messages import export as msg
from ..model.money_unit import header_text
from ..model.report import META_FIELDS, NOTE_IDS, SECTION_IDS, Report
from ..model.values import format_value
from ..schema import SECTION_TITLES, TABLE_NAMES, CellKind, FormSpec, TableSpec
from ..schema.typography import PAGE_FONT
from . import xlsx_layout as layout
from .line_breaks import title_lines
from .xlsx_cells import column_letter

DATA_SHEET = layout.DATA_SHEET
SHEET_NAMES = TABLE_NAMES  # each table's sheet is named by its short name
GRID_TOP = 4  # rows 1–3: report title, unit/year/format, table title
FONT = PAGE_FONT
WIDTH_SCALE = {"t2": 14.0, "t3": 6.5, "t4": 6.0}  # Excel column width per relative grid unit
LANDSCAPE = {"t4"}
MIN_MONEY_DECIMALS, MAX_SHOWN_DECIMALS = 2, 4  # 万元 to four decimals is to the yuan
WRONG_TOTAL_COLOUR = "C00000"


def _address(row: int, col: int) -> str:
    """0-based grid position -> Excel address on the table's sheet."""
    return f"{column_letter(col + 1)}{GRID_TOP + row}"


def cell_addresses(form: FormSpec) -> dict[str, tuple[str, str]]:
    """Return ``ref -> (sheet name, "D7")`` for every data cell: the layout import reads back."""
    out = {}
    for t in form.tables:
        for g in t.grid:
            if g.ref:
                out[g.ref] = (SHEET_NAMES[t.id], _address(g.row, g.col))
    return out


def money_format(value: Any) -> str:
    """Number format of a money cell: two decimals at least, and as many as typed (up to four or more).

    A clerk who types 0.35 into the cell later must see 0.35, never 「0」: the format does not
    depend on the value exported alone.
    """
    typed = 0
    if isinstance(value, Decimal):
        exp = value.as_tuple().exponent
        typed = -exp if isinstance(exp, int) and exp < 0 else 0
    shown = max(typed, MAX_SHOWN_DECIMALS)
    return "0." + "0" * MIN_MONEY_DECIMALS + "#" * (shown - MIN_MONEY_DECIMALS)


def _excel_value(value: Any) -> Any:
    """Blank stays blank, numbers stay numbers, invalid text is kept as text."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and value.as_tuple().exponent >= 0 \
            else float(value)
    return value


def _sum_formula(parts: list[tuple[int, int]]) -> str:
    """``=SUM(D7:I7)`` for a contiguous run of cells, else ``=SUM(D7,D9,...)``."""
    rows = {r for r, _ in parts}
    cols = {c for _, c in parts}
    first, last = parts[0], parts[-1]
    if len(rows) == 1 and sorted(c for _, c in parts) == list(range(first[1], last[1] + 1)):
        return f"=SUM({_address(*first)}:{_address(*last)})"
    if len(cols) == 1 and sorted(r for r, _ in parts) == list(range(first[0], last[0] + 1)):
        return f"=SUM({_address(*first)}:{_address(*last)})"
    return "=SUM(" + ",".join(_address(*p) for p in parts) + ")"


def _line_count(text: str, width_chars: float) -> int:
    """Lines a wrapped text needs in a column ``width_chars`` wide (CJK counts double)."""
    from .docx_context import char_width

    if not text:
        return 1
    units = char_width(text) * 2 + 1
    return max(1, math.ceil(units / max(width_chars - 1, 1)))


def _printed_total_is_the_sum(report: Report, formula) -> bool:
    """Whether the printed total equals the sum of its printed parts (none of them blank)."""
    total = report.values.get(formula.target)
    parts = [report.values.get(p) for p in formula.parts]
    if total is None or any(not isinstance(v, (int, Decimal)) for v in parts):
        return False
    return isinstance(total, (int, Decimal)) and sum(parts) == total


def _parts_sum(report: Report, formula) -> str:
    parts = [report.values.get(p) for p in formula.parts]
    return format_value(sum(v for v in parts if isinstance(v, (int, Decimal))))


def _table_sheet(wb, report: Report, spec: TableSpec) -> dict[str, Any]:
    """Draw one table; return the values of its formula cells by address (saved with them)."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.properties import PageSetupProperties

    ws = wb.create_sheet(SHEET_NAMES[spec.id])
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    font = Font(name=FONT, size=11)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    ncols = spec.grid_cols
    last_col = column_letter(ncols)
    scale = WIDTH_SCALE.get(spec.id, 8.0)
    widths = [w * scale for w in spec.col_widths]
    for g in spec.grid:  # one-column headers of up to four characters stay on one line
        if g.role == "header" and g.colspan == 1:
            widths[g.col] = max(widths[g.col], min(len(g.text), 4) * 2 + 1.5)
    for i, w in enumerate(widths):
        ws.column_dimensions[column_letter(i + 1)].width = round(w, 2)

    meta = report.meta
    unit, year = str(meta.get("unit") or ""), meta.get("year")
    title = "".join(title_lines(unit, year))
    info = msg.sheet_info(unit, year, report.form.name)
    for row, text, bold, size in ((1, title, True, 14), (2, info, False, 10),
                                  (3, SECTION_TITLES[spec.id], True, 12)):
        ws.merge_cells(f"A{row}:{last_col}{row}")
        c = ws.cell(row=row, column=1, value=text)
        c.font = Font(name=FONT, size=size, bold=bold)
        c.alignment = Alignment(horizontal="left" if row == 2 else "center", vertical="center")
    ws.row_dimensions[1].height = 24

    # Setting a style on a cell hashes style objects (slow in openpyxl); style one cell per
    # look and copy its style array to the others.
    looks: dict[tuple, Any] = {}

    def style(cell, align, number_format: str = "General") -> None:
        key = (id(align), number_format)
        arr = looks.get(key)
        if arr is None:
            cell.border, cell.font, cell.alignment = box, font, align
            cell.number_format = number_format
            looks[key] = copy.copy(cell._style)
        else:
            cell._style = copy.copy(arr)

    # Border every grid position first: merged ranges show the border of their cells.
    for r in range(spec.grid_rows):
        for c in range(ncols):
            style(ws.cell(row=GRID_TOP + r, column=c + 1), centre)

    position = {g.ref: (g.row, g.col) for g in spec.grid if g.ref}
    formulas = {f.target: f for f in spec.formulas}
    cached: dict[str, Any] = {}
    wrong_font = Font(name=FONT, size=11, bold=True, color=WRONG_TOTAL_COLOUR)
    lines = [1] * spec.grid_rows
    def validation(kind: CellKind, **rule) -> Any:
        title, text = msg.VALIDATION[kind.value]
        return DataValidation(allow_blank=True, errorTitle=title, error=text, **rule)

    validations = {
        CellKind.COUNT: validation(CellKind.COUNT, type="whole", operator="greaterThanOrEqual", formula1="0"),
        CellKind.SIGNED: validation(CellKind.SIGNED, type="whole", operator="between", formula1="-999999999",
                                    formula2="999999999"),
        CellKind.MONEY: validation(CellKind.MONEY, type="decimal", operator="greaterThanOrEqual", formula1="0"),
    }
    used_validations = set()
    for g in spec.grid:
        cell = ws.cell(row=GRID_TOP + g.row, column=g.col + 1)
        if g.rowspan > 1 or g.colspan > 1:
            ws.merge_cells(start_row=GRID_TOP + g.row, start_column=g.col + 1,
                           end_row=GRID_TOP + g.row + g.rowspan - 1, end_column=g.col + g.colspan)
        if g.ref is None:
            cell.value = header_text(report, g)  # 「采购总金额（万元）」 in the 2019 format
            if g.role == "label" and g.rowspan == 1 and spec.id == "t3":
                style(cell, left)
            if g.rowspan == 1:
                width = sum(widths[g.col:g.col + g.colspan])
                lines[g.row] = max(lines[g.row], _line_count(g.text, width))
            continue
        spec_cell = report.form.cell(g.ref)
        value = report.values.get(g.ref)
        formula = formulas.get(g.ref)
        style(cell, centre, money_format(value) if spec_cell.kind is CellKind.MONEY else "0")
        if formula is not None and _printed_total_is_the_sum(report, formula):
            cell.value = _sum_formula([position[p] for p in formula.parts])
            cached[cell.coordinate] = _excel_value(value)
        elif formula is not None:  # printed wrong (or blank): as printed, and say so
            cell.value = _excel_value(value)
            cell.font = wrong_font
            cell.comment = Comment(msg.wrong_total(_parts_sum(report, formula)), msg.COMMENT_AUTHOR)
        else:
            cell.value = _excel_value(value)
            dv = validations[spec_cell.kind]
            dv.add(cell)
            used_validations.add(spec_cell.kind)
    for kind in used_validations:
        ws.add_data_validation(validations[kind])
    for r, n in enumerate(lines):
        ws.row_dimensions[GRID_TOP + r].height = max(20, 15 * n + 4)

    ws.freeze_panes = ws.cell(row=GRID_TOP + spec.header_rows, column=1)
    if spec.header_rows:
        ws.print_title_rows = f"{GRID_TOP}:{GRID_TOP + spec.header_rows - 1}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if spec.id in LANDSCAPE else "portrait"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    return cached


def _data_sheet(wb, report: Report) -> None:
    """Hidden sheet with exact values, meta, narrative and 沿用上年 marks for lossless import."""
    ws = wb.create_sheet(layout.DATA_SHEET)
    ws.sheet_state = "hidden"
    ws.append(list(layout.HEADER))
    ws.append(["kind", layout.KIND])
    ws.append(["version", layout.VERSION])
    ws.append(["form", report.form.id])
    for key in META_FIELDS:
        v = report.meta.get(key)
        ws.append([f"meta.{key}", "" if v is None else v])
    addresses = cell_addresses(report.form)
    for spec in report.form.cells:
        v = report.values.get(spec.ref)
        sheet, addr = addresses[spec.ref]
        row = [None] * layout.EXACT
        row[layout.KEY - 1], row[layout.VALUE - 1] = spec.ref, _excel_value(v)
        row[layout.WHERE - 1], row[layout.TYPE - 1] = f"{sheet}!{addr}", spec.kind.value
        row[layout.EXACT - 1] = format_value(v)
        ws.append(row)
        if isinstance(v, Decimal):
            ws.cell(row=ws.max_row, column=layout.VALUE).number_format = money_format(v)
    for sid in (*SECTION_IDS, *NOTE_IDS):  # the narrative, and the note under each table
        ws.append([f"text.{sid}", *layout.chunks(report.text.get(sid, "") or "")])
    ws.append([layout.STALE, layout.stale_value(report.stale)])


_FORMULA_CELL = re.compile(r'<c r="([A-Z]+\d+)"([^>]*)><f>([^<]*)</f><v\s*/?>(?:</v>)?')


def _save_values_with_formulas(path, cached: list[dict[str, Any]]) -> None:
    """Write each formula's value into the saved sheets (openpyxl writes an empty ``<v>``)."""
    with zipfile.ZipFile(path) as src:
        members = [(info, src.read(info.filename)) for info in src.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info, blob in members:
            m = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", info.filename)
            values = cached[int(m.group(1)) - 1] if m and int(m.group(1)) <= len(cached) else None
            if values:
                def fill(c, values=values):
                    value = values.get(c.group(1))
                    if value is None:
                        return c.group(0)
                    return f'<c r="{c.group(1)}"{c.group(2)}><f>{c.group(3)}</f><v>{value}</v>'

                blob = _FORMULA_CELL.sub(fill, blob.decode("utf-8")).encode("utf-8")
            dst.writestr(info, blob)
    with open(path, "wb") as fh:
        fh.write(out.getvalue())


def write_workbook(report: Report, path: str | os.PathLike) -> None:
    """Write the workbook of ``report`` to ``path`` (its texts made XML-safe: core.io.text_clean)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    cached = [_table_sheet(wb, report, spec) for spec in report.form.tables]
    _data_sheet(wb, report)
    unit = str(report.meta.get("unit") or "")
    wb.properties.creator = unit
    wb.properties.lastModifiedBy = unit
    wb.properties.title = msg.workbook_title("".join(title_lines(unit, report.meta.get("year"))))
    wb.save(os.fspath(path))
    _save_values_with_formulas(path, cached)
